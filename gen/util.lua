-- Small helpers shared by gen/ and build.lua: user errors, files, paths, shell.
--
-- A user error (bad table, missing file, failed compile) is raised with fail()
-- and caught by protect(), which turns it into `nil, message`; anything else is
-- a bug in rt0gen and keeps its traceback.
local lfs = require "lfs"
local plpath = require "pl.path"
local pldir = require "pl.dir"
local plutils = require "pl.utils"

local M = {}

local UserError = {}
UserError.__index = UserError
UserError.__tostring = function(e) return e.msg end

function M.fail(msg, ...)
  if select("#", ...) > 0 then msg = msg:format(...) end
  error(setmetatable({ msg = msg }, UserError), 0)
end

function M.is_user_error(e)
  return getmetatable(e) == UserError
end

local InternalError = {}
InternalError.__tostring = function(e) return e.msg end

local function handler(e)
  if M.is_user_error(e) or getmetatable(e) == InternalError then return e end
  return setmetatable({ msg = debug.traceback("internal error: " .. tostring(e), 2) }, InternalError)
end

-- Calls fn(...); returns true, results... or nil, message for a user error.
-- Any other error is a bug in rt0gen: it propagates with its traceback.
function M.protect(fn, ...)
  local res = table.pack(xpcall(fn, handler, ...))
  if res[1] then return table.unpack(res, 1, res.n) end
  local e = res[2]
  if M.is_user_error(e) then return nil, e.msg end
  error(e, 0)
end

-- Runs a command-line main: a user error prints one line (no traceback) and
-- exits 1; a bug prints its traceback and exits 70.
function M.main(prog, fn, ...)
  local res = table.pack(xpcall(fn, handler, ...))
  if res[1] then os.exit(res[2] or 0) end
  local e = res[2]
  if M.is_user_error(e) then
    io.stderr:write(prog, ": ", e.msg, "\n")
    os.exit(1)
  end
  io.stderr:write(prog, ": ", tostring(e), "\n(this is a bug in rt0gen)\n")
  os.exit(70)
end

-- Commands, as build.lua spells them ---------------------------------------------

-- build.lua owns how its commands are spelled (cli.lua) and hands that table over here
-- before it runs anything (the spec helper does the same); modules ask cli("gen", target)
-- for a command line to print, never spell one.
local cli_table
function M.use_cli(t) cli_table = t end

function M.cli(name, ...)
  if not cli_table then error("util.cli: no command table yet (the driver hands it over with util.use_cli)", 2) end
  return cli_table.command(name, ...)
end

-- Files (penlight's pl.path, pl.dir and pl.utils, with rt0gen's error style) ----

function M.exists(path) return plpath.exists(path) ~= false end

function M.is_dir(path) return plpath.isdir(path) end

-- The file's bytes, or nil and a message.
function M.read_file(path) return plutils.readfile(path, true) end

function M.write_file(path, text)
  local ok, err = plutils.writefile(path, text, true)
  if not ok then M.fail("cannot write %s", err) end
end

-- Writes only when the bytes differ, so timestamps (and ninja) see no change
-- for an unchanged file. Returns true when it wrote.
function M.write_if_changed(path, text)
  if M.read_file(path) == text then return false end
  M.write_file(path, text)
  return true
end

-- A name next to path that no other process uses (for a file written aside, then renamed
-- over path: readers see the old bytes or the new ones, never half).
function M.temp_name(path)
  local t = os.tmpname() -- unique on this machine (it creates the file: remove it)
  os.remove(t)
  return path .. "." .. t:match("[^/]*$") .. ".tmp"
end

function M.rename(from, to)
  local ok, err = os.rename(from, to)
  if not ok then M.fail("cannot rename %s to %s: %s", from, to, err) end
end

-- FNV-1a, 64 bits, as 16 hex digits: a stable fingerprint of text (not a secure hash):
-- names build/run's programs by their source, and spots hand edits of generated files.
function M.hash(text)
  local h = -3750763034362895579 -- 0xcbf29ce484222325
  for i = 1, #text do
    h = (h ~ text:byte(i)) * 0x100000001b3
  end
  return string.format("%016x", h)
end

-- Parents first, each tolerating that another process made it meanwhile (pl.dir.makepath
-- fails when a parent appears between its check and its mkdir: parallel builds do that).
function M.mkdir_p(path)
  if path == "" or M.is_dir(path) then return end
  M.mkdir_p(M.dirname(path))
  local ok, err = lfs.mkdir(path)
  if not ok and not M.is_dir(path) then M.fail("cannot create directory %s: %s", path, err) end
