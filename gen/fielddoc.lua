-- The field table of docs/porting.md, generated from gen/schema.lua: one row per field
-- with its type, when it is required, what it depends on and where a porter finds it.
-- `gen` rewrites it; `gen --check` (and the test suite) fail when the
-- committed table is not what the schema makes, so the docs cannot miss a field.
local util = require "gen.util"
local schema = require "gen.schema"

local M = {}

M.FILE = "docs/porting.md"
-- The opening marker names the command that rewrites the table.
function M.begin()
  return "<!-- fields: generated from gen/schema.lua by `" .. util.cli("gen") .. "`; do not edit -->"
end
M.END = "<!-- end of fields -->"

local DEPENDS = {
  identity = "the target's name", drop = "per target (not carried over)", portable = "portable",
  os = "os", arch = "arch", pair = "os + arch",
}

-- A table cell: no column breaks, and <os> shown as text, not taken for HTML.
local function cell(s)
  return (tostring(s):gsub("|", "\\|"):gsub("\n", " "):gsub("<", "&lt;"):gsub(">", "&gt;"))
end

-- The table's markdown, header rows included.
function M.render()
  local out = {
    "| Field | Value | Required | Depends on | Where to find it | What it is |",
    "|---|---|---|---|---|---|",
  }
  for _, f in ipairs(schema.fields()) do
    -- A list's items are described by the list's own row unless they are tables.
    if f.path:match("%[%]$") and not f.what:match("^a table") then goto next end
    local p = schema.porting(f.path:gsub("%.<name>", ".x"):gsub("%[%]", "[1]"))
    local where = p.where and p.where:gsub("<key>", "<name>") or ""
    if p.derive then where = where .. " (new-port derives it)" end
    out[#out + 1] = string.format("| `%s` | %s | %s | %s | %s | %s |", f.path, cell(f.what), cell(f.required),
      DEPENDS[p.dep] or p.dep, cell(where), cell(f.doc or ""))
    ::next::
  end
  return table.concat(out, "\n") .. "\n"
end

-- The docs text with the generated table put between the markers.
local function splice(text)
  local begin = M.begin()
  local s = text:find(begin, 1, true)
  local e = text:find(M.END, 1, true)
  if not s or not e or e < s then
    util.fail("%s: no field table markers (%s ... %s)", M.FILE, begin, M.END)
  end
  return text:sub(1, s + #begin) .. M.render() .. text:sub(e)
end

-- Rewrites the table when it changed; returns true if it did.
function M.update(root)
  local path = root .. "/" .. M.FILE
  local text = assert(util.read_file(path))
  return util.write_if_changed(path, splice(text))
end

-- nil when the committed table is what the schema makes, else a one-line problem.
function M.check(root)
  local text = util.read_file(root .. "/" .. M.FILE)
  if not text then return M.FILE .. ": missing" end
  local ok, want = util.protect(splice, text)
  if not ok then return want end
  if want ~= text then
    return M.FILE .. ": the field table differs from gen/schema.lua; run: " .. util.cli("gen")
  end
end

return M
