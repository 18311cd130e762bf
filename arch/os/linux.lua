-- OS layer: what every linux-* target shares.
-- Values are from the kernel's uapi headers (linux/auxvec.h, asm-generic/mman-common.h,
-- linux/futex.h, linux/sched.h, asm-generic/errno*.h, linux/time.h) unless a comment says
-- otherwise; Go's os_linux.go, vdso_linux.go and defs_linux_amd64.go agree with them.
return {
  -- What every POSIX OS shares (the errno messages of rt_strerror).
  inherit = { "os/posix" },
  os = "linux",
  object_format = "elf",
  -- A host runs its programs where `uname -s` says one of these.
  run = { os_uname = { "Linux" } },


  -- Assembler dialect of ELF targets.
  asm = {
    symbol_prefix = "",      -- ELF symbols carry no leading underscore
    type_directives = true,  -- emit .type/.size for functions and objects
    hidden_directive = ".hidden",         -- internal symbols stay inside librt0 (localized at link)
    gnu_stack_note = true,   -- .note.GNU-stack: the stack is not executable
  },

  -- The optional core parts os_linux.c calls: the cgroup CPU quota reader and the vDSO
  -- symbol lookup (runtime-core/parts/); and the traceback's symbol-table reader for the
  -- object format (ELF's .symtab).
  core_parts = { "cgroup.c", "vdso_elf.c", "elf_symtab.c" },

  -- Freestanding is the default on Linux: no libc, raw syscalls, rt0 is the ELF entry.
  link = { mode = "freestanding" },

  threads = {
    method = "clone",
    -- Go's cloneFlags (os_linux.go); qemu-user accepts only thread clones with this set.
    clone_flags = { "CLONE_VM", "CLONE_FS", "CLONE_FILES", "CLONE_SIGHAND", "CLONE_SYSVSEM", "CLONE_THREAD" },
  },

  -- How an idle M sleeps and is woken: futex on a 32-bit word.
  sleep = { method = "futex", wait_op = "FUTEX_WAIT_PRIVATE", wake_op = "FUTEX_WAKE_PRIVATE" },

  -- Clocks: clock_gettime through the vDSO, falling back to the syscall.
  clock = { method = "vdso", monotonic = "CLOCK_MONOTONIC", realtime = "CLOCK_REALTIME" },

  -- Auxiliary vector tags (linux/auxvec.h) and what sysauxv does with each value.
  auxv = {
    { name = "AT_NULL",         tag = 0,  action = "end" },
    { name = "AT_PAGESZ",       tag = 6,  action = "page_size" },
    { name = "AT_HWCAP",        tag = 16, action = "hwcap" },
    { name = "AT_SECURE",       tag = 23, action = "secure" },
    { name = "AT_RANDOM",       tag = 25, action = "random_seed" },
    { name = "AT_HWCAP2",       tag = 26, action = "hwcap2" },
    { name = "AT_SYSINFO_EHDR", tag = 33, action = "vdso_base" },
  },
  -- When no auxv follows envp: read this file, then probe the page size with mincore
  -- over a 256 KiB mapping starting at 4 KiB (os_linux.go sysargs).
  auxv_fallback = {
    file = "/proc/self/auxv",
    probe_mapping_size = 256 * 1024,
    probe_first_page = 4096,
  },

  osinit = {
    -- ncpu: popcount of the sched_getaffinity mask (maxCPUs = 64*1024 bits in Go).
    ncpu_method = "sched_getaffinity",
    affinity_mask_bytes = 8192,
    -- Transparent huge page size; 0 when the file is missing or not a power of 2.
    huge_page_file = "/sys/kernel/mm/transparent_hugepage/hpage_pmd_size",
    -- The process's mapping budget (vm.max_map_count); guarded stacks spend it.
    max_map_count_file = "/proc/sys/vm/max_map_count",
    max_map_count_default = 65530,
    -- A cgroup CPU quota caps the default GOMAXPROCS at max(min_procs, ceil(quota/period)),
    -- like Go 1.25 (runtime/cgroup_linux.go, internal/runtime/cgroup): the mount from
    -- mountinfo (v1 with the cpu controller, else cgroup2), the leaf cgroup only.
    cgroup = {
      mountinfo = "/proc/self/mountinfo",
      self = "/proc/self/cgroup",
      v2_file = "cpu.max",
      v1_quota_file = "cpu.cfs_quota_us",
      v1_period_file = "cpu.cfs_period_us",
      min_procs = 2,
    },
  },

  -- g0 of m0 is carved from the OS stack at entry: lo = SP - size + slack (Go 1.19 asm_amd64.s:171).
  g0 = { size = 64 * 1024, slack = 104 },

  stacks = {
    default_size = 64 * 1024,  -- goroutine stack (virtual; only touched pages cost memory)
    guard_size = 4096,         -- PROT_NONE pages below a guarded stack
    guard_budget_percent = 50, -- share of max_map_count that guard pages may spend
    m_g0_size = 64 * 1024,     -- g0 stack of Ms created by the runtime
    stack_guard = 928,         -- slack below which a stack counts as overflowed (Go: 800+128)
  },

  -- preempt_ns: how long one goroutine may hold its P before sysmon preempts it (Go's
  -- forcePreemptNS, 10 ms); a variant may lower it.
  sched = { maxmcount = 10000, preempt_ns = 10 * 1000 * 1000 },

  -- Faults reported as `fatal error: ...` by a handler on each M's own signal stack
  -- (32 KiB like Go's gsignal: a stack overflow cannot be reported on the stack that
  -- overflowed). Whether the kernel's sigaction has a restorer (SA_RESTORER) is the
  -- arch's: see structs.kernel_sigaction in each linux-<arch> table.
  -- preempt: the signal sysmon sends (tgkill) to an M whose goroutine ran a whole quantum;
  -- SIGURG, as Go's sigPreempt: no program relies on its default action (ignore), and
  -- debuggers pass it through. quit: print every goroutine and exit 2 (Go's SIGQUIT).
  -- The preempt handler runs with SA_RESTART, so an interrupted system call restarts.
  signals = { fatal = { "SIGSEGV", "SIGBUS", "SIGILL", "SIGFPE" }, stack_size = 32 * 1024,
              preempt = "SIGURG", quit = "SIGQUIT" },

  -- The runtime's own code in one section (ld -r with a linker script puts every .text*
  -- input there), bounded by the symbols the linker defines for it; the program's code
  -- between exe_start and exe_stop. A preempt signal landing outside the program's code,
  -- or inside the runtime's, only leaves the flag (runtime-core/preempt.c).
  runtime_text = { section = "rt0_text", start = "__start_rt0_text", stop = "__stop_rt0_text",
                   exe_start = "__executable_start", exe_stop = "etext" },

  -- The network poller (templates/netpoll_epoll.c): fds registered once, edge-triggered,
  -- for reading and writing; epoll_pwait (arm64 and the asm-generic arches have no
  -- epoll_wait) takes at most max_events a call; an eventfd breaks a blocked wait.
  poller = { method = "epoll", max_events = 128 },
  -- Sockets (templates/net_linux.c): writes use sendto with MSG_NOSIGNAL so a peer that
  -- went away gives EPIPE, not a SIGPIPE that kills the process. The soft RLIMIT_NOFILE is
  -- raised to the hard one at start, as Go does.
  net = { raise_nofile = true },


  -- Constants the runtime and its generated layer use; names are the kernel headers'.
  constants = {
    PROT_NONE = 0x0, PROT_READ = 0x1, PROT_WRITE = 0x2,
    MAP_PRIVATE = 0x02, MAP_FIXED = 0x10, MAP_ANONYMOUS = 0x20, MAP_NORESERVE = 0x4000,
    MADV_DONTNEED = 4,
    FUTEX_WAIT_PRIVATE = 128, FUTEX_WAKE_PRIVATE = 129,
    CLONE_VM = 0x100, CLONE_FS = 0x200, CLONE_FILES = 0x400, CLONE_SIGHAND = 0x800,
    CLONE_THREAD = 0x10000, CLONE_SYSVSEM = 0x40000, CLONE_SETTLS = 0x80000,
    CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1,
    O_RDONLY = 0, O_CLOEXEC = 0x80000, AT_FDCWD = -100, SEEK_END = 2,
    SIGILL = 4, SIGABRT = 6, SIGBUS = 7, SIGFPE = 8, SIGSEGV = 11, SIGPIPE = 13, SIGURG = 23,
    SA_SIGINFO = 0x4, SA_ONSTACK = 0x08000000, SA_RESTART = 0x10000000,
    SIGQUIT = 3, SIG_BLOCK = 0, SIG_UNBLOCK = 1, SIG_SETMASK = 2,
    EPERM = 1, ENOENT = 2, EINTR = 4, EBADF = 9, EAGAIN = 11, ENOMEM = 12, EACCES = 13, EINVAL = 22,
    ENFILE = 23, EMFILE = 24, EPIPE = 32, ENAMETOOLONG = 36, ENOTSOCK = 88, EAFNOSUPPORT = 97,
    EADDRINUSE = 98, EADDRNOTAVAIL = 99, ENETUNREACH = 101, ECONNABORTED = 103, ECONNRESET = 104,
    ENOTCONN = 107, ETIMEDOUT = 110, ECONNREFUSED = 111, EHOSTUNREACH = 113, EINPROGRESS = 115,
    -- epoll and eventfd (linux/eventpoll.h, linux/eventfd.h)
    EPOLLIN = 0x1, EPOLLOUT = 0x4, EPOLLERR = 0x8, EPOLLHUP = 0x10, EPOLLRDHUP = 0x2000,
    EPOLLET = 0x80000000, EPOLL_CTL_ADD = 1, EPOLL_CTL_DEL = 2, EPOLL_CLOEXEC = 0x80000,
    EFD_CLOEXEC = 0x80000, EFD_NONBLOCK = 0x800,
    -- sockets (linux/socket.h, linux/net.h, asm-generic/socket.h, linux/in.h, linux/in6.h)
    AF_UNIX = 1, AF_INET = 2, AF_INET6 = 10, SOCK_STREAM = 1, SOCK_NONBLOCK = 0x800,
    SOCK_CLOEXEC = 0x80000, SOL_SOCKET = 1, SO_REUSEADDR = 2, SO_ERROR = 4, IPPROTO_TCP = 6,
    TCP_NODELAY = 1, IPPROTO_IPV6 = 41, IPV6_V6ONLY = 26, MSG_NOSIGNAL = 0x4000, SOMAXCONN = 4096,
    SHUT_RD = 0, SHUT_WR = 1, SHUT_RDWR = 2,
    F_GETFL = 3, F_SETFL = 4, O_NONBLOCK = 0x800, RLIMIT_NOFILE = 7,
  },

  -- Kernel struct layouts the runtime reads or fills (sizes and offsets in bytes).
  structs = {
    timespec = { size = 16, fields = { tv_sec = 0, tv_nsec = 8 } },
    -- asm-generic/siginfo.h: si_addr is the faulting address of SIGSEGV/SIGBUS.
    siginfo = { size = 128, fields = { si_signo = 0, si_errno = 4, si_code = 8, si_addr = 16 } },
    -- asm-generic/signal.h stack_t, for sigaltstack(2).
    sigaltstack = { size = 24, fields = { ss_sp = 0, ss_flags = 8, ss_size = 16 } },
    -- linux/in.h, linux/in6.h, linux/un.h: the family is a 16-bit field at 0; ports and
    -- addresses are in network byte order.
    sockaddr_in = { size = 16, fields = { sin_family = 0, sin_port = 2, sin_addr = 4 } },
    sockaddr_in6 = { size = 28, fields = { sin6_family = 0, sin6_port = 2, sin6_flowinfo = 4, sin6_addr = 8,
      sin6_scope_id = 24 } },
    sockaddr_un = { size = 110, fields = { sun_family = 0, sun_path = 2 } },
    -- linux/resource.h, for prlimit64
    rlimit = { size = 16, fields = { rlim_cur = 0, rlim_max = 8 } },
  },
}
