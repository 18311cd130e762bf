-- `build.lua bench http`: examples/httpd.c (ours, freestanding, -O2) against a Go net/http
-- server doing the same work (bench/peers/httpd.go), on loopback, interleaved (ours, Go,
-- ours, Go, ...), each run bounded in time, with wrk as the client:
--   wrk -t1 -c64 -d5s --latency   at each GOMAXPROCS (1 and 2)
-- printing req/s, p50 and p99 latency, the ratio to Go and the server's peak RSS; then
-- memory per idle keep-alive connection: RSS growth of a server holding 10k connections
-- (bench/http_idle.c opens them, one request each), ours against Go's.
-- Speed is never asserted: this is not part of `build.lua test`.
local util = require "gen.util"
local ninja = require "gen.toolchain.ninja"
local cc = require "gen.toolchain.cc"
local bench = require "bench.bench"
local runner = require "tests.harness.runner"

local M = {}

M.OUT = bench.OUT .. "/http"
M.WRK = { "-t1", "-c64", "-d5s", "--latency" }
M.IDLE_CONNS = 10000
M.IDLE_TIMEOUT_MS = 600000 -- the servers' idle timeout while the idle row measures
-- target: at GOMAXPROCS=1, ours/Go at least this for req/s, at most this for p99.
M.TARGET_RPS, M.TARGET_P99 = 1.2, 0.8

local function must(code, out, err, what)
  if code ~= 0 then util.fail("bench http: %s failed (exit %d):\n%s%s", what, code, out or "", err or "") end
end

local function sleep(s) os.execute("sleep " .. s) end

local function build(root)
  local dir = root .. "/" .. M.OUT
  util.mkdir_p(dir)
  local b = ninja.build(root, runner.native_target(root), {})
  local bins = { ours = dir .. "/httpd", idle = dir .. "/http_idle", go = dir .. "/go_httpd" }
  for _, p in ipairs({ { "examples/httpd.c", bins.ours }, { "bench/http_idle.c", bins.idle } }) do
    local argv = cc.link_argv(root, b, { "-O2", table.unpack(cc.program_sources(root, p[1])) }, p[2])
    local code, o, e = util.capture(util.command(argv))
    must(code, o, e, "link " .. p[1])
  end
  local gocache = root .. "/" .. bench.OUT
  local code, o, e = util.capture("cd " .. util.quote(root) .. " && GOCACHE=" .. util.quote(gocache .. "/gocache")
    .. " GOPATH=" .. util.quote(gocache .. "/gopath") .. " GOFLAGS= "
    .. util.command({ "go", "build", "-o", bins.go, root .. "/bench/peers/httpd.go" }))
  must(code, o, e, "go build bench/peers/httpd.go")
  return bins
end

