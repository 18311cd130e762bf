-- `build.lua soak [--minutes N]`: tests/soak/soak.c at 1, 2 and 4 Ps for N minutes each
-- (checksummed channel traffic, waves of goroutines, timers + mutex + select), sampling
-- RSS and the goroutine count every second. Writes build/soak/soak.svg (a plot drawn
-- here, no plotting tool needed), summary.txt and the raw samples, and says how flat RSS
-- stayed after the warm-up.
local util = require "gen.util"

local M = {}

M.PROCS = { 1, 2, 4 }

-- Parses the program's output: samples { t (s), rss (KiB), g }, round ends (s), the final
-- "ok:" line, and any FAIL line.
function M.parse(text)
  local r = { samples = {}, rounds = {}, fails = {} }
  for line in text:gmatch("[^\n]+") do
    local t, rss, g = line:match("^sample (%d+) (%-?%d+) (%d+)$")
    if t then
      r.samples[#r.samples + 1] = { t = tonumber(t) / 1000, rss = tonumber(rss), g = tonumber(g) }
    end
    local ms = line:match("^round %d+ ok (%d+) ms$")
    if ms then r.rounds[#r.rounds + 1] = tonumber(ms) / 1000 end
    if line:match("^ok: ") then r.ok = line end
    if line:match("^FAIL") then r.fails[#r.fails + 1] = line end
  end
  return r
end

-- RSS after the warm-up: min, max, their spread in percent of min, and the drift (mean of
-- the last third minus mean of the first third of those samples, in KiB). The warm-up is
-- the first round or the first fifth of the run, whichever is longer: at 4 Ps the per-P
-- stack caches and free lists take several rounds to fill.
M.WARMUP_FRACTION = 0.2
function M.flatness(r)
  local last = r.samples[#r.samples]
  local warm = math.max(r.rounds[1] or 0, last and last.t * M.WARMUP_FRACTION or 0)
  local rss = {}
  for _, s in ipairs(r.samples) do
    if s.t > warm and s.rss > 0 then rss[#rss + 1] = s.rss end
  end
  if #rss < 3 then return nil end
  local lo, hi = math.huge, 0
  for _, v in ipairs(rss) do lo, hi = math.min(lo, v), math.max(hi, v) end
  local third = #rss // 3
  local function mean(a, b)
    local sum = 0
    for i = a, b do sum = sum + rss[i] end
    return sum / (b - a + 1)
  end
  return { min = lo, max = hi, spread = (hi - lo) * 100 / lo, n = #rss,
    drift = mean(#rss - third + 1, #rss) - mean(1, third) }
end

-- SVG ----------------------------------------------------------------------------------

local W, PANEL, ML, MR, MT, MB = 960, 250, 70, 70, 40, 40

local function nice_max(v)
  if v <= 0 then return 1 end
  local p = 10 ^ math.floor(math.log(v, 10))
  for _, m in ipairs({ 1, 2, 2.5, 5, 10 }) do
    if v <= m * p then return m * p end
  end
  return 10 * p
end

local function fmt(v)
  if v == math.floor(v) then return string.format("%d", v) end
  return string.format("%.1f", v)
end

local function polyline(points, color)
  local p = {}
  for i, pt in ipairs(points) do p[i] = string.format("%.1f,%.1f", pt[1], pt[2]) end
  return string.format('<polyline fill="none" stroke="%s" stroke-width="1.5" points="%s"/>', color,
    table.concat(p, " "))
end

-- One panel per run: RSS (MiB, left axis, blue) and goroutines (right axis, orange) over
-- time, the ends of rounds as faint lines.
local function panel(out, y0, run)
  local r = run.result
  local tmax, rmax, gmax = 1, 1, 1
  for _, s in ipairs(r.samples) do
    tmax, rmax, gmax = math.max(tmax, s.t), math.max(rmax, s.rss / 1024), math.max(gmax, s.g)
  end
  tmax, rmax, gmax = nice_max(tmax), nice_max(rmax), nice_max(gmax)
  local pw, ph = W - ML - MR, PANEL - MT - MB
  local function x(t) return ML + t / tmax * pw end
  local function yr(v) return y0 + MT + ph - v / rmax * ph end
  local function yg(v) return y0 + MT + ph - v / gmax * ph end
  local add = function(s) out[#out + 1] = s end
  local f = run.flat
  add(string.format('<text x="%d" y="%d" font-size="14" font-weight="bold">GOMAXPROCS=%d: %s</text>', ML, y0 + 22,
    run.procs, (r.ok or "FAILED"):gsub("^ok: ", ""):gsub("&", "&amp;")))
  if f then
    add(string.format('<text x="%d" y="%d" font-size="11" text-anchor="end">RSS after warm-up %.1f-%.1f MiB '
      .. '(spread %.1f%%, drift %+.0f KiB)</text>', W - MR, y0 + 22, f.min / 1024, f.max / 1024, f.spread, f.drift))
  end
  add(string.format('<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#888"/>', ML, y0 + MT, pw, ph))
  for i = 0, 4 do
    local yy = y0 + MT + ph - i * ph / 4
    add(string.format('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#eee"/>', ML, yy, ML + pw, yy))
    add(string.format('<text x="%d" y="%.1f" font-size="11" text-anchor="end" fill="#1f77b4">%s</text>', ML - 6,
      yy + 4, fmt(rmax * i / 4)))
    add(string.format('<text x="%d" y="%.1f" font-size="11" fill="#d2691e">%s</text>', ML + pw + 6, yy + 4,
      fmt(gmax * i / 4)))
    local tx = ML + i * pw / 4
    add(string.format('<text x="%.1f" y="%d" font-size="11" text-anchor="middle">%ss</text>', tx, y0 + MT + ph + 16,
      fmt(tmax * i / 4)))
  end
  for _, t in ipairs(r.rounds) do
    add(string.format('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#ccc" stroke-dasharray="2,3"/>', x(t),
      y0 + MT, x(t), y0 + MT + ph))
  end
  local rp, gp = {}, {}
  for _, s in ipairs(r.samples) do
    if s.rss >= 0 then rp[#rp + 1] = { x(s.t), yr(s.rss / 1024) } end
    gp[#gp + 1] = { x(s.t), yg(s.g) }
  end
  add(polyline(gp, "#d2691e"))
  add(polyline(rp, "#1f77b4"))
  add(string.format('<text x="14" y="%d" font-size="11" fill="#1f77b4" transform="rotate(-90 14 %d)">RSS (MiB)</text>',
    y0 + MT + ph // 2 + 30, y0 + MT + ph // 2 + 30))
  add(string.format('<text x="%d" y="%d" font-size="11" fill="#d2691e" transform="rotate(90 %d %d)">goroutines</text>',
    W - 12, y0 + MT + ph // 2 - 30, W - 12, y0 + MT + ph // 2 - 30))
end

function M.svg(runs, title)
  local out = {
    string.format('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif">', W,
      PANEL * #runs + 30),
    string.format('<rect width="100%%" height="100%%" fill="white"/>'),
    string.format('<text x="%d" y="20" font-size="15">%s</text>', ML, title),
  }
  for i, run in ipairs(runs) do panel(out, 30 + (i - 1) * PANEL, run) end
  out[#out + 1] = "</svg>"
  return table.concat(out, "\n") .. "\n"
end

-- Running ------------------------------------------------------------------------------

local function run_one(exe, procs, seconds)
  local cmd = string.format("GOMAXPROCS=%d %s %d 2>&1", procs, util.quote(exe), seconds)
  local p = assert(io.popen(cmd, "r"))
  local lines = {}
  for line in p:lines() do
    lines[#lines + 1] = line
    if line:match("^round") or line:match("^ok") or line:match("FAIL") or line:match("fatal") then
      io.write(string.format("  [%dP] %s\n", procs, line))
      io.flush()
    end
  end
  local ok, _, code = p:close()
  local text = table.concat(lines, "\n")
  local r = M.parse(text)
  r.exit = ok and 0 or code
  r.text = text
  return r
end

-- The samples as columns (seconds, RSS KiB, goroutines), for a closer look or another plot.
local function samples_text(r)
  local lines = { "# t_s rss_kib goroutines" }
  for _, s in ipairs(r.samples) do lines[#lines + 1] = string.format("%.3f %d %d", s.t, s.rss, s.g) end
  return table.concat(lines, "\n") .. "\n"
end

function M.command(root, args)
  local minutes = tonumber(args.minutes)
  if not minutes or minutes <= 0 then util.fail("soak: --minutes must be a positive number, got '%s'", args.minutes) end
  local seconds = math.max(1, math.floor(minutes * 60 + 0.5))
  local target = args.target or require("tests.harness.runner").native_target(root)
  local dir = root .. "/build/soak"
  util.mkdir_p(dir)
  local exe = dir .. "/soak"
  local status = require("gen.toolchain.cc").cc(root, target, {}, { root .. "/tests/soak/soak.c" }, exe)
  if status ~= 0 then return status end
  local runs, summary, failed = {}, {}, false
  for _, procs in ipairs(M.PROCS) do
    print(string.format("soak: %s, GOMAXPROCS=%d, %d s", target, procs, seconds))
    local r = run_one(exe, procs, seconds)
    local run = { procs = procs, result = r, flat = M.flatness(r) }
    util.write_file(string.format("%s/samples-%dp.txt", dir, procs), samples_text(r))
    runs[#runs + 1] = run
    local line
    if r.exit ~= 0 or not r.ok or #r.fails > 0 then
      failed = true
      line = string.format("GOMAXPROCS=%d: FAILED (exit %s) %s", procs, tostring(r.exit), table.concat(r.fails, "; "))
      io.stderr:write(r.text:sub(-2000), "\n")
    else
      line = string.format("GOMAXPROCS=%d: %s", procs, r.ok:gsub("^ok: ", ""))
      local f = run.flat
      if f then
        line = line .. string.format("; RSS after warm-up %.1f..%.1f MiB over %d samples (spread %.1f%%, "
          .. "drift %+.0f KiB first to last third)", f.min / 1024, f.max / 1024, f.n, f.spread, f.drift)
      end
    end
    summary[#summary + 1] = line
    print(line)
  end
  local title = string.format("rt0gen soak, %s, %s per GOMAXPROCS", target,
    seconds >= 60 and fmt(seconds / 60) .. " min" or seconds .. " s")
  util.write_file(dir .. "/soak.svg", M.svg(runs, title))
  util.write_file(dir .. "/summary.txt", table.concat(summary, "\n") .. "\n")
  print("wrote build/soak/soak.svg, summary.txt and samples-<P>p.txt")
  return failed and 1 or 0
end

function M.add_command(p)
  local s = p:command("soak", "A long mixed load at 1, 2 and 4 Ps (tests/soak/soak.c): checksummed channel "
    .. "traffic, goroutine churn, timers, mutexes and select; plots RSS and goroutines to build/soak/soak.svg.")
  s:option("--minutes", "Minutes per GOMAXPROCS value.", "1")
  s:option("--target", "A target that runs here (default: the native one the unit tests use).")
end

return M
