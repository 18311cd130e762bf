-- check-table: a table against its target's own kernel headers.
local fixture = require "tests.gen.fixture"
local checktable = require "gen.port.checktable"
local kheaders = require "gen.port.kheaders"
local util = require "gen.util"

describe("kheaders", function()
  it("names the header a macro comes from and evaluates expressions for the target", function()
    local set = assert(kheaders.for_triple("x86_64-linux-gnu"))
    local defs = kheaders.defines(set)
    assert.are.equal("asm/unistd_64.h", defs.__NR_write.header)
    assert.are.equal("asm-generic/mman-common.h", defs.MAP_ANONYMOUS.header)
    local v = kheaders.evaluate(set, { { expr = "FUTEX_WAIT_PRIVATE", guard = "FUTEX_WAIT_PRIVATE" },
      { expr = "RT0GEN_NOT_A_MACRO", guard = "RT0GEN_NOT_A_MACRO" }, { expr = "sizeof(struct timespec)" } })
    assert.are.equal(128, v[1])
    assert.is_nil(v[2])
    assert.are.equal(16, v[3])
  end)

  it("explains a missing header set in one line", function()
    local set, why = kheaders.for_triple("sparc-unknown-none")
    assert.is_nil(set)
    assert.are.equal("rt0gen knows no kernel headers for sparc-unknown-none", why)
  end)
end)

describe("check-table", function()
  local root
  before_each(function() root = fixture.root({ "arch", "variants" }) end)
  after_each(function() fixture.rm(root) end)

  for _, t in ipairs({ "linux-amd64", "linux-arm64" }) do
    if util.exists("arch/" .. t .. ".lua") then
      it("finds " .. t .. " in agreement with its headers", function()
        local rep = checktable.check(root, t)
        assert.is_true(rep.checkable, rep.why)
        assert.are.same({}, rep.lines)
        assert.is_true(rep.checked > 50)
      end)
    end
  end

  it("names the field, file and line of a deliberately wrong constant", function()
    fixture.edit(root, "arch/os/linux.lua", "MAP_ANONYMOUS = 0x20", "MAP_ANONYMOUS = 0x21")
    fixture.edit(root, "arch/linux-amd64.lua", "exit = { nr = 60,", "exit = { nr = 61,")
    local rep = checktable.check(root, "linux-amd64")
    assert.are.equal(2, #rep.mismatches)
    assert.matches("^arch/os/linux%.lua:%d+: constants%.MAP_ANONYMOUS: table 33/0x21, header 32/0x20 "
      .. "%(asm%-generic/mman%-common%.h%)$", rep.mismatches[1])
    assert.matches("^arch/linux%-amd64%.lua:%d+: syscalls%.exit%.nr: table 61/0x3d, header 60/0x3c "
      .. "%(asm/unistd_64%.h%)$", rep.mismatches[2])
  end)

  it("checks struct layouts and the pointer size", function()
    fixture.edit(root, "arch/os/linux.lua", "tv_nsec = 8", "tv_nsec = 4")
    local rep = checktable.check(root, "linux-amd64")
    assert.are.equal(1, #rep.mismatches)
    assert.matches("structs%.timespec%.fields%.tv_nsec: table 4, header 8 %(struct timespec%)$", rep.mismatches[1])
  end)

  it("lists values the headers do not define, without failing", function()
    fixture.edit(root, "arch/os/linux.lua", "O_RDONLY = 0,", "O_RDONLY = 0, RT0GEN_MADE_UP = 5,")
    local rep = checktable.check(root, "linux-amd64")
    assert.are.same({}, rep.lines)
    local missing = {}
    for _, p in ipairs(rep.missing) do missing[p] = true end
    assert.is_true(missing["constants.RT0GEN_MADE_UP"])
  end)

  -- linux-riscv64's first table copied x86-64's sigaction (a restorer at 16, the mask at 24)
  -- onto an arch whose kernel struct is 24 bytes with the mask at 16, and check-table passed.
  -- Planted the other way round on arm64 (which has the restorer), it is caught.
  it("catches a kernel_sigaction layout copied from another arch", function()
    fixture.edit(root, "arch/linux-arm64.lua",
      "size = 32, fields = { handler = 0, flags = 8, restorer = 16, mask = 24 }",
      "size = 24, fields = { handler = 0, flags = 8, mask = 16 }")
    local rep = checktable.check(root, "linux-arm64")
    assert.are.equal(2, #rep.mismatches)
    assert.matches("^arch/linux%-arm64%.lua:%d+: structs%.kernel_sigaction%.size: table 24/0x18, header 32/0x20 "
      .. "%(struct sigaction%)$", rep.mismatches[1])
    assert.matches("structs%.kernel_sigaction%.fields%.mask: table 16/0x10, header 24/0x18 %(struct sigaction%)$",
      rep.mismatches[2])
  end)

  it("fails a struct layout value the headers cannot confirm, unless waived", function()
    fixture.edit(root, "arch/linux-amd64.lua", "restorer = 16, mask = 24 },",
      "restorer = 16, mask = 24, pad = 28 },")
    local rep = checktable.check(root, "linux-amd64")
    assert.are.equal(1, #rep.lines)
    assert.matches("^arch/linux%-amd64%.lua:%d+: structs%.kernel_sigaction%.fields%.pad: table 28/0x1c, not "
      .. "confirmed by the headers %(struct sigaction has no member pad%)", rep.lines[1])
    fixture.edit(root, "arch/linux-amd64.lua", "inherit = {",
      'waivers = { ["structs.kernel_sigaction.fields.pad"] = "testing" },\n  inherit = {')
    rep = checktable.check(root, "linux-amd64")
    assert.are.same({}, rep.lines)
    assert.are.same({ "structs.kernel_sigaction.fields.pad" }, rep.waived)
  end)

  it("accepts a waiver with its reason, and fails one that no longer applies", function()
    fixture.edit(root, "arch/os/linux.lua", "MAP_ANONYMOUS = 0x20", "MAP_ANONYMOUS = 0x21")
    fixture.edit(root, "arch/linux-amd64.lua", "inherit = {",
      'waivers = { ["constants.MAP_ANONYMOUS"] = "testing", ["constants.SIGURG"] = "stale" },\n  inherit = {')
    local rep = checktable.check(root, "linux-amd64")
    assert.are.same({ "constants.MAP_ANONYMOUS" }, rep.waived)
    assert.are.equal(1, #rep.lines)
    assert.matches('^arch/linux%-amd64%.lua:%d+: waivers%["constants%.SIGURG"%]: waiver no longer applies: table '
      .. "and header agree %(23/0x17%): remove the waiver$", rep.lines[1])
  end)

  it("reports darwin as not checkable", function()
    local rep = checktable.check(root, "darwin-amd64")
    assert.is_false(rep.checkable)
    assert.are.equal("rt0gen knows no kernel headers for x86_64-apple-macos11", rep.why)
  end)

  it("from the command line: a summary line, and darwin not checkable, both exit 0", function()
    local code, out = util.capture("lua5.4 build.lua check-table linux-amd64")
    assert.are.equal(0, code, out)
    assert.matches("^linux%-amd64: %d+ values checked against x86_64%-linux%-gnu headers %(linux%-libc%-dev%): "
      .. "0 mismatched", out)
    code, out = util.capture("lua5.4 build.lua check-table darwin-amd64")
    assert.are.equal(0, code)
    assert.matches("^darwin%-amd64: not checkable: ", out)
  end)
end)
