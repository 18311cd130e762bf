-- tsan: ThreadSanitizer over the runtime's programs (hosted: TSan needs libc and
-- pthreads). `build.lua cc --variant tsan prog.c` compiles and links the program with
-- -fsanitize=thread. The runtime is compiled with the sanitizer on but its instrumentation
-- off, as Go's runtime is under -race: TSan sees the program's accesses, and the runtime
-- tells it (runtime-core/sanitizer.h) which goroutine runs (a TSan fiber per goroutine,
-- switched at every goroutine switch) and the happens-before edges it makes (goroutine
-- start, channels, mutex, wait group). The scheduler's own lock-free words stay unseen:
-- their order comes from raw futex syscalls TSan cannot follow, and seeing them would
-- order every goroutine after every other through the run queues, hiding real races.
-- async_preempt = false: TSan's own code is linked into the program's text, so the
-- preempt handler would take it for the program's and may stop a goroutine inside it,
-- in the middle of TSan's bookkeeping; preemption stays cooperative.
-- Composes with debug in either order (--variant debug,tsan).
return {
  -- Like libc: it makes a freestanding target hosted; an always-hosted target (Darwin)
  -- keeps its own TLS method and entry, which this would replace.
  only = { ["link.mode"] = "freestanding" },
  link = { mode = "hosted" },
  entry = { symbol = "main", args = "registers" },
  tls = { method = "elf_tls" },
  threads = { method = "pthread" },
  sigctx = { async_preempt = false },
  sanitizer = {
    runtime_cflags = { "-fsanitize=thread", "-mllvm", "-tsan-instrument-memory-accesses=0",
      "-mllvm", "-tsan-instrument-func-entry-exit=0", "-mllvm", "-tsan-instrument-atomics=0",
      "-mllvm", "-tsan-instrument-memintrinsics=0" },
    program_cflags = { "-fsanitize=thread" },
  },
}
