-- How a target's programs run here comes from its layers (run.*), not from a list in gen/.
local runner = require "tests.harness.runner"
local fixture = require "tests.gen.fixture"

describe("runner", function()
  local linux_x86 = { os = "Linux", machine = "x86_64" }

  -- A new arch whose layer names its emulator runs under it, with no code edit.
  it("runs a new arch under the emulator its layer names", function()
    local t = { os = "linux", arch = "riscv64", link = { mode = "freestanding" },
      run = { os_uname = { "Linux" }, arch_uname = { "riscv64" }, emulator = "true" } }
    assert.are.same({ how = "under true", prefix = { "true" } }, runner.how(t, linux_x86))
    assert.are.same({ how = "natively", prefix = {} }, runner.how(t, { os = "Linux", machine = "riscv64" }))
  end)

  it("says why a program cannot run here", function()
    local t = { os = "linux", arch = "riscv64", link = { mode = "freestanding" },
      run = { os_uname = { "Linux" }, arch_uname = { "riscv64" } } }
    assert.are.equal("no emulator for riscv64 (run.emulator)", runner.how(t, linux_x86).skip)
    t.run.emulator = "rt0gen-no-such-emulator"
    assert.are.equal("rt0gen-no-such-emulator is not installed (apt-get install qemu-user)",
      runner.how(t, linux_x86).skip)
    t.link.mode = "hosted"
    assert.are.equal("no riscv64 libc here for the hosted mode", runner.how(t, linux_x86).skip)
    assert.are.equal("darwin programs cannot run on Linux",
      runner.how({ os = "darwin", arch = "arm64", run = { os_uname = { "Darwin" } } }, linux_x86).skip)
  end)

  it("reads the real layers: arm64 under qemu-aarch64 on an x86-64 Linux host", function()
    local r = fixture.resolve(".", "linux-arm64")
    assert.are.equal("under qemu-aarch64", runner.how(r.table, linux_x86).how)
    assert.are.equal("natively", runner.how(fixture.resolve(".", "linux-amd64").table, linux_x86).how)
  end)
end)

-- The suites' targets: every table that is not wip and runs here, from arch/ alone.
describe("runner.targets", function()
  local root
  before_each(function() root = fixture.root() end)
  after_each(function() fixture.rm(root) end)

  local function names(list)
    local out = {}
    for _, x in ipairs(list) do out[#out + 1] = x.target end
    return out
  end

  it("takes a new table as soon as it is not wip, and leaves out what cannot run here", function()
    local host = runner.host()
    if host.os ~= "Linux" or (host.machine ~= "x86_64" and host.machine ~= "aarch64") then return end
    -- The real targets that run here (whatever arch/ holds today) are the baseline.
    local before = names(runner.targets(root))
    assert.is_true(#before >= 2)
    for _, n in ipairs(before) do assert.is_not_nil(n:match("^linux%-"), n .. " cannot run here") end
    fixture.write(root, "arch/linux-arm64b.lua", 'return { inherit = { "os/linux", "cpu/arm64" }, wip = true }\n')
    assert.are.same(before, names(runner.targets(root)))
    fixture.edit(root, "arch/linux-arm64b.lua", "wip = true", "wip = false")
    local want = { table.unpack(before) }
    want[#want + 1] = "linux-arm64b"
    table.sort(want)
    assert.are.same(want, names(runner.targets(root)))
  end)
end)
