-- End-to-end cases run by `lua5.4 build.lua test`: each program is built with
-- `build.lua cc` in every mode (freestanding, libc) and run once per GOMAXPROCS in
-- procs (or once with it unset). Fields: name, src, args, env, stdout (exact),
-- stdout_match / stderr_match (Lua patterns), exit (default 0), procs, modes, timeout.
return {
  -- bootstrap
  { name = "hello", src = "examples/hello.c", stdout = "hello, world\n" },
  { name = "args", src = "tests/e2e/args.c", args = { "one", "two words", "" },
    stdout = "argc=4\nargv[1]=one\nargv[2]=two words\nargv[3]=\n", exit = 44 },

  -- scheduler
  { name = "sched_spawn", src = "tests/e2e/sched_spawn.c", procs = { 1, 2, 4 },
    stdout = "spawned 1000000, done 1000000, live 1\n" },
  { name = "sched_yield", src = "tests/e2e/sched_yield.c", procs = { 1, 2, 4 },
    stdout = "ok: 8 workers x 20000 yields\n" },
  { name = "sched_sleep", src = "tests/e2e/sched_sleep.c", procs = { 1, 2, 4 },
    stdout = "ok: 200 sleepers\n" },
  { name = "sched_gomaxprocs", src = "tests/e2e/sched_gomaxprocs.c", procs = { 1, 2, 4 },
    stdout = "ok: 19998 goroutines ran across 6 resizes\n" },
  { name = "sched_init", src = "tests/e2e/sched_init.c", stdout = "inits=2 order=1,2\n" },
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

  -- sync (channels, select, mutex, wait group)

}
