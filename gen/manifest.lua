-- templates/manifest.lua: which template makes which generated file, and what each
-- template declares about the table.
--
-- An entry is { template =, output =, os =, arch =, implements =, requires = }:
--   os, arch    select the targets the entry applies to (absent: every target);
--   output      the generated file's name, with {os}/{arch} filled in;
--   implements  field path -> { value -> { field paths that value needs } }: the values of
--               a field (tls.method, link.mode, syscall_abi.error) the template handles.
--               The schema accepts exactly these (all templates that declare a field
--               must handle the value), so a new method is a template line, not a code edit;
--   requires    field paths the template reads whatever the values: they become required.
local util = require "gen.util"

local M = {}

M.FILE = "templates/manifest.lua"

local cache = {}

-- The manifest's entries, checked for shape (cached per root and file contents).
function M.load(root)
  local path = root .. "/" .. M.FILE
  if not util.exists(path) then return {} end
  local src = util.read_file(path)
  if cache[path] and cache[path].src == src then return cache[path].list end
  local chunk, err = load(src, "@" .. M.FILE, "t", {})
  if not chunk then util.fail("%s", err) end
  local ok, v = pcall(chunk)
  if not ok then util.fail("%s", tostring(v)) end
  if type(v) ~= "table" then util.fail("%s: expected the file to return a list of entries", M.FILE) end
  for i, e in ipairs(v) do
    if type(e) ~= "table" or type(e.template) ~= "string" or type(e.output) ~= "string" then
      util.fail("%s: entry %d: expected { template = \"...\", output = \"...\" }", M.FILE, i)
    end
    for _, k in ipairs({ "implements", "requires", "stubs" }) do
      if e[k] ~= nil and type(e[k]) ~= "table" then
        util.fail("%s: entry %d (%s): %s: expected a table; got %s", M.FILE, i, e.template, k, type(e[k]))
      end
    end
  end
  cache[path] = { src = src, list = v }
  return v
end

local function selects(e, T, ignore_arch)
  return (e.os == nil or e.os == T.os) and (ignore_arch or e.arch == nil or e.arch == T.arch)
end

local function specificity(e) return (e.os and 1 or 0) + (e.arch and 1 or 0) end

-- The entries that apply to table T (only os and arch are read), with their manifest
-- index. Where several make the same output, the most specific wins: an entry for os and
-- arch replaces one for the arch alone (darwin-arm64's own rt0 next to the arm64 one), so
-- a port adds files and manifest lines instead of editing a shared template. Two equally
-- specific entries for one output are an error.
function M.applicable(root, T)
  local list, by_output = {}, {}
  for i, e in ipairs(M.load(root)) do
    if selects(e, T) then
      local out = e.output:gsub("{(%w+)}", function(k) return tostring(T[k]) end)
      local prev = by_output[out]
      if not prev then
        by_output[out] = { index = i, entry = e }
        list[#list + 1] = by_output[out]
      elseif specificity(e) > specificity(prev.entry) then
        prev.index, prev.entry = i, e
      elseif specificity(e) == specificity(prev.entry) then
        util.fail("%s: entry %d: %s is also made by templates/%s", M.FILE, i, out, prev.entry.template)
      end
    end
  end
  return list
end

-- What the applicable templates declare about T's fields:
--   values[path] = { list = sorted values every declaring template handles, by = { templates },
--                    needs = { value -> { paths } } }
--   required[path] = the template that reads it
--   nil when root has no manifest (a table checked on its own).
function M.declared(root, T)
  if not util.exists(root .. "/" .. M.FILE) then return nil end
  local values, required = {}, {}
  for _, a in ipairs(M.applicable(root, T)) do
    local e = a.entry
    for _, path in ipairs(util.sorted_keys(e.implements or {})) do
      local decl = e.implements[path]
      local v = values[path]
      if not v then
        v = { set = {}, by = {}, needs = {} }
        for _, value in ipairs(util.sorted_keys(decl)) do v.set[value] = true end
        values[path] = v
      else
        for value in pairs(v.set) do
          if decl[value] == nil then v.set[value] = nil end
        end
      end
      v.by[#v.by + 1] = "templates/" .. e.template
      for _, value in ipairs(util.sorted_keys(decl)) do
        local needs = v.needs[value] or {}
        for _, p in ipairs(type(decl[value]) == "table" and decl[value] or {}) do needs[#needs + 1] = p end
        v.needs[value] = needs
      end
    end
    for _, path in ipairs(e.requires or {}) do
      required[path] = required[path] or "templates/" .. e.template
    end
  end
  for _, v in pairs(values) do v.list = util.sorted_keys(v.set) end
  return { values = values, required = required }
end

local function output_name(e, i, T)
  return (e.output:gsub("{(%w+)}", function(k)
    local v = T[k]
    if type(v) ~= "string" then
      util.fail("%s: entry %d: output uses {%s}, not a string field", M.FILE, i, k)
    end
    return v
  end))
end

-- The outputs T needs that no applicable entry makes: an output is needed when an entry
-- for it applies to T's OS whatever its arch (a new arch needs every per-arch file of its
-- OS), and a new OS (no entry names it) needs every output named for {os}.
local function missing_outputs(manifest, T, made)
  local known_os = false
  for _, e in ipairs(manifest) do known_os = known_os or e.os == T.os end
  local missing, seen = {}, {}
  for i, e in ipairs(manifest) do
    local needed
    if known_os then needed = selects(e, T, true)
    else needed = e.os == nil or e.output:find("{os}", 1, true) ~= nil end
    if needed then
      local out = output_name(e, i, T)
      if not made[out] and not seen[out] then
        seen[out] = true
        missing[#missing + 1] = string.format("%s: no template makes %s for %s-%s (entry %d makes it from "
          .. "templates/%s for %s): add a template and its manifest line", M.FILE, out, tostring(T.os),
          tostring(T.arch), i, e.template, e.arch and "arch " .. e.arch or "os " .. tostring(e.os))
      end
    end
  end
  return missing
end

-- The entries that apply to T, each { template = "templates/...", output = name, stubs = }. Fails,
-- naming every problem, when an applicable entry's template does not exist or an output
-- T needs has no entry: nothing is written for a target that cannot be complete.
function M.entries(root, T)
  local manifest = M.load(root)
  local list, seen, problems = {}, {}, {}
  for _, a in ipairs(M.applicable(root, T)) do
    local e, i = a.entry, a.index
    local out = output_name(e, i, T)
    if seen[out] then
      util.fail("%s: entry %d: %s is also made by templates/%s", M.FILE, i, out, seen[out])
    end
    seen[out] = e.template
    if not util.exists(root .. "/templates/" .. e.template) then
      problems[#problems + 1] = string.format("%s: entry %d: templates/%s does not exist (it makes %s)",
        M.FILE, i, e.template, out)
    end
    list[#list + 1] = { template = "templates/" .. e.template, output = out, stubs = e.stubs }
  end
  for _, p in ipairs(missing_outputs(manifest, T, seen)) do problems[#problems + 1] = p end
  if #problems > 0 then util.fail("%s", table.concat(problems, "\n")) end
  return list
end

return M
