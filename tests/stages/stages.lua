-- The stages a port comes up in, in order (docs/porting.md). `lua5.4 build.lua status`
-- builds and runs each for a target. link = "partial": the stage file and support.c
-- linked with the generated layer's objects only (rt0, syscall stubs, context switch,
-- os_<os>.c, and the core's vdso, fmt and env scanner); "full": the whole runtime.
-- Fields: name, src, link, what (one line), args, stdout (exact) or stdout_match (a Lua
-- pattern), exit (default 0), env.
return {
  { name = "exit", src = "tests/stages/s1_exit.c", link = "partial", exit = 42,
    what = "rt0 is the entry, carves g0, calls check..mstart in order; exit code 42" },
  { name = "write", src = "tests/stages/s2_write.c", link = "partial", stdout = "hello from rt0\n",
    what = "the write syscall stub (or the OS layer's write) reaches stdout" },
  { name = "args", src = "tests/stages/s3_args.c", link = "partial", args = { "one", "two words" },
    stdout = "argc=3\nargv[1]=one\nargv[2]=two words\npage size ok\nrandom seed ok\n",
    what = "argc/argv arrive; sysargs reads the auxv (page size, AT_RANDOM)" },
  { name = "tls", src = "tests/stages/s4_tls.c", link = "partial", stdout = "tls ok\n",
    what = "rt0's TLS set-up and check; getg/setg round-trip" },
  { name = "switch", src = "tests/stages/s5_switch.c", link = "partial",
    stdout = "switch ok: 2000 round trips\n",
    what = "an mmap'd, guarded goroutine stack; ctx_init, ctx_switch_call, ctx_resume, ctx_switch" },
  { name = "threads", src = "tests/stages/s6_threads.c", link = "partial",
    stdout = "threads ok: 3 threads started and woke g0\n",
    what = "os_newosproc threads find their own g; futex sleep and wake" },
  { name = "timers", src = "tests/stages/s7_timers.c", link = "partial",
    stdout_match = "^timers ok: nanotime, usleep, futexsleep timeout\n", report = "^.-\nclock: ([^\n]+)",
    what = "monotonic nanotime (vDSO or syscall), usleep, futexsleep with a timeout" },
  { name = "sched", src = "tests/stages/s8_sched.c", link = "full", env = { GOMAXPROCS = "2" },
    stdout = "sched ok: 200 goroutines yielded, slept and finished\n",
    what = "the whole runtime: goroutines over 2 Ps, yield, sleep, exit code" },
  { name = "chan", src = "tests/stages/s9_chan.c", link = "full", env = { GOMAXPROCS = "2" },
    stdout_match = "^chan ok: ",
    what = "channels, select, mutex and wait group across Ps" },
}
