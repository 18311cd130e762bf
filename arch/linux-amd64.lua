-- linux-amd64: what belongs to the pair of Linux and amd64.
return {
  inherit = { "os/linux", "cpu/amd64" },

  toolchain = { triple = "x86_64-linux-gnu" },

  -- The kernel starts a static ELF with argc at 0(SP) and argv at 8(SP) (rt0_linux_amd64.s).
  entry = { symbol = "_rt0_amd64_linux", args = "stack" },

  -- g lives at -8(FS): arch_prctl(ARCH_SET_FS, &m.tls[0] + 8) (sys_linux_amd64.s settls).
  tls = {
    method = "arch_prctl",
    settls_syscall = "arch_prctl", -- rt0's first syscall
    arch_set_fs = 0x1002,
    base_adjust = 8,       -- ELF wants to use -8(FS)
    check_value = 0x123,   -- stored through TLS and read back from m0.tls at start-up
  },

  -- x86-64 clone(2) takes (flags, stack, parent_tid, child_tid, tls): tls is argument 5.
  threads = { clone_tls_arg = 5 },

  -- The vDSO's clock_gettime (vdso_linux_amd64.go: version LINUX_2.6).
  vdso = { version = "LINUX_2.6", clock_gettime = "__vdso_clock_gettime" },

  -- Linux's amd64 syscall convention (entry_64.S): number in rax, arguments in
  -- rdi rsi rdx r10 r8 r9, result in rax, -4095..-1 is -errno; rcx and r11 are clobbered.
  syscall_abi = {
    instruction = "syscall",
    number_reg = "rax",
    arg_regs = { "rdi", "rsi", "rdx", "r10", "r8", "r9" },
    ret_reg = "rax",
    clobbers = { "rcx", "r11" },
    error_min = -4095,
    error_max = -1,
  },

  -- What rt_sigaction(2) takes: x86-64's uapi struct sigaction (asm/signal.h), which has a
  -- restorer, and SA_RESTORER, without which x86-64 refuses a handler.
  constants = { SA_RESTORER = 0x04000000 },
  structs = {
    -- linux/eventpoll.h: struct epoll_event is packed on x86-64 (EPOLL_PACKED).
    epoll_event = { size = 12, fields = { events = 0, data = 4 }, header_type = "struct epoll_event" },
    kernel_sigaction = { size = 32, fields = { handler = 0, flags = 8, restorer = 16, mask = 24 },
      header_type = "struct sigaction",
      header_fields = { handler = "sa_handler", flags = "sa_flags", restorer = "sa_restorer", mask = "sa_mask" } },
    -- What a signal handler's third argument points at (asm-generic/ucontext.h): the
    -- interrupted registers are the struct sigcontext at uc_mcontext (asm/sigcontext.h).
    ucontext = { size = 304, fields = { uc_flags = 0, uc_link = 8, uc_stack = 16, uc_mcontext = 40,
      uc_sigmask = 296 } },
    sigcontext = { size = 256, fields = { r8 = 0, rdi = 64, rbp = 80, rax = 104, rsp = 120, rip = 128,
      eflags = 136, fpstate = 184 } },
  },

  -- Syscall numbers (arch/x86/entry/syscalls/syscall_64.tbl) and argument counts.
  syscalls = {
    read = { nr = 0, nargs = 3 },
    write = { nr = 1, nargs = 3 },
    close = { nr = 3, nargs = 1 },
    lseek = { nr = 8, nargs = 3 },
    mmap = { nr = 9, nargs = 6 },
    mprotect = { nr = 10, nargs = 3 },
    munmap = { nr = 11, nargs = 2 },
    rt_sigaction = { nr = 13, nargs = 4 },
    rt_sigprocmask = { nr = 14, nargs = 4 },
    rt_sigreturn = { nr = 15, nargs = 0 },
    sched_yield = { nr = 24, nargs = 0 },
    mincore = { nr = 27, nargs = 3 },
    madvise = { nr = 28, nargs = 3 },
    nanosleep = { nr = 35, nargs = 2 },
    getpid = { nr = 39, nargs = 0 },
    socket = { nr = 41, nargs = 3 },
    connect = { nr = 42, nargs = 3 },
    sendto = { nr = 44, nargs = 6 },
    shutdown = { nr = 48, nargs = 2 },
    bind = { nr = 49, nargs = 3 },
    listen = { nr = 50, nargs = 2 },
    getsockname = { nr = 51, nargs = 3 },
    setsockopt = { nr = 54, nargs = 5 },
    getsockopt = { nr = 55, nargs = 5 },
    clone = { nr = 56, nargs = 5 },
    exit = { nr = 60, nargs = 1 },
    kill = { nr = 62, nargs = 2 },
    fcntl = { nr = 72, nargs = 3 },
    sigaltstack = { nr = 131, nargs = 2 },
    arch_prctl = { nr = 158, nargs = 2 },
    gettid = { nr = 186, nargs = 0 },
    futex = { nr = 202, nargs = 6 },
    sched_getaffinity = { nr = 204, nargs = 3 },
    clock_gettime = { nr = 228, nargs = 2 },
    exit_group = { nr = 231, nargs = 1 },
    epoll_ctl = { nr = 233, nargs = 4 },
    tgkill = { nr = 234, nargs = 3 },
    openat = { nr = 257, nargs = 4 },
    epoll_pwait = { nr = 281, nargs = 6 },
    accept4 = { nr = 288, nargs = 4 },
    eventfd2 = { nr = 290, nargs = 2 },
    epoll_create1 = { nr = 291, nargs = 1 },
    prlimit64 = { nr = 302, nargs = 4 },
  },

  -- Where the interrupted PC, SP and frame pointer are in a signal's ucontext (sigctx.h
  -- generates sigctx_pc and friends from this): the mcontext is embedded in the
  -- ucontext, and the registers are its struct sigcontext from offset 0.
  sigctx = { mcontext = "ucontext.uc_mcontext", mcontext_pointer = false, regs = "sigcontext",
             pc = "rip", sp = "rsp", fp = "rbp" },
}
