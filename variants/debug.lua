-- debug: a runtime that checks itself and is easy to step through. Turns on the
-- runtime assertions (runtime-core/debug.c, compiled in by RT_DEBUG in zdefs): every
-- runtime lock has a rank and must be taken in rank order, never twice and released
-- only by its holder; every goroutine stack carries a canary word at each end, written
-- when the stack is bound and checked at every switch away from the goroutine. Built
-- at -O0 with full debug info. Slower: for finding bugs, not for measuring.
return {
  debug = { checks = true },
  -- Replaces the target's cflags (lists are replaced whole): -O0 after the default -O2 wins.
  cflags = { "-O0", "-g" },
}
