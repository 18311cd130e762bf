-- Build and bench plumbing for the network examples: cc's .re sources and `// sources:`
-- lines (gen/toolchain/cc.lua), and the wrk report parser of `build.lua bench http`.
local util = require "gen.util"
local cc = require "gen.toolchain.cc"
local bench_http = require "bench.bench_http"

describe("cc.program_sources", function()
  it("adds the sources a program's first lines name, root-relative", function()
    assert.are.same({ "./examples/httpd.c", "./examples/http_parse.re" }, cc.program_sources(".", "examples/httpd.c"))
  end)
  it("is just the file for a program that names none", function()
    assert.are.same({ "./examples/hello.c" }, cc.program_sources(".", "examples/hello.c"))
  end)
end)

describe("cc.with_re2c", function()
  it("turns a .re into C under build/re2c/ and puts its folder on the quote path", function()
    local argv = cc.with_re2c(".", { "-O2", "examples/http_parse.re", "x.c" })
    assert.are.equal("-O2", argv[1])
    assert.are.equal("-iquote", argv[2])
    assert.are.equal(util.abspath("examples"), argv[3])
    assert.matches("/build/re2c/.*http_parse%.c$", argv[4])
    assert.is_truthy(util.exists(argv[4]))
    assert.are.equal("x.c", argv[5])
  end)
  it("fails with re2c's message for a scanner that does not compile", function()
    local dir = util.tmpdir("re2c")
    local bad = dir .. "/bad.re"
    util.write_file(bad, "/*!re2c\n  [a- { return 1; }\n*/\n")
    local ok, err = pcall(cc.with_re2c, ".", { bad })
    assert.is_false(ok)
    assert.matches("cc: re2c .*bad%.re failed:", tostring(err))
  end)
end)

describe("bench http's wrk parser", function()
  local report = [[
Running 5s test @ http://127.0.0.1:42205/
  1 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.30ms    2.12ms  23.57ms   90.90%
    Req/Sec    58.61k    14.04k   74.91k    52.00%
  Latency Distribution
     50%  657.00us
     75%  784.00us
     90%    3.14ms
     99%   1.26s
  292530 requests in 5.03s, 23.71MB read
Requests/sec:  58162.84
Transfer/sec:      4.71MB
]]
  it("reads req/s and p50/p99 in ms whatever wrk's unit", function()
    local r = bench_http.parse_wrk(report)
    assert.are.equal(58162.84, r.rps)
    assert.are.equal(0.657, r.p50)
    assert.are.equal(1260, r.p99)
    assert.is_nil(r.errors)
  end)
  it("reports socket errors and bad statuses", function()
    local r = bench_http.parse_wrk(report .. "  Socket errors: connect 0, read 3, write 0, timeout 0\n")
    assert.are.equal("Socket errors: connect 0, read 3, write 0, timeout 0", r.errors)
    r = bench_http.parse_wrk(report .. "  Non-2xx or 3xx responses: 12\n")
    assert.are.equal("Non-2xx or 3xx responses: 12", r.errors)
  end)
end)

-- The example servers as programs: their command line and first line of output.
describe("examples/echo.c and examples/httpd.c", function()
  local bins = {}
  setup(function()
    local ninja = require "gen.toolchain.ninja"
    local b = ninja.build(".", require("tests.harness.runner").native_target("."), {})
    util.mkdir_p("build/test-net")
    for _, name in ipairs({ "echo", "httpd" }) do
      bins[name] = "build/test-net/" .. name
      local argv = cc.link_argv(".", b, { "-O2", table.unpack(cc.program_sources(".", "examples/" .. name .. ".c")) },
        bins[name])
      local code, out, err = util.capture(util.command(argv))
      assert(code == 0, out .. err)
    end
  end)

  it("print the address they bound first, the port picked for :0", function()
    for name, bin in pairs(bins) do
      local out = "build/test-net/" .. name .. ".out"
      os.remove(out)
      local _, pid = util.capture(util.command({ bin, "127.0.0.1:0" }) .. " >" .. out .. " 2>&1 & echo $!")
      local first
      for _ = 1, 100 do
        first = (util.read_file(out) or ""):match("^([^\n]*)\n")
        if first then break end
        os.execute("sleep 0.05")
      end
      os.execute("kill " .. pid:match("%d+"))
      assert.is_truthy(first, name .. " printed nothing")
      local port = tonumber(first:match("^127%.0%.0%.1:(%d+)$"))
      assert.is_truthy(port and port > 0, name .. " printed " .. tostring(first))
    end
  end)

  it("say why an address does not parse, and exit 1", function()
    for name, bin in pairs(bins) do
      local code, out = util.capture(util.command({ bin, "1.2.3.4.5:80" }))
      assert.are.equal(1, code)
      assert.are.equal(name .. ": listen 1.2.3.4.5:80: malformed address\n", out)
    end
  end)

  it("print their usage for a timeout that is not a number, and exit 2", function()
    local code, out = util.capture(util.command({ bins.httpd, "127.0.0.1:0", "soon" }))
    assert.are.equal(2, code)
    assert.are.equal("usage: httpd [address [timeout-ms]]\n", out)
    code, out = util.capture(util.command({ bins.echo, "127.0.0.1:0", "0" }))
    assert.are.equal(2, code)
    assert.are.equal("usage: echo [address [write-timeout-ms]]\n", out)
  end)
end)
