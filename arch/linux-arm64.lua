-- linux-arm64: what belongs to the pair of Linux and arm64.
return {
  inherit = { "os/linux", "cpu/arm64" },

  toolchain = { triple = "aarch64-linux-gnu" },

  -- The kernel starts a static ELF with argc at 0(sp) and argv at 8(sp), as on amd64
  -- (rt0_linux_arm64.s).
  entry = { symbol = "_rt0_arm64_linux", args = "stack" },

  -- g lives at [tpidr_el0]: the thread register points at m.tls[0]; msr/mrs, no syscall.
  tls = { method = "tpidr_el0", base_adjust = 0, check_value = 0x123 },

  -- arm64 has CLONE_BACKWARDS: clone(flags, stack, parent_tid, tls, child_tid).
  threads = { clone_tls_arg = 4 },

  -- The vDSO's clock_gettime (vdso_linux_arm64.go: version LINUX_2.6.39).
  vdso = { version = "LINUX_2.6.39", clock_gettime = "__kernel_clock_gettime" },

  -- Linux's arm64 syscall convention (arch/arm64/kernel/syscall.c): svc #0 with the
  -- number in x8, arguments in x0-x5, the result in x0, -4095..-1 is -errno; nothing
  -- else is clobbered.
  syscall_abi = {
    instruction = "svc #0",
    number_reg = "x8",
    arg_regs = { "x0", "x1", "x2", "x3", "x4", "x5" },
    ret_reg = "x0",
    clobbers = {},
    error_min = -4095,
    error_max = -1,
  },

  -- What rt_sigaction(2) takes: asm-generic's struct sigaction (asm/signal.h) with the
  -- restorer arm64 keeps (__ARCH_HAS_SA_RESTORER). Arches without one (riscv64) have a
  -- 24-byte struct with the mask at 16 and no SA_RESTORER.
  -- asm/sigcontext.h: FPSIMD_MAGIC tags the fpsimd_context record.
  constants = { SA_RESTORER = 0x04000000, FPSIMD_MAGIC = 0x46508001 },
  structs = {
    -- linux/eventpoll.h: struct epoll_event is naturally aligned off x86-64.
    epoll_event = { size = 16, fields = { events = 0, data = 8 }, header_type = "struct epoll_event" },
    kernel_sigaction = { size = 32, fields = { handler = 0, flags = 8, restorer = 16, mask = 24 },
      header_type = "struct sigaction",
      header_fields = { handler = "sa_handler", flags = "sa_flags", restorer = "sa_restorer", mask = "sa_mask" } },
    -- asm/ucontext.h: a 1024-bit sigset area, then the 16-aligned struct sigcontext.
    ucontext = { size = 4560, fields = { uc_flags = 0, uc_link = 8, uc_stack = 16, uc_sigmask = 40,
      uc_mcontext = 176 } },
    -- asm/sigcontext.h: x0-x30, sp, pc, pstate, then __reserved, a chain of records
    -- (fpsimd_context first) that rt_sigreturn reads back.
    sigcontext = { size = 4384, fields = { fault_address = 0, regs = 8, sp = 256, pc = 264, pstate = 272,
      __reserved = 288 } },
    -- q0-q31 with FPSR and FPCR, the record the preempt stub writes for rt_sigreturn.
    fpsimd_context = { size = 528, fields = { head = 0, fpsr = 8, fpcr = 12, vregs = 16 } },
  },

  -- Syscall numbers (include/uapi/asm-generic/unistd.h, which arm64 uses) and argument counts.
  syscalls = {
    eventfd2 = { nr = 19, nargs = 2 },
    epoll_create1 = { nr = 20, nargs = 1 },
    epoll_ctl = { nr = 21, nargs = 4 },
    epoll_pwait = { nr = 22, nargs = 6 },
    fcntl = { nr = 25, nargs = 3 },
    openat = { nr = 56, nargs = 4 },
    close = { nr = 57, nargs = 1 },
    lseek = { nr = 62, nargs = 3 },
    read = { nr = 63, nargs = 3 },
    write = { nr = 64, nargs = 3 },
    exit = { nr = 93, nargs = 1 },
    exit_group = { nr = 94, nargs = 1 },
    futex = { nr = 98, nargs = 6 },
    nanosleep = { nr = 101, nargs = 2 },
    clock_gettime = { nr = 113, nargs = 2 },
    sched_getaffinity = { nr = 123, nargs = 3 },
    sched_yield = { nr = 124, nargs = 0 },
    kill = { nr = 129, nargs = 2 },
    tgkill = { nr = 131, nargs = 3 },
    sigaltstack = { nr = 132, nargs = 2 },
    rt_sigaction = { nr = 134, nargs = 4 },
    rt_sigprocmask = { nr = 135, nargs = 4 },
    rt_sigreturn = { nr = 139, nargs = 0 },
    getpid = { nr = 172, nargs = 0 },
    gettid = { nr = 178, nargs = 0 },
    socket = { nr = 198, nargs = 3 },
    bind = { nr = 200, nargs = 3 },
    listen = { nr = 201, nargs = 2 },
    connect = { nr = 203, nargs = 3 },
    getsockname = { nr = 204, nargs = 3 },
    sendto = { nr = 206, nargs = 6 },
    setsockopt = { nr = 208, nargs = 5 },
    getsockopt = { nr = 209, nargs = 5 },
    shutdown = { nr = 210, nargs = 2 },
    munmap = { nr = 215, nargs = 2 },
    clone = { nr = 220, nargs = 5 },
    mmap = { nr = 222, nargs = 6 },
    mprotect = { nr = 226, nargs = 3 },
    mincore = { nr = 232, nargs = 3 },
    madvise = { nr = 233, nargs = 3 },
    accept4 = { nr = 242, nargs = 4 },
    prlimit64 = { nr = 261, nargs = 4 },
  },

  -- The interrupted registers (sigctx.h): sigcontext embedded in the ucontext; x29 is the
  -- frame pointer and x30 the link register (regs[29], regs[30]).
  sigctx = { mcontext = "ucontext.uc_mcontext", mcontext_pointer = false, regs = "sigcontext",
             pc = "pc", sp = "sp", fp = "regs+232", lr = "regs+240" },
}
