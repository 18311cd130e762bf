-- bench/profile.lua: callgrind_annotate's flat profile read into counts, and two runs'
-- difference turned into instructions per operation.
local profile = require "bench.profile"

local ANNOTATE = [[
--------------------------------------------------------------------------------
Ir
--------------------------------------------------------------------------------
141,825,738 (100.0%)  PROGRAM TOTALS

--------------------------------------------------------------------------------
Ir                   file:function
--------------------------------------------------------------------------------
30,400,000 (21.43%)  ???:rt_chan_recv [???]
15,000,067 (10.58%)  ???:rt_chan_send [???]
14,999,933 (10.58%)  ???:rt_chan_send'2 [???]
 6,000,045 ( 4.23%)  ???:stackcheck [/tmp/cp]
       12 ( 0.00%)  ???:0x000000000001f540 [/usr/lib/ld.so]
]]

describe("bench --profile", function()
  it("reads the total and folds a function's recursion levels into one count", function()
    local counts, total = profile.parse_annotate(ANNOTATE)
    assert.are.equal(141825738, total)
    assert.are.equal(30400000, counts.rt_chan_recv)
    assert.are.equal(30000000, counts.rt_chan_send)
    assert.are.equal(6000045, counts.stackcheck)
    assert.are.equal(12, counts["0x000000000001f540"])
  end)

  it("gives no total for output that is not a flat profile", function()
    local counts, total = profile.parse_annotate("valgrind: no such file\n")
    assert.is_nil(total)
    assert.are.same({}, counts)
  end)

  it("turns two runs into instructions per operation, largest first, start-up cancelled", function()
    local small = { a = 1000 + 100 * 10, b = 500 + 100 * 30, startup = 9999 }
    local large = { a = 1000 + 200 * 10, b = 500 + 200 * 30, startup = 9999, c = 100 * 2 }
    local rows = profile.per_op(small, large, 100)
    assert.are.same({ { "b", 30 }, { "a", 10 }, { "c", 2 } }, rows)
  end)
end)
