-- `build.lua bench --profile [name ...]`: instructions per operation of our benchmarks,
-- and where they go, counted by valgrind's callgrind (docs/profiling.md says why counts,
-- which do not move with the machine's load, and how to go further with perf).
--
-- Each program runs twice under callgrind, at n and 2n iterations; the difference over n
-- is the cost of one operation, start-up, first touches and exit cancelling out. The
-- same difference per function (callgrind_annotate's flat profile) says where it goes.
local util = require "gen.util"

local M = {}

M.OUT = "build/bench/profile"
M.COUNT = 100000 -- n; callgrind runs about 50 times slower than the program
M.TOP = 12       -- functions listed per benchmark

-- callgrind_annotate's flat profile -> { [function] = instructions }. A function's
-- recursion levels ("chan_send'2") and the file part ("???:") are folded into one name.
function M.parse_annotate(text)
  local counts, total = {}, nil
  for line in text:gmatch("[^\n]+") do
    local n, rest = line:match("^%s*([%d,]+)%s+%(%s*[%d.]+%%%)%s+(.+)$")
    if n then
      n = tonumber((n:gsub(",", "")))
      if rest:match("PROGRAM TOTALS") then
        total = n
      else
        local name = rest:match("^[^:]*:([^%s%[]+)") or rest
        name = name:gsub("'%d+$", "")
        counts[name] = (counts[name] or 0) + n
      end
    end
  end
  return counts, total
end

-- The per-operation difference of two profiles, largest first: { {name, per_op}, ... }.
function M.per_op(small, large, n)
  local rows = {}
  for name, c in pairs(large) do
    local d = (c - (small[name] or 0)) / n
    if d >= 0.5 then rows[#rows + 1] = { name, d } end
  end
  table.sort(rows, function(a, b)
    if a[2] ~= b[2] then return a[2] > b[2] end
    return a[1] < b[1]
  end)
  return rows
end

local function need(tool, package)
  if util.capture("command -v " .. util.quote(tool)) ~= 0 then
    util.fail("bench --profile: %s is missing (Debian package %s)", tool, package)
  end
end

-- Built as bench builds it, with DWARF stripped: valgrind 3.19 cannot read clang's
-- DWARF 5, and the symbol table that names functions stays.
local function build(root, name)
  local out = require("bench.bench").build_ours(root, { name }, M.OUT)[name]
  local code, o, e = util.capture(util.command({ "llvm-strip", "--strip-debug", out }))
  if code ~= 0 then util.fail("bench --profile: llvm-strip %s failed:\n%s%s", out, o, e) end
  return out
end

local function callgrind(bin, count, procs)
  local data = bin .. ".callgrind." .. count
  local code, o, e = util.capture("GOMAXPROCS=" .. procs .. " " .. util.command({ "valgrind", "--tool=callgrind",
    "--callgrind-out-file=" .. data, bin, tostring(count) }))
  if code ~= 0 then
    util.fail("bench --profile: %s %d under callgrind failed (exit %d):\n%s%s", bin, count, code, o, e)
  end
  local acode, text, aerr = util.capture(util.command({ "callgrind_annotate", "--threshold=100", data }))
  if acode ~= 0 then util.fail("bench --profile: callgrind_annotate %s failed:\n%s", data, aerr) end
  local counts, total = M.parse_annotate(text)
  if not total then util.fail("bench --profile: no PROGRAM TOTALS in callgrind_annotate's output for %s", data) end
  return counts, total
end

-- names: benchmark names (default: every timed one); procs: GOMAXPROCS.
function M.run(root, names, procs, benches)
  need("valgrind", "valgrind")
  need("callgrind_annotate", "valgrind")
  local known = {}
  for _, b in ipairs(benches) do if b.unit ~= "B" then known[b.name] = b end end
  if #names == 0 then
    for _, b in ipairs(benches) do if known[b.name] then names[#names + 1] = b.name end end
  end
  for _, name in ipairs(names) do
    if not known[name] then
      local list = {}
      for _, b in ipairs(benches) do if known[b.name] then list[#list + 1] = b.name end end
      util.fail("bench --profile: no timed benchmark %q (known: %s)", name, table.concat(list, ", "))
    end
  end
  util.mkdir_p(root .. "/" .. M.OUT)
  local n = M.COUNT
  print(string.format("# callgrind, GOMAXPROCS=%d, instructions per operation: (runs at %d and %d) / %d", procs,
    n, 2 * n, n))
  for _, name in ipairs(names) do
    local bin = build(root, name)
    local small, small_total = callgrind(bin, n, procs)
    local large, large_total = callgrind(bin, 2 * n, procs)
    print()
    print(string.format("%s: %.0f instructions per %s", name, (large_total - small_total) / n, known[name].label))
    local rows = { { "function", "instructions/op" } }
    for i, r in ipairs(M.per_op(small, large, n)) do
      if i > M.TOP then break end
      rows[#rows + 1] = { r[1], string.format("%.1f", r[2]) }
    end
    print(require("bench.bench").markdown(rows))
  end
  return 0
end

return M
