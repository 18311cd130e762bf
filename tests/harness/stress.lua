-- The stress harness: builds tests/stress/ programs for every target that runs natively
-- here, in the default and debug variants, and runs them many times at GOMAXPROCS=2, 4
-- and 8 (more threads than the machine's cores shakes out interleavings), each run with
-- its own seed and a timeout that turns a hang into a failure.
local util = require "gen.util"
local load = require "gen.load"
local generate = require "gen.generate"
local ninja = require "gen.toolchain.ninja"
local cc = require "gen.toolchain.cc"
local runner = require "tests.harness.runner"
local cases = require "tests.harness.cases"
local pool = require "tests.harness.pool"

local M = {}

M.VARIANTS = { default = {}, debug = { "debug" } }
M.PROCS = { 2, 4, 8 }

-- The stress programs are one selection of the harness's case model
-- (tests/harness/cases.lua; timeout default 20 s).
function M.load_cases(root) return cases.load(root, "stress") end

-- Targets whose programs run natively on this machine.
local function native_targets(root)
  local list = {}
  for _, t in ipairs(load.targets(root)) do
    local ok, r = util.protect(generate.resolve, root, t, {})
    if ok and r.table.wip ~= true then
      local how = runner.how(r.table)
      if not how.skip and #how.prefix == 0 then list[#list + 1] = t end
    end
  end
  table.sort(list)
  return list
end

-- Builds every program for every native target and variant. Returns the run
-- configurations { name, exe, procs, timeout } and a list of build failures.
function M.build(root)
  local configs, failures = {}, {}
  local list = M.load_cases(root)
  for _, target in ipairs(native_targets(root)) do
    for _, vname in ipairs(util.sorted_keys(M.VARIANTS)) do
      local ok, b = util.protect(ninja.build, root, target, M.VARIANTS[vname])
      for _, c in ipairs(list) do
        local label = string.format("%s [%s %s]", c.name, target, vname)
        if not ok then
          failures[#failures + 1] = { name = label, text = "library build failed:\n" .. tostring(b) }
        else
          local exe = string.format("%s/build/stress/%s-%s/%s", root, target, vname, c.name)
          util.mkdir_p(util.dirname(exe))
          local cmd = util.command(cc.link_argv(root, b, { "-O2", "-g", root .. "/" .. c.src }, exe))
          local code, out, err = util.capture(cmd)
          if code ~= 0 then
            failures[#failures + 1] = { name = label, text = cmd .. "\n" .. out .. err }
          else
            for _, n in ipairs(c.procs or M.PROCS) do
              configs[#configs + 1] = { name = c.name, label = label, exe = exe, procs = n,
                timeout = c.timeout, case = c, how = runner.how(b.resolved.table) }
            end
          end
        end
      end
    end
  end
  return configs, failures
end

-- The case runner's command (tests/harness/runner.lua), with the seed as the last argument.
local function run_command(cfg, seed)
  return runner.command(cfg.case, cfg.exe, cfg.how, cfg.procs, { seed })
end

local function verdict(cfg, seed, code, out, err)
  if code == 0 and out:match("^ok") then return nil end
  local what = code == 124 and ("hung: killed after " .. cfg.timeout .. "s")
    or string.format("exit %d", code)
  return string.format("%s GOMAXPROCS=%d seed=%d: %s\n  stdout: %s\n  stderr: %s\n  rerun: %s",
    cfg.label, cfg.procs, seed, what, util.show(out:sub(1, 300)), util.show(err:sub(1, 600)),
    run_command(cfg, seed))
end

-- Runs rounds of every configuration, `jobs` at a time, until `rounds` rounds are done
-- or `deadline` (os.time) has passed. Calls report(cfg, failures_text_list) per config.
function M.run(configs, opts)
  local P = pool.new(opts.jobs or 2)
  local results = {}
  for i in ipairs(configs) do results[i] = { runs = 0, failures = {} } end
  local seed = opts.seed or os.time()
  local round = 0
  while (opts.rounds == nil or round < opts.rounds) and (opts.deadline == nil or os.time() < opts.deadline) do
    round = round + 1
    for i, cfg in ipairs(configs) do
      seed = seed + 1
      local s = seed
      P.add(run_command(cfg, s), function(code, out, err)
        results[i].runs = results[i].runs + 1
        local bad = verdict(cfg, s, code, out, err)
        if bad then table.insert(results[i].failures, bad) end
      end)
    end
    P.wait()
  end
  P.close()
  return results, round
end

-- An idle program (tests/stress/idle.c: every goroutine asleep for 2 s) is quiet: at most
-- IDLE_MAX syscalls in the middle second of its sleep, counted by strace -f -tt.
M.IDLE_MAX = 10

local function seconds(stamp)
  local h, m, s = stamp:match("^(%d+):(%d+):([%d.]+)$")
  return h and (tonumber(h) * 3600 + tonumber(m) * 60 + tonumber(s))
end

function M.idle_check(R, configs)
  local exe
  for _, cfg in ipairs(configs) do
    if cfg.name == "idle" and cfg.label:match(" default%]$") then exe = cfg.exe end
  end
  if not exe then return end
  local name = "stress: an idle program makes at most " .. M.IDLE_MAX .. " syscalls a second"
  if util.execute("command -v strace >/dev/null 2>&1") ~= 0 then return R.skip(name, "strace is not installed") end
  local trace = os.tmpname()
  local code, out, err = util.capture(string.format("env GOMAXPROCS=4 timeout 20 strace -f -tt -o %s %s 1",
    util.quote(trace), util.quote(exe)))
  local text = util.read_file(trace) or ""
  os.remove(trace)
  if code ~= 0 then return R.fail(name, string.format("exit %d\n%s%s", code, out, err)) end
  local times, lines = {}, {}
  for line in text:gmatch("[^\n]+") do
    local t = seconds(line:match("^%d+%s+(%S+)") or "")
    if t then times[#times + 1], lines[#lines + 1] = t, line end
  end
  local first, last = times[1] or 0, times[#times] or 0
  local mid = (first + last) / 2
  local during = {}
  for i, t in ipairs(times) do
    if t > mid - 0.5 and t < mid + 0.5 then during[#during + 1] = lines[i] end
  end
  if last - first < 1.5 then return R.fail(name, "the run did not last 2 s under strace") end
  if #during <= M.IDLE_MAX then return R.pass(name) end
  R.fail(name, string.format("%d syscalls in the middle second of a 2 s sleep:\n%s", #during,
    table.concat(during, "\n", 1, math.min(#during, 20))))
end

-- The bounded pass inside `build.lua test`: one test per program, variant and GOMAXPROCS.
function M.suite(root, R, opts)
  local configs, failures = M.build(root)
  for _, f in ipairs(failures) do R.fail("stress: " .. f.name, f.text) end
  M.idle_check(R, configs)
  local results = M.run(configs, { rounds = opts.stress_rounds or 3, jobs = opts.jobs })
  for i, cfg in ipairs(configs) do
    local name = string.format("stress: %s GOMAXPROCS=%d (%d runs)", cfg.label, cfg.procs, results[i].runs)
    if #results[i].failures == 0 then R.pass(name)
    else R.fail(name, table.concat(results[i].failures, "\n")) end
  end
end

-- `build.lua stress [--minutes N]`: prints failures per program; exit 1 if any.
function M.main(root, minutes, jobs)
  local configs, failures = M.build(root)
  for _, f in ipairs(failures) do io.write("BUILD FAILED ", f.name, "\n", f.text, "\n") end
  local started = os.time()
  local results, rounds = M.run(configs, { deadline = started + math.floor(minutes * 60), jobs = jobs })
  local total_runs, total_failed = 0, 0
  for i, cfg in ipairs(configs) do
    local r = results[i]
    total_runs, total_failed = total_runs + r.runs, total_failed + #r.failures
    io.write(string.format("%-52s GOMAXPROCS=%d  %5d runs  %3d failed\n", cfg.label, cfg.procs, r.runs,
      #r.failures))
    for _, f in ipairs(r.failures) do io.write("    ", f:gsub("\n", "\n    "), "\n") end
  end
  io.write(string.format("stress: %d rounds in %d s: %d runs, %d failed\n", rounds, os.time() - started,
    total_runs, total_failed))
  return (total_failed == 0 and #failures == 0) and 0 or 1
end

return M
