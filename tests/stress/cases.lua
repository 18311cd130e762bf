-- Stress programs (tests/stress/*.c), each aimed at a race in the scheduler's blocking
-- paths. `build.lua test` runs a bounded pass; `build.lua stress --minutes N` runs them
-- for as long as asked. Every program gets a seed as argv[1], prints a line starting
-- "ok" and exits 0; a hang becomes a failure naming program, variant, GOMAXPROCS, seed.
-- Fields: name, src, procs (default 2, 4, 8), timeout (seconds, default 20).
return {
  { name = "locked_syscall", src = "tests/stress/locked_syscall.c" },
  { name = "syscall_loop", src = "tests/stress/syscall_loop.c", procs = { 1, 2, 4, 8 } },
  { name = "gomaxprocs_race", src = "tests/stress/gomaxprocs_race.c" },
  { name = "timer_busy", src = "tests/stress/timer_busy.c" },
  { name = "stuck_timers", src = "tests/stress/stuck_timers.c" },
  { name = "exit_busy", src = "tests/stress/exit_busy.c" },
  -- the paths around them: park/ready, run-queue overflow and stealing, select and close
  { name = "park_ring", src = "tests/stress/park_ring.c" },
  { name = "runq_storm", src = "tests/stress/runq_storm.c" },
  { name = "select_close", src = "tests/stress/select_close.c" },
  -- direct goroutine-to-goroutine switches (yield, park after readying, exit, handoff)
  { name = "direct_switch", src = "tests/stress/direct_switch.c", procs = { 1, 2, 4, 8 } },
  -- channel locks without atomics at one P, while the P count flips between one and more
  { name = "chan_resize", src = "tests/stress/chan_resize.c", procs = { 1, 2, 8 } },
  -- the network poller: parked reads woken by data, deadlines and closes from elsewhere
  { name = "net_race", src = "tests/stress/net_race.c" },
  -- the first fd, opened while the timer waiter sleeps on its wake word, is polled at once
  { name = "first_fd", src = "tests/stress/first_fd.c", procs = { 1, 2, 4 } },
  -- calls on a number racing its close and reuse never reach another fd (net.c ABA)
  { name = "fd_reuse", src = "tests/stress/fd_reuse.c" },
  -- Also run once under strace by the suite: an idle program makes no syscalls.
  { name = "idle", src = "tests/stress/idle.c", procs = { 2 } },
}
