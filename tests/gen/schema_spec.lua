-- Broken description tables: each gets exactly the message a user should see.
local fixture = require "tests.gen.fixture"
local load = require "gen.load"
local schema = require "gen.schema"
local util = require "gen.util"
local manifest = require "gen.manifest"

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

  it("accepts every real target, and the libc variant where the templates implement it", function()
    for _, t in ipairs(load.targets(".")) do
      assert.are.same({}, fixture.problems(".", t))
    end
    assert.are.same({}, fixture.problems(".", "linux-amd64", "libc"))
  end)

  -- The libc variant makes a freestanding target hosted (its `only`); a target that is
  -- always hosted is told so, keyed on its link.mode, not on its name (issue 13 item 4f).
  it("tells a target that is always hosted that the libc variant does not apply", function()
    for _, t in ipairs({ "darwin-amd64", "darwin-arm64" }) do
      local p = fixture.problems(".", t, "libc")
      assert.are.equal(1, #p)
      assert.matches("^variants/libc%.lua:%d+: only%.link%.mode: expected a target whose link%.mode is freestanding; "
        .. t:gsub("%-", "%%-") .. "'s is hosted %(arch/os/darwin%.lua:%d+%): " .. t:gsub("%-", "%%-")
        .. " is always hosted, so variant libc does not apply to it$", p[1])
    end
    -- The same for any target whose own table says hosted.
    fixture.edit(root, OS, 'mode = "freestanding"', 'mode = "hosted"')
    assert.matches("linux%-amd64 is always hosted", fixture.problems(root, "linux-amd64", "libc")[1])
  end)

  -- Every problem names file:line (issue 13 item 4a): the line that set the value, or for a
  -- missing field the line of its enclosing table (also in a table built by code).
  it("names the file and line of each problem", function()
    fixture.write(root, "variants/bad.lua", table.concat({
      "-- a variant with mistakes",
      "return {",
      "  sched = {",
      '    maxmcount = "many",',
      "  },",
      "  tls = { base_adjust = 8, bogus = 1 },",
      "}",
    }, "\n") .. "\n")
    local r = fixture.resolve(root, "linux-amd64", { "bad" })
    assert.are.same({
      'variants/bad.lua:4: sched.maxmcount: expected an integer >= 1; got "many"',
      "variants/bad.lua:6: tls.bogus: expected no such field (known: arch_set_fs, base_adjust, check_value, "
        .. "gs_offset, method, register, settls_syscall, tsd_slot); got 1",
    }, schema.validate_resolved(r))
    fixture.write(root, "variants/code.lua", "local t = { sched = {} }\nt.sched.maxmcount = 0\nreturn t\n")
    assert.are.same({ "variants/code.lua:1: sched.maxmcount: expected an integer >= 1; got 0" },
      schema.validate_resolved(fixture.resolve(root, "linux-amd64", { "code" })))
    local text = assert(util.read_file(root .. "/" .. T))
    local n = 0
    for line in text:gmatch("[^\n]*") do
      n = n + 1
      if line:match("^  tls = {") then break end
    end
    fixture.edit(root, T, "arch_set_fs = 0x1002,", "")
    assert.are.same({ T .. ":" .. n .. ": tls.arch_set_fs: expected an integer (required when tls.method is "
      .. "arch_prctl: templates/ztarget_amd64.h); got nothing" },
      schema.validate_resolved(fixture.resolve(root, "linux-amd64")))
  end)

  -- The valid tls.method values are what the manifest says the target's templates implement.
  local function methods(target)
    local r = fixture.resolve(".", target)
    return table.concat(manifest.declared(".", r.table).values["tls.method"].list, ", ")
  end

  it("names the methods the target's templates implement for a wrong tls.method", function()
    assert.are.same({
      "arch/linux-amd64.lua: tls.method: expected one of " .. methods("linux-amd64")
        .. " (what templates/ztarget_amd64.h implements); got \"fs\"",
    }, broken(T, 'method = "arch_prctl"', 'method = "fs"'))
    assert.are.same({
      "variants/libc.lua: tls.method: expected one of " .. methods("linux-arm64")
        .. " (what templates/ztarget_arm64.h implements); got \"elf_tls\"",
    }, fixture.problems(root, "linux-arm64", "libc"))
  end)

  it("accepts a new tls.method once a template declares it, with the fields it needs", function()
    fixture.copy("templates/manifest.lua", root .. "/templates/manifest.lua")
    fixture.edit(root, "templates/manifest.lua", "tpidr_el0 = {", 'register = { "tls.register" }, tpidr_el0 = {')
    fixture.edit(root, "arch/linux-arm64.lua", 'method = "tpidr_el0"', 'method = "register"')
    assert.are.same({
      "arch/linux-arm64.lua: tls.register: expected a string (required when tls.method is register: "
        .. "templates/ztarget_arm64.h); got nothing",
    }, fixture.problems(root, "linux-arm64"))
    fixture.edit(root, "arch/linux-arm64.lua", 'method = "register"', 'method = "register", register = "tp"')
    assert.are.same({}, fixture.problems(root, "linux-arm64"))
  end)

  it("catches a typo'd field as unknown", function()
    assert.are.same({
      "arch/linux-amd64.lua: tls.base_adjust: expected an integer (required when tls.method is arch_prctl: "
        .. "templates/ztarget_amd64.h); got nothing",
      "arch/linux-amd64.lua: tls.base_ajdust: expected no such field "
        .. "(known: arch_set_fs, base_adjust, check_value, gs_offset, method, register, settls_syscall, tsd_slot); "
        .. "got 8",
    }, broken(T, "base_adjust = 8", "base_ajdust = 8"))
  end)

  it("catches an unknown top-level field", function()
    local p = broken(T, "syscalls = {", "sycalls = {")
    assert.are.equal("arch/linux-amd64.lua: syscalls: expected a table of name = table (a syscall) "
      .. "(required by templates/os_linux.c); got nothing", p[1])
    assert.matches("^arch/linux%-amd64%.lua: sycalls: expected no such field %(known: apple, arch, ", p[2])
    assert.are.equal(2, #p)
  end)

  it("requires arch_set_fs when tls.method is arch_prctl", function()
    assert.are.same({
      "arch/linux-amd64.lua: tls.arch_set_fs: expected an integer (required when tls.method is arch_prctl: "
        .. "templates/ztarget_amd64.h); got nothing",
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

  -- Integers become C int32_t fields and #defines: a value out of that range is the
  -- table's error, not clang's (issue 13 item 4c).
  it("rejects an integer out of its C type's range", function()
    fixture.write(root, "variants/big.lua", "return { sched = { maxmcount = 2^62, preempt_ns = 1 << 40 } }\n")
    assert.are.same({
      "variants/big.lua: sched.maxmcount: expected an integer from 1 to 2147483647 (it is a C int32_t); "
        .. "got 4611686018427387904",
      "variants/big.lua: sched.preempt_ns: expected an integer from 1000 to 2147483647 (it is a C int32_t); "
        .. "got 1099511627776",
    }, fixture.problems(root, "linux-amd64", "big"))
    fixture.write(root, "variants/big.lua", "return { sched = { maxmcount = 2^63 } }\n")
    assert.are.same({ "variants/big.lua: sched.maxmcount: expected an integer >= 1; got 9.2233720368548e+18" },
      fixture.problems(root, "linux-amd64", "big"))
    -- Constants may use all 64 bits (flags, ioctl numbers).
    fixture.write(root, "variants/big.lua", "return { constants = { BIG_FLAG = 0x7fffffffffffffff } }\n")
    assert.are.same({}, fixture.problems(root, "linux-amd64", "big"))
  end)

  -- Symbol and constant names end up in C and assembly: one that is not an identifier
  -- is the table's error, not the assembler's (issue 13 item 4d).
  it("rejects a symbol or constant name that is not an identifier", function()
    fixture.write(root, "variants/sym.lua", 'return { entry = { symbol = "rt0 go" }, vdso = { clock_gettime = "1x" },\n'
      .. '  threads = { clone_flags = { "CLONE_VM", "CLONE-FS" } },\n'
      .. '  runtime_text = { start = "section$start$__TEXT$__x", stop = "a.b" } }\n')
    assert.are.same({
      'variants/sym.lua: entry.symbol: expected a C identifier (letters, digits and _, not starting with a digit); '
        .. 'got "rt0 go"',
      'variants/sym.lua: runtime_text.stop: expected a symbol name (letters, digits, _ and $, not starting with a '
        .. 'digit); got "a.b"',
      'variants/sym.lua: threads.clone_flags[2]: expected a C identifier (letters, digits and _, not starting with '
        .. 'a digit); got "CLONE-FS"',
      'variants/sym.lua: vdso.clock_gettime: expected a C identifier (letters, digits and _, not starting with a '
        .. 'digit); got "1x"',
    }, fixture.problems(root, "linux-amd64", "sym"))
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
      .. "(required by templates/os_darwin.c); got nothing", p[1])
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
    assert.are.same({}, schema.validate_resolved(r))
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

-- docs/porting.md's field table is the schema's: every field, as gen/fielddoc.lua makes it.
describe("the porting docs' field table", function()
  local fielddoc = require "gen.fielddoc"

  it("matches the schema and lists every field", function()
    assert.is_nil(fielddoc.check("."))
    local doc = assert(util.read_file("docs/porting.md"))
    for _, f in ipairs(schema.fields()) do
      if not f.path:match("%[%]$") then
        assert.is_truthy(doc:find("| `" .. f.path .. "` |", 1, true), f.path .. " is not in the field table")
      end
    end
  end)

  it("goes stale when the schema gains a field", function()
    local root = fixture.root({ "docs" })
    assert.is_nil(fielddoc.check(root))
    fixture.edit(root, "docs/porting.md", "| `toolchain.cflags` |", "| `toolchain.cflagz` |")
    assert.matches("field table differs from gen/schema%.lua; run: lua5.4 build.lua gen", fielddoc.check(root))
    assert.is_true(fielddoc.update(root))
    assert.is_nil(fielddoc.check(root))
    fixture.rm(root)
  end)
end)

-- The syscall error convention is a table field the syscall templates declare they honour.
describe("syscall_abi.error", function()
  it("defaults to negative and accepts only what the target's stubs implement", function()
    local root = fixture.root()
    local r = fixture.resolve(root, "linux-amd64")
    assert.are.same({}, schema.validate_resolved(r))
    assert.are.equal("negative", r.table.syscall_abi.error)
    fixture.edit(root, "arch/linux-amd64.lua", "error_min = -4095,", 'error = "flag", error_min = -4095,')
    assert.are.same({ 'arch/linux-amd64.lua: syscall_abi.error: expected one of negative (what '
      .. 'templates/sys_linux_amd64.S implements); got "flag"' }, fixture.problems(root, "linux-amd64"))
    fixture.rm(root)
  end)
end)
