-- Loads a target table with its layers and variants and merges them.
--
-- arch/<target>.lua names its layers in `inherit` (relative to arch/, merged in
-- order, the target on top); variants/<v>.lua files go on top of that, left to
-- right. Maps merge key by key; sequences are replaced whole. Every field path
-- remembers the file and line its value came from (origins), for error
-- messages and `build.lua explain`.
local util = require "gen.util"
local todo = require "gen.todo"

local M = {}

-- Tokenizer ------------------------------------------------------------------
-- Lua keeps no line numbers for table constructors, so we scan the source:
-- enough of Lua's lexer to skip comments and strings and see { } [ ] = , ;

local function long_bracket(src, i)
  -- At src[i] == "[": returns the closing index of a long bracket, or nil.
  local eqs = src:match("^%[(=*)%[", i)
  if not eqs then return nil end
  local _, close = src:find("]" .. eqs .. "]", i + #eqs + 2, true)
  return close or #src, #eqs + 2
end

local function tokenize(src)
  local toks, i, line, n = {}, 1, 1, #src
  local function add(kind, value) toks[#toks + 1] = { kind = kind, value = value, line = line } end
  local function advance(j)
    local _, nl = src:sub(i, j):gsub("\n", "")
    line = line + nl
    i = j + 1
  end
  while i <= n do
    local c = src:sub(i, i)
    if c:match("%s") then
      advance(i)
    elseif src:sub(i, i + 1) == "--" then
      local close = src:sub(i + 2, i + 2) == "[" and long_bracket(src, i + 2)
      advance(close or (src:find("\n", i, true) or n + 1) - 1)
    elseif c == "[" and long_bracket(src, i) then
      local close, open = long_bracket(src, i)
      add("string", src:sub(i + open, close - open))
      advance(close)
    elseif c == '"' or c == "'" then
      local j = i + 1
      while j <= n and src:sub(j, j) ~= c do
        if src:sub(j, j) == "\\" then j = j + 1 end
        j = j + 1
      end
      add("string", src:sub(i + 1, j - 1))
      advance(j)
    elseif c:match("[%a_]") then
      local name = src:match("^[%w_]+", i)
      add("name", name)
      advance(i + #name - 1)
    elseif c:match("%d") or (c == "." and src:sub(i + 1, i + 1):match("%d")) then
      local num = src:match("^0[xX][%x%.]*[pP]?[%+%-]?%x*", i) or src:match("^[%d%.]+[eE]?[%+%-]?%d*", i)
      add("number", num)
      advance(i + #num - 1)
    else
      local op = src:match("^==", i) or src:match("^~=", i) or src:match("^<=", i)
        or src:match("^>=", i) or src:match("^%.%.%.?", i) or src:match("^::", i)
        or src:match("^//", i) or src:match("^<<", i) or src:match("^>>", i) or c
      add("sym", op)
      advance(i + #op - 1)
    end
  end
  add("eof", "")
  return toks
end

-- Maps field paths of the returned table constructor to source lines.
-- Best effort: a file that neither returns a constructor nor a local it made with one
-- gets no lines.
function M.line_map(src)
  local toks = tokenize(src)
  local pos, lines = 1, {}
  local function tok(k) return toks[pos + (k or 0)] end
  local function is(kind, value, k)
    local t = tok(k)
    return t.kind == kind and (value == nil or t.value == value)
  end

  local parse_table
  local function skip_expression()
    local depth = 0
    while not is("eof") do
      local t = tok()
      if t.kind == "sym" then
        if t.value == "(" or t.value == "{" or t.value == "[" then
          depth = depth + 1
        elseif t.value == ")" or t.value == "}" or t.value == "]" then
          if depth == 0 then return end
          depth = depth - 1
        elseif depth == 0 and (t.value == "," or t.value == ";") then
          return
        end
      end
      pos = pos + 1
    end
  end
  local function parse_value(path, line)
    lines[path] = line
    if is("sym", "{") then parse_table(path) else skip_expression() end
  end
  parse_table = function(prefix)
    pos = pos + 1 -- {
    local index = 0
    while not is("eof") and not is("sym", "}") do
      local t = tok()
      if t.kind == "name" and is("sym", "=", 1) then
        pos = pos + 2
        parse_value(util.join_path(prefix, t.value), t.line)
      elseif is("sym", "[") and (is("string", nil, 1) or is("number", nil, 1))
          and is("sym", "]", 2) and is("sym", "=", 3) then
        local key = tok(1)
        local k = key.kind == "number" and math.tointeger(tonumber(key.value)) or key.value
        pos = pos + 4
        parse_value(util.join_path(prefix, k), t.line)
      elseif is("sym", "[") then
        skip_expression() -- [computed] = value: no line for it
        if is("sym", "]") then pos = pos + 1 end
        if is("sym", "=") then pos = pos + 1; skip_expression() end
      else
        index = index + 1
        parse_value(util.join_path(prefix, index), t.line)
      end
      if is("sym", ",") or is("sym", ";") then pos = pos + 1 end
    end
    pos = pos + 1 -- }
  end

  -- `return { ... }`, or `local t = { ... }` ... `return t` (the last such constructor of t).
  local ctor = {}
  while not is("eof") do
    if is("name", "return") and is("sym", "{", 1) then
      pos = pos + 1
      lines[""] = tok().line
      parse_table("")
      return lines
    elseif is("name", "local") and is("name", nil, 1) and is("sym", "=", 2) and is("sym", "{", 3) then
      ctor[tok(1).value] = pos + 3
    elseif is("name", "return") and is("name", nil, 1) and ctor[tok(1).value] then
      pos = ctor[tok(1).value]
      lines[""] = tok().line
      parse_table("")
      return lines
    end
    pos = pos + 1
  end
  return lines
end

-- Loading files --------------------------------------------------------------

-- The line of path in a file's line map, or of the nearest enclosing table that has one.
local function line_of(lines, path)
  while true do
    if lines[path] then return lines[path] end
    if path == "" then return nil end
    path = path:match("^(.*)%[[^%[]*%]$") or path:match("^(.*)%.[^%.%[]*$") or ""
  end
end
M.line_of = line_of

-- Runs a data file in an empty environment; `name` is how messages show it.
local function load_data(path, name)
  local src, err = util.read_file(path)
  if not src then util.fail("%s: cannot read: %s", name, err) end
  local chunk, msg = load(src, "@" .. name, "t", todo.env())
  if not chunk then util.fail("%s", msg) end
  local ok, value = pcall(chunk)
  if not ok then util.fail("%s", tostring(value)) end
  local lines = M.line_map(src)
  -- A file that builds its table in code (`local t = {...}; return t`) has no constructor
  -- lines: its values are blamed on the last line that runs, the return.
  if lines[""] == nil then
    local last = 0
    for l in pairs(debug.getinfo(chunk, "L").activelines or {}) do last = math.max(last, l) end
    lines[""] = last > 0 and last or nil
  end
  if type(value) ~= "table" then
    util.fail("%s:%s: expected the file to return a table; got %s", name, lines[""] or "?", type(value))
  end
  local cycle, to = M.find_cycle(value)
  if cycle then
    util.fail("%s:%s: %s: expected plain data (tables inside tables); got a table that contains itself (%s)",
      name, M.line_of(lines, cycle) or "?", cycle, to == "" and "the file's table" or to)
  end
  return value, lines
end

-- The first path (in key order) at which t reaches a table it is inside of, and that
-- table's path; nil when t is a tree. Merging and checking walk tables recursively, so a
-- cycle must be refused before they see it.
function M.find_cycle(t)
  local found, to
  local function walk(v, path, inside)
    inside[v] = path
    for k, x in pairs(v) do
      if type(x) == "table" then
        local p = util.join_path(path, type(k) == "number" and k or tostring(k))
        if inside[x] then
          if not found or util.path_less(p, found) then found, to = p, inside[x] end
        else
          walk(x, p, inside)
        end
      end
    end
    inside[v] = nil
  end
  walk(t, "", {})
  return found, to
end


function M.targets(root)
  local names = {}
  for _, f in ipairs(util.list_dir(root .. "/arch")) do
    local name = f:match("^(.+)%.lua$")
    if name and not util.is_dir(root .. "/arch/" .. f) then names[#names + 1] = name end
  end
  return names
end

function M.variant_names(root)
  local names = {}
  for _, f in ipairs(util.list_dir(root .. "/variants")) do
    local name = f:match("^(.+)%.lua$")
    if name then names[#names + 1] = name end
  end
  return names
end

-- Files of an arch table and its layers, layers first: { {name=, data=, lines=} }.
-- from: "file:line" of the inherit that names this layer (for a cycle's message).
local function arch_files(root, rel, files, visiting, from)
  local name = "arch/" .. rel .. ".lua"
  if visiting[name] then
    util.fail("%s: inherit: expected layers that do not inherit each other; got a cycle back to %s", from, name)
  end
  visiting[name] = true
  local data, lines = load_data(root .. "/" .. name, name)
  local at = name .. ":" .. (line_of(lines, "inherit") or "?")
  local inherit = data.inherit
  data.inherit = nil
  if inherit ~= nil then
    if type(inherit) ~= "table" or util.table_kind(inherit) == "map" then
      util.fail("%s: inherit: expected a list of layer names (like \"os/linux\"); got %s",
        at, type(inherit))
    end
    for i, layer in ipairs(inherit) do
      if type(layer) ~= "string" then
        util.fail("%s: inherit[%d]: expected a layer name (a string); got %s", at, i, type(layer))
      end
      if not util.exists(root .. "/arch/" .. layer .. ".lua") then
        util.fail("%s: inherit[%d]: no such layer '%s' (arch/%s.lua not found)", at, i, layer, layer)
      end
      arch_files(root, layer, files, visiting, at)
    end
  end
  files[#files + 1] = { name = name, data = data, lines = lines }
  visiting[name] = nil
  return files
end

-- Splits "libc,debug" into { {name=, file=, path=} }.
local function variant_specs(root, list)
  local specs = {}
  if type(list) == "string" then
    local t = {}
    for v in list:gmatch("[^,]+") do t[#t + 1] = v end
    list = t
  end
  for _, v in ipairs(list or {}) do
    v = v:match("^%s*(.-)%s*$")
    if v:find("/", 1, true) or v:match("%.lua$") then
      if not util.exists(v) then util.fail("no such variant file '%s'", v) end
      specs[#specs + 1] = { name = util.basename(v):gsub("%.lua$", ""), file = v, path = v }
    else
      local path = root .. "/variants/" .. v .. ".lua"
      if not util.exists(path) then
        util.fail("no such variant '%s' (variants/%s.lua not found); variants: %s",
          v, v, table.concat(M.variant_names(root), ", "))
      end
      specs[#specs + 1] = { name = v, file = "variants/" .. v .. ".lua", path = path }
    end
  end
  return specs
end

-- Merging --------------------------------------------------------------------

local function under(p, prefix)
  local c = p:sub(#prefix + 1, #prefix + 1)
  return p == prefix or (p:sub(1, #prefix) == prefix and (c == "." or c == "["))
end

local function record(origins, path, value, file, lines)
  origins[path] = { file = file, line = line_of(lines, path) }
  if type(value) == "table" then
    for k, v in pairs(value) do record(origins, util.join_path(path, k), v, file, lines) end
  end
end

local function merge(dst, src, prefix, file, lines, origins)
  for _, k in ipairs(util.sorted_keys(src)) do
    local v, d = src[k], dst[k]
    local path = util.join_path(prefix, k)
    local vk = type(v) == "table" and util.table_kind(v)
    local dk = type(d) == "table" and util.table_kind(d)
    if vk and vk ~= "seq" and (dk == "map" or (dk == "empty" and vk == "map")) then
      origins[path] = origins[path] or { file = file, line = line_of(lines, path) }
      merge(d, v, path, file, lines, origins)
    else
      for p in pairs(origins) do
        if under(p, path) then origins[p] = nil end
      end
      dst[k] = util.deepcopy(v)
      record(origins, path, v, file, lines)
    end
  end
end

-- A variant's `only = { ["field.path"] = value, ... }`: the values the target's own table
-- (its layers, before any variant) must have for the variant to make sense (libc turns a
-- freestanding target hosted; on a target that is always hosted it only breaks the TLS
-- and entry it has). Taken out of the variant's data, checked, and never merged.
local function check_only(data, lines, spec, r, own, own_origins)
  local only = data.only
  data.only = nil
  if only == nil then return end
  local at = spec.file .. ":" .. (line_of(lines, "only") or "?")
  if type(only) ~= "table" then
    util.fail("%s: only: expected a table of field path = value; got %s", at, type(only))
  end
  for _, path in ipairs(util.sorted_keys(only)) do
    local want = only[path]
    if type(path) ~= "string" or type(want) == "table" then
      util.fail("%s: only: expected a table of field path = value (like [\"link.mode\"] = \"freestanding\"); "
        .. "got %s = %s", at, tostring(path), type(want))
    end
    local have = own
    for name in path:gmatch("[^%.]+") do have = type(have) == "table" and have[name] or nil end
    if have ~= want then
      local o = own_origins[path]
      util.fail("%s: only.%s: expected a target whose %s is %s; %s's is %s%s: %s is always %s, so variant "
        .. "%s does not apply to it", at, path, path, tostring(want), r.target, tostring(have),
        o and " (" .. M.origin_string(o) .. ")" or "", r.target, tostring(have), spec.name)
    end
  end
end

-- Resolves a target and its variants. Returns a record:
--   table    the merged description table
--   origins  field path -> { file =, line = } ("" is the target file)
--   target, target_file, layers (files), variants (names), variant_files
function M.resolve(target, variants, root)
  root = root or "."
  local path = root .. "/arch/" .. target .. ".lua"
  if target:find("/", 1, true) or not util.exists(path) or util.is_dir(path) then
    util.fail("no such target '%s' (arch/%s.lua not found); targets: %s",
      target, target, table.concat(M.targets(root), ", "))
  end
  local files = arch_files(root, target, {}, {})
  local specs = variant_specs(root, variants)
  local resolved, origins = {}, {}
  local r = {
    target = target, target_file = files[#files].name, layers = {},
    variants = {}, variant_files = {}, root = root,
  }
  for i = 1, #files - 1 do r.layers[i] = files[i].name end
  local own, own_origins = {}, {} -- the target's table before any variant
  for _, f in ipairs(files) do merge(own, f.data, "", f.name, f.lines, own_origins) end
  for _, s in ipairs(specs) do
    local data, lines = load_data(s.path, s.file)
    check_only(data, lines, s, r, own, own_origins)
    files[#files + 1] = { name = s.file, data = data, lines = lines }
    r.variants[#r.variants + 1] = s.name
    r.variant_files[#r.variant_files + 1] = s.file
  end
  for _, f in ipairs(files) do merge(resolved, f.data, "", f.name, f.lines, origins) end
  origins[""] = { file = r.target_file, line = files[#files - #specs].lines[""] }
  r.table, r.origins = resolved, origins
  return r
end

-- "linux-amd64" or "linux-amd64-libc-debug": names build directories.
function M.build_name(r)
  if #r.variants == 0 then return r.target end
  return r.target .. "-" .. table.concat(r.variants, "-")
end

function M.origin_string(o)
  if not o then return "?" end
  return o.line and (o.file .. ":" .. o.line) or o.file
end

return M
