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

  -- sync (channels, select, mutex, wait group)

}
