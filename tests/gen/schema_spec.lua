-- Broken description tables: each gets exactly the message a user should see.
local fixture = require "tests.gen.fixture"
local load = require "gen.load"
local schema = require "gen.schema"
local util = require "gen.util"

local T = "arch/linux-amd64.lua"
local OS = "arch/os/linux.lua"

describe("schema", function()
  local root
  before_each(function() root = fixture.root() end)
  after_each(function() fixture.rm(root) end)

  local function broken(file, from, to)
    fixture.edit(root, file, from, to)
    return fixture.problems(root, "linux-amd64")
  end

  it("accepts every real target, with and without the libc variant", function()
    for _, t in ipairs(load.targets(".")) do
      assert.are.same({}, fixture.problems(".", t))
      assert.are.same({}, fixture.problems(".", t, "libc"))
    end
  end)

  it("names the enum values for a wrong tls.method", function()
    assert.are.same({
      "arch/linux-amd64.lua: tls.method: expected one of arch_prctl, elf_tls, darwin_tsd, tpidr_el0; got 42",
    }, broken(T, 'method = "arch_prctl"', "method = 42"))
  end)

  it("catches a typo'd field as unknown", function()
    assert.are.same({
      "arch/linux-amd64.lua: tls.base_adjust: expected an integer (required when tls.method is arch_prctl); "
        .. "got nothing",
      "arch/linux-amd64.lua: tls.base_ajdust: expected no such field "
        .. "(known: arch_set_fs, base_adjust, check_value, gs_offset, method, tsd_slot); got 8",
    }, broken(T, "base_adjust = 8", "base_ajdust = 8"))
  end)

  it("catches an unknown top-level field", function()
    local p = broken(T, "syscalls = {", "sycalls = {")
    assert.are.equal("arch/linux-amd64.lua: syscalls: expected a table of name = table (a syscall) "
      .. "(required when os is linux); got nothing", p[1])
    assert.matches("^arch/linux%-amd64%.lua: sycalls: expected no such field %(known: apple, arch, ", p[2])
    assert.are.equal(2, #p)
  end)

  it("requires arch_set_fs when tls.method is arch_prctl", function()
    assert.are.same({
      "arch/linux-amd64.lua: tls.arch_set_fs: expected an integer (required when tls.method is arch_prctl); "
        .. "got nothing",
    }, broken(T, "arch_set_fs = 0x1002,", ""))
  end)

  it("rejects duplicate syscall numbers", function()
    assert.are.same({
      "arch/linux-amd64.lua: syscalls.write.nr: expected a unique nr (syscalls.read.nr is 0 too); got 0",
    }, broken(T, "write = { nr = 1,", "write = { nr = 0,"))
  end)

  it("rejects a negative syscall number and too many arguments", function()
    assert.are.same({
      "arch/linux-amd64.lua: syscalls.read.nargs: expected an integer from 0 to 6; got 7",
      "arch/linux-amd64.lua: syscalls.read.nr: expected an integer >= 0; got -1",
    }, broken(T, "read = { nr = 0, nargs = 3 }", "read = { nr = -1, nargs = 7 }"))
  end)

  it("blames the layer a bad value came from: g0.slack >= g0.size", function()
    assert.are.same({
      "arch/os/linux.lua: g0.slack: expected less than g0.size (65536); got 65536",
    }, broken(OS, "slack = 104", "slack = 65536"))
  end)

  it("wants sizes that are powers of two", function()
    assert.are.same({
      "arch/os/linux.lua: g0.size: expected a power of two; got 65000",
    }, broken(OS, "g0 = { size = 64 * 1024", "g0 = { size = 65000"))
  end)

  it("wants a non-empty callee_saved list", function()
    fixture.edit(root, "arch/cpu/amd64.lua", 'callee_saved = { "rbx", "rbp", "r12", "r13", "r14", "r15" }',
      "callee_saved = {}")
    assert.are.same({
      "arch/cpu/amd64.lua: regs.callee_saved: expected a non-empty list of strings; got an empty table",
    }, fixture.problems(root, "linux-amd64"))
  end)

  it("rejects duplicate auxv tags and unknown actions", function()
    fixture.edit(root, OS, "tag = 16, action = \"hwcap\"", "tag = 6, action = \"hwcap3\"")
    assert.are.same({
      "arch/os/linux.lua: auxv[3].action: expected one of end, page_size, hwcap, hwcap2, secure, random_seed, "
        .. "vdso_base, ignore; got \"hwcap3\"",
      "arch/os/linux.lua: auxv[3].tag: expected a unique tag (auxv[2].tag is 6 too); got 6",
    }, fixture.problems(root, "linux-amd64"))
  end)

  it("wants a string where a string belongs", function()
    assert.are.same({
      "arch/linux-amd64.lua: toolchain.triple: expected a string; got 64",
    }, broken(T, 'triple = "x86_64-linux-gnu"', "triple = 64"))
  end)

  it("wants integer constants", function()
    assert.are.same({
      "arch/os/linux.lua: constants.EINTR: expected an integer; got \"4\"",
    }, broken(OS, "EINTR = 4,", 'EINTR = "4",'))
  end)

  it("refuses pthreads in a freestanding build", function()
    assert.are.same({
      "arch/os/linux.lua: threads.method: expected clone when link.mode is freestanding (pthreads need libc); "
        .. "got \"pthread\"",
    }, broken(OS, 'method = "clone"', 'method = "pthread"'))
  end)

  it("requires libsystem on darwin", function()
    fixture.edit(root, "arch/os/darwin.lua", "libsystem = {", "libsystem_ = {")
    local p = fixture.problems(root, "darwin-amd64")
    assert.are.equal("arch/darwin-amd64.lua: libsystem: expected a table (libSystem imports) "
      .. "(required when os is darwin); got nothing", p[1])
    assert.matches("^arch/os/darwin%.lua: libsystem_: expected no such field", p[2])
  end)

  it("blames the variant for a bad value it sets", function()
    fixture.write(root, "variants/big.lua",
      'return { stacks = { default_size = "big" }, link = { mode = "static" } }\n')
    assert.are.same({
      "variants/big.lua: link.mode: expected one of freestanding, hosted; got \"static\"",
      "variants/big.lua: stacks.default_size: expected a power of two; got \"big\"",
    }, fixture.problems(root, "linux-amd64", "big"))
  end)

  it("rejects functions in a table", function()
    fixture.write(root, "variants/fn.lua", "return { wip = function() end }\n")
    assert.are.same({ "variants/fn.lua: wip: expected true or false; got a function" },
      fixture.problems(root, "linux-amd64", "fn"))
  end)

  it("reports every problem at once", function()
    fixture.edit(root, T, 'method = "arch_prctl"', 'method = "fs"')
    fixture.edit(root, T, 'triple = "x86_64-linux-gnu"', "triple = false")
    assert.are.equal(2, #fixture.problems(root, "linux-amd64"))
  end)

  it("fills in defaults and accepts integral floats", function()
    fixture.write(root, "variants/f.lua", "return { stacks = { default_size = 2^16 } }\n")
    local r = fixture.resolve(root, "linux-amd64", "f")
    assert.are.same({}, schema.validate(r.table, r.origins))
    assert.are.equal("integer", math.type(r.table.stacks.default_size))
    assert.are.same({}, r.table.cflags)
    assert.is_false(r.table.wip)
  end)

  it("documents every field", function()
    for _, f in ipairs(schema.fields()) do
      assert.is_truthy(f.doc and f.doc ~= "", f.path)
    end
    assert.is_truthy(util.protect(schema.fields))
  end)
end)
