-- soak: reading the soak program's output, how flat RSS stayed, and the SVG plot.
local soak = require "tests.harness.soak"

local OUTPUT = table.concat({
  "sample 0 100 3", "sample 1000 8000 1200", "round 1 ok 1500 ms",
  "sample 2000 10240 40", "sample 3000 10300 35", "round 2 ok 3100 ms",
  "sample 4000 10200 30", "sample 5000 10240 33", "round 3 ok 5200 ms",
  "ok: 3 round(s), 120 channel ops, 30 goroutines churned, 12 mixed ops",
}, "\n")

describe("soak", function()
  it("reads samples, round ends and the closing line", function()
    local r = soak.parse(OUTPUT)
    assert.equals(6, #r.samples)
    assert.same({ t = 1, rss = 8000, g = 1200 }, r.samples[2])
    assert.same({ 1.5, 3.1, 5.2 }, r.rounds)
    assert.matches("^ok: 3 round", r.ok)
    assert.same({}, r.fails)
  end)

  it("collects FAIL lines", function()
    local r = soak.parse("FAIL chan cap 0: sent 5 got 4, sums differ, 0 out of order\n")
    assert.equals(1, #r.fails)
    assert.is_nil(r.ok)
  end)

  it("measures RSS flatness only after the warm-up (the first round here)", function()
    local f = soak.flatness(soak.parse(OUTPUT))
    assert.equals(4, f.n)
    assert.equals(10200, f.min)
    assert.equals(10300, f.max)
    assert.near(100 * 100 / 10200, f.spread, 1e-9)
    assert.equals(10240 - 10240, f.drift) -- first third (1 sample) vs last third (1 sample)
  end)

  it("takes the first fifth of the run as warm-up when the first round is shorter", function()
    local out = { "round 1 ok 100 ms" }
    for t = 0, 9 do out[#out + 1] = string.format("sample %d %d 5", t * 1000, t < 2 and 100 or 5000) end
    local f = soak.flatness(soak.parse(table.concat(out, "\n")))
    assert.equals(8, f.n) -- t = 0 and 1 (before 1.8 s) are warm-up
    assert.equals(5000, f.min)
    assert.equals(0, f.spread)
  end)

  it("needs a few samples after warm-up to say anything", function()
    assert.is_nil(soak.flatness(soak.parse("sample 0 1 1\nround 1 ok 10 ms\n")))
  end)

  it("draws one panel per run with an RSS and a goroutine line", function()
    local r = soak.parse(OUTPUT)
    local svg = soak.svg({ { procs = 1, result = r, flat = soak.flatness(r) },
      { procs = 2, result = r, flat = soak.flatness(r) } }, "title")
    assert.matches("^<svg ", svg)
    assert.matches("</svg>\n$", svg)
    local _, lines = svg:gsub("<polyline", "")
    assert.equals(4, lines)
    assert.matches("GOMAXPROCS=2: 3 round%(s%)", svg)
  end)
end)
