-- TODO markers: what a scaffolded table (build.lua new-port) still has to find.
--
-- A table file may write `field = TODO "what to find and where"`: the loader puts
-- TODO in the environment of every table and variant file. A marker is a string
-- with a prefix no real value has, so it merges, copies and keeps its origin like
-- any other leaf; the schema reports it as `file:line: field.path: TODO: hint`
-- and gen refuses the table until none is left.
local util = require "gen.util"

local M = {}

local PREFIX = "\0TODO\0"

-- TODO "hint" in a table file: returns the marker.
function M.TODO(hint)
  if type(hint) ~= "string" or hint == "" then
    error("TODO: expected a hint saying what to find and where, like TODO \"...\"", 2)
  end
  return PREFIX .. hint
end

function M.is_todo(v)
  return type(v) == "string" and v:sub(1, #PREFIX) == PREFIX
end

function M.hint(v)
  return v:sub(#PREFIX + 1)
end

-- The environment table files run in.
function M.env()
  return { TODO = M.TODO }
end

-- Every marker under v as { path =, hint = }, in path order.
function M.find(v, path, out)
  out = out or {}
  path = path or ""
  if M.is_todo(v) then
    out[#out + 1] = { path = path, hint = M.hint(v) }
  elseif type(v) == "table" then
    for _, k in ipairs(util.sorted_keys(v)) do M.find(v[k], util.join_path(path, k), out) end
  end
  return out
end

return M
