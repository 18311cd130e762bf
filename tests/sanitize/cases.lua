-- Cases that expect a sanitizer's report, run by the asan and tsan suites (tests/harness/sanitize.lua)
-- in the modes they name. Same fields as tests/e2e/cases.lua.
return {
  -- Two goroutines write one int with nothing ordering them: TSan reports the race with
  -- both goroutines' stacks (each writer and the gostart below it) and stops (exit 66).
  { name = "race_int", src = "tests/sanitize/race_int.c", modes = { "tsan" }, procs = { 1, 2, 4 }, exit = 66,
    stderr_match = "WARNING: ThreadSanitizer: data race.-\n  Write of size 4 at 0x%x+ by thread T%d+:\n"
      .. "    #0 race_writer_[ab] .-\n    #1 gostart .-\n  Previous write of size 4 at 0x%x+ by thread T%d+:\n"
      .. "    #0 race_writer_[ab] .-\n    #1 gostart .-Location is global 'shared'.-'goroutine %d+'" },
  -- Every happens-before edge the runtime makes, each guarding a plain int: nothing to
  -- report (each of sanitizer.h's annotations, left out, makes TSan report a race here).
  { name = "sync_edges", src = "tests/sanitize/sync_edges.c", modes = { "tsan", "asan" }, procs = { 1, 2, 4 },
    stdout = "sum 22\n" },
  -- A goroutine reads memory another freed before sending it the pointer: ASan reports a
  -- heap use after free in the reader, and where it was freed.
  { name = "use_after_free", src = "tests/sanitize/use_after_free.c", modes = { "asan" }, exit = 66,
    stderr_match = "ERROR: AddressSanitizer: heap%-use%-after%-free on address 0x%x+.-\nREAD of size 4 .-"
      .. "#0 0x%x+ in uaf_reader .-#1 0x%x+ in gostart .-freed by thread T%d+ here:.-in free .-in rt_main" },
}
