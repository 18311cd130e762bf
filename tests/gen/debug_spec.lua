-- variants/debug.lua: the runtime assertions (runtime-core/debug.c) fire on a broken rule.
local util = require "gen.util"
local ninja = require "gen.toolchain.ninja"
local cc = require "gen.toolchain.cc"
local flags = require "gen.toolchain.flags"

describe("the debug variant", function()
  local exe
  setup(function()
    local b = ninja.build(".", "linux-amd64", { "debug" })
    util.mkdir_p("build/linux-amd64-debug/test")
    exe = "build/linux-amd64-debug/test/checks"
    local args = flags.whitebox(b.resolved, b.gendir, flags.abs("."))
    for _, a in ipairs({ "-O0", "tests/debug/checks.c" }) do args[#args + 1] = a end
    local argv = cc.link_argv(".", b, args, exe, b.internal)
    local code, out, err = util.capture(util.command(argv))
    assert(code == 0, out .. err)
  end)

  local function run(arg)
    return util.capture(util.command({ "timeout", "20", exe, arg }))
  end

  it("passes locks taken in rank order", function()
    local code, out = run("fine")
    assert.are.equal(0, code)
    assert.are.equal("ok\n", out)
  end)

  it("catches a self-deadlock, an out-of-order lock and an unlock by a non-holder", function()
    local code, _, err = run("self")
    assert.are.equal(2, code)
    assert.matches("fatal error: lock ranks: self%-deadlock: this M already holds it: unranked lock 0x", err)
    code, _, err = run("order")
    assert.are.equal(2, code)
    assert.matches("fatal error: lock ranks: lock ordering problem: acquiring chan lock 0x%x+ while holding sched "
      .. "lock 0x", err)
    code, _, err = run("unlock")
    assert.are.equal(2, code)
    assert.matches("fatal error: lock ranks: unlock of a lock this M does not hold", err)
  end)

  it("catches an overwritten stack canary at the next switch", function()
    local code, _, err = run("canary")
    assert.are.equal(2, code)
    assert.matches("fatal error: stack overflow: goroutine %d+ overwrote the debug canary at the low end of its "
      .. "stack %(switch%)", err)
  end)
end)
