-- Arch layer: what every *-ppc64le target shares (the 64-bit ELF V2 ABI for the Power
-- Architecture, "ELFv2", little-endian, and Power ISA 2.07 / POWER8 as clang's baseline).
return {
  arch = "ppc64le",
  ptr_size = 8,
  -- Instructions that enter the kernel directly (a hosted target's programs have none).
  traps = { "sc", "scv" },

  -- How its programs run here: natively where `uname -m` says ppc64le, else under
  -- Debian's qemu-user.
  run = { arch_uname = { "ppc64le" }, emulator = "qemu-ppc64le" },

  -- clang 14 probes large ppc64 frames (-fstack-clash-protection: a stdu per 4 KiB page),
  -- so no frame jumps the guard below a goroutine's stack.
  toolchain = { stack_clash_protection = true },

  stack_align = 16,   -- ELFv2 2.2.2.1: r1 is quadword-aligned at every call
  red_zone = 288,     -- ELFv2 2.2.2.4: the 288-byte protected zone below r1
  cacheline = 128,    -- POWER8/9/10; Go's internal/cpu CacheLinePadSize on ppc64 is 128
  function_align = 16, -- clang's and gcc's default for ppc64; instructions are 4 bytes

  -- Calling convention (ELFv2 2.2.1.1). The context switch saves exactly callee_saved:
  -- r14-r31, f14-f31, v20-v31 and the CR fields cr2-cr4. The link register lr holds the
  -- return address (the switch keeps it in its frame); r1 is the stack pointer and the
  -- context itself; r2 (the TOC pointer) is one value for a static ld.lld link and r13
  -- (the thread pointer) belongs to the thread, so neither moves with a goroutine.
  regs = {
    sp = "r1",
    lr = "lr",
    -- No frame record like x86-64's or arm64's: a frame starts with the back chain (the
    -- caller's r1) and the return address sits at 16 in the caller's frame. r31 is the
    -- frame pointer where clang keeps one; a walk by it ends early, with a note.
    fp = "r31",
    -- asm_ppc64le.S's switch frame (templates/ppc64le.inc P.frame): the return address at
    -- byte 32, r14-r31 from byte 48, so r31 at 48 + 17 * 8.
    ctx_frame = { pc = 4, fp = 23 },
    -- ELFv2 2.2.2.1: a function saves its return address in its caller's frame, at 16.
    frame_return = { in_caller = true, offset = 16 },
    args = { "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10" },
    ret = "r3",
    callee_saved = { "r14", "r15", "r16", "r17", "r18", "r19", "r20", "r21", "r22", "r23",
                     "r24", "r25", "r26", "r27", "r28", "r29", "r30", "r31",
                     "f14", "f15", "f16", "f17", "f18", "f19", "f20", "f21", "f22", "f23",
                     "f24", "f25", "f26", "f27", "f28", "f29", "f30", "f31",
                     "v20", "v21", "v22", "v23", "v24", "v25", "v26", "v27", "v28", "v29",
                     "v30", "v31", "cr2", "cr3", "cr4" },
  },

  -- The thread pointer is r13 and points 0x7000 past the start of the thread's TLS block
  -- (ELFv2 3.7.2: TP bias), so g at m.tls[0] is at -0x7000(r13).
  tls = { method = "thread_register", register = "r13", base_adjust = 0x7000, check_value = 0x123 },
}
