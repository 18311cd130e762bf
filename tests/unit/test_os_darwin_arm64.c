/* Tests for the OS-independent part of darwin-arm64's generated Darwin layer
 * (out/darwin-arm64/os_darwin_logic.c) with what Apple silicon hands back: a 24 MHz
 * counter with the timebase 125/3, 16 KiB pages, dyld's apple strings. Pure C, compiled
 * here for Linux (test_os_darwin.c covers the same functions on darwin-amd64). */
#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>

#include "../../out/darwin-arm64/os_darwin_logic.c"

enum { NUMER = 125, DENOM = 3 }; /* mach_timebase_info on Apple silicon */

Test(os_darwin_arm64, timebase_125_3_is_usable) {
    cr_assert(darwin_timebase_ok(NUMER, DENOM));
}

Test(os_darwin_arm64, one_second_of_24mhz_ticks) {
    cr_assert_eq(darwin_ticks_to_ns(24000000, NUMER, DENOM), 1000000000);
    cr_assert_eq(darwin_ticks_to_ns(24, NUMER, DENOM), 1000);
    cr_assert_eq(darwin_ticks_to_ns(3, NUMER, DENOM), 125);
    cr_assert_eq(darwin_ticks_to_ns(1, NUMER, DENOM), 41, "41.67 ns rounds down");
}

Test(os_darwin_arm64, ticks_to_ns_never_goes_back) {
    /* Across remainders 0, 1, 2 and a carry into the quotient, around a long uptime. */
    uint64_t base = 100ull * 365 * 86400 * 24000000; /* a century at 24 MHz */
    int64_t prev = darwin_ticks_to_ns(base, NUMER, DENOM);
    for (uint64_t t = base + 1; t < base + 64; t++) {
        int64_t ns = darwin_ticks_to_ns(t, NUMER, DENOM);
        cr_assert_geq(ns, prev, "tick %llu", (unsigned long long)t);
        cr_assert_eq((unsigned __int128)ns, (unsigned __int128)t * NUMER / DENOM);
        prev = ns;
    }
}

Test(os_darwin_arm64, page_size_16k_from_sysctl) {
    int32_t p16k = 16384;
    uint64_t p16k8 = 16384;
    cr_assert_eq(darwin_page_size(0, &p16k, sizeof p16k), 16384);
    cr_assert_eq(darwin_page_size(0, &p16k8, sizeof p16k8), 16384);
}

Test(os_darwin_arm64, cpu_count_of_an_m1) {
    int32_t n = 8;
    cr_assert_eq(darwin_cpu_count(0, &n, sizeof n), 8);
}

Test(os_darwin_arm64, executable_path_among_arm64_apple_strings) {
    /* argv, NULL, envp, NULL, apple (as dyld passes them on arm64e-capable systems), NULL */
    char *block[] = {
        "a.out",
        NULL,
        "PATH=/usr/bin",
        NULL,
        "executable_path=/Users/me/a.out",
        "ptr_munge=",
        "main_stack=",
        "arm64e_abi=os",
        "th_port=0x103",
        NULL,
    };
    char **apple = darwin_apple_strings(block, 1);
    cr_assert_eq(apple, &block[4]);
    cr_assert_str_eq(darwin_executable_path(apple), "/Users/me/a.out");
    cr_assert_str_eq(darwin_apple_value(apple, "arm64e_abi="), "os");
}

/* rt0_darwin_arm64.S calls darwin_tls_check(tsd[0], 0) after pthread_key_create: slot 0 of
 * the array at the masked TPIDRRO_EL0 is pthread_self, and a new key's slot is free. */
Test(os_darwin_arm64, tsd_check_of_a_new_key) {
    uintptr_t self = 0x16f603000; /* an arm64 pthread_t: 16 KiB-aligned, below the stack */
    cr_assert_eq(darwin_tsd_check(self, self, 0), DARWIN_TSD_OK);
    cr_assert_eq(darwin_tsd_check(self + 0x80000, self, 0), DARWIN_TSD_NOT_PTHREAD,
                 "another thread's TSD array is not this thread's");
    cr_assert_eq(darwin_tsd_check(0, 0, 0), DARWIN_TSD_NOT_PTHREAD);
}
