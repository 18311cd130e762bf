// check() and fatal errors.
#include <criterion/criterion.h>

#include "harness.h"

Test(check, passes_on_this_machine) {
    check(); // exits 2 with "fatal error: check: ..." on any broken promise
}

Test(check, fatal_prints_message_and_exits_2, .exit_code = 2) {
    fatal("something broke");
}

Test(check, fatalf_formats_its_message, .exit_code = 2) {
    fatalf("bad value %d", 42);
}
