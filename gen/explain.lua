-- `build.lua explain`: where values and generated lines come from.
--
--   explain <target> [--variant v,...]          the resolved table, each value with its origin:
--                                               layer, target, variant or schema default
--   explain <target> <out-file>:<line>          the template line and the table fields that
--                                               made one generated line
--   explain <target> --field <path>             every generated line a field reaches
--
-- Lines are traced by rendering again (gen/render.lua records, for each output line, its
-- template line and the fields read to make it); the map is also written to
-- build/<target>[-<variants>]/render-map.txt for other tools, never to out/.
local util = require "gen.util"
local loader = require "gen.load"
local schema = require "gen.schema"
local render = require "gen.render"
local commit = require "gen.commit"
local generate = require "gen.generate"
local asm_offsets = require "gen.asm_offsets"
local todo = require "gen.todo"

local M = {}

-- Origins --------------------------------------------------------------------

-- "layer arch/os/linux.lua:12", "target arch/linux-amd64.lua:5", "variant variants/libc.lua:3"
-- or "default (gen/schema.lua)".
function M.origin(r, path)
  local o = r.origins[path]
  if not o then return "default (gen/schema.lua)" end
  local kind = "layer"
  if o.file == r.target_file then kind = "target" end
  for _, f in ipairs(r.variant_files) do
    if o.file == f then kind = "variant" end
  end
  return kind .. " " .. loader.origin_string(o)
end

function M.literal(v)
  if todo.is_todo(v) then return "TODO " .. util.show(todo.hint(v)) end
  if type(v) == "string" then return util.show(v) end
  if type(v) == "table" then
    if next(v) == nil then return "{}" end
    if util.table_kind(v) == "seq" then
      local parts = {}
      for i, x in ipairs(v) do parts[i] = M.literal(x) end
      return "{ " .. table.concat(parts, ", ") .. " }"
    end
    return "{...}"
  end
  return tostring(v)
end

