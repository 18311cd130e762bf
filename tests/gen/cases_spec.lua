-- The harness's one test-case model (tests/harness/cases.lua) and runner
-- (tests/harness/runner.lua): e2e cases, stages and stress programs are selections over
-- one schema, loaded by one loader, run and checked one way.
local util = require "gen.util"
local cases = require "tests.harness.cases"
local runner = require "tests.harness.runner"
local pool = require "tests.harness.pool"

local function root_with(file, text)
  local root = util.tmpdir("rt0gen-cases")
  util.mkdir_p(root .. "/" .. util.dirname(file))
  util.write_file(root .. "/" .. file, text)
  return root
end

local function load_error(name, file, text)
  local root = root_with(file, text)
  local ok, err = util.protect(cases.load, root, name)
  util.rm_rf(root)
  assert.is_nil(ok)
  return err
end

describe("the case model", function()
  it("loads every selection of the tree", function()
    for _, name in ipairs({ "e2e", "stages", "stress" }) do
      assert.is_true(#cases.load(".", name) > 0, name)
    end
  end)

  it("gives a case without a timeout its selection's", function()
    local root = root_with("tests/stages/stages.lua", 'return { { name = "a", src = "a.c", link = "full" } }')
    local list = cases.load(root, "stages")
    util.rm_rf(root)
    assert.are.equal(30, list[1].timeout)
  end)

  it("rejects a field another selection uses, naming the selection's own", function()
    local err = load_error("e2e", "tests/e2e/cases.lua", 'return { { name = "a", src = "a.c", link = "full" } }')
    assert.matches("^tests/e2e/cases%.lua: case 1: unknown field 'link' %(known: args, env, exit, ", err)
    err = load_error("stages", "tests/stages/stages.lua",
      'return { { name = "a", src = "a.c", link = "full", modes = { "libc" } } }')
    assert.matches("^tests/stages/stages%.lua: stage 1: unknown field 'modes'", err)
    err = load_error("stress", "tests/stress/cases.lua", 'return { { name = "a", src = "a.c", stdout = "ok" } }')
    assert.matches("^tests/stress/cases%.lua: case 1: unknown field 'stdout' %(known: name, procs, src, timeout%)$",
      err)
  end)

  it("says which fields are required, and checks types, link and modes", function()
    assert.are.equal("tests/stages/stages.lua: stage 1: name, src and link are required",
      load_error("stages", "tests/stages/stages.lua", 'return { { name = "a", src = "a.c" } }'))
    assert.are.equal("tests/e2e/cases.lua: case 1: exit: expected a number; got string",
      load_error("e2e", "tests/e2e/cases.lua", 'return { { name = "a", src = "a.c", exit = "2" } }'))
    assert.are.equal('tests/stages/stages.lua: stage 1: link: expected "partial" or "full"; got "half"',
      load_error("stages", "tests/stages/stages.lua", 'return { { name = "a", src = "a.c", link = "half" } }'))
    assert.matches("^tests/e2e/cases%.lua: case 1: modes: no such mode 'fast' %(debug, freestanding, libc, ",
      load_error("e2e", "tests/e2e/cases.lua", 'return { { name = "a", src = "a.c", modes = { "fast" } } }'))
  end)
end)

describe("the case runner", function()
  it("builds one command: environment, timeout, emulator prefix, args", function()
    local c = { timeout = 7, env = { B = "2", A = "1" }, args = { "x y" } }
    assert.are.equal("env -u GOMAXPROCS A=1 B=2 GOMAXPROCS=4 timeout -k 5 7 qemu-x /p 'x y' 9",
      runner.command(c, "/p", { prefix = { "qemu-x" } }, 4, { 9 }))
    assert.are.equal("env -u GOMAXPROCS timeout -k 5 7 /p",
      runner.command({ timeout = 7 }, "/p", { prefix = {} }, false))
  end)

  it("checks exit, timeout, stdout and the patterns", function()
    local c = { timeout = 3, exit = 2, stdout = "a\n", stderr_match = "^fatal" }
    assert.are.same({}, runner.check(c, 2, "a\n", "fatal error: x\n"))
    local p = runner.check(c, 1, "b\n", "oops")
    assert.are.equal("exit: expected 2; got 1", p[1])
    assert.matches("^stdout: expected \"a\\n\"", p[2])
    assert.matches("^stderr: expected to match", p[3])
    assert.are.same({ "timed out after 3s" }, runner.check({ timeout = 3 }, 124, "", ""))
    assert.matches("^stdout_match: bad Lua pattern", runner.check({ timeout = 3, stdout_match = "(" }, 0, "", "")[1])
  end)

  it("runs a case through the job pool and reports what ran", function()
    local P = pool.new(2)
    local got = {}
    local c = { timeout = 10, args = { "-c", 'echo "$GOMAXPROCS"; exit 3' }, exit = 3, stdout = "2\n" }
    runner.submit(P, ".", c, "/bin/sh", { prefix = {} }, 2, function(res) got[1] = res end)
    runner.submit(P, ".", c, "/bin/sh", { prefix = {} }, 1, function(res) got[2] = res end)
    P.wait()
    P.close()
    assert.is_true(got[1].ok, got[1].text)
    assert.is_false(got[2].ok)
    assert.matches("^%$ env %-u GOMAXPROCS GOMAXPROCS=1 timeout", got[2].text)
    assert.matches("\nstdout: expected", got[2].text)
  end)
end)
