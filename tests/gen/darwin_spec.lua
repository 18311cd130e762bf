-- What a Mach-O target needs beyond darwin-amd64 comes from its table: ad-hoc code signing
-- (link.codesign, without which arm64 macOS runs nothing) and the arch's trap instructions.
local fixture = require "tests.gen.fixture"
local util = require "gen.util"
local darwin = require "gen.darwin"
local ninja = require "gen.ninja"
local cc = require "gen.cc"

describe("darwin link and inspection", function()
  local root
  before_each(function() root = fixture.root({ "arch", "variants", "templates", "runtime-core" }) end)
  after_each(function() fixture.rm(root) end)

  local function has(argv, flag)
    for _, a in ipairs(argv) do if a == flag then return true end end
    return false
  end

  it("signs ad hoc when link.codesign says so, and checks LC_CODE_SIGNATURE", function()
    if darwin.sdk() or not darwin.tool("llvm-objdump") then return end
    local b = ninja.build(root, "darwin-amd64", {})
    local exe = root .. "/hello"
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
