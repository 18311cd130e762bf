-- small: a compact runtime for programs with many goroutines that stay shallow. It
-- trades stack depth for memory: 16 KiB goroutine stacks (a quarter of the default,
-- so a goroutine that recurses deeply or keeps big arrays on its stack overflows four
-- times sooner), 16 KiB g0 stacks for m0 and for new Ms (the scheduler's own frames
-- are small; deep C code on g0 is not), at most 64 threads (blocking calls beyond
-- that are fatal: "thread exhaustion"), and no huge-page probing at start-up (one
-- file read less; the runtime never asks for huge pages then).
return {
  stacks = { default_size = 16 * 1024, m_g0_size = 16 * 1024 },
  g0 = { size = 16 * 1024 },
  sched = { maxmcount = 64 },
  osinit = { huge_pages = false },
}
