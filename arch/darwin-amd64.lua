-- darwin-amd64: what belongs to the pair of macOS and amd64.
return {
  inherit = { "os/darwin", "cpu/amd64" },

  -- macOS 11 is the oldest release this port targets (ulock and the apple strings'
  -- executable_path= exist since 10.12 and 10.11).
  -- clang 14 implements -fstack-clash-protection for ELF x86-64 only (for this triple it
  -- is an unused argument): as on arm64, a guard as large as a goroutine stack, and no
  -- frame larger than it (arch/cpu/arm64.lua).
  toolchain = { triple = "x86_64-apple-macos11", stack_clash_protection = false },
  stacks = { guard_size = 64 * 1024 },

  -- ld64 (Apple's and ld64.lld) writes LC_MAIN: dyld calls the entry like
  -- main(argc, argv, envp, apple), arguments in rdi, rsi, rdx, rcx (dyldMain.cpp).
  -- Go's own linker writes LC_UNIXTHREAD on amd64 and reads them from the stack instead
  -- (cmd/link/internal/ld/macho.go).
  entry = { symbol = "main", args = "registers", load_command = "LC_MAIN" },

  -- g lives in the pthread TSD slot Apple reserved for Go: %gs:0x30, key 6
  -- (golang/go#23617; Go's Tlsoffset on darwin/amd64). pthread set the gs base up
  -- already, so there is no settls. rt0 checks the slot: what it stores through %gs
  -- must be what pthread_getspecific(0x30 / 8) reads.
  tls = { method = "darwin_tsd", tsd_slot = "fixed", gs_offset = 0x30, check_value = 0x123 },

  -- The machine context (mach/i386/_structs.h _STRUCT_MCONTEXT64, as Go's
  -- defs_darwin_amd64.go has it; no SDK headers here to check against, see
  -- docs/targets.md): exception state, then the thread state regs64 at 16, then the
  -- float state.
  structs = {
    mcontext64 = { size = 712, fields = { es = 0, ss = 16, fs = 184 } },
    regs64 = { size = 168, fields = { rax = 0, rdi = 32, rbp = 48, rsp = 56, r8 = 64, rip = 128,
      rflags = 136 } },
  },
  -- The interrupted registers: the ucontext points at the mcontext64, whose ss is regs64.
  sigctx = { mcontext = "ucontext.uc_mcontext", mcontext_pointer = true, regs = "regs64", regs_at = "mcontext64.ss",
             pc = "rip", sp = "rsp", fp = "rbp" },
}
