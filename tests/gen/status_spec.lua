-- build.lua status and targets claim only what they checked.
local fixture = require "tests.gen.fixture"
local status = require "tests.harness.status"
local runner = require "tests.harness.runner"

describe("targets", function()
  local root
  before_each(function() root = fixture.root({ "arch", "variants", "templates" }) end)
  after_each(function() fixture.rm(root) end)

  it("says why a hosted mode is not checked instead of listing it", function()
    local m = status.hosted_mode(root, "linux-arm64")
    assert.matches("^hosted: not available %(tls%.method: expected one of ", m)
    -- Templates that did implement it: still nothing ran, so nothing is claimed.
    fixture.edit(root, "templates/manifest.lua", "tpidr_el0 = {", "elf_tls = {}, tpidr_el0 = {")
    if runner.how({ os = "linux", arch = "arm64", run = { os_uname = { "Linux" }, arch_uname = { "aarch64" } },
        link = { mode = "hosted" } }).how ~= "natively" then
      assert.are.equal("hosted: unchecked (no arm64 libc here for the hosted mode)",
        status.hosted_mode(root, "linux-arm64"))
    end
  end)
end)

describe("status", function()
  it("says whether nanotime found the vDSO clock or fell back to the syscall", function()
    local rep = status.status(".", "linux-amd64")
    local note = rep.results[7].note
    assert.is_truthy(note, "stage 7 reported no clock")
    assert.is_truthy(note:match("^vDSO __vdso_clock_gettime %(LINUX_2%.6%) found$")
      or note:match("^syscall fallback: no vDSO "), note)
  end)
end)
