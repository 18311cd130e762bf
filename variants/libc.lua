-- libc: the hosted link mode. libc's main hands over to rt0, threads are pthreads and
-- g lives in a compiler TLS variable, so user code may call libc and Criterion tests can
-- link the runtime in-process.
return {
  -- Only for a target that is freestanding: one that is always hosted (Darwin) keeps its
  -- own TLS method and entry, which this would replace.
  only = { ["link.mode"] = "freestanding" },
  link = { mode = "hosted" },
  entry = { symbol = "main", args = "registers" },
  tls = { method = "elf_tls" },
  threads = { method = "pthread" },
}
