-- asan: AddressSanitizer over the runtime and its programs (hosted: ASan needs libc).
-- `build.lua cc --variant asan prog.c` compiles and links the program with
-- -fsanitize=address. Goroutine switches are announced to ASan through its fiber
-- interface (runtime-core/sanitizer.h, called from the switch code); without them ASan
-- warns that it ignores __asan_handle_no_return and may report false stack errors.
-- async_preempt = false: ASan's own code (malloc, the fiber calls) is linked into the
-- program's text, so the preempt handler would take it for the program's and may stop a
-- goroutine inside it, holding ASan's locks or half-way through a fiber switch (ASan:
-- "starting fiber switch while in fiber switch"); preemption stays cooperative.
-- Composes with debug in either order (--variant debug,asan).
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
    runtime_cflags = { "-fsanitize=address" },
    program_cflags = { "-fsanitize=address" },
  },
}
