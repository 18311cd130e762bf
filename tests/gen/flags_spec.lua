-- gen/toolchain/flags.lua is the one place that turns a table into command lines: include
-- paths, cflags, asflags, the archive step, re2c and the link recipes. Nothing else spells
-- them, and what ninja writes, what the white-box programs get and what asm offsets
-- compiles with agree for every target.
local util = require "gen.util"
local flags = require "gen.toolchain.flags"
local generate = require "gen.generate"
local load = require "gen.load"
local ninja = require "gen.toolchain.ninja"

-- Spellings that only flags.lua may have (comments aside), and the files that may have
-- one for another reason.
local ONLY_FLAGS = { "%-%-target=", '"llvm%-ar"', "llvm%-ar rcs", "fuse%-ld", '"re2c"', "re2c %-W", "print%-libgcc",
  "toolchain%.cflags", '"%-I", root %.%. "/runtime%-core' }
local ALLOWED = {
  -- check-table compiles the kernel headers' probe for their triple: not a runtime build.
  ["gen/port/kheaders.lua"] = { ["%-%-target="] = true },
}
local DIRS = { ".", "gen", "gen/toolchain", "gen/port", "tests/harness", "bench" }

local function lua_files()
  local out = {}
  for _, d in ipairs(DIRS) do
    for _, f in ipairs(util.list_dir(d)) do
      local path = d == "." and f or d .. "/" .. f
      if f:match("%.lua$") and not util.is_dir(path) then out[#out + 1] = path end
    end
  end
  table.sort(out)
  return out
end

describe("gen/toolchain/flags.lua", function()
  it("is the only place that spells targets, includes, archiver, re2c and linker", function()
    local bad = {}
    for _, file in ipairs(lua_files()) do
      if file ~= "gen/toolchain/flags.lua" then
        local n = 0
        for line in (util.read_file(file) .. "\n"):gmatch("(.-)\n") do
          n = n + 1
          local code = line:match("^%s*%-%-") and "" or line:gsub("%s%-%-%s.*$", "")
          for _, p in ipairs(ONLY_FLAGS) do
            if code:find(p) and not (ALLOWED[file] or {})[p] then bad[#bad + 1] = file .. ":" .. n .. ": " .. line end
          end
        end
      end
    end
    assert.are.same({}, bad, table.concat(bad, "\n"))
  end)

  -- The includes and the table's flags of the library (ninja), of white-box programs and
  -- of asm offsets are the same lists, each in one run in the same order, for every target.
  local function has_run(list, run)
    for i = 1, #list - #run + 1 do
      if table.concat(list, "\0", i, i + #run - 1) == table.concat(run, "\0") then return true end
    end
    return #run == 0
  end
  for _, t in ipairs(load.targets(".")) do
    it("gives the library, white-box programs and asm offsets the same includes and flags [" .. t .. "]", function()
      local r = generate.resolve(".", t, {})
      local gendir = "out/" .. t
      local inc = flags.abs(".")
      local includes, own = flags.includes(gendir, inc), flags.table_cflags(r.table)
      local cf, af = flags.cflags(r, gendir, inc), flags.asflags(r, gendir, inc)
      local wb = flags.whitebox(r, gendir, inc)
      local ao = flags.asm_offsets(".", r, gendir, "runtime-core/asm_offsets.c")
      for name, list in pairs({ cflags = cf, asflags = af, whitebox = wb, asm_offsets = ao }) do
        assert.is_true(has_run(list, includes), name .. ": " .. util.command(list))
        assert.is_true(has_run(list, own), name .. ": " .. util.command(list))
        assert.are.equal("--target=" .. r.table.toolchain.triple, list[1] == "clang" and list[2] or list[1], name)
      end
      -- build.ninja carries exactly these (paths relative to the build directory).
      local builddir = "build/" .. load.build_name(r)
      local text = ninja.text(".", r, builddir, gendir)
      local rel = function(p) return "../../" .. p end
      assert.are.equal("cflags = " .. util.command(flags.cflags(r, rel(gendir), rel)),
        text:match("\n(cflags = [^\n]*)"))
      assert.are.equal("asflags = " .. util.command(flags.asflags(r, rel(gendir), rel)),
        text:match("\n(asflags = [^\n]*)"))
    end)
  end

  it("archives in the table's format", function()
    assert.are.same({ "llvm-ar", "rcs" }, flags.archive({ toolchain = {} }))
    assert.are.same({ "llvm-ar", "--format=darwin", "rcs" }, flags.archive({ toolchain = { ar_format = "darwin" } }))
  end)

  it("has a link recipe per object format and link mode, and says why there is none", function()
    local r = generate.resolve(".", load.targets(".")[1], {})
    local T = setmetatable({ object_format = "coff", link = { mode = "hosted" } }, { __index = r.table })
    local recipe, why = flags.recipe({ table = T, target = "x" })
    assert.is_nil(recipe)
    assert.are.equal("no link recipe for coff objects (hosted link mode) yet, so programs cannot be linked for x", why)
  end)
end)
