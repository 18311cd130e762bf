-- new-port scaffolds, TODO markers and gen's refusal of a half-filled table.
local fixture = require "tests.gen.fixture"
local newport = require "gen.port.newport"
local generate = require "gen.generate"
local todo = require "gen.todo"
local util = require "gen.util"

-- Scaffolds name from `from` in root; returns the file's text, its resolved table and the plan.
local function scaffold(root, name, from)
  local plan = newport.plan(root, name, from)
  local text = newport.render(plan)
  fixture.write(root, "arch/" .. name .. ".lua", text)
  return text, fixture.resolve(root, name), plan
end

local function todos_of(t)
  local set = {}
  for _, x in ipairs(todo.find(t)) do set[x.path] = x.hint end
  return set
end

describe("new-port", function()
  local root
  before_each(function()
    root = fixture.root({ "arch", "variants", "templates" })
    os.remove(root .. "/arch/linux-arm64.lua")
  end)
  after_each(function() fixture.rm(root) end)

  describe("a new OS on a known arch (freebsd-amd64 from linux-amd64)", function()
    local text, r, plan
    before_each(function() text, r, plan = scaffold(root, "freebsd-amd64", "linux-amd64") end)

    it("inherits the arch layer and sets the os", function()
      assert.matches('inherit = { "cpu/amd64" }', text, 1, true)
      assert.are.equal("freebsd", r.table.os)
      assert.are.equal("amd64", r.table.arch)
      assert.are.same({ "rbx", "rbp", "r12", "r13", "r14", "r15" }, r.table.regs.callee_saved)
      assert.is_true(r.table.wip)
    end)

    it("marks what depends on the OS as TODO, with what to find and where", function()
      local t = todos_of(r.table)
      for _, p in ipairs({ "object_format", "link.mode", "entry.args", "threads.method", "sleep.method",
          "clock.method", "syscalls.write.nr", "syscalls.write.nargs", "tls.method", "toolchain.triple",
          "syscall_abi.instruction", "constants.MAP_ANONYMOUS" }) do
        assert.is_truthy(t[p], p .. " should be TODO")
      end
      assert.matches("^syscall number; see __NR_write in <asm/unistd.h>", t["syscalls.write.nr"])
      assert.matches("Go: runtime/sys_freebsd_amd64%.s settls", t["tls.method"])
    end)

    it("copies what depends on neither", function()
      local t = todos_of(r.table)
      for _, p in ipairs({ "stacks.default_size", "g0.size", "sched.maxmcount", "tls.check_value" }) do
        assert.is_nil(t[p], p)
      end
      assert.are.equal(65536, r.table.stacks.default_size)
      assert.are.equal(0x123, r.table.tls.check_value)
      assert.matches("check_value = 0x123, %-%- as in linux%-amd64", text)
    end)

    it("needs the OS templates and reuses the arch's", function()
      local rows = {}
      for _, row in ipairs(newport.templates(root, "freebsd", "amd64")) do rows[row.output] = row end
      assert.are.equal("have", rows["rt0_freebsd_amd64.S"].status)
      assert.are.equal("templates/rt0_amd64.S", rows["rt0_freebsd_amd64.S"].template)
      assert.are.equal("have", rows["asm_amd64.S"].status)
      assert.are.equal("need", rows["os_freebsd.c"].status)
      assert.are.equal("need", rows["sys_freebsd_amd64.S"].status)
      assert.is_nil(rows["os_darwin_logic.c"]) -- darwin's own extras are not a freebsd need
      assert.are.equal(0, plan.counts.header) -- no freebsd headers here
    end)
  end)

  describe("a new arch on a known OS (linux-arm64 from linux-amd64, no cpu layer yet)", function()
    local text, r
    before_each(function()
      os.remove(root .. "/arch/cpu/arm64.lua")
      text, r = scaffold(root, "linux-arm64", "linux-amd64")
    end)

    it("reads syscall numbers from the target's headers and names the header", function()
      assert.are.equal(64, r.table.syscalls.write.nr)
      assert.are.equal(3, r.table.syscalls.write.nargs)
      assert.are.equal(220, r.table.syscalls.clone.nr)
      assert.matches("nr: asm%-generic/unistd%.h", text)
    end)

    it("marks a syscall the headers lack, and the arch's ABI, as TODO", function()
      local t = todos_of(r.table)
      assert.matches("^no __NR_arch_prctl in aarch64%-linux%-gnu's headers", t["syscalls.arch_prctl.nr"])
      for _, p in ipairs({ "regs.sp", "regs.args", "regs.callee_saved", "stack_align", "red_zone",
          "syscall_abi.instruction", "syscall_abi.number_reg", "tls.method", "vdso.version" }) do
        assert.is_truthy(t[p], p .. " should be TODO")
      end
      assert.is_nil(r.table.cpuid) -- only amd64 has one
    end)

    it("derives the triple and the entry symbol, and inherits the OS layer", function()
      assert.are.equal("aarch64-linux-gnu", r.table.toolchain.triple)
      assert.are.equal("_rt0_arm64_linux", r.table.entry.symbol)
      assert.are.equal("stack", r.table.entry.args)
      assert.are.equal("arch/os/linux.lua", r.origins["constants.MAP_ANONYMOUS"].file)
      assert.are.equal(8, r.table.ptr_size) -- asked from the compiler
    end)

    it("writes a file luacheck accepts", function()
      fixture.write(root, ".luacheckrc", assert(util.read_file(".luacheckrc")))
      local code, out = util.capture("cd " .. util.quote(root) .. " && luacheck --no-color -q arch/linux-arm64.lua")
      assert.are.equal(0, code, out)
    end)
  end)

  it("uses an existing cpu layer: only the pair's fields stay TODO", function()
    local _, r = scaffold(root, "linux-arm64", "linux-amd64")
    local t = todos_of(r.table)
    assert.is_nil(t["regs.sp"])
    assert.are.equal("arch/cpu/arm64.lua", r.origins["regs.sp"].file)
    assert.is_truthy(t["tls.method"])
    assert.is_truthy(t["syscall_abi.instruction"])
  end)

  it("corrects a layer value the target's headers contradict", function()
    fixture.edit(root, "arch/os/linux.lua", "MAP_NORESERVE = 0x4000", "MAP_NORESERVE = 0x4001")
    local text, r = scaffold(root, "linux-arm64", "linux-amd64")
    assert.are.equal(0x4000, r.table.constants.MAP_NORESERVE)
    assert.matches("MAP_NORESERVE: asm%-generic/mman%.h; overrides arch/os/linux%.lua:%d+", text)
    assert.matches("MAP_NORESERVE = 0x4000", text, 1, true)
  end)

  it("refuses an existing target, a bad name and an unknown --from", function()
    local ok, msg = util.protect(newport.command, root, "linux-amd64", "linux-amd64")
    assert.is_nil(ok)
    assert.are.equal("new-port: arch/linux-amd64.lua exists already (--force overwrites it)", msg)
    ok, msg = util.protect(newport.plan, root, "Linux_ARM", "linux-amd64")
    assert.is_nil(ok)
    assert.matches("^new%-port: expected a target name <os>%-<arch>", msg)
    ok, msg = util.protect(newport.plan, root, "linux-riscv64", "nope")
    assert.is_nil(ok)
    assert.matches("^no such target 'nope'", msg)
  end)

  it("has every top-level schema field in docs/porting.md's table of sources", function()
    local doc = assert(util.read_file("docs/porting.md"))
    for name in pairs(require("gen.schema").root.fields) do
      assert.is_truthy(doc:find("`" .. name, 1, true), name .. " is not in docs/porting.md")
    end
  end)

  it("knows every schema field: each has a rule that says what it depends on", function()
    for _, f in ipairs(require("gen.schema").fields()) do
      local p = f.path:gsub("%.<name>", ".x"):gsub("%[%]", "[1]")
      assert.are_not.equal("", newport.rule(p)[1], p .. " falls through to the catch-all rule")
    end
  end)
end)

