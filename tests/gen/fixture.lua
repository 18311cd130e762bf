-- Helpers for the gen specs: throwaway project roots so that tests never touch
-- the real arch/, variants/ or out/.
local util = require "gen.util"
local load = require "gen.load"
local schema = require "gen.schema"

local M = {}

local function copy(from, to)
  if util.is_dir(from) then
    util.mkdir_p(to)
    for _, name in ipairs(util.list_dir(from)) do copy(from .. "/" .. name, to .. "/" .. name) end
  else
    util.write_file(to, assert(util.read_file(from)))
  end
end
M.copy = copy

-- A fresh root holding copies of the given top-level dirs of the real project
-- (default: arch and variants).
function M.root(dirs)
  local dir = util.tmpdir("rt0gen-spec")
  for _, d in ipairs(dirs or { "arch", "variants" }) do
    if util.exists(d) then copy(d, dir .. "/" .. d) end
  end
  -- What the templates implement is part of what makes a table valid.
  if not util.exists(dir .. "/templates/manifest.lua") then
    util.mkdir_p(dir .. "/templates")
    copy("templates/manifest.lua", dir .. "/templates/manifest.lua")
  end
  return dir
end

-- Copies what the driver needs into root, so the specs can run build.lua there as a
-- user does: build.lua, its command spellings (cli.lua), the generator with its role
-- folders, the harness and the bench driver.
function M.driver(root)
  for _, f in ipairs({ "build.lua", "cli.lua" }) do M.write(root, f, assert(util.read_file(f))) end
  for _, d in ipairs({ "gen", "tests/harness" }) do copy(d, root .. "/" .. d) end
  for _, f in ipairs(util.list_dir("bench")) do
    if f:match("%.lua$") then M.write(root, "bench/" .. f, assert(util.read_file("bench/" .. f))) end
  end
end

function M.write(root, rel, text)
  util.mkdir_p(util.dirname(root .. "/" .. rel))
  util.write_file(root .. "/" .. rel, text)
end

-- Replaces the plain text `from` with `to` in a file of root; fails when absent.
function M.edit(root, rel, from, to)
  local text = assert(util.read_file(root .. "/" .. rel))
  local s, e = text:find(from, 1, true)
  assert(s, rel .. ": no " .. from)
  util.write_file(root .. "/" .. rel, text:sub(1, s - 1) .. to .. text:sub(e + 1))
end

-- A problem line without its line number ("arch/x.lua:12: f: ..." -> "arch/x.lua: f: ..."),
-- so a spec's expectations hold when the real tables it copies gain or lose lines
-- (load_spec and schema_spec check the line numbers themselves on tables of their own).
function M.unlined(msg)
  return (msg:gsub("^([^%s:]+%.lua):%d+: ", "%1: "))
end

-- The problems of target (+ variants) in root: a list of lines (a load error is one line, as Lua
-- reports it), the schema's without line numbers (unlined).
function M.problems(root, target, variants)
  local ok, r = util.protect(load.resolve, target, variants, root)
  if not ok then return { r } end
  local list = schema.validate_resolved(r)
  for i, p in ipairs(list) do list[i] = M.unlined(p) end
  return list
end

function M.resolve(root, target, variants)
  local ok, r = util.protect(load.resolve, target, variants, root)
  assert(ok, r)
  return r
end

M.rm = util.rm_rf

return M
