-- explain: generated lines back to template lines and fields, fields forward to lines.
local explain = require "gen.explain"
local util = require "gen.util"

local function find(lines, pattern)
  for _, l in ipairs(lines) do
    if l:find(pattern) then return l end
  end
end

describe("explain", function()
  local root = "."

  it("names the template line and the fields of a generated line", function()
    local _, files = explain.render_all(root, "linux-amd64", {})
    -- the zdefs line of the goroutine stack size, wherever it is
    local n, i = nil, 0
    for l in files["zdefs_linux_amd64.h"].text:gmatch("(.-)\n") do
      i = i + 1
      if l:match("^#define STACK_DEFAULT_SIZE ") then n = i end
    end
    local out = explain.line(root, "linux-amd64", {}, "out/linux-amd64/zdefs_linux_amd64.h:" .. n)
    assert.are.equal("out/linux-amd64/zdefs_linux_amd64.h:" .. n .. ": #define STACK_DEFAULT_SIZE 65536", out[1])
    assert.matches("^  template templates/zdefs%.h:%d+: #define STACK_DEFAULT_SIZE %${stacks%.default_size}$", out[2])
    assert.matches("^  fields: stacks%.default_size = 65536 +%-%- layer arch/os/linux%.lua:%d+$", out[3])
  end)

  it("lists every field of a line made from several, with their origins", function()
    local out = explain.field(root, "linux-amd64", {}, "g0.slack")
    local rt0 = find(out, "rt0_linux_amd64%.S:%d+ +leaq")
    assert.is_truthy(rt0, table.concat(out, "\n"))
    local spec = rt0:match("(out/linux%-amd64/rt0_linux_amd64%.S:%d+)")
    local line = explain.line(root, "linux-amd64", {}, spec)
    assert.is_truthy(find(line, "^  fields: g0%.size = 65536"))
    assert.is_truthy(find(line, "^          g0%.slack = 104"))
  end)

  it("says a header line and the asm offsets come from no template", function()
    local out = explain.line(root, "linux-amd64", {}, "rt0_linux_amd64.S:1")
    assert.matches("header every generated file starts with", out[2])
    out = explain.line(root, "linux-amd64", {}, "zasm_offsets.h:5")
    assert.matches("made by gen/asm_offsets%.lua", out[1])
  end)

  it("follows a field to every line it reaches, in a variant too", function()
    local out = explain.field(root, "linux-amd64", {}, "syscalls.write.nr")
    assert.matches("^syscalls%.write%.nr = 1 %(target arch/linux%-amd64%.lua:%d+%) reaches %d+ generated lines", out[1])
    assert.is_truthy(find(out, "zdefs_linux_amd64%.h:%d+ +#define SYS_write 1 "))
    assert.is_truthy(find(out, "sys_linux_amd64%.S:%d+ +movl\t%$1, %%eax"))
    out = explain.field(root, "linux-amd64", { "small" }, "stacks.default_size")
    assert.matches("^stacks%.default_size = 16384 %(variant variants/small%.lua:%d+%)", out[1])
    assert.is_truthy(find(out,
      "^  build/linux%-amd64%-small/gen/zdefs_linux_amd64%.h:%d+ +#define STACK_DEFAULT_SIZE 16384"))
    assert.is_truthy(util.exists("build/linux-amd64-small/render-map.txt"))
  end)

  it("counts a list's length as reading the list", function()
    local out = explain.field(root, "linux-amd64", {}, "regs.callee_saved")
    assert.is_truthy(find(out, "#define CTX_SAVED_REGS 6"))
  end)

  it("fails with one line for a field or file that does not exist", function()
    local ok, msg = util.protect(explain.field, root, "linux-amd64", {}, "stacks.nope")
    assert.is_nil(ok)
    assert.matches("^explain: linux%-amd64 has no field stacks%.nope", msg)
    ok, msg = util.protect(explain.line, root, "linux-amd64", {}, "nope.S:3")
    assert.is_nil(ok)
    assert.matches("^explain: linux%-amd64 makes no file nope%.S; it makes rt0_linux_amd64%.S", msg)
    ok, msg = util.protect(explain.line, root, "linux-amd64", {}, "rt0_linux_amd64.S")
    assert.is_nil(ok)
    assert.matches("^explain: expected <file>:<line>", msg)
  end)
end)
