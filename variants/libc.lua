-- libc: the hosted link mode. libc's main hands over to rt0, threads are pthreads and
-- g lives in a compiler TLS variable, so user code may call libc and Criterion tests can
-- link the runtime in-process.
return {
  link = { mode = "hosted" },
  entry = { symbol = "main", args = "registers" },
  tls = { method = "elf_tls" },
  threads = { method = "pthread" },
}
