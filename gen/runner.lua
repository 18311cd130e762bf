-- How a built program of a target runs on this machine: natively when the target's
-- os and arch are the host's, under qemu-user for another Linux arch, and not at
-- all (link-only) for another OS. Shared by the e2e suite and stage tools.
local util = require "gen.util"

local M = {}

-- qemu-user binary per arch (Debian's qemu-user names).
M.QEMU = { arm64 = "qemu-aarch64", amd64 = "qemu-x86_64" }

local UNAME_ARCH = { x86_64 = "amd64", aarch64 = "arm64", arm64 = "arm64" }

local host
function M.host()
  if not host then
    local p = io.popen("uname -sm 2>/dev/null")
    local out = p and p:read("a") or ""
    if p then p:close() end
    local os_name, machine = out:match("^(%S+)%s+(%S+)")
    host = { os = (os_name or "Linux"):lower(), arch = UNAME_ARCH[machine or ""] or machine or "?" }
  end
  return host
end

local function on_path(cmd)
  return os.execute("command -v " .. util.quote(cmd) .. " >/dev/null 2>&1") == true
end

-- Returns { how = "natively" | "under qemu-aarch64" | "link-only", prefix = {...} } and,
-- when the program cannot run here, skip = "one-line reason".
function M.how(t)
  local h = M.host()
  if t.os ~= h.os then
    return { how = "link-only", skip = t.os .. " programs cannot run on " .. h.os }
  end
  if t.arch == h.arch then return { how = "natively", prefix = {} } end
  local qemu = M.QEMU[t.arch]
  if t.link.mode == "hosted" then
    return { how = "under " .. (qemu or "?"), skip = "no " .. t.arch .. " libc here for the hosted mode" }
  end
  if not qemu then return { how = "link-only", skip = "no qemu-user for " .. t.arch } end
  if not on_path(qemu) then
    return { how = "under " .. qemu, skip = qemu .. " is not installed (apt-get install qemu-user)" }
  end
  return { how = "under " .. qemu, prefix = { qemu } }
end

return M
