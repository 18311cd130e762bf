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

  it("names the variants for an unknown one", function()
    local code, _, err = run("explain linux-amd64 --variant nope")
    assert.are.equal(1, code)
    assert.matches("^build%.lua: no such variant 'nope'", err)
    no_traceback(err)
  end)

  it("gives argparse's usage for an unknown subcommand or flag", function()
    for _, args in ipairs({ "frobnicate", "gen --bogus", "build" }) do
      local code, _, err = run(args)
      assert.are.equal(1, code)
      assert.matches("Usage: ", err)
      no_traceback(err)
    end
  end)

  it("wants --target and -o for cc", function()
    local code, _, err = run("cc prog.c -o prog")
    assert.are.equal(1, code)
    assert.matches("^build%.lua: cc: %-%-target is required; targets: ", err)
    code, _, err = run("cc --target linux-amd64 prog.c")
    assert.are.equal(1, code)
    assert.are.equal("build.lua: cc: -o <program> is required\n", err)
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
