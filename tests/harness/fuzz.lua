-- `build.lua fuzz [target] [--seconds N]`: libFuzzer targets for every parser that reads
-- input the runtime does not control (tests/fuzz/*.c, built with clang's
-- -fsanitize=fuzzer,address against the unit-test build of the runtime), plus a Lua fuzz
-- of the table loader and schema (tests/harness/fuzz_tables.lua). Seeds live in tests/fuzz/<target>/;
-- a crash is copied there as a regression input, which every later run replays first.
-- The `fuzz` test suite replays every input and fuzzes each target for a few seconds.
local util = require "gen.util"

local M = {}

-- The C targets: a harness in tests/fuzz/ and the sources it tests. "@re2c/x.c" is the
-- re2c output in the build directory, "@os" the generated OS layer; internal links the
-- rest of the runtime (for the globals the OS layer writes).
M.TARGETS = {
  { name = "env", what = "GOMAXPROCS and RTDEBUG scanners, one-number files", sources = { "@re2c/env_scan.c" } },
  { name = "cpulist", what = "CPU lists (0-3,8-11)", sources = { "@re2c/env_scan.c" } },
  { name = "cgroup", what = "cgroup cpu.max, /proc/self/cgroup, directory joins",
    sources = { "runtime-core/parts/cgroup.c", "@re2c/env_scan.c" } },
  { name = "mountinfo", what = "/proc/self/mountinfo",
    sources = { "runtime-core/parts/cgroup.c", "@re2c/env_scan.c" } },
  { name = "auxv", what = "the auxiliary vector walk (generated sysauxv)", sources = { "@os" }, internal = true,
    needs = "auxv" },
  { name = "vdso_elf", what = "the vDSO's ELF symbol reader", sources = { "runtime-core/parts/vdso_elf.c" } },
  { name = "elf_symtab", what = "the traceback's ELF .symtab reader", sources = { "runtime-core/parts/elf_symtab.c" } },
  { name = "macho_symtab", what = "the traceback's Mach-O LC_SYMTAB reader",
    sources = { "runtime-core/parts/macho_symtab.c" } },
  { name = "netaddr", what = "socket address strings and their RFC 5952 text",
    sources = { "@re2c/addr_scan.c", "runtime-core/netaddr.c" } },
  { name = "http", what = "examples/httpd.c's request heads", sources = { "examples/http_parse.re" } },
  { name = "tables", what = "table loader and schema over random Lua data (Lua, not libFuzzer)", lua = true },
}

local function by_name(name)
  for _, t in ipairs(M.TARGETS) do
    if t.name == name then return t end
  end
  local names = {}
  for _, t in ipairs(M.TARGETS) do names[#names + 1] = t.name end
  util.fail("fuzz: no target '%s'; targets: %s", name, table.concat(names, ", "))
end

-- The runtime build the harnesses compile against: the hosted unit-test build (its rt0
-- entry is renamed, so libFuzzer's main is the program's).
local function runtime_build(root)
  local testrun, ninja = require "tests.harness.testrun", require "gen.toolchain.ninja"
  return ninja.build(root, require("tests.harness.runner").native_target(root), testrun.UNIT_VARIANTS)
end

local function source_path(root, b, src)
  if src == "@os" then return root .. "/" .. b.gendir .. "/os_" .. b.resolved.table.os .. ".c" end
  if src:sub(1, 1) == "@" then return root .. "/" .. b.dir .. "/" .. src:sub(2) end
  return root .. "/" .. src
end

-- Builds build/fuzz/<name>/fuzz-<name>; returns its path, or nil and why it was skipped.
function M.build(root, t, b)
  if t.needs and not next(b.resolved.table[t.needs] or {}) then
    return nil, b.resolved.target .. " has no " .. t.needs
  end
  local dir = root .. "/build/fuzz/" .. t.name
  util.mkdir_p(dir)
  local exe = dir .. "/fuzz-" .. t.name
  local flags = require "gen.toolchain.flags"
  local argv = { "clang" }
  for _, f in ipairs(flags.whitebox(b.resolved, root .. "/" .. b.gendir, flags.abs(root),
    { "runtime-core/parts", "tests/fuzz" })) do argv[#argv + 1] = f end
  for _, f in ipairs({ "-std=c11", "-O1", "-Wall", "-Wextra", "-fsanitize=fuzzer,address",
    root .. "/tests/fuzz/" .. t.name .. ".c" }) do argv[#argv + 1] = f end
  for _, s in ipairs(t.sources) do argv[#argv + 1] = source_path(root, b, s) end
  if t.internal then
    argv[#argv + 1] = root .. "/" .. b.internal
    argv[#argv + 1] = "-pthread"
  end
  argv[#argv + 1] = "-o"
  argv[#argv + 1] = exe
  argv = require("gen.toolchain.cc").with_re2c(root, argv) -- a .re source (examples' scanners)
  local code, out, err = util.capture(util.command(argv))
  if code ~= 0 then util.fail("fuzz: building %s failed:\n%s\n%s%s", t.name, util.command(argv), out, err) end
  return exe
end

local function files_in(dir)
  local list = {}
  if util.is_dir(dir) then
    for _, f in ipairs(util.list_dir(dir)) do
      if not util.is_dir(dir .. "/" .. f) then list[#list + 1] = dir .. "/" .. f end
    end
  end
  table.sort(list)
  return list
end

-- Runs every seed and regression input once: { ok, inputs, text }.
function M.replay(root, t, exe)
  local seeds = root .. "/tests/fuzz/" .. t.name
  local inputs = files_in(seeds)
  if #inputs == 0 then return { ok = true, inputs = 0, text = "" } end
  local code, out, err = util.capture(util.command({ exe, "-runs=0", seeds }))
  return { ok = code == 0, inputs = #inputs, text = out .. err }
end

-- Fuzzes for seconds; a crash input is copied to tests/fuzz/<name>/ as a regression.
-- Returns { execs, crashes, kept = {paths}, text }.
function M.run(root, t, exe, seconds)
  local dir = root .. "/build/fuzz/" .. t.name
  local corpus, artifacts = dir .. "/corpus", dir .. "/artifacts"
  util.mkdir_p(corpus)
  util.mkdir_p(artifacts)
  local seeds = root .. "/tests/fuzz/" .. t.name
  util.mkdir_p(seeds)
  local argv = { exe, "-max_total_time=" .. seconds, "-print_final_stats=1", "-timeout=10",
    "-rss_limit_mb=2048", "-artifact_prefix=" .. artifacts .. "/", corpus, seeds }
  local code, out, err = util.capture(util.command(argv))
  local text = out .. err
  local res = { execs = tonumber(text:match("stat::number_of_executed_units:%s*(%d+)")) or 0,
    crashes = 0, kept = {}, text = text }
  if code ~= 0 then
    for path in text:gmatch("Test unit written to (%S+)") do
      local name = "regress-" .. util.basename(path)
      util.write_file(seeds .. "/" .. name, util.read_file(path))
      res.kept[#res.kept + 1] = "tests/fuzz/" .. t.name .. "/" .. name
      res.crashes = res.crashes + 1
    end
    res.crashes = math.max(res.crashes, 1)
  end
  return res
end

-- One target for seconds: replay, then fuzz. Returns the result of run (or the Lua
-- fuzz's) plus replay, or nil and why it was skipped.
function M.target(root, t, seconds, b)
  if t.lua then return require("tests.harness.fuzz_tables").run(root, seconds) end
  local exe, why = M.build(root, t, b)
  if not exe then return nil, why end
  local rep = M.replay(root, t, exe)
  local res = M.run(root, t, exe, seconds)
  res.replay = rep
  return res
end

function M.command(root, args)
  local seconds = math.tointeger(tonumber(args.seconds))
  if not seconds or seconds < 1 then util.fail("fuzz: --seconds must be a positive integer, got '%s'", args.seconds) end
  local list = args.target and { by_name(args.target) } or M.TARGETS
  local b = runtime_build(root)
  local failed = 0
  for _, t in ipairs(list) do
    local res, why = M.target(root, t, seconds, b)
    if not res then
      print(string.format("%-10s skipped: %s", t.name, why))
    else
      local bad = res.crashes > 0 or (res.replay and not res.replay.ok)
      if bad then failed = failed + 1 end
      print(string.format("%-10s %10d execs in %d s, %d crash(es)%s  (%s)", t.name, res.execs, seconds,
        res.crashes, res.replay and string.format(", %d input(s) replayed%s", res.replay.inputs,
          res.replay.ok and "" or " (FAILED)") or "", t.what))
      for _, k in ipairs(res.kept) do print("  kept " .. k .. " as a regression input") end
      if (res.known or 0) > 0 then
        print(string.format("  %d case(s) hit known bugs (tests/fuzz/%s/known-*)", res.known, t.name))
      end
      for _, n in ipairs(res.notes or {}) do print("  " .. n) end
      if bad then
        local text = res.replay and not res.replay.ok and res.replay.text or res.text
        io.stderr:write(text:sub(-3000), "\n")
      end
    end
  end
  return failed == 0 and 0 or 1
end

-- build.lua's hook: the command line.
function M.add_command(p)
  local f = p:command("fuzz", "Run the fuzz targets (tests/fuzz/): every parser of input the runtime does not "
    .. "control. Crashes are kept as regression inputs.")
  f:argument("target", "One target (default: all)."):args("?")
  f:option("--seconds", "Seconds per target.", "60")
end

-- The `fuzz` test suite: each target's inputs replayed and a short run (SUITE_SECONDS).
M.SUITE_SECONDS = 3
function M.suite(root, R)
  local ok, b = util.protect(runtime_build, root)
  if not ok then
    R.fail("fuzz: runtime build", b)
    return
  end
  for _, t in ipairs(M.TARGETS) do
    local name = "fuzz: " .. t.name
    local okr, res, why = util.protect(M.target, root, t, M.SUITE_SECONDS, b)
    if not okr then
      R.fail(name, res)
    elseif not res then
      R.skip(name, why)
    elseif res.replay and not res.replay.ok then
      R.fail(name .. " (replay of tests/fuzz/" .. t.name .. ")", res.replay.text:sub(-3000))
    elseif res.crashes > 0 then
      R.fail(name, "crashed; kept " .. table.concat(res.kept, ", ") .. "\n" .. res.text:sub(-3000))
    else
      R.pass(string.format("%s (%d execs%s)", name, res.execs,
        (res.known or 0) > 0 and string.format(", %d hit known bugs", res.known) or ""))
      for _, n in ipairs(res.notes or {}) do R.detail(n) end
    end
  end
end

function M.register_suite(testrun)
  testrun.suites.fuzz = M.suite
  testrun.SUITES[#testrun.SUITES + 1] = "fuzz"
end

return M
