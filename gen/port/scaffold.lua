-- Writes a scaffold plan (gen/port/newport.lua's plan) as a table file: the fields in the
-- order a reader expects, Lua literals as the source tables write them, TODO markers
-- with their hints, and each value's note as a comment.
local util = require "gen.util"

local M = {}
local split = util.path_tokens

-- Lua literals -----------------------------------------------------------------

local INLINE_KEYS = { "name", "tag", "nr", "nargs", "size", "fields", "action", "ret", "params" }

local function key_literal(k)
  if type(k) == "number" then return nil end
  if k:match("^[%a_][%w_]*$") then return k end
  return "[" .. string.format("%q", k) .. "]"
end

local function value_literal(v, lit)
  if lit then return lit end
  if type(v) == "string" then return util.show(v) end
  if type(v) ~= "table" then return tostring(v) end
  local kind = util.table_kind(v)
  local parts = {}
  if kind == "seq" then
    for _, x in ipairs(v) do parts[#parts + 1] = value_literal(x) end
  else
    local keys, seen = {}, {}
    for _, k in ipairs(INLINE_KEYS) do if v[k] ~= nil then keys[#keys + 1] = k; seen[k] = true end end
    for _, k in ipairs(util.sorted_keys(v)) do if not seen[k] then keys[#keys + 1] = k end end
    for _, k in ipairs(keys) do parts[#parts + 1] = key_literal(k) .. " = " .. value_literal(v[k]) end
  end
  if #parts == 0 then return "{}" end
  return "{ " .. table.concat(parts, ", ") .. " }"
end

-- Writing the file -------------------------------------------------------------

M.TOP = {
  "os", "arch", "wip", "toolchain", "asm", "cflags", "link", "entry", "ptr_size", "stack_align", "red_zone",
  "cacheline", "function_align", "regs", "cpuid", "tls", "threads", "sleep", "clock", "vdso", "auxv",
  "auxv_fallback", "apple", "osinit", "g0", "stacks", "sched", "signals", "runtime_text", "sigctx",
  "syscall_abi", "syscalls", "libsystem",
  "constants", "structs",
}
-- Word-wraps text into comment lines at indent.
local function comment(text, indent)
  local out, line = {}, indent .. "--"
  for word in text:gmatch("%S+") do
    if #line + #word + 1 > 100 and line ~= indent .. "--" then
      out[#out + 1] = line
      line = indent .. "--"
    end
    line = line .. " " .. word
  end
  out[#out + 1] = line
  return out
end

local function todo_literal(hint)
  return "TODO " .. util.show(hint)
end

-- The tree of entries: node = { children = {key -> node}, keys = {}, entry = e }.
local function tree(entries)
  local root = { children = {}, keys = {} }
  local paths = util.sorted_keys(entries)
  table.sort(paths, util.path_less)
  for _, path in ipairs(paths) do
    local n = root
    for _, k in ipairs(split(path)) do
      if not n.children[k] then
        n.children[k] = { children = {}, keys = {}, key = k }
        n.keys[#n.keys + 1] = k
      end
      n = n.children[k]
    end
    n.entry = entries[path]
  end
  return root
end

local function first_order(n)
  if n.entry then return n.entry.order or { 99, 0 } end
  local best
  for _, k in ipairs(n.keys) do
    local o = first_order(n.children[k])
    if not best or o[1] < best[1] or (o[1] == best[1] and o[2] < best[2]) then best = o end
  end
  return best or { 99, 0 }
end

local function sort_keys(n, top)
  local rank = {}
  if top then for i, k in ipairs(M.TOP) do rank[k] = i end end
  local ord = {}
  for _, k in ipairs(n.keys) do ord[k] = first_order(n.children[k]) end
  table.sort(n.keys, function(a, b)
    local ra, rb = rank[a] or 1000, rank[b] or 1000
    if ra ~= rb then return ra < rb end
    local oa, ob = ord[a], ord[b]
    if oa[1] ~= ob[1] then return oa[1] < ob[1] end
    if oa[2] ~= ob[2] then return oa[2] < ob[2] end
    if type(a) ~= type(b) then return type(a) == "number" end
    return a < b
  end)
end

local function inline_keys(n)
  local keys, seen = {}, {}
  for _, k in ipairs(INLINE_KEYS) do if n.children[k] then keys[#keys + 1] = k; seen[k] = true end end
  for _, k in ipairs(n.keys) do if not seen[k] then keys[#keys + 1] = k end end
  return keys
end

-- A one-line form of a node of leaves (a syscall, a struct's fields), or nil.
local function inline(n)
  if n.entry then
    if n.entry.kind == "todo" then return todo_literal(n.entry.hint) end
    return value_literal(n.entry.value, n.entry.lit)
  end
  local parts = {}
  for _, k in ipairs(inline_keys(n)) do
    local c = n.children[k]
    if c.entry and c.entry.kind == "todo" then return nil end
    local s = inline(c)
    if not s or not key_literal(k) then return nil end
    parts[#parts + 1] = key_literal(k) .. " = " .. s
  end
  local s = "{ " .. table.concat(parts, ", ") .. " }"
  if #s > 70 then return nil end
  return s
end

-- The note of a node shown on one line: its leaves' common note, or "k: note; ..." when they differ.
local function line_note(n)
  if n.entry then return n.entry.kind == "todo" and "" or (n.entry.note or "") end
  local parts, common, same = {}, nil, true
  for _, k in ipairs(inline_keys(n)) do
    local s = line_note(n.children[k])
    if s ~= "" then
      if common == nil then common = s elseif common ~= s then same = false end
      parts[#parts + 1] = tostring(k) .. ": " .. s
    end
  end
  if common == nil then return "" end
  return same and common or table.concat(parts, "; ")
end

-- The note most children of a block share (said once above it), or nil.
local function block_note(n)
  local count, best = {}, nil
  for _, k in ipairs(n.keys) do
    local c = n.children[k]
    local s = inline(c) and line_note(c) or block_note(c) or ""
    if s ~= "" then
      count[s] = (count[s] or 0) + 1
      if not best or count[s] > count[best] or (count[s] == count[best] and s < best) then best = s end
    end
  end
  if best and count[best] >= 2 and count[best] * 2 >= #n.keys then return best end
end

local function emit(n, indent, out, shared)
  for _, k in ipairs(n.keys) do
    local c = n.children[k]
    local kl = key_literal(k)
    local prefix = indent .. (kl and kl .. " = " or "")
    local s = inline(c)
    if c.entry and c.entry.kind == "todo" then
      for _, l in ipairs(comment(c.entry.detail or "", indent)) do out[#out + 1] = l end
      local line = prefix .. s .. ","
      if #line > 120 then
        -- Long hints are split so that lines stay within luacheck's 120 columns.
        local h, parts, width = c.entry.hint, {}, 100 - #prefix
        while #h > width do
          local cut = h:sub(1, width):match("^(.*%s)") or h:sub(1, width)
          parts[#parts + 1] = util.show(cut)
          h, width = h:sub(#cut + 1), 100 - #indent
        end
        parts[#parts + 1] = util.show(h)
        line = prefix .. "TODO(" .. table.concat(parts, "\n" .. indent .. "  .. ") .. "),"
      end
      out[#out + 1] = line
    elseif s then
      local own = line_note(c)
      local line = prefix .. s .. ","
      if own ~= "" and own ~= shared then
        if #line + #own + 4 <= 120 then
          line = line .. " -- " .. own
        else
          for _, l in ipairs(comment(own, indent)) do out[#out + 1] = l end
        end
      end
      out[#out + 1] = line
    else
      sort_keys(c)
      local note = block_note(c)
      if note and note ~= shared then
        for _, l in ipairs(comment(note, indent)) do out[#out + 1] = l end
      end
      out[#out + 1] = prefix .. "{"
      emit(c, indent .. "  ", out, note or shared)
      out[#out + 1] = indent .. "},"
    end
  end
end

function M.render(plan)
  local out = {
    plan.title or string.format("-- %s: what belongs to the pair of %s and %s.", plan.name, plan.os, plan.arch),
  }
  for _, l in ipairs(comment(string.format("Scaffolded by `%s`. Values the layers give are inherited; values "
      .. "read from the target's kernel headers name the header; TODO \"...\" marks what is still to find (`%s` "
      .. "lists them and generates nothing until none is left). Keep wip = true until `%s` shows every stage "
      .. "passing; docs/porting.md is the checklist.", util.cli("new-port", plan.name, "--from", plan.from),
      util.cli("gen", plan.name), util.cli("status", plan.name)), "")) do
    out[#out + 1] = l
  end
  out[#out + 1] = "return {"
  local quoted = {}
  for i, l in ipairs(plan.inherit) do quoted[i] = string.format("%q", l) end
  if #plan.inherit > 0 then
    local inh = {}
    table.sort(plan.inherited)
    for _, p in ipairs(plan.inherited) do
      local top = split(p)[1]
      if not inh[top] then inh[top] = true; inh[#inh + 1] = top end
    end
    for _, l in ipairs(comment("Inherited from the layers: " .. table.concat(inh, ", ")
        .. " (" .. util.cli("explain", plan.name) .. " shows each value and its file).", "  ")) do
      out[#out + 1] = l
    end
    out[#out + 1] = "  inherit = { " .. table.concat(quoted, ", ") .. " },"
  elseif not plan.title then
    out[#out + 1] = "  -- No layer exists for " .. plan.os .. " or " .. plan.arch .. ": every value is in this file."
  end
  out[#out + 1] = ""
  local t = tree(plan.entries)
  sort_keys(t, true)
  local body = {}
  for i, k in ipairs(t.keys) do
    local one = { keys = { k }, children = { [k] = t.children[k] } }
    local part = {}
    emit(one, "  ", part)
    local multi = #part > 1
    if i > 1 and (multi or body.multi) then body[#body + 1] = "" end
    for _, l in ipairs(part) do body[#body + 1] = l end
    body.multi = multi
  end
  body.multi = nil
  for _, l in ipairs(body) do out[#out + 1] = l end
  out[#out + 1] = "}"
  return table.concat(out, "\n") .. "\n"
end

M.key_literal = key_literal
M.value_literal = value_literal

return M
