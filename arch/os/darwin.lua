-- OS layer: what every darwin-* target shares. macOS has no stable raw syscall ABI
-- (Go 1.12+ goes through libSystem, golang/sys 6fcdbc0), so every OS service is a
-- libSystem call. Values are from the macOS SDK headers (sys/mman.h, sys/signal.h,
-- sys/errno.h, sys/fcntl.h, time.h, sys/sysctl.h, pthread/pthread_impl.h,
-- sys/_pthread/_pthread_types.h) and XNU's bsd/sys/ulock.h, as mirrored in Go's
-- defs_darwin_amd64.go where Go uses them.
return {
  -- What every POSIX OS shares (the errno messages of rt_strerror).
  inherit = { "os/posix" },
  os = "darwin",
  object_format = "macho",
  -- A host runs its programs where `uname -s` says one of these.
  run = { os_uname = { "Darwin" } },


  asm = {
    symbol_prefix = "_",      -- Mach-O C symbols carry a leading underscore
    type_directives = false,  -- Mach-O has no .type/.size
    hidden_directive = ".private_extern", -- internal symbols stay inside the linked image
    local_label_prefix = "L", -- Mach-O's assembler-temporary labels (.L would be a local symbol)
    gnu_stack_note = false,
  },

  -- No SDK is needed to build the library: the generated layer declares what it uses
  -- from libSystem (libsystem.functions below), so clang's own stdint.h/stddef.h/stdarg.h
  -- serve, and no host (glibc) header can leak into a Mach-O object. In toolchain, not
  -- cflags: a variant's cflags (debug's -O0 -g) replace the list but cannot drop these.
  -- ar_format: ld64 reads the BSD table of contents (__.SYMDEF), llvm-ar's darwin format.
  toolchain = { cflags = { "-ffreestanding", "-nostdlibinc" }, ar_format = "darwin" },

  -- The optional core parts: the traceback's symbol-table reader for Mach-O (LC_SYMTAB).
  core_parts = { "macho_symtab.c" },

  -- Always hosted: libSystem is the only supported kernel interface. dyld runs the
  -- constructors (RT_INIT) before it calls the entry.
  link = { mode = "hosted" },

  -- pthread_create; the thread's stack is pthread's (Go's mStackIsSystemAllocated), and
  -- g0 takes its bounds from pthread_get_stackaddr_np/pthread_get_stacksize_np.
  threads = { method = "pthread" },

  -- __ulock_wait/__ulock_wake (UL_COMPARE_AND_WAIT on a 32-bit word, the futex of XNU,
  -- macOS 10.12+). They are private SPI: if libSystem answers ENOSYS the layer switches
  -- for good to hashed pthread mutex + condition variable pairs (Go's lock_sema way).
  sleep = { method = "ulock", fallback = "pthread_cond", buckets = 16 },

  -- mach_absolute_time() ticks scaled by mach_timebase_info (1/1 on Intel Macs; Apple
  -- silicon's native timebase is 125/3), as Go's nanotime1 on darwin.
  clock = { method = "mach_absolute_time" },

  -- There is no auxv on Darwin: sysargs walks past envp to the apple strings and takes
  -- the executable path from the one with this prefix (os_darwin.go; the prefix exists
  -- since OS X 10.11, before that apple[0] was the bare path).
  apple = { executable_path_prefix = "executable_path=" },

  osinit = {
    -- sysctl {CTL_HW, HW_NCPU} and {CTL_HW, HW_PAGESIZE} (os_darwin.go getCPUCount,
    -- getPageSize). There is no transparent huge page knob: huge_page_size stays 0.
    ncpu_method = "sysctl",
    sysctl_ncpu = { "CTL_HW", "HW_NCPU" },
    sysctl_pagesize = { "CTL_HW", "HW_PAGESIZE" },
    -- XNU has no per-process mapping cap like vm.max_map_count; the guard-page budget
    -- uses Linux's default so guarded stacks stay bounded the same way.
    max_map_count_default = 65530,
  },

  g0 = { size = 64 * 1024, slack = 104 },

  stacks = {
    default_size = 64 * 1024,
    guard_size = 4096,
    guard_budget_percent = 50,
    m_g0_size = 0,            -- 0: the g0 stack of a new M is pthread's own (mStackIsSystemAllocated)
    stack_guard = 928,
  },

  -- preempt_ns: the quantum before sysmon preempts a goroutine (Go's forcePreemptNS).
  sched = { maxmcount = 10000, preempt_ns = 10 * 1000 * 1000 },

  -- Faults reported as `fatal error: ...` by a handler on each M's own signal stack
  -- (Go's gsignal: "OS X wants >= 8K"; 32 KiB as on Linux).
  signals = { fatal = { "SIGSEGV", "SIGBUS", "SIGILL", "SIGFPE" }, stack_size = 32 * 1024,
              -- sent with pthread_kill to preempt (Go's sigPreempt); quit prints every goroutine
              preempt = "SIGURG", quit = "SIGQUIT" },

  -- The runtime's C code goes to its own section (a `#pragma clang section` in zdefs.h:
  -- llvm-objcopy cannot rename Mach-O sections and ld64.lld has no -r); ld64 defines the
  -- section$start/section$end symbols. The program's code is __TEXT,__text.
  runtime_text = { pragma = "__TEXT,__rt0_text,regular,pure_instructions",
                   start = "section$start$__TEXT$__rt0_text", stop = "section$end$__TEXT$__rt0_text",
                   exe_start = "section$start$__TEXT$__text", exe_stop = "section$end$__TEXT$__text" },

  -- The network poller (templates/netpoll_kqueue.c): read and write filters added once
  -- with EV_CLEAR (edge-triggered); an EVFILT_USER event breaks a blocked kevent.
  poller = { method = "kqueue", max_events = 64 },
  -- Sockets (templates/net_darwin.c): SO_NOSIGPIPE on every socket (there is no
  -- MSG_NOSIGNAL); close-on-exec and non-blocking by fcntl; the soft RLIMIT_NOFILE is
  -- raised at start, capped at OPEN_MAX as setrlimit demands (Go's os_darwin.go).
  net = { raise_nofile = true, nofile_cap = 10240 },


  -- libSystem imports. The generated layer declares each function from its entry (no SDK
  -- headers), and gen/darwin.lua writes the .tbd link stub from all three lists.
  libsystem = {
    dylib = "/usr/lib/libSystem.B.dylib",
    -- dyld checks only that the library's compatibility version is at least this one.
    compatibility_version = "1.0.0",
    current_version = "1.0.0",
    functions = {
      -- errno of the calling thread (sys/errno.h: #define errno (*__error()))
      { name = "__error", ret = "int *", params = "void" },
      -- XNU's futex (bsd/sys/ulock.h); timeout in microseconds, 0 = none
      { name = "__ulock_wait", ret = "int", params = "uint32_t op, void *addr, uint64_t value, uint32_t timeout_us" },
      { name = "__ulock_wake", ret = "int", params = "uint32_t op, void *addr, uint64_t wake_value" },
      -- fatal errors exit without atexit handlers or a stdio flush (Go imports _exit too)
      { name = "_exit", ret = "_Noreturn void", params = "int code" },
      -- the 16-byte fastrand seed (Darwin has no AT_RANDOM; Go's readRandom)
      { name = "arc4random_buf", ret = "void", params = "void *buf, size_t n" },
      -- sockets and the poller (netpoll_kqueue.c, net_darwin.c)
      { name = "accept", ret = "int", params = "int fd, void *addr, uint32_t *len" },
      { name = "bind", ret = "int", params = "int fd, const void *addr, uint32_t len" },
      { name = "close", ret = "int", params = "int fd" },
      { name = "connect", ret = "int", params = "int fd, const void *addr, uint32_t len" },
      { name = "exit", ret = "_Noreturn void", params = "int code" },
      -- setuid/setgid process: the environment is not trusted (Go's initSecureMode)
      { name = "issetugid", ret = "int", params = "void" },
      { name = "mach_absolute_time", ret = "uint64_t", params = "void" },
      { name = "mach_timebase_info", ret = "int", params = "struct darwin_timebase *info" },
      { name = "fcntl", ret = "int", params = "int fd, int cmd, ..." },
      { name = "getrlimit", ret = "int", params = "int resource, struct darwin_rlimit *rl" },
      { name = "getsockname", ret = "int", params = "int fd, void *addr, uint32_t *len" },
      { name = "getsockopt", ret = "int", params = "int fd, int level, int name, void *value, uint32_t *len" },
      { name = "kevent", ret = "int",
        params = "int kq, const struct darwin_kevent *changes, int nchanges, struct darwin_kevent *events, "
          .. "int nevents, const struct darwin_timespec *timeout" },
      { name = "kqueue", ret = "int", params = "void" },
      { name = "listen", ret = "int", params = "int fd, int backlog" },
      { name = "lseek", ret = "int64_t", params = "int fd, int64_t off, int whence" },
      { name = "madvise", ret = "int", params = "void *addr, size_t len, int advice" },
      { name = "mmap", ret = "void *",
        params = "void *addr, size_t len, int prot, int flags, int fd, int64_t off" },
      { name = "mprotect", ret = "int", params = "void *addr, size_t len, int prot" },
      { name = "munmap", ret = "int", params = "void *addr, size_t len" },
      { name = "open", ret = "int", params = "const char *path, int flags, ..." },
      { name = "pthread_attr_init", ret = "int", params = "struct darwin_attr *attr" },
      { name = "pthread_attr_setdetachstate", ret = "int", params = "struct darwin_attr *attr, int state" },
      { name = "pthread_cond_broadcast", ret = "int", params = "struct darwin_cond *cv" },
      { name = "pthread_cond_timedwait_relative_np", ret = "int",
        params = "struct darwin_cond *cv, struct darwin_mutex *mu, const struct darwin_timespec *rel" },
      { name = "pthread_cond_wait", ret = "int", params = "struct darwin_cond *cv, struct darwin_mutex *mu" },
      { name = "pthread_create", ret = "int",
        params = "void **thread, const struct darwin_attr *attr, void *(*start)(void *), void *arg" },
      { name = "pthread_exit", ret = "_Noreturn void", params = "void *value" },
      { name = "pthread_get_stackaddr_np", ret = "void *", params = "void *thread" },
      { name = "pthread_get_stacksize_np", ret = "size_t", params = "void *thread" },
      -- rt0's TLS check reads the slot back through libpthread (and, with
      -- tls.tsd_slot = pthread_key, gets its key here)
      -- preemption: signal one M's thread; threads start with every signal blocked
      { name = "pthread_kill", ret = "int", params = "void *thread, int sig" },
      { name = "pthread_sigmask", ret = "int", params = "int how, const uint32_t *set, uint32_t *old" },
      { name = "pthread_getspecific", ret = "void *", params = "unsigned long key" },
      { name = "pthread_key_create", ret = "int", params = "unsigned long *key, void (*destructor)(void *)" },
      { name = "pthread_mutex_lock", ret = "int", params = "struct darwin_mutex *mu" },
      { name = "pthread_mutex_unlock", ret = "int", params = "struct darwin_mutex *mu" },
      { name = "pthread_self", ret = "void *", params = "void" },
      { name = "read", ret = "long", params = "int fd, void *buf, size_t n" },
      { name = "sched_yield", ret = "int", params = "void" },
      { name = "send", ret = "long", params = "int fd, const void *buf, size_t n, int flags" },
      { name = "setrlimit", ret = "int", params = "int resource, const struct darwin_rlimit *rl" },
      { name = "setsockopt", ret = "int", params = "int fd, int level, int name, const void *value, uint32_t len" },
      { name = "shutdown", ret = "int", params = "int fd, int how" },
      -- fatal-signal reporting (signals): the handler runs on each M's sigaltstack
      { name = "sigaction", ret = "int",
        params = "int sig, const struct darwin_sigaction *act, struct darwin_sigaction *old" },
      { name = "sigaltstack", ret = "int", params = "const struct darwin_stack *ss, struct darwin_stack *old" },
      { name = "socket", ret = "int", params = "int domain, int type, int protocol" },
      { name = "sysctl", ret = "int",
        params = "int *mib, unsigned n, void *old, size_t *oldlen, void *new_, size_t newlen" },
      { name = "usleep", ret = "int", params = "uint32_t usec" },
      { name = "write", ret = "long", params = "int fd, const void *buf, size_t n" },
    },
    -- What clang emits calls to on its own, even with -ffreestanding: struct copies and
    -- zeroing (memcpy, memset, or __bzero for Darwin targets), and the stack protector,
    -- on by default for macOS targets.
    compiler_symbols = {
      "__bzero", "__stack_chk_fail", "__stack_chk_guard", "memcmp", "memcpy", "memmove", "memset",
    },
    -- Written as is (no symbol prefix): ld64 binds lazy stubs through this libSystem symbol.
    linker_symbols = { "dyld_stub_binder" },
  },

  constants = {
    PROT_NONE = 0x0, PROT_READ = 0x1, PROT_WRITE = 0x2,
    MAP_PRIVATE = 0x02, MAP_FIXED = 0x10, MAP_ANONYMOUS = 0x1000,
    -- Go's sysUnusedOS on darwin: like MADV_FREE, and the kernel's accounting knows it.
    MADV_FREE_REUSABLE = 7,
    CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 6,
    O_RDONLY = 0, O_CLOEXEC = 0x1000000, SEEK_END = 2,
    SIGILL = 4, SIGTRAP = 5, SIGABRT = 6, SIGFPE = 8, SIGBUS = 10, SIGSEGV = 11, SIGPIPE = 13, SIGURG = 16,
    SA_ONSTACK = 0x1, SA_SIGINFO = 0x40, SA_RESTART = 0x2,
    SIGQUIT = 3, SIG_BLOCK = 1, SIG_UNBLOCK = 2, SIG_SETMASK = 3,
    EPERM = 1, ENOENT = 2, EINTR = 4, EBADF = 9, ENOMEM = 12, EACCES = 13, EFAULT = 14, EINVAL = 22,
    ENFILE = 23, EMFILE = 24, EPIPE = 32, EAGAIN = 35, EINPROGRESS = 36, ENOTSOCK = 38, EAFNOSUPPORT = 47,
    EADDRINUSE = 48, EADDRNOTAVAIL = 49, ENETUNREACH = 51, ECONNABORTED = 53, ECONNRESET = 54, ENOTCONN = 57,
    ETIMEDOUT = 60, ECONNREFUSED = 61, ENAMETOOLONG = 63, EHOSTUNREACH = 65, ENOSYS = 78,
    -- kqueue (sys/event.h)
    EVFILT_READ = -1, EVFILT_WRITE = -2, EVFILT_USER = -10, EV_ADD = 0x1, EV_DELETE = 0x2,
    EV_ENABLE = 0x4, EV_CLEAR = 0x20, EV_ERROR = 0x4000, EV_EOF = 0x8000, NOTE_TRIGGER = 0x01000000,
    -- sockets (sys/socket.h, netinet/in.h, netinet6/in6.h, netinet/tcp.h)
    AF_UNIX = 1, AF_INET = 2, AF_INET6 = 30, SOCK_STREAM = 1, SOL_SOCKET = 0xffff, SO_REUSEADDR = 0x4,
    SO_ERROR = 0x1007, SO_NOSIGPIPE = 0x1022, IPPROTO_TCP = 6, TCP_NODELAY = 1, IPPROTO_IPV6 = 41,
    IPV6_V6ONLY = 27, SOMAXCONN = 128, SHUT_RD = 0, SHUT_WR = 1, SHUT_RDWR = 2,
    F_GETFL = 3, F_SETFL = 4, F_SETFD = 2, FD_CLOEXEC = 1, O_NONBLOCK = 0x4, RLIMIT_NOFILE = 8,
    CTL_HW = 6, HW_NCPU = 3, HW_PAGESIZE = 7,
    UL_COMPARE_AND_WAIT = 1, ULF_WAKE_ALL = 0x100, ULF_NO_ERRNO = 0x1000000,
    PTHREAD_CREATE_DETACHED = 2,
    -- Signatures of PTHREAD_MUTEX_INITIALIZER and PTHREAD_COND_INITIALIZER
    -- (pthread/pthread_impl.h): libpthread initializes such an object on first use.
    PTHREAD_MUTEX_SIG_init = 0x32AAABA7, PTHREAD_COND_SIG_init = 0x3CB0B1BB,
  },

  -- libSystem's LP64 layouts. The pthread types are opaque: a signature word, then
  -- __PTHREAD_*_SIZE__ bytes (_pthread_types.h: attr 56, mutex 56, cond 40).
  structs = {
    timespec = { size = 16, fields = { tv_sec = 0, tv_nsec = 8 } },
    mach_timebase_info = { size = 8, fields = { numer = 0, denom = 4 } },
    pthread_attr = { size = 64, fields = { sig = 0 } },
    pthread_mutex = { size = 64, fields = { sig = 0 } },
    pthread_cond = { size = 48, fields = { sig = 0 } },
    -- sys/signal.h struct sigaction (the libc one): handler, a 32-bit sa_mask, sa_flags.
    sigaction = { size = 16, fields = { handler = 0, mask = 8, flags = 12 } },
    -- sys/_types/_sigaltstack.h: ss_sp, ss_size, ss_flags (Linux orders them otherwise).
    sigaltstack = { size = 24, fields = { ss_sp = 0, ss_size = 8, ss_flags = 16 } },
    -- sys/signal.h __siginfo: si_addr after signo, errno, code, pid, uid, status.
    siginfo = { size = 104, fields = { si_signo = 0, si_errno = 4, si_code = 8, si_addr = 24 } },
    -- sys/event.h struct kevent (LP64): ident, a 16-bit filter and flags, fflags, data, udata.
    kevent = { size = 32, fields = { ident = 0, filter = 8, flags = 10, fflags = 12, data = 16, udata = 24 } },
    -- BSD sockaddrs start with a length byte, then an 8-bit family (netinet/in.h, sys/un.h).
    sockaddr_in = { size = 16, fields = { sin_len = 0, sin_family = 1, sin_port = 2, sin_addr = 4 } },
    sockaddr_in6 = { size = 28, fields = { sin6_len = 0, sin6_family = 1, sin6_port = 2, sin6_flowinfo = 4,
      sin6_addr = 8, sin6_scope_id = 24 } },
    sockaddr_un = { size = 106, fields = { sun_len = 0, sun_family = 1, sun_path = 2 } },
    rlimit = { size = 16, fields = { rlim_cur = 0, rlim_max = 8 } },
    -- sys/_types/_ucontext.h (Go's defs_darwin_amd64.go): uc_mcontext is a pointer to the
    -- machine context, not the context itself as on Linux.
    ucontext = { size = 56, fields = { uc_onstack = 0, uc_sigmask = 4, uc_stack = 8, uc_link = 32,
      uc_mcsize = 40, uc_mcontext = 48 } },
  },
}
