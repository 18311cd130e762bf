-- Variant for white-box unit tests: the hosted rt0 entry gets another name, so that
-- Criterion's main stays the program's main and a test can boot the runtime itself
-- (tests/unit/harness.h calls rt_unit_entry on a thread of its own).
return {
  entry = { symbol = "rt_unit_entry" },
}
