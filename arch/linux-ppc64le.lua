-- linux-ppc64le: what belongs to the pair of Linux and ppc64le.
-- Scaffolded by `lua5.4 build.lua new-port linux-ppc64le --from linux-arm64`; the ELFv2
-- facts that do not depend on the OS live in arch/cpu/ppc64le.lua.
return {
  inherit = { "os/linux", "cpu/ppc64le" },

  toolchain = { triple = "powerpc64le-linux-gnu" }, -- Debian's multiarch triple

  -- The kernel starts a static ELF with argc at 0(r1) and argv at 8(r1), as on amd64 and
  -- arm64 (Go: rt0_linux_ppc64le.s).
  entry = { symbol = "_rt0_ppc64le_linux", args = "stack" },

  -- ppc64 has CLONE_BACKWARDS: clone(flags, stack, parent_tid, tls, child_tid); the
  -- kernel sets the child's r13 from tls.
  threads = { clone_tls_arg = 4 },

  -- The vDSO's clock_gettime (Go: vdso_linux_ppc64x.go, version LINUX_2.6.15).
  vdso = { version = "LINUX_2.6.15", clock_gettime = "__kernel_clock_gettime" },

  -- Linux's ppc64 syscall convention (Documentation/powerpc/syscall64-abi.rst): `sc` with
  -- the number in r0 and arguments in r3-r8; the result is in r3 and failure is CR0.SO
  -- set with a positive errno in r3 (error = flag: the stubs return -errno, so the C
  -- layer sees -4095..-1 as on every other Linux). r0, r4-r12, cr0, ctr and xer are
  -- volatile across it.
  syscall_abi = {
    instruction = "sc",
    number_reg = "r0",
    arg_regs = { "r3", "r4", "r5", "r6", "r7", "r8" },
    ret_reg = "r3",
    clobbers = { "r0", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12", "cr0", "ctr", "xer" },
    error = "flag",
    error_min = -4095,
    error_max = -1,
  },

  -- What rt_sigaction(2) takes: powerpc's struct sigaction (asm/signal.h) keeps a
  -- restorer; MAP_NORESERVE is 0x40 on powerpc (asm/mman.h), not asm-generic's 0x4000.
  constants = { MAP_NORESERVE = 0x40, SA_RESTORER = 0x04000000,
    -- asm/ptrace.h: where sigcontext.gp_regs keeps the registers that are not GPRs.
    PT_NIP = 32, PT_MSR = 33, PT_CTR = 35, PT_LNK = 36, PT_XER = 37, PT_CCR = 38,
    -- The kernel's asm/reg.h MSR bits (no uapi header has them): a ucontext's MSR says
    -- which register sets it holds, and the kernel restores VMX and VSX state only if set.
    MSR_FP = 0x2000, MSR_VEC = 0x2000000, MSR_VSX = 0x800000 },

  structs = {
    -- asm/ucontext.h: the struct sigcontext at uc_mcontext (asm/sigcontext.h) holds the
    -- interrupted registers in gp_regs, an elf_gregset_t: r0-r31, then NIP (the PC) at
    -- PT_NIP = 32 and LR at PT_LNK = 36, 8 bytes each.
    ucontext = { size = 1696, fields = { uc_flags = 0, uc_link = 8, uc_stack = 16, uc_sigmask = 40,
      uc_mcontext = 168 } },
    -- fp_regs: f0-f31 then FPSCR; v_regs points into vmx_reserve at its first 16-aligned
    -- byte: v0-v31, VSCR (entry 32), VRSAVE (entry 33), then vs0-vs31's second doublewords.
    sigcontext = { size = 1528, fields = { signal = 32, handler = 40, oldmask = 48, regs = 56, gp_regs = 64,
      fp_regs = 448, v_regs = 712, vmx_reserve = 720 } },
    -- linux/eventpoll.h: struct epoll_event is naturally aligned off x86-64.
    epoll_event = { size = 16, fields = { events = 0, data = 8 }, header_type = "struct epoll_event" },
    kernel_sigaction = { size = 32, fields = { handler = 0, flags = 8, restorer = 16, mask = 24 },
      header_type = "struct sigaction",
      header_fields = { handler = "sa_handler", flags = "sa_flags", restorer = "sa_restorer", mask = "sa_mask" } },
  },

  -- Syscall numbers (asm/unistd_64.h for powerpc64le) and argument counts.
  syscalls = {
    eventfd2 = { nr = 314, nargs = 2 },
    epoll_create1 = { nr = 315, nargs = 1 },
    epoll_ctl = { nr = 237, nargs = 4 },
    epoll_pwait = { nr = 303, nargs = 6 },
    fcntl = { nr = 55, nargs = 3 },
    openat = { nr = 286, nargs = 4 },
    close = { nr = 6, nargs = 1 },
    read = { nr = 3, nargs = 3 },
    write = { nr = 4, nargs = 3 },
    exit = { nr = 1, nargs = 1 },
    exit_group = { nr = 234, nargs = 1 },
    futex = { nr = 221, nargs = 6 },
    nanosleep = { nr = 162, nargs = 2 },
    clock_gettime = { nr = 246, nargs = 2 },
    sched_getaffinity = { nr = 223, nargs = 3 },
    sched_yield = { nr = 158, nargs = 0 },
    kill = { nr = 37, nargs = 2 },
    tgkill = { nr = 250, nargs = 3 },
    sigaltstack = { nr = 185, nargs = 2 },
    rt_sigaction = { nr = 173, nargs = 4 },
    rt_sigprocmask = { nr = 174, nargs = 4 },
    rt_sigreturn = { nr = 172, nargs = 0 },
    swapcontext = { nr = 249, nargs = 3 }, -- async_preempt resumes through it
    getpid = { nr = 20, nargs = 0 },
    gettid = { nr = 207, nargs = 0 },
    socket = { nr = 326, nargs = 3 },
    bind = { nr = 327, nargs = 3 },
    listen = { nr = 329, nargs = 2 },
    connect = { nr = 328, nargs = 3 },
    getsockname = { nr = 331, nargs = 3 },
    sendto = { nr = 335, nargs = 6 },
    setsockopt = { nr = 339, nargs = 5 },
    getsockopt = { nr = 340, nargs = 5 },
    shutdown = { nr = 338, nargs = 2 },
    munmap = { nr = 91, nargs = 2 },
    clone = { nr = 120, nargs = 5 },
    lseek = { nr = 19, nargs = 3 },
    mmap = { nr = 90, nargs = 6 },
    mprotect = { nr = 125, nargs = 3 },
    mincore = { nr = 206, nargs = 3 },
    madvise = { nr = 205, nargs = 3 },
    accept4 = { nr = 344, nargs = 4 },
    prlimit64 = { nr = 325, nargs = 4 },
  },

  -- The interrupted registers (sigctx.h): r1 is the stack pointer and r31 the frame
  -- pointer where clang keeps one. async_preempt: preempt_linux_ppc64le.S saves every
  -- register into a ucontext of its own and resumes through swapcontext.
  sigctx = { mcontext = "ucontext.uc_mcontext", mcontext_pointer = false, regs = "sigcontext",
             pc = "gp_regs+256", sp = "gp_regs+8", fp = "gp_regs+248", lr = "gp_regs+288", async_preempt = true },
}
