-- Which template makes which generated file. For each target, gen renders every
-- entry whose os/arch (when given) match the target's; {os} and {arch} in output
-- are replaced by the target's values. An entry whose template does not exist
-- yet is skipped.
return {
  -- Entry point and rt0_go: argc/argv, g0 stack, CPUID, TLS, bootstrap calls.
  { template = "rt0_amd64.S", output = "rt0_{os}_{arch}.S", arch = "amd64" },
  { template = "rt0_arm64.S", output = "rt0_{os}_{arch}.S", arch = "arm64" },
  -- One stub per syscall in the table.
  { template = "sys_linux_amd64.S", output = "sys_{os}_{arch}.S", os = "linux", arch = "amd64" },
  { template = "sys_linux_arm64.S", output = "sys_{os}_{arch}.S", os = "linux", arch = "arm64" },
  -- Context switch, from the callee-saved register list.
  { template = "asm_amd64.S", output = "asm_{arch}.S", arch = "amd64" },
  { template = "asm_arm64.S", output = "asm_{arch}.S", arch = "arm64" },
  -- osinit, sysargs and the OS services the core calls.
  { template = "os_linux.c", output = "os_{os}.c", os = "linux" },
  { template = "os_darwin.c", output = "os_{os}.c", os = "darwin" },
  -- The network poller and sockets: epoll or kqueue (poller.method), and the sockaddr
  -- layouts of structs.sockaddr_*.
  { template = "netpoll_epoll.c", output = "netpoll_epoll.c", os = "linux" },
  { template = "net_linux.c", output = "net_{os}.c", os = "linux" },
  { template = "net_darwin.c", output = "net_{os}.c", os = "darwin" },
  { template = "net_sockaddr.c", output = "net_sockaddr.c" },
  -- Darwin's OS-independent logic (apple strings, sysctl results, timebase, ulock
  -- timeouts): pure C that tests/unit/test_os_darwin.c also compiles on Linux.
  { template = "os_darwin_logic.h", output = "os_darwin_logic.h", os = "darwin" },
  { template = "os_darwin_logic.c", output = "os_darwin_logic.c", os = "darwin" },
  -- Port diagnostics: does a call keep every callee-saved register? (rt_port.h)
  { template = "regcheck_amd64.S", output = "regcheck_{arch}.S", arch = "amd64" },
  { template = "regcheck_arm64.S", output = "regcheck_{arch}.S", arch = "arm64" },
  -- Asynchronous preemption (issue 12): where a signal context keeps the interrupted
  -- registers (sigctx.*), the preempt/quit handlers, and the stub that saves every
  -- register around a preemption.
  { template = "sigctx.h", output = "sigctx.h" },
  { template = "signal_linux.c", output = "signal_{os}.c", os = "linux" },
  { template = "signal_darwin.c", output = "signal_{os}.c", os = "darwin" },
  { template = "preempt_amd64.S", output = "preempt_{arch}.S", arch = "amd64" },
  { template = "preempt_linux_arm64.S", output = "preempt_{os}_{arch}.S", os = "linux", arch = "arm64" },
  -- Every constant of the table, for C and asm.
  { template = "zdefs.h", output = "zdefs_{os}_{arch}.h" },
  -- Target identity and knobs for the core (link mode, stack sizes, ...).
  -- getg/setg per TLS method, a new goroutine's first frame, cpu_relax, cputicks.
  { template = "ztarget.h", output = "ztarget.h", arch = "amd64" },
  { template = "ztarget_arm64.h", output = "ztarget.h", arch = "arm64" },
}
