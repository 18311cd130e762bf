-- The sanitizer suites of `build.lua test`: `asan` and `tsan` run the Criterion tests
-- and the end-to-end cases again over the native target's runtime built with
-- AddressSanitizer or ThreadSanitizer (variants/asan.lua, variants/tsan.lua), and the
-- cases of tests/sanitize/cases.lua, which expect a sanitizer's report (a data race, a
-- use after free). Any report in another case fails it: the sanitizer is told to stop at
-- its first report with an exit code no case expects.
local util = require "gen.util"
local runner = require "tests.harness.runner"
local cases = require "tests.harness.cases"

local M = {}

-- Per sanitizer: the variant, the environment every run gets, and the e2e cases left
-- out, each with why (counted as skipped).
M.SANITIZERS = {
  asan = {
    variant = "asan",
    flag = "address",
    -- LeakSanitizer is ASan's default at exit; a program that leaves memory to the OS
    -- is not what these suites look for.
    env = { ASAN_OPTIONS = "halt_on_error=1:exitcode=66:detect_leaks=0" },
    skip = {},
  },
  tsan = {
    variant = "tsan",
    flag = "thread",
    env = { TSAN_OPTIONS = "halt_on_error=1:exitcode=66" },
    skip = {
      sched_spawn = "a million goroutines spawned and joined: a TSan fiber each takes over a minute",
    },
    -- Criterion's BoxFort maps its inheritable arena at random addresses, which
    -- ThreadSanitizer's fixed memory layout refuses ("Could not initialize inheritable
    -- arena"): no Criterion test binary starts under TSan (upstream Snaipe/Criterion#274,
    -- open since 2018).
    unit_skip = "Criterion's BoxFort arena cannot be mapped under ThreadSanitizer's memory layout"
      .. " (Snaipe/Criterion#274)",
  },
}
M.CASES = cases.SELECTIONS.sanitize.file

-- Whether a sanitized program starts here, and through what. Clang 14's ThreadSanitizer
-- dies with "unexpected memory mapping" where the kernel randomises mmap with more bits
-- than its layout allows (vm.mmap_rnd_bits above 28); without address randomisation
-- (setarch -R) it runs. Returns the prefix, or nil and why nothing can run.
function M.probe(root, name)
  local dir = root .. "/build/sanitize"
  util.mkdir_p(dir)
  local src, exe = dir .. "/probe.c", dir .. "/probe-" .. name
  local f = assert(io.open(src, "w"))
  f:write("int main(void) { return 0; }\n")
  f:close()
  local code, out, err = util.capture(util.command({ "clang", "-fsanitize=" .. M.SANITIZERS[name].flag, src,
    "-o", exe }))
  if code ~= 0 then return nil, "clang -fsanitize=" .. M.SANITIZERS[name].flag .. " fails: " .. out .. err end
  local tries = { {}, { "setarch", runner.host().machine, "-R" } }
  local last = ""
  for _, prefix in ipairs(tries) do
    local argv = {}
    for _, a in ipairs(prefix) do argv[#argv + 1] = a end
    argv[#argv + 1] = exe
    local rc, o, e = util.capture(util.command(argv))
    if rc == 0 then return prefix end
    last = (o .. e):match("[^\n]+") or ("exit " .. rc)
  end
  return nil, "a -fsanitize=" .. M.SANITIZERS[name].flag .. " program does not start here: " .. last
end

-- An e2e case runs under a sanitizer where it runs hosted on this machine: in the libc
-- mode (a case that names its modes without libc tests a property of those builds), on
-- the native target. A sanitizer case (tests/sanitize/cases.lua) names its sanitizers
-- in modes.
local function contains(list, x)
  for _, y in ipairs(list) do
    if y == x then return true end
  end
  return false
end

local function applies(c, name, native, from_e2e)
  if from_e2e then
    if c.modes and not contains(c.modes, "libc") then return false end
  elseif not contains(c.modes or {}, name) then
    return false
  end
  return c.targets == nil or contains(c.targets, native)
end

-- An e2e case that runs at several GOMAXPROCS runs under a sanitizer at one of them, 2
-- where it can (threads in parallel, and goroutines sharing a thread), to keep the
-- suites to a couple of minutes; the sanitizer cases keep all of theirs.
local function one_procs(procs)
  if procs == nil or #procs <= 1 then return procs end
  return contains(procs, 2) and { 2 } or { procs[#procs] }
end

local function with_env(c, env)
  local copy = {}
  for k, v in pairs(c) do copy[k] = v end
  copy.env = {}
  for k, v in pairs(c.env or {}) do copy.env[k] = v end
  for k, v in pairs(env) do
    if copy.env[k] == nil then copy.env[k] = v end
  end
  copy.modes, copy.targets = nil, nil
  return copy
end

function M.suite(root, R, opts, name)
  local testrun = require "tests.harness.testrun"
  local s = M.SANITIZERS[name]
  local native = runner.native_target(root)
  local started = os.time()
  local run_prefix, why = M.probe(root, name)
  if s.unit_skip or not run_prefix then
    for _, f in ipairs(util.list_dir(root .. "/tests/unit")) do
      if f:match("^test_.*%.c$") then R.skip(name .. ": unit: " .. f, s.unit_skip or why) end
    end
  else
    testrun.suites.unit(root, R, { jobs = opts.jobs, prefix = name .. ": unit",
      unit_variants = { "libc", s.variant, "tests/unit/unit_entry.lua" } })
  end
  local chosen = {}
  -- Two selections of the harness's case model (tests/harness/cases.lua): the e2e cases
  -- and the sanitizer's own.
  for _, src in ipairs({ { selection = "e2e", e2e = true }, { selection = "sanitize", e2e = false } }) do
    local ok, list = util.protect(cases.load, root, src.selection)
    if not ok then return R.fail(name .. ": " .. cases.SELECTIONS[src.selection].file, list) end
    for _, c in ipairs(list) do
      if applies(c, name, native, src.e2e) then
        if s.skip[c.name] then
          R.skip(string.format("%s: e2e: %s [%s]", name, c.name, name), s.skip[c.name])
        else
          local copy = with_env(c, s.env)
          copy.targets = { native }
          if src.e2e then copy.procs = one_procs(c.procs) end
          chosen[#chosen + 1] = copy
        end
      end
    end
  end
  if not run_prefix then
    for _, c in ipairs(chosen) do R.skip(string.format("%s: e2e: %s [%s]", name, c.name, name), why) end
    return
  end
  testrun.suites.e2e(root, R, { jobs = opts.jobs, cases = chosen, modes = { name }, prefix = name .. ": e2e",
    run_prefix = run_prefix })
  io.write(string.format("%s: %d e2e cases, %d s\n", name, #chosen, os.time() - started))
end

function M.register_suite(testrun)
  for _, name in ipairs(util.sorted_keys(M.SANITIZERS)) do
    testrun.MODES[name] = { M.SANITIZERS[name].variant }
    testrun.suites[name] = function(root, R, opts) return M.suite(root, R, opts, name) end
    testrun.SUITES[#testrun.SUITES + 1] = name
  end
end

return M
