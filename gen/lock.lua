-- Locks between build.lua processes, so parallel `cc`, `run` and `gen` in one checkout
-- wait for each other instead of writing the same generated sources, build.ninja and
-- objects at once (ninja in one directory is not safe to run twice).
--
-- A lock is an fcntl write lock (lfs.lock) on a lock file, so a process that dies drops
-- it. fcntl locks belong to the process and closing any handle of the file drops them,
-- so a lock this process already holds is counted, never opened twice: nested holds
-- (build inside cc, gen inside build) are free.
local lfs = require "lfs"
local system = require "system"
local util = require "gen.util"

local M = {}

local held = {} -- lock file -> { fh =, depth = }

local function busy(err)
  err = tostring(err)
  return err:find("temporarily unavailable", 1, true) or err:find("denied", 1, true)
    or err:find("again", 1, true)
end

-- Takes the lock at path (a file, created if missing), waiting while another process
-- holds it: sleeping, not spinning.
function M.acquire(path)
  local h = held[path]
  if h then
    h.depth = h.depth + 1
    return
  end
  util.mkdir_p(util.dirname(path))
  local fh, err = io.open(path, "a+")
  if not fh then util.fail("cannot open lock file %s: %s", path, err) end
  local delay = 0.005
  while true do
    local ok, lerr = lfs.lock(fh, "w")
    if ok then break end
    if not busy(lerr) then
      fh:close()
      util.fail("cannot lock %s: %s", path, tostring(lerr))
    end
    system.sleep(delay)
    delay = math.min(delay * 2, 0.2)
  end
  held[path] = { fh = fh, depth = 1 }
end

function M.release(path)
  local h = assert(held[path], "release of a lock not held")
  h.depth = h.depth - 1
  if h.depth == 0 then
    lfs.unlock(h.fh)
    h.fh:close()
    held[path] = nil
  end
end

-- The lock at path, held until the returned value goes out of scope:
--   local _ <close> = lock.hold(path)
-- (released on an error too, without catching it).
function M.hold(path)
  M.acquire(path)
  return setmetatable({}, { __close = function() M.release(path) end })
end

-- The lock of a build: build/<build name>.lock. It covers the build's generated sources
-- (out/<target> or build/<build>/gen), its build directory and what `cc` links from it.
function M.build_path(root, build_name)
  return root .. "/build/" .. build_name .. ".lock"
end

return M
