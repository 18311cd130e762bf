-- asan: AddressSanitizer over the runtime and its programs (hosted: ASan needs libc).
-- `build.lua cc --variant asan prog.c` compiles and links the program with
-- -fsanitize=address. Goroutine switches are announced to ASan through its fiber
-- interface (runtime-core/sanitizer.h, called from the switch code); without them ASan
-- warns that it ignores __asan_handle_no_return and may report false stack errors.
-- Composes with debug in either order (--variant debug,asan).
return {
  link = { mode = "hosted" },
  entry = { symbol = "main", args = "registers" },
  tls = { method = "elf_tls" },
  threads = { method = "pthread" },
  sanitizer = {
    runtime_cflags = { "-fsanitize=address" },
    program_cflags = { "-fsanitize=address" },
  },
}
