-- asan: AddressSanitizer over the runtime (hosted: ASan needs libc). Link the program
-- with -fsanitize=address too: build.lua cc --variant asan -fsanitize=address prog.c
-- Goroutine switches are announced to ASan through its fiber interface (runtime-core/
-- asan.h, called from the switch code); without them ASan warns that it ignores
-- __asan_handle_no_return and may report false stack errors. With debug, name asan last
-- (--variant debug,asan): lists are replaced whole, so the last variant's cflags win.
return {
  link = { mode = "hosted" },
  entry = { symbol = "main", args = "registers" },
  tls = { method = "elf_tls" },
  threads = { method = "pthread" },
  cflags = { "-O1", "-g", "-fsanitize=address", "-fno-omit-frame-pointer" },
}
