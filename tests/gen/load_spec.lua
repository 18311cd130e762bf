-- Loading targets: layers, variants, merge rules, origins and load errors.
local fixture = require "tests.gen.fixture"
local load = require "gen.load"
local util = require "gen.util"

local TARGET = [[
-- a small target
return {
  inherit = { "os/tos", "cpu/tcpu" },
  name = "target",
  tls = {
    method = "arch_prctl",  -- a comment with { braces }
    check = 0x123,
  },
  list = { "t1", "t2" },
}
]]
local OSL = [[
return {
  os = "tos",
  tls = { method = "elf_tls", keep = 1 },
  list = { "o1", "o2", "o3" },
  items = {
    { name = "a", tag = 1 },
    { name = "b",
      tag = 2 },
  },
  ["odd key"] = 5,
}
]]
local CPU = "return { arch = \"tcpu\", regs = { \"r1\", \"r2\" } }\n"

describe("load", function()
  local root
  before_each(function()
    root = fixture.root({})
    fixture.write(root, "arch/t.lua", TARGET)
    fixture.write(root, "arch/os/tos.lua", OSL)
    fixture.write(root, "arch/cpu/tcpu.lua", CPU)
    fixture.write(root, "variants/v1.lua", 'return { tls = { method = "v1" }, regs = { "x" } }\n')
    fixture.write(root, "variants/v2.lua", 'return { tls = { method = "v2", extra = true } }\n')
  end)
  after_each(function() fixture.rm(root) end)

  it("merges layers in order with the target on top", function()
    local r = fixture.resolve(root, "t")
    assert.are.equal("tos", r.table.os)
    assert.are.equal("tcpu", r.table.arch)
    assert.are.equal("arch_prctl", r.table.tls.method)
    assert.are.equal(1, r.table.tls.keep)
    assert.is_nil(r.table.inherit)
    assert.are.same({ "arch/os/tos.lua", "arch/cpu/tcpu.lua" }, r.layers)
    assert.are.equal("arch/t.lua", r.target_file)
  end)

  it("replaces sequences whole", function()
    local r = fixture.resolve(root, "t")
    assert.are.same({ "t1", "t2" }, r.table.list)
    assert.is_nil(r.origins["list[3]"])
    assert.are.equal("arch/t.lua:9", load.origin_string(r.origins["list[2]"]))
  end)

  it("remembers the file and line of every field", function()
    local r = fixture.resolve(root, "t")
    local function at(p) return load.origin_string(r.origins[p]) end
    assert.are.equal("arch/t.lua:6", at("tls.method"))
    assert.are.equal("arch/t.lua:7", at("tls.check"))
    assert.are.equal("arch/os/tos.lua:3", at("tls.keep"))
    assert.are.equal("arch/os/tos.lua:6", at("items[1].tag"))
    assert.are.equal("arch/os/tos.lua:8", at("items[2].tag"))
    assert.are.equal("arch/os/tos.lua:10", at('["odd key"]'))
    assert.are.equal("arch/cpu/tcpu.lua:1", at("regs[2]"))
    assert.are.equal("arch/t.lua", r.origins[""].file)
  end)

  it("puts a variant on top", function()
    local r = fixture.resolve(root, "t", "v1")
    assert.are.equal("v1", r.table.tls.method)
    assert.are.equal(1, r.table.tls.keep)
    assert.are.same({ "x" }, r.table.regs)
    assert.are.equal("variants/v1.lua:1", load.origin_string(r.origins["tls.method"]))
    assert.are.equal("t-v1", load.build_name(r))
  end)

  it("composes variants left to right", function()
    local r = fixture.resolve(root, "t", "v1,v2")
    assert.are.equal("v2", r.table.tls.method)
    assert.is_true(r.table.tls.extra)
    assert.are.same({ "x" }, r.table.regs)
    assert.are.same({ "v1", "v2" }, r.variants)
    assert.are.equal("variants/v2.lua", r.origins["tls.method"].file)
    assert.are.equal("t-v1-v2", load.build_name(r))
    r = fixture.resolve(root, "t", "v2,v1")
    assert.are.equal("v1", r.table.tls.method)
  end)

  it("takes a variant by path", function()
    local path = root .. "/variants/v2.lua"
    local r = fixture.resolve(root, "t", path)
    assert.are.equal("v2", r.table.tls.method)
    assert.are.same({ "v2" }, r.variants)
  end)

  it("names the targets when one is missing", function()
    assert.are.same({ "no such target 'x' (arch/x.lua not found); targets: t" }, fixture.problems(root, "x"))
    local ok, msg = util.protect(load.resolve, "nope", nil, ".")
    assert.is_nil(ok)
    assert.are.equal("no such target 'nope' (arch/nope.lua not found); targets: "
      .. table.concat(load.targets("."), ", "), msg)
  end)

  it("does not take a layer for a target", function()
    assert.matches("^no such target 'os/tos'", fixture.problems(root, "os/tos")[1])
  end)

  it("names the variants when one is missing", function()
    assert.are.same({ "no such variant 'v3' (variants/v3.lua not found); variants: v1, v2" },
      fixture.problems(root, "t", "v1,v3"))
    assert.are.same({ "no such variant file 'no/such.lua'" }, fixture.problems(root, "t", "no/such.lua"))
  end)

  it("names the inherit line that closes a cycle of layers", function()
    fixture.write(root, "arch/os/loop.lua", 'return {\n  inherit = { "cpu/loop" },\n}\n')
    fixture.write(root, "arch/cpu/loop.lua", 'return {\n  os = "x",\n  inherit = { "os/loop" },\n}\n')
    fixture.write(root, "arch/l.lua", 'return { inherit = { "os/loop" } }\n')
    assert.are.same({ "arch/cpu/loop.lua:3: inherit: expected layers that do not inherit each other; got a cycle "
      .. "back to arch/os/loop.lua" }, fixture.problems(root, "l"))
  end)

  it("names a missing layer", function()
    fixture.write(root, "arch/u.lua", 'return { inherit = { "os/nope" } }\n')
    assert.are.same({ "arch/u.lua:1: inherit[1]: no such layer 'os/nope' (arch/os/nope.lua not found)" },
      fixture.problems(root, "u"))
  end)

  it("reports a syntax error with file and line, no traceback", function()
    fixture.write(root, "arch/s.lua", "return {\n  a = 1,\n  b = = 2,\n}\n")
    local msg = fixture.problems(root, "s")[1]
    assert.are.equal("arch/s.lua:3: unexpected symbol near '='", msg)
    assert.is_nil(msg:find("traceback", 1, true))
  end)

  -- A table that contains itself would send merging into endless recursion (issue 13
  -- item 4e: "internal error ... stack overflow"): one line instead, before merging.
  it("refuses a variant that refers to itself with one line naming file:line and field", function()
    fixture.write(root, "variants/self.lua", "local t = {\n  tls = { method = \"x\" },\n}\nt.tls.again = t\nreturn t\n")
    assert.are.same({ "variants/self.lua:2: tls.again: expected plain data (tables inside tables); got a table "
      .. "that contains itself (the file's table)" }, fixture.problems(root, "t", "self"))
    fixture.write(root, "arch/c.lua", "local x = { 1 }\nx[2] = x\nreturn { os = \"tos\", list = x }\n")
    assert.are.same({ "arch/c.lua:3: list[2]: expected plain data (tables inside tables); got a table that "
      .. "contains itself (list)" }, fixture.problems(root, "c"))
    local code, _, err = util.capture("lua5.4 build.lua explain linux-amd64 --variant " .. root .. "/variants/self.lua")
    assert.are.equal(1, code)
    assert.matches("^build%.lua: [^\n]*self%.lua:2: tls%.again: expected plain data [^\n]*\n$", err)
  end)

  it("runs tables in an empty environment", function()
    fixture.write(root, "variants/e.lua", "return { x = os.getenv('HOME') }\n")
    assert.are.equal("variants/e.lua:1: attempt to index a nil value (global 'os')",
      fixture.problems(root, "t", "e")[1])
  end)

  it("wants a table from every file", function()
    fixture.write(root, "variants/n.lua", "return 42\n")
    assert.are.same({ "variants/n.lua:1: expected the file to return a table; got number" },
      fixture.problems(root, "t", "n"))
  end)

  it("lists targets, not layers", function()
    assert.are.same({ "t" }, load.targets(root))
    assert.is_truthy(util.exists("arch/" .. load.targets(".")[1] .. ".lua"))
  end)
end)

describe("load.line_map", function()
  it("skips strings and comments holding braces", function()
    local lines = load.line_map([==[
local x = "{"
return { -- {
  a = "}", --[[ } ]]
  b = [[
}]],
  c = { d = { 1, 2 },
        [3] = 4, ["e f"] = { g = 5 } },
  h = f and { "no" } or 1,
  i = 9,
}
]==])
    assert.are.equal(3, lines.a)
    assert.are.equal(4, lines.b)
    assert.are.equal(6, lines["c.d"])
    assert.are.equal(6, lines["c.d[2]"])
    assert.are.equal(7, lines["c[3]"])
    assert.are.equal(7, lines['c["e f"].g'])
    assert.are.equal(8, lines.h)
    assert.are.equal(9, lines.i)
  end)
end)
