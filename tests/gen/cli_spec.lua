-- build.lua from the command line: bad input gets one clear message, exit 1,
-- and never a Lua traceback.
local util = require "gen.util"

local function run(args)
  local code, out, err = util.capture("lua5.4 build.lua " .. args)
  return code, out, err
end

local function no_traceback(s)
  assert.is_nil(s:find("traceback", 1, true), s)
  assert.is_nil(s:find("internal error", 1, true), s)
end

describe("build.lua", function()
  it("names the targets for an unknown one", function()
    local code, _, err = run("explain nope")
    assert.are.equal(1, code)
    assert.matches("^build%.lua: no such target 'nope' %(arch/nope%.lua not found%); targets: ", err)
    no_traceback(err)
  end)

  it("finds its modules when reached through a symlink from another directory", function()
    local dir = util.tmpdir("rt0gen-link")
    assert(require("lfs").link(util.abspath("build.lua"), dir .. "/rt0", true))
    local code, out, err = util.capture("cd / && lua5.4 " .. util.quote(dir .. "/rt0")
      .. " explain linux-amd64 --field sched.maxmcount")
    os.remove(dir .. "/rt0")
    util.rm_rf(dir)
    no_traceback(err)
    assert.are.equal(0, code, err)
    assert.matches("sched%.maxmcount", out)
  end)

  it("names the variants for an unknown one", function()
    local code, _, err = run("explain linux-amd64 --variant nope")
    assert.are.equal(1, code)
    assert.matches("^build%.lua: no such variant 'nope'", err)
    no_traceback(err)
  end)

  it("gives argparse's usage for an unknown subcommand or flag", function()
    for _, args in ipairs({ "frobnicate", "gen --bogus" }) do
      local code, _, err = run(args)
      assert.are.equal(1, code)
      assert.matches("Usage: ", err)
      no_traceback(err)
    end
  end)

  it("wants a target and -o for cc", function()
    local code, _, err = run("cc prog.c -o prog")
    assert.are.equal(1, code)
    assert.matches("^build%.lua: cc: a target is required %(positional or %-%-target%); targets: ", err)
    code, _, err = run("cc --target linux-amd64 prog.c")
    assert.are.equal(1, code)
    assert.are.equal("build.lua: cc: -o <program> is required\n", err)
  end)

  it("runs a program the way the suites do: under its emulator, or not at all with the reason", function()
    local code, _, err = run("run darwin-amd64 examples/hello.c")
    assert.are.equal(1, code)
    assert.matches("^build%.lua: run: built %S+/hello, but it cannot run here: darwin programs cannot run on ", err)
    no_traceback(err)
    if util.capture("command -v qemu-aarch64") ~= 0 then
      pending("qemu-aarch64 is not installed")
      return
    end
    local out
    code, out, err = run("run linux-arm64 examples/hello.c")
    assert.are.equal(0, code, err)
    assert.are.equal("hello, world\n", out)
  end)

  -- One convention: every command takes the target positionally or as --target.
  it("takes the target positionally or as --target in every command", function()
    for _, args in ipairs({ "build linux-amd64 --variant libc", "build --target linux-amd64 --variant libc",
      "check-table linux-amd64", "check-table --target linux-amd64", "explain --target linux-amd64 --field g0.size",
      "gen --check --target linux-amd64", "diff --target linux-amd64 --target linux-arm64" }) do
      local code, _, err = run(args)
      assert.are.equal(0, code, args .. ": " .. err)
    end
    local code, _, err = run("build")
    assert.are.equal(1, code)
    assert.matches("^build%.lua: build: expected one target %(positional or %-%-target%); got 0", err)
    local exe = os.tmpname()
    for _, args in ipairs({ "cc linux-amd64 examples/hello.c -o ", "cc --target linux-amd64 examples/hello.c -o " }) do
      code, _, err = run(args .. exe)
      assert.are.equal(0, code, args .. ": " .. err)
      assert.are.equal("hello, world\n", select(2, util.capture(exe)))
    end
    os.remove(exe)
  end)

  it("explains where each value came from", function()
    local code, out = run("explain linux-amd64 --variant libc")
    assert.are.equal(0, code)
    assert.matches('\ntls%.method = "elf_tls" +%-%- variant +variants/libc%.lua:%d+\n', out)
    assert.matches('\nos = "linux" +%-%- layer +arch/os/linux%.lua:%d+\n', out)
    assert.matches('\ntoolchain%.triple = "x86_64%-linux%-gnu" +%-%- target +arch/linux%-amd64%.lua:%d+\n', out)
    assert.matches('\ncflags = {} +%-%- default', out)
  end)


end)
