-- How a built program of a target runs on this machine: natively when the host's
-- `uname -s` and `uname -m` are names the target's layers give for its OS and arch
-- (run.os_uname, run.arch_uname), under the arch's user-mode emulator (run.emulator,
-- qemu-user) on a host of the same OS, and not at all (link-only) for another OS.
-- And the one way a case (tests/harness/cases.lua) runs and is checked: its environment,
-- timeout, the emulator prefix, then its exit code and output. The e2e suite, the stages
-- (status) and the stress harness all run cases here.
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

-- Running a case -----------------------------------------------------------------

local function truncate(s, n)
  s = tostring(s or "")
  if #s <= n then return s end
  return s:sub(1, n) .. string.format("... (%d more bytes)", #s - n)
end
M.truncate = truncate

-- The shell command that runs exe for case c: GOMAXPROCS unset unless the case's env or
-- procs (a number, or false) sets it, the case's timeout (then SIGKILL 5 s later), the
-- emulator prefix of how (runner.how), the case's args and then extra ones.
function M.command(c, exe, how, procs, extra)
  local env = { "env", "-u", "GOMAXPROCS" }
  for _, k in ipairs(util.sorted_keys(c.env or {})) do env[#env + 1] = k .. "=" .. tostring(c.env[k]) end
  if procs then env[#env + 1] = "GOMAXPROCS=" .. procs end
  local argv = { "timeout", "-k", "5", tostring(c.timeout) }
  for _, a in ipairs(how.prefix or {}) do argv[#argv + 1] = a end
  argv[#argv + 1] = exe
  for _, a in ipairs(c.args or {}) do argv[#argv + 1] = tostring(a) end
  for _, a in ipairs(extra or {}) do argv[#argv + 1] = tostring(a) end
  return util.command(env) .. " " .. util.command(argv)
end

-- What is wrong with a run of case c (exit code, stdout, stderr): a list of lines, empty
-- when the case passed.
function M.check(c, code, out, err)
  local problems = {}
  local want_exit = c.exit or 0
  if code == 124 then
    problems[#problems + 1] = "timed out after " .. c.timeout .. "s"
  elseif code ~= want_exit then
    problems[#problems + 1] = string.format("exit: expected %d; got %d", want_exit, code)
  end
  if c.stdout and out ~= c.stdout then
    problems[#problems + 1] = string.format("stdout: expected %s\n    got %s", util.show(truncate(c.stdout, 600)),
      util.show(truncate(out, 600)))
  end
  local function match(what, pattern, text)
    local ok, found = pcall(string.find, text, pattern)
    if not ok then
      problems[#problems + 1] = what .. "_match: bad Lua pattern: " .. tostring(found)
    elseif not found then
      problems[#problems + 1] = string.format("%s: expected to match %s\n    got %s", what, util.show(pattern),
        util.show(truncate(text, 600)))
    end
  end
  if c.stdout_match then match("stdout", c.stdout_match, out) end
  if c.stderr_match then match("stderr", c.stderr_match, err) end
  return problems
end

-- Queues a run of case c's exe on pool P (tests/harness/pool.lua), from root; when it
-- finishes calls done({ ok, problems, out, err, text }) where text says what ran and what
-- was wrong (with the start of stderr).
function M.submit(P, root, c, exe, how, procs, done)
  local cmd = M.command(c, exe, how, procs)
  P.add("cd " .. util.quote(root) .. " && " .. cmd, function(code, out, err)
    local problems = M.check(c, code, out, err)
    done({ ok = #problems == 0, problems = problems, code = code, out = out, err = err,
      text = "$ " .. cmd .. "\n" .. table.concat(problems, "\n")
        .. (err ~= "" and "\nstderr: " .. truncate(err, 600) or "") })
  end)
end

-- The first target that runs natively here (the unit tests and benchmarks use it).
function M.native_target(root)
  for _, x in ipairs(M.targets(root)) do
    if x.how.how == "natively" then return x.target end
  end
  util.fail("no target in arch/ runs natively on this %s %s host", M.host().os, M.host().machine)
end

return M
