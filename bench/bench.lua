-- `build.lua bench`: builds bench/*.c (ours, freestanding, -O2) and their Go peers in
-- bench/peers/*.go, runs them interleaved (ours, Go, ours, Go, ...) at each GOMAXPROCS,
-- takes medians and prints a Markdown table with the ratio to Go and the design's
-- targets (docs: /work/shared/design.md, "Performance yardsticks"). Then times process
-- start with hyperfine -N: examples/hello.c, Go's hello and a static C floor.
--
-- Every benchmark program takes its iteration count as argv[1] and prints one line
--   RESULT <name> <key>=<value>
-- Speed is never asserted: this is not part of `build.lua test`.
local util = require "gen.util"
local ninja = require "gen.toolchain.ninja"
local runner = require "tests.harness.runner"
local cc = require "gen.toolchain.cc"

local M = {}

-- The target: the first that runs natively here (tests/harness/runner.lua).
M.OUT = "build/bench"
M.RUN_TIMEOUT = 300 -- seconds per program run; a hung runtime must not hang the bench

-- target: the ratio ours/Go to stay at or under, at GOMAXPROCS=1.
M.BENCHES = {
  { name = "spawn_join", label = "spawn+join", key = "ns_per_op", unit = "ns", full = 1000000, quick = 100000,
    target = 0.1 },
  { name = "yield", label = "yield switch", key = "ns_per_op", unit = "ns", full = 2000000, quick = 200000,
    target = 0.35 },
  { name = "chan_pingpong", label = "chan round trip", key = "ns_per_op", unit = "ns", full = 1000000,
    quick = 100000, target = 0.3 },
  -- Parked memory keeps its count under --quick: per-goroutine memory depends on it.
  { name = "park_mem", label = "parked goroutine", key = "bytes_per_op", unit = "B", full = 100000,
    quick = 100000, target = 2.0 },
}
M.TARGET_PROCS = 1

-- Numbers --------------------------------------------------------------------

function M.median(xs)
  local s = table.move(xs, 1, #xs, 1, {})
  table.sort(s)
  local n = #s
  if n == 0 then return nil end
  if n % 2 == 1 then return s[(n + 1) // 2] end
  return (s[n // 2] + s[n // 2 + 1]) / 2
end

-- "1,2" -> {1, 2}
function M.parse_procs(s)
  local list = {}
  for x in tostring(s):gmatch("[^,]+") do
    local n = tonumber(x)
    if not n or n < 1 or n ~= math.floor(n) then util.fail("bench: --procs wants positive integers, got %q", x) end
    list[#list + 1] = math.tointeger(n)
  end
  if #list == 0 then util.fail("bench: --procs is empty") end
  return list
end

-- The value of `key` on the RESULT line for `name` in a program's output.
function M.parse_result(out, name, key)
  for line in out:gmatch("[^\n]+") do
    local n, rest = line:match("^RESULT%s+(%S+)%s+(.*)$")
    if n == name then
      for k, v in rest:gmatch("(%S+)=(%S+)") do
        if k == key then return tonumber(v) end
      end
    end
  end
  return nil
end

local function fmt_value(v, unit)
  if v == nil then return "—" end
  if unit == "B" then return string.format("%.0f B", v) end
  return string.format("%.1f %s", v, unit)
end

local function fmt_size(bytes)
  if bytes == nil then return "—" end
  if bytes >= 1024 * 1024 then return string.format("%.2f MiB", bytes / (1024 * 1024)) end
  return string.format("%.1f KiB", bytes / 1024)
end

-- Markdown table; the first row is the header.
function M.markdown(rows)
  local width = {}
  for _, r in ipairs(rows) do
    for i, c in ipairs(r) do width[i] = math.max(width[i] or 3, utf8.len(c)) end
  end
  local function line(r)
    local cells = {}
    for i, c in ipairs(r) do cells[i] = c .. string.rep(" ", width[i] - utf8.len(c)) end
    return "| " .. table.concat(cells, " | ") .. " |"
  end
  local out = { line(rows[1]) }
  local rule = {}
  for i = 1, #width do rule[i] = string.rep("-", width[i]) end
  out[2] = line(rule)
  for i = 2, #rows do out[#out + 1] = line(rows[i]) end
  return table.concat(out, "\n")
end

-- Tools ------------------------------------------------------------------------

local function have(tool)
  return util.capture("command -v " .. util.quote(tool)) == 0
end

local function first_line(s) return (s or ""):match("^%s*([^\n]*)") end

-- CPU, cores, load before the run (others' work skews timings), and the tree measured.
local function machine(root)
  local cpu = (util.read_file("/proc/cpuinfo") or ""):match("model name%s*:%s*([^\n]+)") or "unknown CPU"
  local _, n = util.capture("nproc")
  local load = (util.read_file("/proc/loadavg") or "?"):match("^(%S+)")
  local code, head = util.capture("git -C " .. util.quote(root) .. " rev-parse --short HEAD")
  local _, dirty = util.capture("git -C " .. util.quote(root) .. " status --porcelain --untracked-files=no")
  local tree = code == 0 and first_line(head) .. (dirty ~= "" and " + uncommitted changes" or "") or "not a git tree"
  return string.format("%s, %s cores, load %s; tree %s", cpu, first_line(n), load, tree)
end

-- Environment for `go`: caches under build/, so it works as root in CI with no HOME.
local function go_env(root)
  local b = root .. "/" .. M.OUT
  return "GOCACHE=" .. util.quote(b .. "/gocache") .. " GOPATH=" .. util.quote(b .. "/gopath") .. " GOFLAGS= "
end

-- Building -----------------------------------------------------------------------

local function must(code, out, err, what)
  if code ~= 0 then util.fail("bench: %s failed (exit %d):\n%s%s", what, code, out or "", err or "") end
end

-- Builds every benchmark of ours (and hello) against one library build, into
-- <root>/<outdir> (default build/bench/ours; bench/profile.lua builds its own).
function M.build_ours(root, names, outdir)
  local b = ninja.build(root, runner.native_target(root), {})
  local bins = {}
  for _, name in ipairs(names) do
    local src = name == "hello" and "examples/hello.c" or "bench/" .. name .. ".c"
    local out = root .. "/" .. (outdir or M.OUT .. "/ours") .. "/" .. name
    local argv = cc.link_argv(root, b, { "-O2", "-I", root .. "/bench", root .. "/" .. src }, out)
    local code, o, e = util.capture(util.command(argv))
    must(code, o, e, "link " .. src)
    bins[name] = out
  end
  return bins
end

local function build_go(root, names)
  local bins = {}
  for _, name in ipairs(names) do
    local out = root .. "/" .. M.OUT .. "/go/" .. name
    local src = root .. "/bench/peers/" .. name .. ".go"
    local code, o, e = util.capture("cd " .. util.quote(root) .. " && " .. go_env(root) ..
      util.command({ "go", "build", "-o", out, src }))
    must(code, o, e, "go build " .. "bench/peers/" .. name .. ".go")
    bins[name] = out
  end
  return bins
end

local function build_floor(root)
  local out = root .. "/" .. M.OUT .. "/floor/start_floor"
  local argv = { "clang", "-static", "-O2", root .. "/bench/start_floor.c", "-o", out }
  local code, o, e = util.capture(util.command(argv))
  if code ~= 0 then return nil, first_line(e ~= "" and e or o) end
  return out
end

-- Running --------------------------------------------------------------------------

local function run_one(bin, bench, count, procs)
  local cmd = "GOMAXPROCS=" .. procs .. " " ..
    util.command({ "timeout", tostring(M.RUN_TIMEOUT), bin, tostring(count) })
  local code, out, err = util.capture(cmd)
  if code == 124 then util.fail("bench: %s timed out after %d s (GOMAXPROCS=%d)", bin, M.RUN_TIMEOUT, procs) end
  must(code, out, err, bin .. " " .. count .. " (GOMAXPROCS=" .. procs .. ")")
  local v = M.parse_result(out, bench.name, bench.key)
  if v == nil then
    util.fail("bench: %s printed no `RESULT %s %s=...` line:\n%s%s", bin, bench.name, bench.key, out, err)
  end
  return v
end

local function samples_text(xs)
  local t = {}
  for i, x in ipairs(xs) do t[i] = string.format("%.1f", x) end
  return table.concat(t, " ")
end

-- Process start: `rounds` hyperfine -N runs over every program in turn, so that a burst
-- of load on the machine hits all of them alike; sets p.start_ms to the median of the
-- per-round medians.
local function run_start(root, progs, rounds, per_round)
  local csv = root .. "/" .. M.OUT .. "/start.csv"
  local argv = { "hyperfine", "-N", "--style", "none", "--warmup", "10", "--runs", tostring(per_round),
    "--export-csv", csv }
  for _, p in ipairs(progs) do
    argv[#argv + 1] = p.bin
    p.samples = {}
  end
  for _ = 1, rounds do
    local code, out, err = util.capture(util.command(argv))
    must(code, out, err, "hyperfine")
    for line in (util.read_file(csv) or ""):gmatch("[^\n]+") do
      local cmd, median = line:match("^([^,]*),[^,]*,[^,]*,([^,]*)")
      for _, p in ipairs(progs) do
        if cmd == p.bin and tonumber(median) then p.samples[#p.samples + 1] = tonumber(median) * 1000 end
      end
    end
  end
  for _, p in ipairs(progs) do p.start_ms = M.median(p.samples) end
end

local function stripped_size(bin)
  local tmp = bin .. ".stripped"
  -- llvm-strip rejects glibc's static executables (IRELATIVE relocations); binutils' takes them.
  if util.capture(util.command({ "llvm-strip", "-o", tmp, bin })) ~= 0 and
      util.capture(util.command({ "strip", "-o", tmp, bin })) ~= 0 then
    return nil
  end
  local size = require("lfs").attributes(tmp, "size")
  os.remove(tmp)
  return size
end

-- opts: { procs = {1, 2}, runs = 5 (a number or its text), quick = false }
function M.run(root, opts)
  local procs = opts.procs or { 1, 2 }
  local runs = opts.runs or (opts.quick and 3 or 5)
  if math.tointeger(tonumber(runs)) == nil or tonumber(runs) < 1 then
    util.fail("bench: --runs wants a positive integer, got %q", tostring(runs))
  end
  runs = math.tointeger(tonumber(runs))
  local t_begin = os.time()
  for _, d in ipairs({ "ours", "go", "floor" }) do util.mkdir_p(root .. "/" .. M.OUT .. "/" .. d) end

  local names = {}
  for i, b in ipairs(M.BENCHES) do names[i] = b.name end
  local with_hello = table.move(names, 1, #names, 1, {})
  with_hello[#with_hello + 1] = "hello"

  local go_version
  if have("go") then
    local _, v = util.capture("go version")
    go_version = first_line(v)
  else
    print("Go is missing (no `go` in PATH): the Go column is skipped; ours still run.")
  end

  io.write("building ours (", runner.native_target(root), ", freestanding, -O2)"); io.flush()
  local ours = M.build_ours(root, with_hello)
  local peers = {}
  if go_version then
    io.write(" and the Go peers (", go_version, ")"); io.flush()
    peers = build_go(root, with_hello)
  end
  print()

  print(string.format("# %s; %d run(s) each, interleaved ours/Go, medians%s", machine(root), runs,
    opts.quick and "; --quick: fewer iterations" or ""))
  local rows = { { "benchmark", "procs", "ours", "Go", "ratio (ours/Go)", "target", "" } }
  local missed = 0
  for _, np in ipairs(procs) do
    for _, b in ipairs(M.BENCHES) do
      local count = opts.quick and b.quick or b.full
      local xs, ys = {}, {}
      for _ = 1, runs do
        xs[#xs + 1] = run_one(ours[b.name], b, count, np)
        if peers[b.name] then ys[#ys + 1] = run_one(peers[b.name], b, count, np) end
      end
      local mo, mg = M.median(xs), M.median(ys)
      print(string.format("#   %-14s GOMAXPROCS=%d n=%d  ours: %s  Go: %s", b.name, np, count, samples_text(xs),
        #ys > 0 and samples_text(ys) or "skipped"))
      local ratio = mg and mo / mg
      local target, verdict = "—", ""
      if np == M.TARGET_PROCS then
        target = string.format("≤ %g×", b.target)
        if ratio then
          verdict = ratio <= b.target and "met" or "missed"
          if ratio > b.target then missed = missed + 1 end
        else
          verdict = "no Go"
        end
      end
      rows[#rows + 1] = { b.label .. " (" .. b.unit .. (b.unit == "B" and "" or "/op") .. ")", tostring(np),
        fmt_value(mo, b.unit), fmt_value(mg, b.unit), ratio and string.format("%.2f×", ratio) or "—", target,
        verdict }
    end
  end
  print()
  print(M.markdown(rows))

  if have("hyperfine") then
    local progs = { { label = "ours: examples/hello.c (freestanding)", bin = ours.hello } }
    if peers.hello then progs[#progs + 1] = { label = "Go: bench/peers/hello.go", bin = peers.hello } end
    local floor, why = build_floor(root)
    if floor then
      progs[#progs + 1] = { label = "floor: static C `int main(void){return 0;}`", bin = floor, floor = true }
    else
      print("static C floor not built (" .. why .. "): its row is skipped")
    end
    local per_round = opts.quick and 30 or 100
    run_start(root, progs, runs, per_round)
    local floor_ms
    for _, p in ipairs(progs) do if p.floor then floor_ms = p.start_ms end end
    local lfs = require "lfs"
    local srows = { { "process start", "size", "stripped", "start (median)", "vs floor" } }
    for _, p in ipairs(progs) do
      srows[#srows + 1] = { p.label, fmt_size(lfs.attributes(p.bin, "size")), fmt_size(stripped_size(p.bin)),
        p.start_ms and string.format("%.3f ms", p.start_ms) or "—",
        (p.start_ms and floor_ms) and string.format("%.2f×", p.start_ms / floor_ms) or "—" }
    end
    print()
    print(string.format("# hyperfine -N, %d round(s) of %d runs (after 10 warmups) each, median of round medians, " ..
      "default GOMAXPROCS", runs, per_round))
    print(M.markdown(srows))
  else
    print("hyperfine is missing: process start is skipped")
  end
  print()
  print(string.format("# %d target(s) missed at GOMAXPROCS=%d; took %d s", missed, M.TARGET_PROCS,
    os.time() - t_begin))
  return 0
end

return M