describe("TODO markers", function()
  local root
  before_each(function() root = fixture.root({ "arch", "variants", "templates" }) end)
  after_each(function() fixture.rm(root) end)

  it("make gen refuse the table, one line per TODO, and write nothing", function()
    fixture.edit(root, "arch/linux-amd64.lua", 'triple = "x86_64-linux-gnu"', 'triple = TODO "the clang triple"')
    fixture.edit(root, "arch/linux-amd64.lua", "exit = { nr = 60,", 'exit = { nr = TODO "__NR_exit",')
    local ok, msg = util.protect(generate.generate, root, "linux-amd64", {})
    assert.is_nil(ok)
    local lines = {}
    for l in msg:gmatch("[^\n]+") do lines[#lines + 1] = l end
    assert.are.equal(2, #lines)
    assert.matches("^arch/linux%-amd64%.lua:%d+: toolchain%.triple: TODO: the clang triple$", lines[1])
    assert.matches("^arch/linux%-amd64%.lua:%d+: syscalls%.exit%.nr: TODO: __NR_exit$", lines[2])
    assert.is_false(util.exists(root .. "/out/linux-amd64"))
  end)

  it("want a hint", function()
    fixture.edit(root, "arch/linux-amd64.lua", 'triple = "x86_64-linux-gnu"', "triple = TODO()")
    local ok, msg = util.protect(generate.resolve, root, "linux-amd64", {})
    assert.is_nil(ok)
    assert.matches("TODO: expected a hint", msg)
  end)
end)

-- A new arch gets its own arch/cpu/<arch>.lua (a new OS its arch/os/<os>.lua), so the
-- next target on it inherits the arch's values; new-port names templates as the docs do.
describe("new-port layers and template names", function()
  local root
  before_each(function() root = fixture.root({ "arch", "variants", "templates" }) end)
  after_each(function() fixture.rm(root) end)

  local function quietly(fn, ...)
    local saved = _G.print
    _G.print = function() end
    local ok, err = pcall(fn, ...)
    _G.print = saved
    assert(ok, err)
  end

  it("scaffolds arch/cpu/<arch>.lua for a new arch and inherits it", function()
    quietly(newport.command, root, "linux-riscv64", "linux-amd64")
    local cpu = assert(util.read_file(root .. "/arch/cpu/riscv64.lua"))
    assert.matches("^%-%- Arch layer: what every %*%-riscv64 target shares%.", cpu)
    assert.matches('arch = "riscv64"', cpu, 1, true)
    assert.matches("ptr_size = ", cpu, 1, true)
    assert.matches("callee_saved = TODO", cpu, 1, true)
    local pair = assert(util.read_file(root .. "/arch/linux-riscv64.lua"))
    assert.matches('inherit = { "os/linux", "cpu/riscv64" }', pair, 1, true)
    assert.is_nil(pair:find("callee_saved =", 1, true))
    assert.is_nil(pair:find("ptr_size =", 1, true))
    local r = fixture.resolve(root, "linux-riscv64")
    assert.are.equal("arch/cpu/riscv64.lua", r.origins["arch"].file)
    assert.are.equal("riscv64", r.table.arch)
  end)

  it("scaffolds arch/os/<os>.lua for a new OS", function()
    quietly(newport.command, root, "freebsd-amd64", "linux-amd64")
    local os_layer = assert(util.read_file(root .. "/arch/os/freebsd.lua"))
    assert.matches("^%-%- OS layer: what every freebsd%-%* target shares%.", os_layer)
    assert.matches('os = "freebsd"', os_layer, 1, true)
    local pair = assert(util.read_file(root .. "/arch/freebsd-amd64.lua"))
    assert.matches('inherit = { "os/freebsd", "cpu/amd64" }', pair, 1, true)
  end)

  it("names a new arch's templates as the docs do (ztarget_<arch>.h)", function()
    local lines = table.concat(newport.templates_report(root, "linux", "riscv64"), "\n")
    assert.matches("need  ztarget%.h .-write templates/ztarget_riscv64%.h", lines)
    assert.matches('{ template = "ztarget_riscv64.h", output = "ztarget.h", arch = "riscv64" }', lines, 1, true)
    assert.matches("write templates/rt0_riscv64%.S", lines)
    local doc = assert(util.read_file("docs/porting.md"))
    assert.matches("ztarget_<arch>.h", doc, 1, true)
  end)
end)
