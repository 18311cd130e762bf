-- librt0.a's relocatable step (gen/toolchain/ninja.lua M.RELOCATABLE): every hidden symbol ends up
-- local, whatever else st_other holds, so a program may reuse the runtime's names.
local util = require "gen.util"
local ninja = require "gen.toolchain.ninja"

describe("the relocatable step", function()
  local dir
  before_each(function() dir = util.tmpdir("rt0gen-reloc") end)
  after_each(function() util.rm_rf(dir) end)

  -- Builds lib.o from one C file for triple with the ninja rule's command; returns
  -- name -> binding of its defined symbols.
  local function bindings(triple)
    local src, obj, out = dir .. "/a.c", dir .. "/a.o", dir .. "/lib.o"
    util.write_file(src, table.concat({
      "__attribute__((visibility(\"hidden\"))) int hidden_data;",
      -- reads a global: on ppc64le ELFv2 that makes a TOC prologue, so st_other holds a
      -- local-entry offset next to STV_HIDDEN.
      "__attribute__((visibility(\"hidden\"))) int hidden_fn(void) { return hidden_data; }",
      "int public_fn(void) { return hidden_fn() + 1; }",
      "",
    }, "\n"))
    local code, _, err = util.capture(util.command({ "clang", "--target=" .. triple, "-O2",
      "-ffreestanding", "-fno-pie", "-c", src, "-o", obj }))
    assert.are.equal(0, code, err)
    local cmd = ninja.RELOCATABLE:gsub("%$(%$?)(%w*)", function(dollar, name)
      if dollar == "$" then return "$" .. name end
      if name == "ldscript" then return "" end
      return util.quote(name == "in" and obj or out)
    end)
    code, _, err = util.capture(cmd)
    assert.are.equal(0, code, err)
    local _, syms = util.capture(util.command({ "llvm-readelf", "-s", "--wide", out }))
    local b = {}
    for line in syms:gmatch("[^\n]+") do
      local f = {}
      for w in line:gmatch("%S+") do f[#f + 1] = w end
      if #f >= 8 and f[#f - 1] ~= "UND" then b[f[#f]] = f[5] end
    end
    return b
  end

  for _, triple in ipairs({ "x86_64-linux-gnu", "aarch64-linux-gnu", "powerpc64le-linux-gnu" }) do
    it("makes hidden symbols local and keeps public ones global for " .. triple, function()
      local b = bindings(triple)
      assert.are.equal("LOCAL", b.hidden_fn)
      assert.are.equal("LOCAL", b.hidden_data)
      assert.are.equal("GLOBAL", b.public_fn)
    end)
  end
end)
