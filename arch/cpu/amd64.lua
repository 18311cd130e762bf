-- Arch layer: what every *-amd64 target shares (System V AMD64 psABI, Intel SDM).
return {
  arch = "amd64",
  ptr_size = 8,
  -- Instructions that enter the kernel directly (a hosted target's programs have none).
  traps = { "syscall", "sysenter" },

  -- How its programs run here: natively where `uname -m` says one of arch_uname, else
  -- under the emulator (Debian's qemu-user name).
  run = { arch_uname = { "x86_64", "amd64" }, emulator = "qemu-x86_64" },

  -- clang 14 probes large x86-64 frames page by page (-fstack-clash-protection), so no
  -- frame jumps the guard below a goroutine's stack.
  toolchain = { stack_clash_protection = true },

  stack_align = 16,  -- psABI 3.2.2: (%rsp + 8) is 16-aligned at function entry
  red_zone = 128,    -- psABI 3.2.2: 128 bytes below %rsp that leaf code may use
  cacheline = 64,
  function_align = 16, -- generated functions start on 16-byte boundaries (fetch blocks)

  -- Calling convention (psABI 3.2.3). The context switch saves exactly callee_saved.
  regs = {
    sp = "rsp",
    fp = "rbp", -- with -fno-omit-frame-pointer: (%rbp) the caller's rbp, 8(%rbp) the return address
    args = { "rdi", "rsi", "rdx", "rcx", "r8", "r9" },
    ret = "rax",
    callee_saved = { "rbx", "rbp", "r12", "r13", "r14", "r15" },
  },

  -- CPUID leaf 0 vendor string "GenuineIntel" as EBX, EDX, ECX (asm_amd64.s rt0_go).
  cpuid = { intel_ebx = 0x756E6547, intel_edx = 0x49656E69, intel_ecx = 0x6C65746E },
}
