-- What a Mach-O target needs beyond darwin-amd64 comes from its table: ad-hoc code signing
-- (link.codesign, without which arm64 macOS runs nothing) and the arch's trap instructions.
local fixture = require "tests.gen.fixture"
local util = require "gen.util"
local darwin = require "gen.toolchain.macho"
local ninja = require "gen.toolchain.ninja"
local cc = require "gen.toolchain.cc"

describe("darwin link and inspection", function()
  -- The real tree's darwin-amd64 library (ninja rebuilds nothing when it is up to date);
  -- the table is changed in memory only, and the program goes to a temp dir.
  local root, tmp = util.abspath("."), nil
  before_each(function() tmp = util.tmpdir("rt0gen-macho") end)
  after_each(function() fixture.rm(tmp) end)

  local function has(argv, flag)
    for _, a in ipairs(argv) do if a == flag then return true end end
    return false
  end

  it("signs ad hoc when link.codesign says so, and checks LC_CODE_SIGNATURE", function()
    if darwin.sdk() or not darwin.tool("llvm-objdump") then return end
    local b = ninja.build(root, "darwin-amd64", {})
    local exe = tmp .. "/hello"
    local argv = cc.link_argv(root, b, { util.abspath("examples/hello.c") }, exe)
    assert.is_false(has(argv, "-Wl,-adhoc_codesign"))
    assert.are.equal(0, (util.capture(util.command(argv))))
    -- Unsigned, but the table asks for a signature: the check says so.
    b.resolved.table.link.codesign = "adhoc"
    assert.are.same({ "no LC_CODE_SIGNATURE: link.codesign is adhoc" }, darwin.inspect(b.resolved, exe))
    argv = cc.link_argv(root, b, { util.abspath("examples/hello.c") }, exe)
    assert.is_true(has(argv, "-Wl,-adhoc_codesign"))
    assert.are.equal(0, (util.capture(util.command(argv))))
    assert.are.same({}, darwin.inspect(b.resolved, exe))
    -- The arch's trap instructions come from its layer: none may appear.
    b.resolved.table.traps = { "pushq" }
    assert.matches("raw system call instruction", darwin.inspect(b.resolved, exe)[1])
  end)
end)

-- The exit and TLS checks read who calls whom from the disassembly, on every arch.
describe("darwin call listing", function()
  it("finds calls, tail calls and stub calls in x86-64 and arm64 listings", function()
    local x86 = table.concat({
      "___rt0_fatalf:",
      "100000f41:\tcallq\t0x100007d70 ## symbol stub for: ___stack_chk_fail",
      "100000f46:\tcallq\t___rt0_os_fatal_exit",
      "100000f4b:\tcallq\t*%rax",
      "100000f50:\tjmp\t0x10000076e",
      "___rt0_os_fatal_exit:",
      "100000f60:\tjmp\t0x100007d7c ## symbol stub for: __exit",
    }, "\n")
    assert.are.same({ ["___rt0_fatalf"] = { "___stack_chk_fail", "___rt0_os_fatal_exit" },
      ["___rt0_os_fatal_exit"] = { "__exit" } }, darwin.calls(x86, "_"))
    local arm64 = table.concat({
      "___rt0_rt0_go:",
      "1000070c8:\tbl\t0x1000074f8 ; symbol stub for: _pthread_key_create",
      "1000070cc:\tcbnz\tw0, 0x100007160",
      "1000070d8:\tldr\tx0, [x7]",
      "1000070e0:\tbl\t___rt0_darwin_tls_check",
      "1000070e4:\tblr\tx2",
      "1000070e8:\tb.ne\t0x100007160",
      "1000070ec:\tbrk\t#0",
      "___rt0_fatalf:",
      "100007200:\tb\t___rt0_os_fatal_exit",
    }, "\n")
    assert.are.same({ ["___rt0_rt0_go"] = { "_pthread_key_create", "___rt0_darwin_tls_check" },
      ["___rt0_fatalf"] = { "___rt0_os_fatal_exit" } }, darwin.calls(arm64, "_"))
  end)
end)

describe("darwin preempt path", function()
  -- llvm-nm lines of a linked program: the runtime's internal names renamed by ar_macho.
  local linked = "0000000100002038 t ___rt0_sigpreempt\n0000000100008d88 t ___rt0_async_preempt\n"
    .. "000000010000217c t ___rt0_async_preempt_yield\n0000000100008ef4 t ___rt0_async_preempt_trap\n"
  local function check(T, symtab)
    local problems = {}
    darwin.check_preempt_path(T, symtab, function(fmt, ...) problems[#problems + 1] = string.format(fmt, ...) end)
    return problems
  end
  local T = { asm = { symbol_prefix = "_" }, sigctx = { async_preempt = true, resume_signal = "SIGTRAP" } }

  it("passes a program with the handler, the stub, the yield and the resume trap", function()
    assert.are.same({}, check(T, linked))
  end)

  it("names what is missing", function()
    assert.are.same({ "sigctx.async_preempt is true but async_preempt_trap is not linked: the preempt path "
      .. "is missing" }, check(T, linked:gsub("[^\n]*trap\n", "")))
  end)

  it("asks nothing of a target whose preemption is cooperative", function()
    assert.are.same({}, check({ asm = T.asm, sigctx = { async_preempt = false } }, ""))
  end)
end)
