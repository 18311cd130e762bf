-- The generator split by role (README "Layout"): gen/ is the generator, gen/toolchain/ how
-- a target's code is built, gen/port/ the porting tools, tests/harness/ the test harness,
-- bench/ the bench driver. Each role requires only the roles below it, no module reaches
-- back into build.lua, and only build.lua (cli.lua) spells a `lua5.4 build.lua ...` command.
local util = require "gen.util"

-- role -> its folder, and the roles its modules may require (besides their own).
local ROLES = {
  gen = { dir = "gen", may = {} },
  toolchain = { dir = "gen/toolchain", may = { "gen" } },
  port = { dir = "gen/port", may = { "gen" } },
  harness = { dir = "tests/harness", may = { "gen", "toolchain", "port" } },
  bench = { dir = "bench", may = { "gen", "toolchain", "harness" } },
}

-- The role of a required module name ("gen.toolchain.cc" -> toolchain), or nil for a
-- library (lfs, pl.path, argparse).
local function role_of(mod)
  if mod:match("^gen%.toolchain%.") then return "toolchain" end
  if mod:match("^gen%.port%.") then return "port" end
  if mod:match("^gen%.") then return "gen" end
  if mod:match("^tests%.harness%.") then return "harness" end
  if mod:match("^bench%.") then return "bench" end
  if mod:match("^tests%.") then return "tests" end
  return nil
end

local function modules(dir)
  local out = {}
  for _, f in ipairs(util.list_dir(dir)) do
    if f:match("%.lua$") and not util.is_dir(dir .. "/" .. f) then out[#out + 1] = dir .. "/" .. f end
  end
  table.sort(out)
  return out
end

-- Lua source without comments (-- to end of line; the codebase has no --[[ ]] in code).
local function code_of(src)
  local out = {}
  for line in (src .. "\n"):gmatch("(.-)\n") do
    out[#out + 1] = line:match("^%s*%-%-") and "" or line:gsub("%s%-%-%s.*$", "")
  end
  return table.concat(out, "\n")
end

local function requires(code)
  local list = {}
  for name in code:gmatch("require%s*%(?%s*[\"']([%w_.]+)[\"']") do list[#list + 1] = name end
  return list
end

describe("the generator split by role", function()
  it("each role requires only itself and the roles below it, never build.lua", function()
    local bad = {}
    for _, role in ipairs(util.sorted_keys(ROLES)) do
      local allowed = { [role] = true }
      for _, r in ipairs(ROLES[role].may) do allowed[r] = true end
      for _, file in ipairs(modules(ROLES[role].dir)) do
        for _, mod in ipairs(requires(code_of(util.read_file(file)))) do
          local r = role_of(mod)
          -- The generator compiles asm offsets with the one set of flags there is.
          local flags_for_gen = role == "gen" and mod == "gen.toolchain.flags"
          if mod == "build" or mod == "cli" or (r and not allowed[r] and not flags_for_gen) then
            bad[#bad + 1] = file .. " requires " .. mod
          end
        end
      end
    end
    assert.are.same({}, bad, table.concat(bad, "\n"))
  end)

  it("spells no build.lua command outside build.lua and cli.lua (comments aside)", function()
    local bad = {}
    for _, role in ipairs(util.sorted_keys(ROLES)) do
      for _, file in ipairs(modules(ROLES[role].dir)) do
        local n = 0
        for line in (code_of(util.read_file(file)) .. "\n"):gmatch("(.-)\n") do
          n = n + 1
          -- The driver's file name as a path (luacheck's file list) is not a command.
          if line:find("lua5.4 build.lua", 1, true) or line:find("`build.lua ", 1, true) then
            bad[#bad + 1] = file .. ":" .. n .. ": " .. line
          end
        end
      end
    end
    assert.are.same({}, bad, table.concat(bad, "\n"))
  end)

  it("spells commands the one way cli.lua does", function()
    assert.are.equal("lua5.4 build.lua gen linux-amd64 --variant libc",
      util.cli("gen", "linux-amd64", "--variant libc"))
    assert.are.equal("lua5.4 build.lua gen", util.cli("gen", nil))
  end)
end)
