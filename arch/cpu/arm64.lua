-- Arch layer: what every *-arm64 target shares (Arm's AAPCS64, "Procedure Call
-- Standard for the Arm 64-bit Architecture", and the Arm ARM).
return {
  arch = "arm64",
  ptr_size = 8,
  -- Instructions that enter the kernel directly (a hosted target's programs have none).
  traps = { "svc" },

  -- How its programs run here: natively where `uname -m` says one of arch_uname, else
  -- under the emulator (Debian's qemu-user name).
  run = { arch_uname = { "aarch64", "arm64" }, emulator = "qemu-aarch64" },

  -- clang 14 has no stack probes for AArch64 (-fstack-clash-protection is an unused
  -- argument), so a large frame could jump a 4 KiB guard into the stack below. Instead
  -- the guard is as large as a whole goroutine stack, and a frame larger than the guard
  -- (which could not fit a goroutine stack anyway) is a compile error (gen/util.lua
  -- stack_cflags). Guard pages cost address space, not memory.
  toolchain = { stack_clash_protection = false },
  stacks = { guard_size = 64 * 1024 },

  stack_align = 16, -- AAPCS64 6.4.5.1: sp is 16-aligned at every public interface
  red_zone = 0,     -- AAPCS64 has no red zone
  cacheline = 64,   -- Cortex-A and Neoverse cores; Go's internal/cpu uses 64 on linux/arm64
  function_align = 4, -- instructions are 4 bytes; that is all a function needs

  -- Calling convention (AAPCS64 6.1). The context switch saves exactly callee_saved:
  -- x19-x28, the frame pointer x29, the link register x30 (where a resumed context
  -- returns to) and the low halves of v8-v15 (d8-d15). sp is the context itself.
  regs = {
    sp = "sp",
    lr = "x30",
    fp = "x29", -- AAPCS64 6.4.6: x29 points at the frame record {caller's x29, x30}
    args = { "x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7" },
    ret = "x0",
    callee_saved = { "x19", "x20", "x21", "x22", "x23", "x24", "x25", "x26", "x27", "x28",
                     "x29", "x30", "d8", "d9", "d10", "d11", "d12", "d13", "d14", "d15" },
  },
}
