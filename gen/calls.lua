-- The syscall stubs the generated C calls, checked against those generated: a table
-- without a syscall its templates use is its own error (file:line, syscalls.<name>),
-- found before anything is written, not an implicit declaration in clang or an undefined
-- symbol at link time.
--
-- The stub templates name each stub STUB_PREFIX .. <syscalls key> (sys_mmap), or say in
-- the manifest which syscall a stub of another name is made from (stubs: sys_clone_thread
-- from clone); the OS layer's C calls them by that name. Calls are read from the rendered C (comments
-- dropped); a stub is defined by an assembly label (sys_mmap:) or a C function body.
local util = require "gen.util"

local M = {}

M.STUB_PREFIX = "sys_"

local function strip_comments(c)
  c = c:gsub("/%*.-%*/", " ")
  return (c:gsub("//[^\n]*", ""))
end

-- { name -> first output that calls it } and { name -> true } for the defined ones.
local function scan(rendered, prefix)
  local called, defined = {}, {}
  local pat = "%f[%w_]" .. prefix .. "([%w_]+)"
  for _, f in ipairs(rendered) do
    if f.name:match("%.c$") then
      local c = strip_comments(f.text)
      for name, _, after in c:gmatch(pat .. "%s*(%b())%s*(.?)") do
        if after == "{" then defined[name] = true else called[name] = called[name] or f end
      end
    elseif f.name:match("%.S$") or f.name:match("%.s$") then
      for name in f.text:gmatch(pat .. ":") do defined[name] = true end
    end
  end
  return called, defined
end

-- Fails, one line per stub, when the rendered C calls a stub nothing generated defines.
-- where(path) names the file:line a missing table field is blamed on.
function M.check(r, rendered, where)
  local T = r.table
  local prefix = (type(T.asm) == "table" and T.asm.symbol_prefix or "") .. M.STUB_PREFIX
  local called, defined = scan(rendered, M.STUB_PREFIX)
  if prefix ~= M.STUB_PREFIX then
    local _, d2 = scan(rendered, prefix)
    for k in pairs(d2) do defined[k] = true end
  end
  local made_from = {} -- stub -> syscall, where the manifest says they differ
  for _, f in ipairs(rendered) do
    for stub, sc in pairs(f.stubs or {}) do made_from[stub] = sc end
  end
  local problems = {}
  for _, name in ipairs(util.sorted_keys(called)) do
    if not defined[name] then
      local f = called[name]
      local sc = made_from[name] or name
      local path = util.join_path("syscalls", sc)
      local has = type(T.syscalls) == "table" and T.syscalls[sc] ~= nil
      if has then
        problems[#problems + 1] = string.format("%s: %s%s: called by %s (from %s) but no generated file "
          .. "defines it: the syscall template skips it", f.template, M.STUB_PREFIX, name, f.name, f.template)
      else
        problems[#problems + 1] = string.format("%s: %s: expected a syscall { nr = ..., nargs = ... } "
          .. "(%s calls %s%s); got nothing", where(path), path, f.template, M.STUB_PREFIX, name)
      end
    end
  end
  if #problems > 0 then util.fail("%s", table.concat(problems, "\n")) end
end

return M
