-- Which template makes which generated file. For each target, gen renders every
-- entry whose os/arch (when given) match the target's; {os} and {arch} in output
-- are replaced by the target's values. A target needs every output that an entry
-- for its OS makes for some arch (and a new OS every {os} output): gen refuses to
-- write anything while one has no template (gen/manifest.lua).
--
-- implements: field -> { value -> fields that value needs }: the values of a table field
-- the template handles; the schema accepts exactly those. requires: fields the template
-- reads whatever the values, so the schema requires them. stubs: stub -> the syscall it is
-- made from, for a stub not named after its syscall (gen/calls.lua checks that every stub
-- the C calls is made, and blames the missing syscall).
return {
  -- Entry point and rt0_go: argc/argv, g0 stack, CPUID, TLS, bootstrap calls.
  { template = "rt0_amd64.S", output = "rt0_{os}_{arch}.S", arch = "amd64", requires = { "cpuid" } },
  { template = "rt0_arm64.S", output = "rt0_{os}_{arch}.S", arch = "arm64" },
  { template = "rt0_darwin_arm64.S", output = "rt0_{os}_{arch}.S", os = "darwin", arch = "arm64" },
  { template = "rt0_ppc64le.S", output = "rt0_{os}_{arch}.S", arch = "ppc64le" },
  -- One stub per syscall in the table.
  { template = "sys_linux_amd64.S", output = "sys_{os}_{arch}.S", os = "linux", arch = "amd64",
    implements = { ["syscall_abi.error"] = { negative = {} } }, stubs = { clone_thread = "clone" } },
  { template = "sys_linux_arm64.S", output = "sys_{os}_{arch}.S", os = "linux", arch = "arm64",
    implements = { ["syscall_abi.error"] = { negative = {} } }, stubs = { clone_thread = "clone" } },
  { template = "sys_linux_ppc64le.S", output = "sys_{os}_{arch}.S", os = "linux", arch = "ppc64le",
    implements = { ["syscall_abi.error"] = { flag = {} } }, stubs = { clone_thread = "clone" } },
  -- Context switch, from the callee-saved register list.
  { template = "asm_amd64.S", output = "asm_{arch}.S", arch = "amd64" },
  { template = "asm_arm64.S", output = "asm_{arch}.S", arch = "arm64" },
  { template = "asm_ppc64le.S", output = "asm_{arch}.S", arch = "ppc64le" },
  -- osinit, sysargs and the OS services the core calls.
  { template = "os_linux.c", output = "os_{os}.c", os = "linux",
    implements = { ["link.mode"] = { freestanding = {}, hosted = {} } },
    requires = { "auxv", "auxv_fallback", "syscall_abi", "syscalls" } },
  { template = "os_darwin.c", output = "os_{os}.c", os = "darwin",
    implements = { ["link.mode"] = { hosted = {} } }, requires = { "apple", "libsystem" } },
  -- The network poller (poller.method) and sockets, and the sockaddr conversions that
  -- follow the layouts of structs.sockaddr_*.
  { template = "netpoll_epoll.c", output = "netpoll_{os}.c", os = "linux",
    implements = { ["poller.method"] = { epoll = {
      "syscalls.epoll_create1", "syscalls.epoll_ctl", "syscalls.epoll_pwait", "syscalls.eventfd2",
      "structs.epoll_event" } } } },
  { template = "net_linux.c", output = "net_{os}.c", os = "linux",
    requires = { "syscalls", "net", "structs.rlimit" } },
  { template = "net_darwin.c", output = "net_{os}.c", os = "darwin",
    implements = { ["poller.method"] = { kqueue = { "structs.kevent" } } },
    requires = { "libsystem", "net", "structs.rlimit" } },
  { template = "errno_text.c", output = "errno_text.c", requires = { "errno_text" } },
  { template = "net_sockaddr.c", output = "net_sockaddr.c",
    requires = { "structs.sockaddr_in", "structs.sockaddr_in6", "structs.sockaddr_un" } },
  -- Darwin's OS-independent logic (apple strings, sysctl results, timebase, ulock
  -- timeouts): pure C that tests/unit/test_os_darwin.c also compiles on Linux.
  { template = "os_darwin_logic.h", output = "os_darwin_logic.h", os = "darwin" },
  { template = "os_darwin_logic.c", output = "os_darwin_logic.c", os = "darwin" },
  -- Port diagnostics: does a call keep every callee-saved register? (rt_port.h)
  { template = "regcheck_amd64.S", output = "regcheck_{arch}.S", arch = "amd64" },
  { template = "regcheck_arm64.S", output = "regcheck_{arch}.S", arch = "arm64" },
  { template = "regcheck_ppc64le.S", output = "regcheck_{arch}.S", arch = "ppc64le" },
  -- Asynchronous preemption (issue 12): where a signal context keeps the interrupted
  -- registers (sigctx.*), the preempt/quit handlers, and the stub that saves every
  -- register around a preemption.
  { template = "sigctx.h", output = "sigctx.h" },
  { template = "signal_linux.c", output = "signal_{os}.c", os = "linux" },
  { template = "signal_darwin.c", output = "signal_{os}.c", os = "darwin" },
  { template = "preempt_amd64.S", output = "preempt_{os}_{arch}.S", arch = "amd64" },
  { template = "preempt_linux_arm64.S", output = "preempt_{os}_{arch}.S", os = "linux", arch = "arm64" },
  { template = "preempt_darwin_arm64.S", output = "preempt_{os}_{arch}.S", os = "darwin", arch = "arm64" },
  { template = "preempt_linux_ppc64le.S", output = "preempt_{os}_{arch}.S", os = "linux", arch = "ppc64le" },
  -- Every constant of the table, for C and asm.
  { template = "zdefs.h", output = "zdefs_{os}_{arch}.h" },
  -- Target identity and knobs for the core (link mode, stack sizes, ...).
  -- getg/setg per TLS method, a new goroutine's first frame, cpu_relax, cputicks.
  { template = "ztarget_amd64.h", output = "ztarget.h", arch = "amd64",
    implements = { ["tls.method"] = {
      arch_prctl = { "tls.arch_set_fs", "tls.base_adjust", "tls.check_value", "tls.settls_syscall",
        "syscalls.arch_prctl" },
      elf_tls = { "tls.check_value" },
      darwin_tsd = { "tls.tsd_slot", "tls.check_value" },
    } } },
  { template = "ztarget_arm64.h", output = "ztarget.h", arch = "arm64",
    implements = { ["tls.method"] = { tpidr_el0 = { "tls.base_adjust", "tls.check_value" },
      darwin_tsd = { "tls.tsd_slot", "tls.check_value" } } } },
  { template = "ztarget_ppc64le.h", output = "ztarget.h", arch = "ppc64le",
    implements = { ["tls.method"] = { thread_register = { "tls.register", "tls.base_adjust", "tls.check_value" } } } },
}
