-- Variants: overlays on a resolved target, composed left to right; sources of a variant
-- build go to build/, never out/.
local fixture = require "tests.gen.fixture"
local generate = require "gen.generate"
local util = require "gen.util"

describe("variants", function()
  local root
  before_each(function() root = fixture.root({ "arch", "variants", "templates" }) end)
  after_each(function() fixture.rm(root) end)

  it("override the target's values and say where each came from", function()
    local r = fixture.resolve(root, "linux-amd64", { "small" })
    assert.is_same({}, fixture.problems(root, "linux-amd64", { "small" }))
    assert.are.equal(16 * 1024, r.table.stacks.default_size)
    assert.are.equal(64, r.table.sched.maxmcount)
    assert.is_false(r.table.osinit.huge_pages)
    assert.are.equal("variants/small.lua", r.origins["stacks.default_size"].file)
    -- what the variant leaves alone keeps its origin
    assert.are.equal(4096, r.table.stacks.guard_size)
    assert.are.equal("arch/os/linux.lua", r.origins["stacks.guard_size"].file)
  end)

  it("compose left to right: libc,debug is hosted with the debug checks", function()
    local r = fixture.resolve(root, "linux-amd64", { "libc", "debug" })
    assert.is_same({}, fixture.problems(root, "linux-amd64", { "libc", "debug" }))
    assert.are.equal("hosted", r.table.link.mode)
    assert.are.equal("elf_tls", r.table.tls.method)
    assert.is_true(r.table.debug.checks)
    assert.are.same({ "-O0", "-g" }, r.table.cflags)
    assert.are.same({ "libc", "debug" }, r.variants)
    -- a later variant wins over an earlier one
    fixture.write(root, "variants/big.lua", "return { stacks = { default_size = 256 * 1024 } }\n")
    assert.are.equal(256 * 1024, fixture.resolve(root, "linux-amd64", { "small", "big" }).table.stacks.default_size)
    assert.are.equal(16 * 1024, fixture.resolve(root, "linux-amd64", { "big", "small" }).table.stacks.default_size)
  end)

  it("take a user's own file by path", function()
    fixture.write(root, "mine.lua", "return { sched = { maxmcount = 7 } }\n")
    local r = fixture.resolve(root, "linux-amd64", { root .. "/mine.lua" })
    assert.are.equal(7, r.table.sched.maxmcount)
    local code, out = util.capture("lua5.4 build.lua explain linux-amd64 --variant "
      .. util.quote(root .. "/mine.lua") .. ",small")
    assert.are.equal(0, code)
    assert.matches("\nsched%.maxmcount = 64 +%-%- variant +variants/small%.lua:%d+\n", out)
    code, out = util.capture("lua5.4 build.lua explain linux-amd64 --variant small," .. util.quote(root .. "/mine.lua"))
    assert.are.equal(0, code)
    assert.matches("\nsched%.maxmcount = 7 +%-%- variant +[^\n]*mine%.lua:1\n", out)
  end)

  it("tsan composes with debug in either order: the sanitizer's flags survive debug's cflags", function()
    for _, list in ipairs({ { "debug", "tsan" }, { "tsan", "debug" } }) do
      assert.is_same({}, fixture.problems(root, "linux-amd64", list))
      local r = fixture.resolve(root, "linux-amd64", list)
      assert.is_true(r.table.debug.checks)
      assert.are.same({ "-O0", "-g" }, r.table.cflags)
      assert.are.equal("-fsanitize=thread", r.table.sanitizer.runtime_cflags[1])
      assert.are.same({ "-fsanitize=thread" }, r.table.sanitizer.program_cflags)
      assert.are.equal("-fsanitize=thread", require("gen.toolchain.flags").table_cflags(r.table)[3])
      assert.is_false(r.table.sigctx.async_preempt)
    end
  end)

  it("refuse a sanitizer's program flags in a freestanding build, in one line", function()
    fixture.write(root, "variants/bad.lua", 'return { sanitizer = { program_cflags = { "-fsanitize=thread" } } }\n')
    assert.are.same({ "variants/bad.lua: sanitizer.program_cflags: expected no program flags unless link.mode is "
      .. "hosted (sanitizers need libc); got \"-fsanitize=thread\"" }, fixture.problems(root, "linux-amd64", { "bad" }))
  end)

  it("reject a field the schema does not know, naming the variant file", function()
    fixture.write(root, "variants/typo.lua", "return { stacks = { defualt_size = 4096 } }\n")
    local problems = fixture.problems(root, "linux-amd64", { "typo" })
    assert.are.equal(1, #problems)
    assert.matches("^variants/typo%.lua: stacks%.defualt_size: expected no such field %(known: ", problems[1])
  end)

  it("of a missing target or a missing variant fail with one line", function()
    local ok, msg = util.protect(generate.resolve, root, "linux-sparc", { "debug" })
    assert.is_nil(ok)
    assert.matches("^no such target 'linux%-sparc' %(arch/linux%-sparc%.lua not found%); targets: ", msg)
    ok, msg = util.protect(generate.resolve, root, "linux-amd64", { "nope" })
    assert.is_nil(ok)
    assert.matches("^no such variant 'nope' %(variants/nope%.lua not found%); variants: .*debug.*small", msg)
  end)

  it("generate into build/, never over out/: debug defines RT_DEBUG, out/ does not", function()
    generate.generate(root, "linux-amd64", {})
    local committed = util.read_file(root .. "/out/linux-amd64/zdefs_linux_amd64.h")
    local res = generate.generate(root, "linux-amd64", { "debug" })
    assert.are.equal("build/linux-amd64-debug/gen", res.dir)
    local zdefs = util.read_file(root .. "/build/linux-amd64-debug/gen/zdefs_linux_amd64.h")
    assert.matches("\n#define RT_DEBUG 1\n", zdefs)
    assert.are.equal(committed, util.read_file(root .. "/out/linux-amd64/zdefs_linux_amd64.h"))
    assert.is_nil(committed:find("RT_DEBUG", 1, true))
    generate.generate(root, "linux-amd64", { "small" })
    local os_c = util.read_file(root .. "/build/linux-amd64-small/gen/os_linux.c")
    assert.is_nil(os_c:find("hpage_pmd_size", 1, true))
    assert.is_truthy(util.read_file(root .. "/out/linux-amd64/os_linux.c"):find("hpage_pmd_size", 1, true))
  end)
end)
