-- diff: two targets side by side; what gen would change before anything is written.
local fixture = require "tests.gen.fixture"
local diff = require "gen.diff"
local util = require "gen.util"

local function esc(s) return (s:gsub("%p", "%%%0")) end

local function find(lines, pattern)
  for _, l in ipairs(lines) do
    if l:find(pattern) then return l end
  end
end

-- The second target: linux-arm64 once it exists, darwin-amd64 until then.
local other = util.exists("arch/linux-arm64.lua") and "linux-arm64" or "darwin-amd64"

describe("diff", function()
  it("shows two targets' tables field by field, marking what differs", function()
    local out = diff.targets(".", "linux-amd64", other, {})
    assert.matches("^  field +linux%-amd64 +" .. esc(other) .. "$", out[1])
    assert.is_truthy(find(out, '^  os +"linux"'))
    assert.is_truthy(find(out, "^~ toolchain%.triple +\"x86_64%-linux%-gnu\" +\""))
    assert.is_truthy(find(out, "^< tls%.arch_set_fs +4098$"))
    if other == "linux-arm64" then
      assert.is_truthy(find(out, "^~ syscalls%.write%.nr +1 +64$"))
      assert.is_truthy(find(out, "^< cpuid%.intel_ebx +%d+$"))
      assert.is_truthy(find(out, "^> regs%.lr +\"x30\"$"))
    end
    assert.is_truthy(find(out, "^%d+ of %d+ fields differ"))
  end)

  it("then pairs the generated files by output and says which differ", function()
    local out = diff.targets(".", "linux-amd64", other, {})
    assert.is_truthy(find(out, "^generated files %(headers aside%):$"))
    local arch = other:match("%-(.*)$")
    local rt0 = "rt0_" .. other:gsub("%-", "_") .. ".S"
    assert.is_truthy(find(out, "^  differ rt0_linux_amd64%.S / " .. esc(rt0) .. ": %d+ lines"))
    if other == "linux-arm64" then
      assert.is_truthy(find(out, "^  differ asm_amd64%.S / asm_" .. arch .. "%.S: %d+ lines %(templates/asm_amd64%.S "
        .. "vs templates/asm_arm64%.S%)"))
    end
  end)

  it("says nothing changes when out/ is what gen makes", function()
    local out, changed = diff.pending(".", "linux-amd64", {})
    assert.is_false(changed)
    assert.are.equal("out/linux-amd64: up to date (gen would change nothing)", out[#out])
  end)

  describe("of one target after a table edit", function()
    local root
    before_each(function()
      root = fixture.root({ "arch", "variants", "templates", "runtime-core", "out" })
    end)
    after_each(function() fixture.rm(root) end)

    it("shows the change as a unified diff and writes nothing", function()
      fixture.edit(root, "arch/linux-amd64.lua", "write = { nr = 1,", "write = { nr = 99,")
      local before = util.read_file(root .. "/out/linux-amd64/zdefs_linux_amd64.h")
      local out, changed = diff.pending(root, "linux-amd64", {})
      assert.is_true(changed)
      assert.is_truthy(find(out, "^%-%-%- out/linux%-amd64/zdefs_linux_amd64%.h$"))
      assert.is_truthy(find(out, "^%-#define SYS_write 1$"))
      assert.is_truthy(find(out, "^%+#define SYS_write 99$"))
      assert.is_truthy(find(out, "^%+\tmovl\t%$99, %%eax"))
      assert.matches("gen would change 2 files; run: lua5%.4 build%.lua gen linux%-amd64$", out[#out])
      assert.are.equal(before, util.read_file(root .. "/out/linux-amd64/zdefs_linux_amd64.h"))
    end)
  end)
end)
