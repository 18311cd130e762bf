-- End-to-end cases run by `lua5.4 build.lua test`: each program is built with
-- `build.lua cc` in every mode (freestanding, libc, debug) and run once per GOMAXPROCS in
-- procs (or once with it unset). Fields: name, src, args, env, stdout (exact),
-- stdout_match / stderr_match (Lua patterns), exit (default 0), procs, modes, timeout.
return {
  -- bootstrap
  { name = "hello", src = "examples/hello.c", stdout = "hello, world\n" },
  { name = "workers", src = "examples/workers.c", procs = { 1, 2, 4 },
    stdout = "10000 jobs, 517380 primes counted, 8 workers\n" },
  { name = "args", src = "tests/e2e/args.c", args = { "one", "two words", "" },
    stdout = "argc=4\nargv[1]=one\nargv[2]=two words\nargv[3]=\n", exit = 44 },

  -- a program may reuse the runtime's internal names
  { name = "name_clash", src = "tests/e2e/name_clash.c", stdout = "sum=9\n" },

  -- port diagnostics: callee-saved registers survive switches and every syscall stub
  { name = "regcheck", src = "tests/e2e/regcheck.c", procs = { 1, 2, 4 }, stdout = "clobbered mask: 0\n" },

  -- rt_print loses nothing: a full non-blocking pipe is waited on, and a write that fails
  -- for good is reported once (raw Linux syscalls, tests/support/rawsys.h: Linux targets)
  { name = "print_nonblock", src = "tests/e2e/print_nonblock.c", procs = { 1, 2, 4 },
    targets = { "linux-amd64", "linux-arm64", "linux-ppc64le" }, stdout = "bytes 1048576 of 1048576, 0 wrong\n" },
  { name = "print_closed", src = "tests/e2e/print_nonblock.c", args = { "closed" },
    targets = { "linux-amd64", "linux-arm64", "linux-ppc64le" },
    stderr_match = "^rt: write to fd 1 failed %(errno 9%); output to it is lost\n$" },

  -- a frame larger than the guard does not jump it into the stack below (issue 13 item 1:
  -- -fstack-clash-protection, or a guard larger than any frame the compiler accepts)
  { name = "stack_clash", src = "tests/e2e/stack_clash.c", exit = 2,
    stderr_match = "^fatal error: stack overflow: goroutine %d+ ran into the guard page below its stack\n" },
  -- stack overflow and fatal signals: the check that caught it is named
  { name = "overflow_guard_page", src = "tests/e2e/stack_overflow.c", args = { "guard" }, exit = 2,
    stderr_match = "^fatal error: stack overflow: goroutine (%d+) ran into the guard page below its stack\n\n"
      -- the walk ends cleanly: elided past MAX_FRAMES, or at the goroutine's first frame
      -- where frames are large enough (ppc64le) that fewer fit before the guard
      .. "goroutine %1 %[running%]:\ndepth%+0x%x+ pc=0x%x+\ndepth%+0x%x+ pc=0x%x+\n.-"
      .. "\n\nfile:line: llvm%-symbolizer %-%-obj=%S+ 0x%x+" },
  { name = "overflow_canary", src = "tests/e2e/stack_overflow.c", args = { "canary" }, exit = 2,
    modes = { "unguarded" },
    -- The canary or the saved SP under the stack guard, checked at the switch; or the
    -- canary, checked by sysmon while the goroutine runs: whichever comes first.
    stderr_match = "^fatal error: stack overflow: goroutine %d+ [^\n]*%((%a+)%)\n\n" },
  { name = "traceback_corrupt_chain", src = "tests/e2e/stack_overflow.c", args = { "corrupt" }, exit = 2,
    stderr_match = "^fatal error: unexpected signal 11 at address 0x0 in goroutine (%d+)\n\n"
      -- (where the return address lives in the caller's frame, ppc64le, the corrupt link
      -- leaves no caller line before the note)
      .. "goroutine %1 %[running%]:\ncorrupt_chain%+0x%x+ pc=0x%x+\n.-"
      .. "%.%.%.frame chain corrupt at 0x%x+ %(next frame 0x10 is not above it%)\n" },
  { name = "unexpected_signal", src = "tests/e2e/stack_overflow.c", args = { "nil" }, exit = 2,
    stderr_match = "^fatal error: unexpected signal 11 at address 0x0 in goroutine (%d+)\n\n"
      .. "goroutine %1 %[running%]:\nrun%+0x%x+ pc=0x%x+\ngostart%+0x" },

  -- misuse is a fatal error in the user's words, never a crash in the runtime's internals
  { name = "misuse_ctor", src = "tests/e2e/misuse_ctor.c", exit = 2,
    stderr_match = "^fatal error: rt_chan_new called before the runtime started %(from a constructor%?%)" },
  { name = "misuse_ctor_go", src = "tests/e2e/misuse_ctor_go.c", exit = 2,
    stderr_match = "^fatal error: rt_go called before the runtime started" },
  { name = "misuse_foreign_thread", src = "tests/e2e/misuse_foreign.c", modes = { "libc" }, exit = 2,
    targets = { "linux-amd64" }, -- pthread.h: a hosted Linux build here
    stderr_match = "^fatal error: rt_print called on a thread the runtime did not start %(a foreign thread%)" },
  { name = "chan_double_free", src = "tests/e2e/misuse.c", args = { "double-free" }, exit = 2,
    stderr_match = "^fatal error: free of a freed channel\n\ngoroutine 1 %[running%]:\n" },
  { name = "chan_free_after_reuse", src = "tests/e2e/misuse.c", args = { "free-after-reuse" }, exit = 2,
    modes = { "debug" }, stderr_match = "^fatal error: free of a freed channel\n\ngoroutine 1 %[running%]:\n" },
  { name = "select_negative_cases", src = "tests/e2e/misuse.c", args = { "select-negative" }, exit = 2,
    stderr_match = "^fatal error: select: negative case count %-1\n\ngoroutine %d+ %[running%]:\n" },
  { name = "chan_absurd_elem_size", src = "tests/e2e/misuse.c", args = { "chan-elem" }, exit = 2,
    stderr_match = "^fatal error: makechan: element size 1099511627776 out of range" },
  { name = "chan_absurd_cap", src = "tests/e2e/misuse.c", args = { "chan-cap" }, exit = 2,
    stderr_match = "^fatal error: makechan: size out of range" },
  { name = "print_width_precision", src = "tests/e2e/misuse.c", args = { "print-format" },
    stdout = "[   42] [7   ] [abc] [xy] [   he]\n" },

  -- scheduler
  { name = "sched_spawn", src = "tests/e2e/sched_spawn.c", procs = { 1, 2, 4 },
    stdout = "spawned 1000000, done 1000000, live 1\n" },
  -- A million goroutines alive at once (about 4 GB of touched stack pages): once, natively.
  { name = "sched_million", src = "tests/e2e/sched_million.c", procs = { 2 }, modes = { "freestanding" },
    targets = { "linux-amd64" }, stdout = "live: 1000001\njoined 1000000\n", timeout = 120 },
  { name = "sched_yield", src = "tests/e2e/sched_yield.c", procs = { 1, 2, 4 },
    stdout = "ok: 8 workers x 20000 yields\n" },
  { name = "sched_sleep", src = "tests/e2e/sched_sleep.c", procs = { 1, 2, 4 },
    stdout = "ok: 200 sleepers\n" },
  { name = "sched_gomaxprocs", src = "tests/e2e/sched_gomaxprocs.c", procs = { 1, 2, 4 },
    stdout = "ok: 19998 goroutines ran across 6 resizes\n" },
  { name = "locked_exit", src = "tests/e2e/locked_exit.c", procs = { 1, 2, 4 },
    targets = { "linux-amd64", "linux-arm64", "linux-ppc64le" }, stdout = "goroutines on an exited locked thread: 0\n" },
  { name = "syscall_enter_twice", src = "tests/e2e/syscall_misuse.c", args = { "twice" }, exit = 2,
    stderr_match = "^fatal error: rt_syscall_enter called twice without rt_syscall_exit\n\n"
      .. "goroutine 1 %[running%]:\nfatalf?%+0x.-\nrt_syscall_enter%+0x%x+ pc=0x%x+\n"
      .. "rt_main%+0x%x+ pc=0x%x+\nruntime_main%+0x" },
  { name = "syscall_exit_alone", src = "tests/e2e/syscall_misuse.c", args = { "exit" }, exit = 2,
    stderr_match = "^fatal error: rt_syscall_exit without rt_syscall_enter\n\ngoroutine 1 %[" },
  { name = "syscall_block_inside", src = "tests/e2e/syscall_misuse.c", args = { "sleep" }, exit = 2,
    stderr_match = "^fatal error: a goroutine tried to block on a channel, lock, wait group or sleep "
      .. "between rt_syscall_enter and rt_syscall_exit %(leave the blocking section first%)\n\n" },
  { name = "syscall_go_inside", src = "tests/e2e/syscall_misuse.c", args = { "go" }, exit = 2,
    stderr_match = "^fatal error: a goroutine tried to start a goroutine between rt_syscall_enter" },
  { name = "syscall_yield_inside", src = "tests/e2e/syscall_misuse.c", args = { "yield" }, exit = 2,
    stderr_match = "^fatal error: a goroutine tried to yield between rt_syscall_enter" },
  { name = "syscall_chan_inside", src = "tests/e2e/syscall_misuse.c", args = { "chan" }, exit = 2,
    stderr_match = "^fatal error: a goroutine tried to use a channel between rt_syscall_enter" },
  { name = "sleep_forever", src = "tests/e2e/sleep_forever.c", procs = { 1, 2 }, stdout = "woke early: 0\n" },
  { name = "sched_init", src = "tests/e2e/sched_init.c", stdout = "inits=2 order=1,2\n" },
  -- Raw Linux syscalls in the test itself: Linux targets only.
  { name = "sched_syscall", src = "tests/e2e/sched_syscall.c", procs = { 1, 2 },
    targets = { "linux-amd64", "linux-arm64", "linux-ppc64le" },
    stdout = "ok: others ran while a goroutine was in a syscall\n" },
  { name = "sched_preempt", src = "tests/e2e/sched_preempt.c", procs = { 1 }, stdout = "ok: preempted\n" },
  { name = "sched_spawn_hog", src = "tests/e2e/sched_spawn_hog.c", procs = { 1, 2 },
    env = { RTDEBUG = "preemptns=1000000" }, modes = { "freestanding", "debug" },
    stdout = "ok: the spawner's children ran when it was preempted\n" },
  -- asynchronous preemption (issue 12): a loop with no calls is preempted by signal; the
  -- stub keeps every FP/vector register (thousands of preemptions at a 100 µs quantum);
  -- hosted, no preemption lands inside libc.
  { name = "preempt_spin", src = "tests/e2e/preempt_spin.c", procs = { 1, 2, 4 }, timeout = 30,
    needs = { "sigctx.async_preempt" },
    stdout = "main woke beside a spinning goroutine\n" },
  { name = "preempt_fp", src = "tests/e2e/preempt_fp.c", env = { RTDEBUG = "preemptns=100000" }, timeout = 60,
    needs = { "sigctx.async_preempt" },
    stdout = "fp: 0 mismatches across at least 2000 preemptions\n" },
  { name = "preempt_libc", src = "tests/e2e/preempt_libc.c", modes = { "libc" }, timeout = 60,
    targets = { "linux-amd64" }, -- libc headers and dladdr: hosted Linux
    needs = { "sigctx.async_preempt" }, -- off under the sanitizer variants
    env = { RTDEBUG = "preemptns=1000000" },
    stdout = "preemptions checked: enough, outside the program: 0, declined: some, neighbour ran: yes\n" },
  { name = "gomaxprocs_env", src = "tests/e2e/sched_env.c", env = { GOMAXPROCS = "3" },
    stdout = "procs=3\n" },
  -- Values that are not a positive integer are ignored: ncpu is used.
  { name = "gomaxprocs_env_zero", src = "tests/e2e/sched_env.c", env = { GOMAXPROCS = "0" },
    stdout_match = "^procs=[1-9]%d*\n$" },
  { name = "gomaxprocs_env_garbage", src = "tests/e2e/sched_env.c", env = { GOMAXPROCS = "12abc" },
    stdout_match = "^procs=[1-9]%d*\n$" },
  { name = "gomaxprocs_env_negative", src = "tests/e2e/sched_env.c", env = { GOMAXPROCS = "-1" },
    stdout_match = "^procs=[1-9]%d*\n$" },
  { name = "schedtrace", src = "tests/e2e/sched_env.c", args = { "wait" },
    env = { RTDEBUG = "schedtrace=100", GOMAXPROCS = "2" },
    stderr_match = "SCHED %d+ms: gomaxprocs=2 idleprocs=%d+ threads=%d+ spinningthreads=%d+ "
      .. "idlethreads=%d+ runqueue=%d+ %[%d+ %d+%]" },
  { name = "rtdebug_unknown_key", src = "tests/e2e/sched_env.c",
    env = { RTDEBUG = "bogus=1", GOMAXPROCS = "1" },
    stdout = "procs=1\n", stderr_match = "^rt: RTDEBUG: unknown setting 'bogus' ignored\n$" },

  -- the soak program (build.lua soak) in one small round: checksummed channel traffic,
  -- goroutine churn, timers + mutex + select
  { name = "soak_smoke", src = "tests/soak/soak.c", args = { "1", "smoke" }, procs = { 1, 2, 4 },
    targets = { "linux-amd64", "linux-arm64", "linux-ppc64le" }, timeout = 60,
    stdout = "ok: 1 round(s), 400000 channel ops, 10000 goroutines churned, 1280 mixed ops\n" },

  -- sync (channels, select, mutex, wait group)
  { name = "chan_unbuffered", src = "tests/e2e/chan_unbuffered.c", stdout = "ok chan_unbuffered\n",
    procs = { 1, 2, 4 }, timeout = 20 },
  { name = "chan_buffered", src = "tests/e2e/chan_buffered.c", stdout = "ok chan_buffered\n",
    procs = { 1, 2, 4 }, timeout = 20 },
  -- park_util.h's go_parked with sysmon preempting every 100 µs: a goroutine preempted
  -- between arrive() and its park (debug variant under qemu: 14 failures in 60 runs before
  -- go_parked yielded after the arrival)
  { name = "chan_buffered_preempted", src = "tests/e2e/chan_buffered.c", stdout = "ok chan_buffered\n",
    procs = { 1 }, env = { RTDEBUG = "preemptns=100000" }, modes = { "debug" }, timeout = 30 },
  { name = "chan_send_closed", src = "tests/e2e/chan_fatal.c", args = { "send-closed" },
    stderr_match = "fatal error: send on closed channel", exit = 2 },
  { name = "chan_send_closed_while_blocked", src = "tests/e2e/chan_fatal.c", args = { "send-blocked" },
    stderr_match = "fatal error: send on closed channel", exit = 2, procs = { 1, 2 } },
  { name = "chan_close_closed", src = "tests/e2e/chan_fatal.c", args = { "close-closed" },
    stderr_match = "fatal error: close of closed channel", exit = 2 },
  { name = "chan_close_nil", src = "tests/e2e/chan_fatal.c", args = { "close-nil" },
    stderr_match = "fatal error: close of nil channel", exit = 2 },
  { name = "chan_prodcons", src = "tests/e2e/chan_prodcons.c", stdout = "ok chan_prodcons\n",
    procs = { 1, 2, 4 }, timeout = 30 },
  -- its 40-case select holds more channel locks than the debug variant's lock-rank table
  { name = "select_basic", src = "tests/e2e/select_basic.c", stdout = "ok select_basic\n",
    procs = { 1, 2, 4 }, timeout = 20 },
  { name = "select_random", src = "tests/e2e/select_random.c", stdout = "ok select_random\n",
    procs = { 1, 2 }, timeout = 20 },
  { name = "select_stress", src = "tests/e2e/select_stress.c", stdout = "ok select_stress\n",
    procs = { 1, 2, 4 }, timeout = 30 },
  { name = "select_swap", src = "tests/e2e/select_swap.c", stdout = "ok select_swap\n",
    procs = { 1, 2, 4 }, timeout = 30 },
  { name = "mutex_bank", src = "tests/e2e/mutex_bank.c", stdout = "ok mutex_bank\n",
    procs = { 1, 2, 4 }, timeout = 30 },
  { name = "mutex_fairness", src = "tests/e2e/mutex_fairness.c", stdout = "ok mutex_fairness\n",
    procs = { 1, 2, 4 }, timeout = 20 },
  { name = "mutex_unlock_unlocked", src = "tests/e2e/mutex_fatal.c",
    stderr_match = "fatal error: sync: unlock of unlocked mutex", exit = 2 },
  { name = "wg_join", src = "tests/e2e/wg_join.c", stdout = "ok wg_join\n", procs = { 1, 2, 4 }, timeout = 30 },
  { name = "wg_negative", src = "tests/e2e/wg_negative.c",
    stderr_match = "fatal error: sync: negative WaitGroup counter", exit = 2 },
  { name = "deadlock_recv", src = "tests/e2e/sync_deadlock.c", args = { "recv" },
    stderr_match = "fatal error: all goroutines are asleep %- deadlock!", exit = 2, procs = { 1, 2, 4 } },
  -- the deadlock report lists every goroutine, main first among them with its frames
  { name = "deadlock_traceback", src = "tests/e2e/sync_deadlock.c", args = { "recv" }, exit = 2,
    stderr_match = "^fatal error: all goroutines are asleep %- deadlock!\n\nruntime stack:\n.-\n\n"
      .. "goroutine 1 %[chan receive%]:\n[^\n]*\n.-rt_main%+0x%x+ pc=0x%x+\nruntime_main%+0x.-"
      .. "goroutine 2 %[chan receive%]:\n" },
  { name = "deadlock_traceback_none", src = "tests/e2e/sync_deadlock.c", args = { "recv" }, exit = 2,
    env = { RTDEBUG = "traceback=none" }, stderr_match = "^fatal error: all goroutines are asleep %- deadlock!\n$" },
  -- the quit signal prints every goroutine and exits 2, as Go's SIGQUIT
  { name = "sigquit", src = "tests/e2e/sigquit.c", exit = 2, procs = { 1, 2 },
    stderr_match = "^SIGQUIT: quit\nPC=0x%x+ m=%d+\n\ngoroutine 1 %[running%]:\n.-rt_main%+0x.-"
      .. "goroutine %d+ %[chan receive%]:\n.-blocker%+0x.-goroutine %d+ %[sleep, locked to thread%]:\n.-"
      .. "sleeper%+0x.-\nfile:line: llvm%-symbolizer" },
  { name = "deadlock_nil_chan", src = "tests/e2e/sync_deadlock.c", args = { "nil" },
    stderr_match = "fatal error: all goroutines are asleep %- deadlock!", exit = 2 },
  { name = "deadlock_empty_select", src = "tests/e2e/sync_deadlock.c", args = { "select" },
    stderr_match = "fatal error: all goroutines are asleep %- deadlock!", exit = 2 },
  { name = "deadlock_mutex", src = "tests/e2e/sync_deadlock.c", args = { "mutex" },
    stderr_match = "fatal error: all goroutines are asleep %- deadlock!", exit = 2 },
  { name = "deadlock_wg", src = "tests/e2e/sync_deadlock.c", args = { "wg" },
    stderr_match = "fatal error: all goroutines are asleep %- deadlock!", exit = 2 },
  { name = "deadlock_locked", src = "tests/e2e/sync_deadlock.c", args = { "locked" },
    stderr_match = "fatal error: all goroutines are asleep %- deadlock!", exit = 2, procs = { 1, 2 } },
  { name = "sync_locked", src = "tests/e2e/sync_locked.c", stdout = "ok sync_locked\n",
    procs = { 1, 2, 4 }, timeout = 30 },
  { name = "sieve", src = "examples/sieve.c", stdout_match = "^2\n3\n5\n7\n.*\n523\n541\n$",
    procs = { 1, 2, 4 } },
  { name = "sieve_1000", src = "examples/sieve.c", args = { "1000" }, stdout_match = "\n7919\n$",
    procs = { 1, 2 } },

  -- Network I/O (issue 11): examples/echo.c and examples/httpd.c with their clients in one
  -- process. The 1000-client load (200k syscalls, a few seconds) runs at every P count
  -- once, freestanding; on libc and under qemu (6 s there) at 2 Ps.
  { name = "net_echo_load", src = "tests/e2e/net_echo_load.c", procs = { 1, 2, 4 }, targets = { "linux-amd64" },
    modes = { "freestanding" }, stdout = "1000 clients x 100 messages: 0 failed, checksums match\n" },
  { name = "net_echo_load", src = "tests/e2e/net_echo_load.c", procs = { 2 }, targets = { "linux-amd64" },
    modes = { "libc" }, stdout = "1000 clients x 100 messages: 0 failed, checksums match\n" },
  { name = "net_echo_load", src = "tests/e2e/net_echo_load.c", procs = { 2 }, targets = { "linux-arm64" },
    stdout = "1000 clients x 100 messages: 0 failed, checksums match\n", timeout = 120 },
  { name = "net_stall", src = "tests/e2e/net_stall.c", procs = { 1, 2, 4 },
    stdout = "others served: 20 of 20\nstalled client cut off by the server: yes\n" },
  { name = "net_halfclose", src = "tests/e2e/net_halfclose.c", procs = { 1, 2, 4 },
    stdout = "half-closed clients echoed whole: 50 of 50\n"
      .. "peer half-closed: read 0, write back 5, received 5 intact\n" },
  { name = "net_close_wakes", src = "tests/e2e/net_close_wakes.c", procs = { 1, 2, 4 },
    stdout = "reader 0: RT_ECLOSED\nreader 1: RT_ECLOSED\nreader 2: RT_ECLOSED\nwriter 0: RT_ECLOSED\n"
      .. "acceptor 0: RT_ECLOSED\nacceptor 1: RT_ECLOSED\nread after close: fails as closed\n"
      .. "peer of the reader reads: 0\n" },
  { name = "net_close_last", src = "tests/e2e/net_close_last.c", procs = { 1, 2, 4 },
    stdout = "1 readers: 1 woke with RT_ECLOSED, the peer sees end of file\n"
      .. "2 readers: 2 woke with RT_ECLOSED, the peer sees end of file\n"
      .. "3 readers: 3 woke with RT_ECLOSED, the peer sees end of file\n"
      .. "1 writers: 1 woke with RT_ECLOSED, the peer sees end of file\n" },
  { name = "net_deadline", src = "tests/e2e/net_deadline.c", procs = { 1, 2, 4 },
    stdout = "no deadline, then 80 ms: RT_ETIMEOUT\nfar, then in the past: RT_ETIMEOUT\n"
      .. "far, then 80 ms: RT_ETIMEOUT\n250 ms, then far (data comes): data\n"
      .. "250 ms, then cleared (data comes): data\n"
      .. "past deadline: read RT_ETIMEOUT, write RT_ETIMEOUT; cleared: write ok\n"
      .. "race: 2000 of 2000 reads timed out\n" },
  -- setrlimit and dup from libc: hosted only.
  { name = "net_emfile", src = "tests/e2e/net_emfile.c", procs = { 1, 2, 4 }, modes = { "libc" },
    targets = { "linux-amd64" },
    stdout_match = "^httpd: accept: too many open files %(EMFILE%); retrying in 5 ms\n"
      .. "httpd: accept: [^\n]*; retrying in 10 ms\n.*"
      .. "cpu while the server backed off: low\n.*served once fds were free: yes\n$" },
  { name = "net_http", src = "tests/e2e/net_http.c", procs = { 1, 2, 4 },
    stdout = "slowloris: closed by the server\nidle keep-alive: closed by the server\nGET /: 200 hello\n"
      .. "HEAD /: no body\npipelined, then HTTP/1.0 closes: 200 404 200 200\na byte at a time: 200\n"
      .. "heads over 1 KiB, pipelined with small ones: 200 404 200 200 200\n"
      .. "keep-alive: 100 of 100\ncorpus: 43 of 43 answered as listed\nstill serving: 200\n" },


  -- The small runtime (16 KiB stacks, 64 threads) must run scheduling, timers, procresize,
  -- channels, select, mutexes and the network too. (The debug variant runs every case.)
  { name = "hello", src = "examples/hello.c", stdout = "hello, world\n", modes = { "small" } },
  { name = "sched_yield", src = "tests/e2e/sched_yield.c", procs = { 1, 4 }, modes = { "small" },
    stdout = "ok: 8 workers x 20000 yields\n" },
  { name = "sched_gomaxprocs", src = "tests/e2e/sched_gomaxprocs.c", procs = { 2 }, modes = { "small" },
    stdout = "ok: 19998 goroutines ran across 6 resizes\n" },
  { name = "sched_sleep", src = "tests/e2e/sched_sleep.c", procs = { 2 }, modes = { "small" },
    stdout = "ok: 200 sleepers\n" },
  { name = "select_stress", src = "tests/e2e/select_stress.c", stdout = "ok select_stress\n",
    procs = { 4 }, modes = { "small" }, timeout = 60 },
  { name = "mutex_bank", src = "tests/e2e/mutex_bank.c", stdout = "ok mutex_bank\n",
    procs = { 2 }, modes = { "small" }, timeout = 60 },
  { name = "sieve", src = "examples/sieve.c", stdout_match = "\n523\n541\n$", procs = { 2 },
    modes = { "small" } },
  -- httpd's 8 KiB buffer for long heads (serve_big) fits the small variant's 16 KiB stacks.
  { name = "net_http", src = "tests/e2e/net_http.c", procs = { 2 }, modes = { "small" },
    targets = { "linux-amd64" }, stdout_match = "\ncorpus: 43 of 43 answered as listed\nstill serving: 200\n$" },
}
