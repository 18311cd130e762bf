-- `build.lua check-table <target>`: every value a table states that the target's own
-- kernel headers also define, compared with what the headers say. The probe is
-- generated from the table and compiled for the target (gen/port/kheaders.lua), so the
-- header values are what C code built for the target sees: syscall numbers (__NR_*),
-- auxv tags (AT_*), every constant by name (PROT_/MAP_/MADV_ flags, signals, errno,
-- clock ids, futex ops, clone flags, open flags), ARCH_SET_FS, the pointer size, and
-- the size and field offsets of each struct layout, compared with the headers' own type
-- (structs.<name>.header_type, default struct <name>; header_fields names members that differ).
--
-- A value that deliberately differs is listed in the table's `waivers` with its
-- reason; a waiver that no longer applies (the values agree, or the headers or the
-- table lost the value) fails the check, so waivers cannot go stale. A struct layout value
-- the headers cannot confirm (no such type or member) fails too unless waived: a layout
-- nobody checked is how a wrong one ships.
local util = require "gen.util"
local loader = require "gen.load"
local schema = require "gen.schema"
local kheaders = require "gen.port.kheaders"
local todo = require "gen.todo"

local M = {}

-- What a table states that headers can answer: { path =, value =, expr =, guard = } where
-- guard is the macro that must be defined, or type (a C type) for struct layouts.
function M.items(T)
  local items = {}
  local function add(path, value, expr, guard, ctype)
    if math.type(value) == "integer" then
      items[#items + 1] = { path = path, value = value, expr = expr, guard = guard, ctype = ctype }
    end
  end
  add("ptr_size", T.ptr_size, "sizeof(void *)")
  if type(T.tls) == "table" then add("tls.arch_set_fs", T.tls.arch_set_fs, "ARCH_SET_FS", "ARCH_SET_FS") end
  for i, a in ipairs(type(T.auxv) == "table" and T.auxv or {}) do
    if type(a) == "table" and type(a.name) == "string" and a.name:match("^[%a_][%w_]*$") then
      add(util.join_path(util.join_path("auxv", i), "tag"), a.tag, a.name, a.name)
    end
  end
  local constants = type(T.constants) == "table" and T.constants or {}
  for _, name in ipairs(util.sorted_keys(constants)) do
    if type(name) == "string" and name:match("^[%a_][%w_]*$") then
      add(util.join_path("constants", name), constants[name], name, name)
    end
  end
  local syscalls = type(T.syscalls) == "table" and T.syscalls or {}
  for _, name in ipairs(util.sorted_keys(syscalls)) do
    local s = syscalls[name]
    if type(name) == "string" and name:match("^[%a_][%w_]*$") and type(s) == "table" then
      add("syscalls." .. name .. ".nr", s.nr, "__NR_" .. name, "__NR_" .. name)
    end
  end
  local structs = type(T.structs) == "table" and T.structs or {}
  for _, name in ipairs(util.sorted_keys(structs)) do
    local s = structs[name]
    if type(name) == "string" and name:match("^[%a_][%w_]*$") and type(s) == "table" then
      local ctype = type(s.header_type) == "string" and s.header_type or "struct " .. name
      local members = type(s.header_fields) == "table" and s.header_fields or {}
      add("structs." .. name .. ".size", s.size, "sizeof(" .. ctype .. ")", nil, ctype)
      local fields = type(s.fields) == "table" and s.fields or {}
      for _, f in ipairs(util.sorted_keys(fields)) do
        if type(f) == "string" and f:match("^[%a_][%w_]*$") then
          local member = type(members[f]) == "string" and members[f] or f
          add("structs." .. name .. ".fields." .. f, fields[f],
            string.format("__builtin_offsetof(%s, %s)", ctype, member), nil, ctype)
          items[#items].member = member
        end
      end
    end
  end
  return items
end

-- Asks the headers about every item: fills item.header (the value, nil when the headers
-- do not define it) and item.where (the header file, for macros).
function M.ask(set, items)
  local defs = kheaders.defines(set)
  local exprs, index = {}, {}
  for i, it in ipairs(items) do
    if it.ctype then
      exprs[#exprs + 1] = it.expr
      index[#exprs] = i
    end
  end
  local compiles = kheaders.compiles(set, exprs)
  local probe = {}
  for j, i in ipairs(index) do items[i].compiles = compiles[j] end
  for _, it in ipairs(items) do
    local known = it.guard == nil and (it.ctype == nil or it.compiles)
    if it.guard and defs[it.guard] then
      known = true
      it.where = defs[it.guard].header
    elseif it.ctype and it.compiles then
      it.where = it.ctype
    elseif not it.guard and not it.ctype then
      it.where = "sizeof(void *)"
    end
    if known then probe[#probe + 1] = it end
  end
  local values = kheaders.evaluate(set, probe)
  for j, it in ipairs(probe) do it.header = values[j] end
end

local function show(v)
  if math.type(v) ~= "integer" then return tostring(v) end
  if v >= 16 then return string.format("%d/0x%x", v, v) end
  return string.format("%d", v)
end
M.show = show

-- Checks target (+ variants) in root. Returns a report:
--   target, checkable (false: why = the reason), set (the headers), checked, missing (paths),
--   todos (paths), mismatches, stale (lines), waived (paths), lines (every failing line)
function M.check(root, target, variants)
  local r = loader.resolve(target, variants or {}, root)
  local problems = schema.validate_resolved(r)
  local rep = { target = target, resolved = r, checked = 0, missing = {}, todos = {}, mismatches = {},
    unconfirmed = {}, stale = {}, waived = {}, lines = {} }
  for _, p in ipairs(problems) do
    if not p:find(": TODO: ", 1, true) then util.fail("%s", table.concat(problems, "\n")) end
  end
  local T = r.table
  local set, why = kheaders.for_table(T)
  if not set then
    rep.checkable, rep.why = false, why
    return rep
  end
  rep.checkable, rep.set = true, set
  for _, t in ipairs(todo.find(T)) do rep.todos[#rep.todos + 1] = t.path end
  local items = M.items(T)
  M.ask(set, items)
  local by_path = {}
  local waivers = type(T.waivers) == "table" and T.waivers or {}
  local function where(path)
    return loader.origin_string(r.origins[path] or { file = r.target_file })
  end
  for _, it in ipairs(items) do
    by_path[it.path] = it
    if it.header == nil and it.ctype and not waivers[it.path] then
      local what = it.member and string.format("%s has no member %s", it.ctype, it.member)
        or it.ctype .. " is not in the headers"
      local line = string.format("%s: %s: table %s, not confirmed by the headers (%s): fix the layout, name the "
        .. "headers' type and members (header_type, header_fields), or waive it with a reason", where(it.path),
        it.path, show(it.value), what)
      rep.unconfirmed[#rep.unconfirmed + 1] = line
      rep.lines[#rep.lines + 1] = line
    elseif it.header == nil then
      rep.missing[#rep.missing + 1] = it.path
    else
      rep.checked = rep.checked + 1
      if it.header ~= it.value and not waivers[it.path] then
        local line = string.format("%s: %s: table %s, header %s (%s)", where(it.path), it.path, show(it.value),
          show(it.header), it.where)
        rep.mismatches[#rep.mismatches + 1] = line
        rep.lines[#rep.lines + 1] = line
      end
    end
  end
  for _, path in ipairs(util.sorted_keys(waivers)) do
    local it = by_path[path]
    local wpath = util.join_path("waivers", path)
    local stale
    if not it then
      stale = "the table states no such value that the headers could check"
    elseif it.header == nil and not it.ctype then
      stale = "the headers do not define it (nothing to waive)"
    elseif it.header == it.value then
      stale = "table and header agree (" .. show(it.value) .. "): remove the waiver"
    end
    if stale then
      local line = string.format("%s: %s: waiver no longer applies: %s", where(wpath), wpath, stale)
      rep.stale[#rep.stale + 1] = line
      rep.lines[#rep.lines + 1] = line
    else
      rep.waived[#rep.waived + 1] = path
    end
  end
  return rep
end

-- The `build.lua test` suite: one test per target; a target with no headers here is skipped.
function M.suite(root, R)
  for _, t in ipairs(loader.targets(root)) do
    local name = "check-table: " .. t
    local ok, rep = util.protect(M.check, root, t)
    if not ok then
      R.fail(name, rep)
    elseif not rep.checkable then
      R.skip(name, "not checkable: " .. rep.why)
    elseif #rep.lines > 0 then
      R.fail(name, table.concat(rep.lines, "\n"))
    else
      R.pass(name)
    end
  end
end

-- The command: returns the report's lines (build.lua prints them) and the exit code (0
-- also when not checkable).
function M.command(root, target, variants, verbose)
  local rep = M.check(root, target, variants)
  if not rep.checkable then
    return { string.format("%s: not checkable: %s", target, rep.why) }, 0
  end
  local out = {}
  for _, l in ipairs(rep.lines) do out[#out + 1] = l end
  if verbose then
    for _, p in ipairs(rep.missing) do out[#out + 1] = "not in the headers: " .. p end
    for _, p in ipairs(rep.waived) do
      out[#out + 1] = string.format("waived: %s: %s", p, rep.resolved.table.waivers[p])
    end
  end
  local s = string.format("%s: %d values checked against %s headers (%s): %d mismatched, %d not in the headers, "
    .. "%d waived", target, rep.checked, rep.set.triple, rep.set.package, #rep.mismatches, #rep.missing, #rep.waived)
  if #rep.unconfirmed > 0 then s = s .. string.format(", %d layout values unconfirmed", #rep.unconfirmed) end
  if #rep.stale > 0 then s = s .. string.format(", %d stale waivers", #rep.stale) end
  if #rep.todos > 0 then s = s .. string.format(", %d TODO", #rep.todos) end
  out[#out + 1] = s
  return out, #rep.lines == 0 and 0 or 1
end

return M