end

-- Sorted names of the entries of a directory (no . and ..); {} when missing.
function M.list_dir(path)
  local names = {}
  if not M.is_dir(path) then return names end
  for name in lfs.dir(path) do
    if name ~= "." and name ~= ".." then names[#names + 1] = name end
  end
  table.sort(names)
  return names
end

function M.rm_rf(path)
  if M.is_dir(path) then pldir.rmtree(path) elseif M.exists(path) then os.remove(path) end
end

-- A fresh empty directory under the system temp dir.
function M.tmpdir(tag)
  local name = os.tmpname()
  os.remove(name)
  name = name .. "-" .. (tag or "rt0gen")
  M.mkdir_p(name)
  return name
end

function M.basename(path) return plpath.basename(path) end

function M.dirname(path)
  return path:match("^(.*)/[^/]*$") or "."
end

function M.abspath(path) return plpath.abspath(path) end

-- Tables ---------------------------------------------------------------------

-- Keys of t in a stable order: numbers first (ascending), then strings.
function M.sorted_keys(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    local ta, tb = type(a), type(b)
    if ta ~= tb then return ta < tb end
    return a < b
  end)
  return keys
end

function M.deepcopy(v)
  if type(v) ~= "table" then return v end
  local c = {}
  for k, x in pairs(v) do c[k] = M.deepcopy(x) end
  return c
end

-- "empty", "seq" (keys exactly 1..n) or "map".
function M.table_kind(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  if n == 0 then return "empty" end
  for i = 1, n do
    if t[i] == nil then return "map" end
  end
  return "seq"
end

-- Field paths: tls.method, auxv[2].tag, constants["odd key"].
function M.join_path(prefix, key)
  if type(key) == "number" then return prefix .. "[" .. tostring(key) .. "]" end
  key = tostring(key)
  if key:match("^[%a_][%w_]*$") then
    return prefix == "" and key or prefix .. "." .. key
  end
  return prefix .. "[" .. string.format("%q", key) .. "]"
end

-- Splits a path into names and indexes for a natural sort (auxv[2] before auxv[10]).
local function path_tokens(p)
  local toks = {}
  local i = 1
  while i <= #p do
    local c = p:sub(i, i)
    if c == "." then
      i = i + 1
    elseif c == "[" then
      local num = p:match("^%[(%d+)%]", i)
      if num then
        toks[#toks + 1] = tonumber(num)
        i = i + #num + 2
      else
        local s, e = p:find('^%[".-"%]', i)
        toks[#toks + 1] = p:sub(s + 2, e - 2)
        i = e + 1
      end
    else
      local name = p:match("^[^%.%[]+", i)
      toks[#toks + 1] = name
      i = i + #name
    end
  end
  return toks
end
M.path_tokens = path_tokens

function M.path_less(a, b)
  local ta, tb = path_tokens(a), path_tokens(b)
  for i = 1, math.min(#ta, #tb) do
    local x, y = ta[i], tb[i]
    if x ~= y then
      if type(x) ~= type(y) then return type(x) == "number" end
      return x < y
    end
  end
  return #ta < #tb
end

-- A string as a one-line Lua literal ("a\nb", not %q's backslash-newline).
function M.show(s)
  return (string.format("%q", tostring(s)):gsub("\\\n", "\\n"))
end

-- Shell ----------------------------------------------------------------------

function M.quote(s)
  s = tostring(s)
  if s:match("^[%w%-%./_=:,+@%%]+$") then return s end
  return "'" .. s:gsub("'", "'\\''") .. "'"
end

function M.command(argv)
  local q = {}
  for i, a in ipairs(argv) do q[i] = M.quote(a) end
  return table.concat(q, " ")
end

-- Runs a shell command; returns the exit code (128+n for a signal).
function M.execute(cmd)
  local ok, how, code = os.execute(cmd)
  if ok then return 0 end
  if how == "signal" then return 128 + code end
  return code or 1
end

-- Runs a shell command and returns its exit code, stdout and stderr.
function M.capture(cmd)
  local errfile = os.tmpname()
  local p = io.popen(cmd .. " 2>" .. M.quote(errfile), "r")
  local out = p:read("a")
  local ok, how, code = p:close()
  local err = M.read_file(errfile) or ""
  os.remove(errfile)
  if ok then code = 0 elseif how == "signal" then code = 128 + code end
  return code, out, err
end

return M
