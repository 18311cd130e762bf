-- How a built program of a target runs on this machine: natively when the host's
-- `uname -s` and `uname -m` are names the target's layers give for its OS and arch
-- (run.os_uname, run.arch_uname), under the arch's user-mode emulator (run.emulator,
-- qemu-user) on a host of the same OS, and not at all (link-only) for another OS.
-- Shared by the e2e suite and stage tools.
local util = require "gen.util"
local loader = require "gen.load"

local M = {}

local host
-- { os = uname -s, machine = uname -m } of this machine.
function M.host()
  if not host then
    local p = io.popen("uname -sm 2>/dev/null")
    local out = p and p:read("a") or ""
    if p then p:close() end
    local os_name, machine = out:match("^(%S+)%s+(%S+)")
    host = { os = os_name or "?", machine = machine or "?" }
  end
  return host
end

local function on_path(cmd)
  return os.execute("command -v " .. util.quote(cmd) .. " >/dev/null 2>&1") == true
end

local function names(list, name)
  for _, n in ipairs(type(list) == "table" and list or {}) do
    if n == name then return true end
  end
  return false
end

-- Returns { how = "natively" | "under <emulator>" | "link-only", prefix = {...} } and,
-- when the program cannot run here, skip = "one-line reason". h: the host (default: this one).
function M.how(t, h)
  h = h or M.host()
  local run = type(t.run) == "table" and t.run or {}
  if not names(run.os_uname, h.os) then
    return { how = "link-only", skip = tostring(t.os) .. " programs cannot run on " .. h.os }
  end
  if names(run.arch_uname, h.machine) then return { how = "natively", prefix = {} } end
  local emu = run.emulator
  if type(t.link) == "table" and t.link.mode == "hosted" then
    return { how = "under " .. (emu or "?"), skip = "no " .. tostring(t.arch) .. " libc here for the hosted mode" }
  end
  if not emu then
    return { how = "link-only", skip = "no emulator for " .. tostring(t.arch) .. " (run.emulator)" }
  end
  if not on_path(emu) then
    return { how = "under " .. emu, skip = emu .. " is not installed (apt-get install qemu-user)" }
  end
  return { how = "under " .. emu, prefix = { emu } }
end

-- The targets whose programs run here (natively or emulated, installed or not: a missing
-- emulator is a skip, not an absence), wip ones left out: { {target =, table =, how =} }.
-- variants: resolved with these (a target they do not load with is left out).
-- Suites take their targets from here, so a new table is tested without a code edit.
function M.targets(root, variants)
  local list = {}
  for _, t in ipairs(loader.targets(root)) do
    local ok, r = util.protect(loader.resolve, t, variants or {}, root)
    if ok and r.table.wip ~= true then
      local how = M.how(r.table)
      if how.how ~= "link-only" then list[#list + 1] = { target = t, table = r.table, how = how } end
    end
  end
  return list
end

-- The first target that runs natively here (the unit tests and benchmarks use it).
function M.native_target(root)
  for _, x in ipairs(M.targets(root)) do
    if x.how.how == "natively" then return x.target end
  end
  util.fail("no target in arch/ runs natively on this %s %s host", M.host().os, M.host().machine)
end

return M