-- Leaf rows of a resolved table: { path =, value = } in path order; lists of scalars are
-- one row, lists of tables are walked (auxv[3].tag).
function M.rows(t)
  local rows = {}
  local function walk(v, path)
    if type(v) == "table" and next(v) ~= nil then
      local seq_of_scalars = util.table_kind(v) == "seq"
      for _, x in ipairs(v) do seq_of_scalars = seq_of_scalars and type(x) ~= "table" end
      if seq_of_scalars then
        rows[#rows + 1] = { path = path, value = v }
        return
      end
      for _, k in ipairs(util.sorted_keys(v)) do walk(v[k], util.join_path(path, k)) end
    else
      rows[#rows + 1] = { path = path, value = v }
    end
  end
  walk(t, "")
  table.sort(rows, function(a, b) return util.path_less(a.path, b.path) end)
  return rows
end

-- The resolved table with origins, and the table's problems (TODOs first).
function M.table(root, target, variants)
  local r = loader.resolve(target, variants, root)
  local problems = schema.validate_resolved(r)
  local out, width = {}, 0
  local rows = M.rows(r.table)
  for _, row in ipairs(rows) do
    row.left = row.path .. " = " .. M.literal(row.value)
    if #row.left <= 64 then width = math.max(width, #row.left) end -- a long list does not push the rest
  end
  local from = r.target_file
  for _, f in ipairs(r.variant_files) do from = from .. " + " .. f end
  out[1] = "-- " .. loader.build_name(r) .. ": " .. from
    .. (#r.layers > 0 and " over " .. table.concat(r.layers, ", ") or "")
  out[2] = "-- origin: layer (arch/os, arch/cpu), target (" .. r.target_file .. ")"
    .. (#r.variant_files > 0 and ", variant (" .. table.concat(r.variant_files, ", ") .. ")" or "")
    .. " or default (gen/schema.lua); later ones win"
  for _, row in ipairs(rows) do
    local kind, where = M.origin(r, row.path):match("^(%S+) (.*)$")
    out[#out + 1] = string.format("%s%s   -- %-7s %s", row.left, string.rep(" ", math.max(0, width - #row.left)), kind,
      where)
  end
  return out, problems
end

-- The render map ---------------------------------------------------------------

-- Renders every generated file of target (+ variants) in memory. Returns r and
-- files[output] = { template =, text =, lines =, reads =, path = (root-relative file) }.
function M.render_all(root, target, variants)
  local r = generate.resolve(root, target, variants)
  local dir = generate.gendir(r)
  local files, order = {}, {}
  for _, e in ipairs(generate.entries(root, r)) do
    local res = render.render_file(root, e.template, r)
    -- Stamped with its sum as gen writes it (gen/commit.lua), to compare with the file on disk.
    files[e.output] = { template = e.template, text = commit.stamp(res.text), lines = res.lines, reads = res.reads,
      files = res.files, path = dir .. "/" .. e.output }
    order[#order + 1] = e.output
  end
  M.write_map(root, r, files, order)
  return r, files, order
end

-- build/<name>/render-map.txt: output line, template line, fields read; tab-separated.
function M.write_map(root, r, files, order)
  local out = { "# output:line\ttemplate:line\tfields read (made by gen/explain.lua; not committed)" }
  for _, name in ipairs(order) do
    local f = files[name]
    for i = 1, #f.reads + 2 do
      if f.lines[i] then
        out[#out + 1] = string.format("%s:%d\t%s:%d\t%s", f.path, i, f.files[i] or f.template, f.lines[i],
          table.concat(f.reads[i] or {}, " "))
      end
    end
  end
  local dir = root .. "/build/" .. loader.build_name(r)
  util.mkdir_p(dir)
  util.write_if_changed(dir .. "/render-map.txt", table.concat(out, "\n") .. "\n")
end

local function nth_line(text, n)
  local i = 0
  for line in (text .. "\n"):gmatch("(.-)\n") do
    i = i + 1
    if i == n then return line end
  end
end

local function value_of(t, path)
  local ok, v = pcall(function()
    local f = load("return T" .. (path:sub(1, 1) == "[" and "" or ".") .. path, "=path", "t", { T = t })
    return f and f()
  end)
  return ok and v or nil
end

-- "rt0_linux_amd64.S:57" -> the lines explaining that generated line.
function M.line(root, target, variants, spec)
  local file, n = spec:match("^(.+):(%d+)$")
  if not file then util.fail("explain: expected <file>:<line> like rt0_linux_amd64.S:42; got '%s'", spec) end
  n = tonumber(n)
  local r, files, order = M.render_all(root, target, variants)
  local name = util.basename(file)
  local f = files[name]
  if not f then
    if name == asm_offsets.output then
      return { string.format("%s/%s: made by gen/asm_offsets.lua from the compiler's view of %s (struct "
        .. "offsets for the asm), not from a template", generate.gendir(r), name, asm_offsets.source) }
    end
    util.fail("explain: %s makes no file %s; it makes %s", loader.build_name(r), name,
      table.concat(order, ", "))
  end
  local text = nth_line(f.text, n)
  if not text then util.fail("explain: %s has %d lines; no line %d", f.path, #f.reads, n) end
  local out = { string.format("%s:%d: %s", f.path, n, text) }
  local committed = util.read_file(root .. "/" .. f.path)
  if committed and nth_line(committed, n) ~= text then
    out[#out + 1] = string.format("  (the file on disk differs here: it is stale; %s shows what gen would change)",
      util.cli("diff", target))
  end
  if not f.lines[n] then
    out[#out + 1] = "  made by gen/render.lua: the header every generated file starts with"
    return out
  end
  local template = f.files[n] or f.template
  local tl = nth_line(assert(util.read_file(root .. "/" .. template)), f.lines[n])
  out[#out + 1] = string.format("  template %s:%d: %s", template, f.lines[n], tl)
  local reads = f.reads[n] or {}
  if #reads == 0 then
    out[#out + 1] = "  fields: none (the template's own text)"
  else
    local rows, width = {}, 0
    for _, p in ipairs(reads) do
      local left = p .. " = " .. M.literal(value_of(r.table, p))
      width = math.max(width, #left)
      rows[#rows + 1] = { left = left, origin = M.origin(r, p) }
    end
    for i, row in ipairs(rows) do
      out[#out + 1] = (i == 1 and "  fields: " or "          ") .. row.left .. string.rep(" ", width - #row.left)
        .. "   -- " .. row.origin
    end
  end
  return out
end

local function related(read, path)
  local function under(p, prefix)
    local c = p:sub(#prefix + 1, #prefix + 1)
    return p:sub(1, #prefix) == prefix and (c == "." or c == "[")
  end
  return read == path or under(read, path) or under(path, read)
end

-- Every generated line that reads field path (or something under it).
function M.field(root, target, variants, path)
  local r, files, order = M.render_all(root, target, variants)
  local v = value_of(r.table, path)
  if v == nil then
    util.fail("explain: %s has no field %s (%s lists them)", loader.build_name(r), path, util.cli("explain", target))
  end
  local hits = {}
  for _, name in ipairs(order) do
    local f = files[name]
    local i = 0
    for line in (f.text):gmatch("(.-)\n") do
      i = i + 1
      for _, rd in ipairs(f.reads[i] or {}) do
        if related(rd, path) then
          hits[#hits + 1] = { where = f.path .. ":" .. i, line = line,
            template = (f.files[i] or f.template) .. ":" .. f.lines[i],
            via = rd ~= path and rd or nil }
          break
        end
      end
    end
  end
  local out = { string.format("%s = %s (%s) reaches %d generated line%s", path, M.literal(v), M.origin(r, path),
    #hits, #hits == 1 and "" or "s") }
  local width = 0
  for _, h in ipairs(hits) do width = math.max(width, #h.where) end
  for _, h in ipairs(hits) do
    out[#out + 1] = string.format("  %s%s  %s   <- %s%s", h.where, string.rep(" ", width - #h.where),
      h.line:gsub("^%s+", ""), h.template, h.via and " (reads " .. h.via .. ")" or "")
  end
  if #hits == 0 then
    out[#out + 1] = "  no template reads it (the core may still see it through generated constants)"
  end
  return out
end

return M
