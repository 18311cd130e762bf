-- darwin-amd64: what belongs to the pair of macOS and amd64.
return {
  inherit = { "os/darwin", "cpu/amd64" },

  toolchain = { triple = "x86_64-apple-macos11" },

  -- ld64.lld writes LC_MAIN: dyld calls the entry like main(argc, argv, envp, apple),
  -- arguments in rdi, rsi, rdx, rcx (dyldMain.cpp). Go's own linker writes LC_UNIXTHREAD
  -- on amd64 and reads them from the stack instead.
  entry = { symbol = "main", args = "registers", load_command = "LC_MAIN" },

  -- g lives in the pthread TSD slot Apple reserved for Go: %gs:0x30 (golang/go#23617).
  -- pthread set the gs base up already, so there is no settls.
  tls = { method = "darwin_tsd", gs_offset = 0x30, check_value = 0x123 },
}
