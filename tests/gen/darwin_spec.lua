-- What a Mach-O target needs beyond darwin-amd64 comes from its table: ad-hoc code signing
-- (link.codesign, without which arm64 macOS runs nothing) and the arch's trap instructions.
local fixture = require "tests.gen.fixture"
local util = require "gen.util"
local darwin = require "gen.macho"
local ninja = require "gen.ninja"
local cc = require "gen.cc"

describe("darwin link and inspection", function()
  -- The real tree's darwin-amd64 library (ninja rebuilds nothing when it is up to date);
  -- the table is changed in memory only, and the program goes to a temp dir.
  local root, tmp = util.abspath("."), nil
  before_each(function() tmp = util.tmpdir("rt0gen-macho") end)
  after_each(function() fixture.rm(tmp) end)

  local function has(argv, flag)
    for _, a in ipairs(argv) do if a == flag then return true end end
    return false
  end

  it("signs ad hoc when link.codesign says so, and checks LC_CODE_SIGNATURE", function()
    if darwin.sdk() or not darwin.tool("llvm-objdump") then return end
    local b = ninja.build(root, "darwin-amd64", {})
    local exe = tmp .. "/hello"
    local argv = cc.link_argv(root, b, { util.abspath("examples/hello.c") }, exe)
    assert.is_false(has(argv, "-Wl,-adhoc_codesign"))
    assert.are.equal(0, (util.capture(util.command(argv))))
    -- Unsigned, but the table asks for a signature: the check says so.
    b.resolved.table.link.codesign = "adhoc"
    assert.are.same({ "no LC_CODE_SIGNATURE: link.codesign is adhoc" }, darwin.inspect(b.resolved, exe))
    argv = cc.link_argv(root, b, { util.abspath("examples/hello.c") }, exe)
    assert.is_true(has(argv, "-Wl,-adhoc_codesign"))
    assert.are.equal(0, (util.capture(util.command(argv))))
    assert.are.same({}, darwin.inspect(b.resolved, exe))
    -- The arch's trap instructions come from its layer: none may appear.
    b.resolved.table.traps = { "pushq" }
    assert.matches("raw system call instruction", darwin.inspect(b.resolved, exe)[1])
  end)
end)