-- A server started in the background: its pid and the address it printed first.
local function start(bin, procs, args, dir)
  local out = dir .. "/server.out"
  os.remove(out)
  local argv = { bin, "127.0.0.1:0" }
  for _, a in ipairs(args or {}) do argv[#argv + 1] = a end
  local code, pid = util.capture("GOMAXPROCS=" .. procs .. " " .. util.command(argv) .. " >"
    .. util.quote(out) .. " 2>&1 & echo $!")
  must(code, pid, "", "start " .. bin)
  pid = pid:match("%d+")
  for _ = 1, 100 do
    local addr = (util.read_file(out) or ""):match("^([^\n]+)\n")
    if addr then return { pid = pid, addr = addr } end
    sleep(0.05)
  end
  os.execute("kill " .. pid .. " 2>/dev/null")
  util.fail("bench http: %s printed no address in 5 s:\n%s", bin, util.read_file(out) or "")
end

local function status_kb(pid, field)
  return tonumber((util.read_file("/proc/" .. pid .. "/status") or ""):match(field .. ":%s*(%d+)"))
end

local function stop(s)
  os.execute("kill " .. s.pid .. " 2>/dev/null; wait " .. s.pid .. " 2>/dev/null")
end

local UNIT = { us = 1e-3, ms = 1, s = 1e3 }
local function ms(v, unit) return tonumber(v) * UNIT[unit] end

-- req/s, p50 and p99 in ms from wrk's --latency report; errors if wrk saw any.
function M.parse_wrk(out)
  local r = { rps = tonumber(out:match("Requests/sec:%s*([%d.]+)")) }
  local v, u = out:match("\n%s*50%%%s*([%d.]+)(%a+)")
  if v then r.p50 = ms(v, u) end
  v, u = out:match("\n%s*99%%%s*([%d.]+)(%a+)")
  if v then r.p99 = ms(v, u) end
  r.errors = out:match("Socket errors:[^\n]*") or out:match("Non%-2xx or 3xx responses:[^\n]*")
  return r
end

local function run_wrk(bin, procs, dir)
  local s = start(bin, procs, nil, dir)
  local argv = { "timeout", "30", "wrk" }
  for _, a in ipairs(M.WRK) do argv[#argv + 1] = a end
  argv[#argv + 1] = "http://" .. s.addr .. "/"
  local code, out, err = util.capture(util.command(argv))
  local hwm = status_kb(s.pid, "VmHWM")
  stop(s)
  must(code, out, err, "wrk against " .. bin)
  local r = M.parse_wrk(out)
  if not (r.rps and r.p50 and r.p99) then util.fail("bench http: no numbers in wrk's report:\n%s", out) end
  r.hwm_kb = hwm
  return r
end

-- RSS growth in bytes per connection while http_idle holds n connections to bin.
local function run_idle(bins, bin, dir)
  local s = start(bin, 1, { tostring(M.IDLE_TIMEOUT_MS) }, dir)
  sleep(0.2)
  local before = status_kb(s.pid, "VmRSS")
  local out = dir .. "/idle.out"
  os.remove(out)
  local _, cpid = util.capture(util.command({ "timeout", "120", bins.idle, s.addr, tostring(M.IDLE_CONNS) })
    .. " >" .. util.quote(out) .. " 2>&1 & echo $!")
  cpid = cpid:match("%d+")
  local ok
  for _ = 1, 1200 do
    ok = (util.read_file(out) or ""):match("RESULT http_idle conns=")
    if ok or not util.exists("/proc/" .. cpid) then break end
    sleep(0.1)
  end
  sleep(0.5) -- the last responses' goroutines park again
  local after = status_kb(s.pid, "VmRSS")
  os.execute("kill " .. cpid .. " 2>/dev/null")
  stop(s)
  if not ok then util.fail("bench http: http_idle against %s failed:\n%s", bin, util.read_file(out) or "") end
  return (after - before) * 1024 / M.IDLE_CONNS
end

local function f(fmt, v) return v and string.format(fmt, v) or "—" end

local function samples(xs)
  local t = {}
  for i, x in ipairs(xs) do t[i] = string.format("%.0f", x) end
  return table.concat(t, " ")
end

-- opts: { procs = {1, 2}, runs = 3 }
function M.run(root, opts)
  local procs, runs = opts.procs or { 1, 2 }, math.tointeger(tonumber(opts.runs or 3))
  if not runs or runs < 1 then util.fail("bench http: --runs wants a positive integer, got %q", tostring(opts.runs)) end
  if util.capture("command -v wrk") ~= 0 then
    util.fail("bench http: wrk is not installed (Debian: apt-get install wrk)")
  end
  if util.capture("command -v go") ~= 0 then util.fail("bench http: go is not installed") end
  local t0 = os.time()
  io.write("building examples/httpd.c (", runner.native_target(root), ", freestanding, -O2) and bench/peers/httpd.go\n")
  local bins = build(root)
  local dir = root .. "/" .. M.OUT
  local _, nproc = util.capture("nproc")
  print(string.format("# wrk %s on loopback, %d run(s) each, interleaved ours/Go, medians; %s cores, load %s",
    table.concat(M.WRK, " "), runs, nproc:match("%d+"), (util.read_file("/proc/loadavg") or "?"):match("^(%S+)")))
  local rows = { { "httpd", "procs", "req/s", "p50", "p99", "peak RSS", "req/s ours/Go", "p99 ours/Go", "target" } }
  for _, np in ipairs(procs) do
    local res = { ours = {}, go = {} }
    for _ = 1, runs do
      for _, who in ipairs({ "ours", "go" }) do
        local r = run_wrk(bins[who], np, dir)
        if r.errors then print("#   " .. who .. ": wrk: " .. r.errors) end
        table.insert(res[who], r)
      end
    end
    local med = {}
    for _, who in ipairs({ "ours", "go" }) do
      local list, m = res[who], {}
      for _, k in ipairs({ "rps", "p50", "p99", "hwm_kb" }) do
        local xs = {}
        for i, r in ipairs(list) do xs[i] = r[k] end
        m[k] = bench.median(xs)
        if k == "rps" then print(string.format("#   %-4s GOMAXPROCS=%d req/s: %s", who, np, samples(xs))) end
      end
      med[who] = m
    end
    local rr, pr = med.ours.rps / med.go.rps, med.ours.p99 / med.go.p99
    local verdict = "—"
    if np == 1 then
      verdict = (rr >= M.TARGET_RPS and pr <= M.TARGET_P99) and "met" or "missed"
    end
    for _, who in ipairs({ "ours", "go" }) do
      local m = med[who]
      rows[#rows + 1] = { who == "ours" and "ours (examples/httpd.c)" or "Go net/http", tostring(np),
        f("%.0f", m.rps), f("%.2f ms", m.p50), f("%.2f ms", m.p99), f("%.1f MiB", m.hwm_kb and m.hwm_kb / 1024),
        who == "ours" and string.format("%.2f×", rr) or "", who == "ours" and string.format("%.2f×", pr) or "",
        who == "ours" and (np == 1 and string.format("≥ %.1f× req/s, ≤ %.1f× p99: %s", M.TARGET_RPS, M.TARGET_P99,
          verdict) or "—") or "" }
    end
  end
  print()
  print(bench.markdown(rows))
  print()
  local ours, go = run_idle(bins, bins.ours, dir), run_idle(bins, bins.go, dir)
  print(string.format("# memory per idle keep-alive connection: %d connections, one GET each, server RSS growth",
    M.IDLE_CONNS))
  print(bench.markdown({ { "idle connection", "ours", "Go", "ratio (ours/Go)" },
    { "RSS per connection", string.format("%.1f KiB", ours / 1024), string.format("%.1f KiB", go / 1024),
      string.format("%.2f×", ours / go) } }))
  print()
  print(string.format("# took %d s", os.time() - t0))
  return 0
end

return M
