-- OS layer: what every darwin-* target shares. macOS has no stable raw syscall ABI
-- (Go 1.12+ goes through libSystem, golang/sys 6fcdbc0), so every OS service is a
-- libSystem call. Values are from the macOS SDK headers (sys/mman.h, sys/signal.h,
-- sys/errno.h, time.h, sys/sysctl.h, sys/ulock.h) as mirrored in Go's defs_darwin_amd64.go.
return {
  os = "darwin",
  object_format = "macho",

  asm = {
    symbol_prefix = "_",      -- Mach-O C symbols carry a leading underscore
    type_directives = false,  -- Mach-O has no .type/.size
    hidden_directive = ".private_extern", -- internal symbols stay inside librt0
    gnu_stack_note = false,
  },

  -- Always hosted: libSystem is the only supported kernel interface.
  link = { mode = "hosted" },

  threads = { method = "pthread" },

  -- __ulock_wait/__ulock_wake on a 32-bit word; a pthread mutex + condition variable
  -- pair where ulock is unavailable.
  sleep = { method = "ulock", fallback = "pthread_cond" },

  clock = { method = "mach_absolute_time" },

  -- There is no auxv on Darwin: sysargs walks past envp to the apple strings.
  apple = { executable_path_prefix = "executable_path=" },

  osinit = {
    ncpu_method = "sysctl",
    sysctl_ncpu = { "CTL_HW", "HW_NCPU" },
    sysctl_pagesize = { "CTL_HW", "HW_PAGESIZE" },
  },

  g0 = { size = 64 * 1024, slack = 104 },

  stacks = {
    default_size = 64 * 1024,
    guard_size = 4096,
    guard_budget_percent = 50,
    m_g0_size = 0,            -- 0: the g0 stack of a new M is pthread's own (mStackIsSystemAllocated)
    stack_guard = 928,
  },

  sched = { maxmcount = 10000 },

  -- The libSystem functions the generated layer calls; the .tbd stub is made from this list.
  libsystem = {
    dylib = "/usr/lib/libSystem.B.dylib",
    symbols = {
      "__error", "__ulock_wait", "__ulock_wake", "_exit", "abort", "close", "madvise",
      "mach_absolute_time", "mach_timebase_info", "mmap", "mprotect", "munmap", "open",
      "pthread_attr_init", "pthread_attr_setdetachstate", "pthread_attr_setstacksize",
      "pthread_cond_init", "pthread_cond_signal", "pthread_cond_timedwait_relative_np",
      "pthread_cond_wait", "pthread_create", "pthread_get_stackaddr_np",
      "pthread_get_stacksize_np", "pthread_mutex_init", "pthread_mutex_lock",
      "pthread_mutex_unlock", "pthread_self", "read", "sched_yield", "sigaction",
      "sysctl", "usleep", "write",
    },
  },

  constants = {
    PROT_NONE = 0x0, PROT_READ = 0x1, PROT_WRITE = 0x2,
    MAP_PRIVATE = 0x02, MAP_FIXED = 0x10, MAP_NORESERVE = 0x40, MAP_ANONYMOUS = 0x1000,
    MADV_DONTNEED = 4,
    CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 6,
    O_RDONLY = 0, O_CLOEXEC = 0x1000000,
    SIGABRT = 6, SIGSEGV = 11, SIGPIPE = 13, SIGURG = 16,
    EINTR = 4, ENOMEM = 12, EAGAIN = 35, ETIMEDOUT = 60,
    CTL_HW = 6, HW_NCPU = 3, HW_PAGESIZE = 7,
    UL_COMPARE_AND_WAIT = 1, ULF_WAKE_ALL = 0x100, ULF_NO_ERRNO = 0x1000000,
    PTHREAD_CREATE_DETACHED = 2,
  },

  structs = {
    timespec = { size = 16, fields = { tv_sec = 0, tv_nsec = 8 } },
    mach_timebase_info = { size = 8, fields = { numer = 0, denom = 4 } },
  },
}
