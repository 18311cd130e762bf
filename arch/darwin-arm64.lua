-- darwin-arm64 (Apple silicon): what belongs to the pair of macOS and arm64. Everything
-- else comes from os/darwin (libSystem, sysctl, ulock, kqueue) and cpu/arm64 (AAPCS64).
return {
  inherit = { "os/darwin", "cpu/arm64" },

  -- macOS 11 is the first release on Apple silicon.
  toolchain = { triple = "arm64-apple-macos11" },

  -- dyld calls the LC_MAIN entry like main(argc, argv, envp, apple), in x0-x3
  -- (ld64 writes LC_MAIN; Go's rt0_darwin_arm64.s is entered as main when linked
  -- externally, which darwin/arm64 always is).
  entry = { symbol = "main", args = "registers", load_command = "LC_MAIN" },

  -- arm64 has no TSD slot reserved for Go: g lives in the slot of a pthread key rt0
  -- creates, in the TSD array TPIDRRO_EL0 points to (low 3 bits masked: Go's
  -- tls_arm64.s and sys_darwin_arm64.go tlsinit). rt0 checks the slot: what it stores
  -- there must be what pthread_getspecific(key) reads.
  tls = { method = "darwin_tsd", tsd_slot = "pthread_key", check_value = 0x123 },

  -- arm64 macOS refuses to run an unsigned executable: ld64's ad-hoc signature
  -- (LC_CODE_SIGNATURE), as Apple's linker writes by default on arm64.
  link = { codesign = "adhoc" },

  -- Apple's arm64 ABI keeps AAPCS64's frame records but adds a 128-byte red zone below sp
  -- ("Writing ARM64 code for Apple platforms"), which a pushed call must skip.
  red_zone = 128,

  -- The machine context (mach/arm/_structs.h _STRUCT_MCONTEXT64, as Go's
  -- defs_darwin_arm64.go has it; no SDK here to check against, see docs/targets.md):
  -- exception state (far, esr, exception), then the thread state at 16: x0-x28, fp, lr,
  -- sp, pc, cpsr; then the NEON state (v0-v31, fpsr, fpcr) at 288.
  structs = {
    mcontext64 = { size = 816, fields = { es = 0, ss = 16, ns = 288 } },
    regs64 = { size = 272, fields = { x = 0, fp = 232, lr = 240, sp = 248, pc = 256, cpsr = 264 } },
    -- _STRUCT_ARM_NEON_STATE64 (Go's neonstate64): v0-v31 (128-bit each), fpsr, fpcr, padded
    -- to 16 bytes.
    neon64 = { size = 528, fields = { v = 0, fpsr = 512, fpcr = 516 } },
  },
  -- The interrupted registers, for tracebacks and preemption. async_preempt: the stub
  -- saves every register in an mcontext64 of its own; C code leaves no register free to
  -- jump back through and Darwin's sigreturn is private (its token is the kernel's), so
  -- it restores all but the PC, lr and sp and traps (brk): the SIGTRAP handler undoes the
  -- pushed call and libSystem's signal return restores everything at once.
  sigctx = { mcontext = "ucontext.uc_mcontext", mcontext_pointer = true, regs = "regs64", regs_at = "mcontext64.ss",
             pc = "pc", sp = "sp", fp = "fp", lr = "lr", async_preempt = true, resume_signal = "SIGTRAP" },

  -- What clang emits calls to for this triple: as on amd64, but zeroing is bzero (the
  -- x86-64 Darwin targets call __bzero). The list replaces os/darwin's whole.
  libsystem = {
    compiler_symbols = { "bzero", "__stack_chk_fail", "__stack_chk_guard", "memcmp", "memcpy", "memmove", "memset" },
  },
}
