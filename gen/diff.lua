-- `build.lua diff`: review before anything is written.
--
--   diff <target-a> <target-b>   the two resolved tables side by side, field by field, then
--                                the generated files that differ (paired by manifest output,
--                                so rt0_linux_amd64.S meets rt0_linux_arm64.S); --patch adds
--                                the unified diffs
--   diff <target>                what `gen <target>` would change in out/<target>/ (or in
--                                build/<t>-<variants>/gen with --variant): unified diffs,
--                                new files and files nothing makes any more; exit 1 if any
local util = require "gen.util"
local loader = require "gen.load"
local schema = require "gen.schema"
local generate = require "gen.generate"
local render = require "gen.render"
local explain = require "gen.explain"

local M = {}

-- A resolved table for display: validated (defaults filled) when it can be, else raw.
local function resolve(root, target, variants)
  local r = loader.resolve(target, variants, root)
  schema.validate_resolved(r)
  return r
end

local function clip(s, n)
  if #s <= n then return s end
  return s:sub(1, n - 3) .. "..."
end

-- Rows { path, a, b, mark } over the union of both tables' fields; mark is " " (same),
-- "~" (differs), "<" (only in a) or ">" (only in b).
function M.table_rows(ra, rb)
  local va, vb, paths = {}, {}, {}
  for _, row in ipairs(explain.rows(ra.table)) do
    va[row.path] = explain.literal(row.value)
    paths[#paths + 1] = row.path
  end
  for _, row in ipairs(explain.rows(rb.table)) do
    vb[row.path] = explain.literal(row.value)
    if not va[row.path] then paths[#paths + 1] = row.path end
  end
  table.sort(paths, util.path_less)
  local rows = {}
  for _, p in ipairs(paths) do
    local a, b = va[p], vb[p]
    local mark = a == nil and ">" or b == nil and "<" or a == b and " " or "~"
    rows[#rows + 1] = { path = p, a = a or "", b = b or "", mark = mark }
  end
  return rows
end

-- Generated text per manifest output pattern, for one resolved and validated target.
local function outputs(root, r)
  local list = {}
  local manifest = {}
  for _, e in ipairs(generate.entries(root, r)) do manifest[#manifest + 1] = e end
  local patterns = {}
  local src = util.read_file(root .. "/templates/manifest.lua")
  local chunk = src and load(src, "=manifest", "t", {})
  local ok, m = pcall(chunk or error)
  for _, e in ipairs(ok and type(m) == "table" and m or {}) do
    if type(e) == "table" and e.template then patterns["templates/" .. e.template] = e.output end
  end
  for _, e in ipairs(manifest) do
    list[#list + 1] = { key = patterns[e.template] or e.output, name = e.output, template = e.template,
      text = render.render_file(root, e.template, r).text }
  end
  return list
end

local function without_header(text)
  -- The two header lines name the table and template: they always differ between targets.
  return (text:gsub("^[^\n]*\n[^\n]*\n", "", 1))
end

-- Unified diff of two texts through diff(1); returns the text and the count of changed lines.
function M.unified(a, b, label_a, label_b)
  local dir = util.tmpdir("rt0gen-diff")
  util.write_file(dir .. "/a", a)
  util.write_file(dir .. "/b", b)
  local _, out = util.capture(util.command({ "diff", "-u", "--label", label_a, "--label", label_b,
    dir .. "/a", dir .. "/b" }))
  util.rm_rf(dir)
  local changed = 0
  for line in out:gmatch("[^\n]+") do
    if line:match("^[-+]") and not line:match("^%-%-%- ") and not line:match("^%+%+%+ ") then
      changed = changed + 1
    end
  end
  return out, changed
end

function M.targets(root, a, b, variants, patch)
  local ra, rb = resolve(root, a, variants), resolve(root, b, variants)
  local out = {}
  local rows = M.table_rows(ra, rb)
  local wp, wa = #"field", #loader.build_name(ra)
  for _, row in ipairs(rows) do
    row.a, row.b = clip(row.a, 48), clip(row.b, 48)
    wp, wa = math.max(wp, #row.path), math.max(wa, #row.a)
  end
  local function line(mark, p, x, y)
    return (mark .. " " .. p .. string.rep(" ", wp - #p) .. "  " .. x .. string.rep(" ", wa - #x) .. "  " .. y)
      :gsub("%s+$", "")
  end
  local ndiff = 0
  out[#out + 1] = line(" ", "field", loader.build_name(ra), loader.build_name(rb))
  for _, row in ipairs(rows) do
    out[#out + 1] = line(row.mark, row.path, row.a, row.b)
    if row.mark ~= " " then ndiff = ndiff + 1 end
  end
  out[#out + 1] = string.format("%d of %d fields differ (~ differs, < only in %s, > only in %s)", ndiff, #rows, a, b)
  out[#out + 1] = ""
  -- Generated files need valid tables.
  local oka, ga = util.protect(generate.resolve, root, a, variants)
  local okb, gb = util.protect(generate.resolve, root, b, variants)
  if not (oka and okb) then
    out[#out + 1] = "generated files: not compared: " .. (not oka and a or b) .. " does not generate ("
      .. ((not oka and ga or gb):match("^[^\n]*")) .. ")"
    return out
  end
  local fa, fb = outputs(root, ga), outputs(root, gb)
  local by_key, keys = {}, {}
  for _, f in ipairs(fa) do by_key[f.key] = { a = f }; keys[#keys + 1] = f.key end
  for _, f in ipairs(fb) do
    if not by_key[f.key] then by_key[f.key] = {}; keys[#keys + 1] = f.key end
    by_key[f.key].b = f
  end
  out[#out + 1] = "generated files (headers aside):"
  local patches = {}
  for _, k in ipairs(keys) do
    local x, y = by_key[k].a, by_key[k].b
    if not x or not y then
      local f = x or y
      out[#out + 1] = string.format("  only %s: %s (%s)", x and a or b, f.name, f.template)
    else
      local text, changed = M.unified(without_header(x.text), without_header(y.text), a .. "/" .. x.name,
        b .. "/" .. y.name)
      local tmpl = x.template == y.template and x.template or x.template .. " vs " .. y.template
      if changed == 0 then
        out[#out + 1] = string.format("  same  %s (%s)", x.name == y.name and x.name or x.name .. " / " .. y.name, tmpl)
      else
        out[#out + 1] = string.format("  differ %s / %s: %d lines (%s)", x.name, y.name, changed, tmpl)
        patches[#patches + 1] = text
      end
    end
  end
  if patch then
    for _, p in ipairs(patches) do
      out[#out + 1] = ""
      for l in p:gmatch("[^\n]*") do out[#out + 1] = l end
    end
  end
  return out
end

-- What gen would change: renders into a temp dir (asm offsets included) and compares.
-- Returns the lines and whether anything would change.
function M.pending(root, target, variants)
  local r = generate.resolve(root, target, variants)
  local dir = generate.gendir(r)
  local tmp = util.tmpdir("rt0gen-diff")
  local ok, files = util.protect(generate.produce, root, r, tmp)
  if not ok then
    util.rm_rf(tmp)
    util.fail("%s", files)
  end
  local out, made, changed = {}, {}, 0
  for _, f in ipairs(files) do
    made[f.name] = true
    local want = assert(util.read_file(tmp .. "/" .. f.name))
    local have = util.read_file(root .. "/" .. dir .. "/" .. f.name)
    if have ~= want then
      changed = changed + 1
      local text = M.unified(have or "", want, have and dir .. "/" .. f.name or "/dev/null", dir .. "/" .. f.name)
      for l in text:gmatch("[^\n]*\n?") do
        if l ~= "" then out[#out + 1] = (l:gsub("\n$", "")) end
      end
    end
  end
  for _, name in ipairs(util.list_dir(root .. "/" .. dir)) do
    if not made[name] and not util.is_dir(root .. "/" .. dir .. "/" .. name) then
      changed = changed + 1
      out[#out + 1] = string.format("%s/%s: nothing makes it any more (gen removes it if it has our header)", dir,
        name)
    end
  end
  util.rm_rf(tmp)
  if changed == 0 then
    out[#out + 1] = dir .. ": up to date (gen would change nothing)"
  else
    out[#out + 1] = string.format("%s: gen would change %d file%s; run: %s", dir, changed, changed == 1 and "" or "s",
      util.cli("gen", target, #r.variants > 0 and "--variant " .. table.concat(r.variants, ",") or nil))
  end
  return out, changed > 0
end

return M
