/* Tests for the OS-independent part of the generated Darwin layer
 * (out/darwin-amd64/os_darwin_logic.c): apple strings, sysctl results, the timebase,
 * ulock timeouts and sleep buckets. It is pure C, so it is compiled here for Linux. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>

#include "../../out/darwin-amd64/os_darwin_logic.c"

/* The block dyld's caller leaves: argv, NULL, envp, NULL, apple, NULL. */
static char *block[] = {
    "prog",        "-v", NULL,         "HOME=/Users/me",
    "TERM=xterm",  NULL, "ptr_munge=", "executable_path=/Applications/t.app/t",
    "main_stack=", NULL,
};

Test(os_darwin, apple_strings_follow_envp) {
    char **apple = darwin_apple_strings(block, 2);
    cr_assert_eq(apple, &block[6]);
}

Test(os_darwin, apple_strings_with_empty_envp) {
    char *b[] = {"prog", NULL, NULL, "executable_path=/bin/x", NULL};
    cr_assert_eq(darwin_apple_strings(b, 1), &b[3]);
}

Test(os_darwin, executable_path_strips_prefix_wherever_it_is) {
    cr_assert_str_eq(darwin_executable_path(darwin_apple_strings(block, 2)),
                     "/Applications/t.app/t");
}

Test(os_darwin, executable_path_falls_back_to_bare_apple0) {
    char *apple[] = {"/usr/local/bin/old", "stack_guard=0x1", NULL};
    cr_assert_str_eq(darwin_executable_path(apple), "/usr/local/bin/old");
}

Test(os_darwin, executable_path_null_without_a_path) {
    char *none[] = {NULL};
    char *kv[] = {"ptr_munge=", "main_stack=", NULL};
    cr_assert_null(darwin_executable_path(none));
    cr_assert_null(darwin_executable_path(kv));
}

Test(os_darwin, apple_value_needs_the_whole_prefix) {
    char *apple[] = {"executable_pat", "executable_path=", NULL};
    cr_assert_str_eq(darwin_apple_value(apple, "executable_path="), "");
    cr_assert_null(darwin_apple_value(apple, "th_port="));
}

Test(os_darwin, sysctl_value_reads_4_or_8_bytes) {
    uint32_t v4 = 0x80000001u;
    uint64_t v8 = 0x123456789ull, out = 0;
    cr_assert(darwin_sysctl_value(&v4, 4, &out));
    cr_assert_eq(out, 0x80000001u);
    cr_assert(darwin_sysctl_value(&v8, 8, &out));
    cr_assert_eq(out, 0x123456789ull);
    cr_assert_not(darwin_sysctl_value(&v8, 2, &out));
    cr_assert_not(darwin_sysctl_value(&v8, 0, &out));
}

Test(os_darwin, cpu_count_is_1_when_unusable) {
    int32_t n8 = 8, zero = 0, neg = -4;
    uint64_t n12 = 12;
    cr_assert_eq(darwin_cpu_count(0, &n8, sizeof n8), 8);
    cr_assert_eq(darwin_cpu_count(0, &n12, sizeof n12), 12);
    cr_assert_eq(darwin_cpu_count(-1, &n8, sizeof n8), 1);
    cr_assert_eq(darwin_cpu_count(0, &zero, sizeof zero), 1);
    cr_assert_eq(darwin_cpu_count(0, &neg, sizeof neg), 1);
    cr_assert_eq(darwin_cpu_count(0, &n8, 3), 1);
}

Test(os_darwin, page_size_must_be_a_power_of_two) {
    int32_t p4k = 4096, odd = 3000, zero = 0;
    uint64_t p16k = 16384;
    cr_assert_eq(darwin_page_size(0, &p4k, sizeof p4k), 4096);
    cr_assert_eq(darwin_page_size(0, &p16k, sizeof p16k), 16384);
    cr_assert_eq(darwin_page_size(0, &odd, sizeof odd), 0);
    cr_assert_eq(darwin_page_size(0, &zero, sizeof zero), 0);
    cr_assert_eq(darwin_page_size(-1, &p4k, sizeof p4k), 0);
}

Test(os_darwin, timebase_needs_both_parts) {
    cr_assert(darwin_timebase_ok(1, 1));
    cr_assert(darwin_timebase_ok(125, 3));
    cr_assert_not(darwin_timebase_ok(0, 1));
    cr_assert_not(darwin_timebase_ok(1, 0));
}

Test(os_darwin, ticks_to_ns_identity_on_1_1) {
    cr_assert_eq(darwin_ticks_to_ns(0, 1, 1), 0);
    cr_assert_eq(darwin_ticks_to_ns(123456789012345ull, 1, 1), 123456789012345ll);
}

Test(os_darwin, ticks_to_ns_matches_wide_arithmetic) {
    static const uint32_t bases[][2] = {
        {125, 3}, {3, 125}, {1000000000, 24000000}, {83, 2}, {7, 7}};
    uint64_t ticks[] = {
        0, 1, 2, 3, 24000000, 86400ull * 24000000, (uint64_t)1 << 45, ((uint64_t)1 << 55) + 12345};
    for (size_t b = 0; b < sizeof bases / sizeof bases[0]; b++) {
        for (size_t i = 0; i < sizeof ticks / sizeof ticks[0]; i++) {
            unsigned __int128 want = (unsigned __int128)ticks[i] * bases[b][0] / bases[b][1];
            int64_t got = darwin_ticks_to_ns(ticks[i], bases[b][0], bases[b][1]);
            cr_assert_eq((unsigned __int128)got, want, "ticks %llu at %u/%u: got %lld",
                         (unsigned long long)ticks[i], bases[b][0], bases[b][1], (long long)got);
        }
    }
}

Test(os_darwin, ticks_to_ns_past_the_naive_overflow) {
    /* ticks * 125 overflows 64 bits here; the result itself does not. */
    uint64_t t = UINT64_MAX / 125 + 1000;
    unsigned __int128 want = (unsigned __int128)t * 125 / 3;
    cr_assert_eq((unsigned __int128)darwin_ticks_to_ns(t, 125, 3), want);
}

Test(os_darwin, ulock_timeout_rounds_up_to_microseconds) {
    cr_assert_eq(darwin_ulock_timeout_us(-1), 0, "forever is ulock's 0");
    cr_assert_eq(darwin_ulock_timeout_us(1), 1);
    cr_assert_eq(darwin_ulock_timeout_us(999), 1);
    cr_assert_eq(darwin_ulock_timeout_us(1000), 1);
    cr_assert_eq(darwin_ulock_timeout_us(1001), 2);
    cr_assert_eq(darwin_ulock_timeout_us(20000000), 20000);
}

Test(os_darwin, ulock_timeout_saturates) {
    cr_assert_eq(darwin_ulock_timeout_us((int64_t)UINT32_MAX * 1000 + 1), UINT32_MAX);
    cr_assert_eq(darwin_ulock_timeout_us(INT64_MAX), UINT32_MAX);
}

Test(os_darwin, ns_to_timespec_splits_seconds) {
    int64_t sec, nsec;
    darwin_ns_to_timespec(2500000001ll, &sec, &nsec);
    cr_assert_eq(sec, 2);
    cr_assert_eq(nsec, 500000001);
    darwin_ns_to_timespec(999, &sec, &nsec);
    cr_assert_eq(sec, 0);
    cr_assert_eq(nsec, 999);
}

/* How many of 16 buckets 64 words at this stride reach. */
static int buckets_hit(size_t stride) {
    static char area[64 * 4096];
    bool hit[16] = {false};
    int distinct = 0;
    for (int i = 0; i < 64; i++) {
        uint32_t b = darwin_sleep_bucket(area + (size_t)i * stride, 16);
        cr_assert_lt(b, 16);
        cr_assert_eq(b, darwin_sleep_bucket(area + (size_t)i * stride, 16), "not stable");
        if (!hit[b]) {
            hit[b] = true;
            distinct++;
        }
    }
    return distinct;
}

Test(os_darwin, sleep_bucket_spreads_words_at_common_strides) {
    /* adjacent words, cache lines (notes in Ms), odd struct sizes, pages */
    size_t strides[] = {4, 8, 64, 184, 192, 4096};
    for (size_t i = 0; i < sizeof strides / sizeof strides[0]; i++) {
        int n = buckets_hit(strides[i]);
        cr_assert_geq(n, 12, "stride %zu: 64 words reach only %d of 16 buckets", strides[i], n);
    }
}

Test(os_darwin, sleep_bucket_single) {
    cr_assert_eq(darwin_sleep_bucket(&block, 1), 0);
}

/* rt0's TSD-slot check: the slot must be pthread's (gs:0 is pthread_self) and free. */
Test(os_darwin, tsd_fresh_slot_is_ok) {
    cr_assert_eq(darwin_tsd_check(0x7000, 0x7000, 0), DARWIN_TSD_OK);
}
Test(os_darwin, tsd_slot_claimed_by_another_runtime_is_in_use) {
    cr_assert_eq(darwin_tsd_check(0x7000, 0x7000, 0xc000004000), DARWIN_TSD_SLOT_IN_USE);
}
Test(os_darwin, tsd_gs_not_pthreads_array_is_caught_first) {
    cr_assert_eq(darwin_tsd_check(0x1234, 0x7000, 0xc000004000), DARWIN_TSD_NOT_PTHREAD);
    cr_assert_eq(darwin_tsd_check(0, 0, 0), DARWIN_TSD_NOT_PTHREAD);
}

/* The kqueue poller's reading of its results (net_darwin.c's os_netpoll). */
Test(os_darwin, kevent_filters_map_to_directions) {
    bool brk;
    cr_assert_eq(darwin_kevent_mode(-1, 0, &brk), 1); /* EVFILT_READ */
    cr_assert_not(brk);
    cr_assert_eq(darwin_kevent_mode(-2, 0x20, &brk), 2);   /* EVFILT_WRITE, EV_CLEAR */
    cr_assert_eq(darwin_kevent_mode(-1, 0x8000, &brk), 1); /* EV_EOF: still a read wakeup */
    cr_assert_eq(darwin_kevent_mode(-2, 0x4000, &brk), 3); /* EV_ERROR wakes both */
    cr_assert_eq(darwin_kevent_mode(-10, 0, &brk), 0);     /* EVFILT_USER: the break */
    cr_assert(brk);
    cr_assert_eq(darwin_kevent_mode(-3, 0, &brk), 0); /* a filter we never add */
    cr_assert_not(brk);
}

Test(os_darwin, kevent_timeouts) {
    int64_t sec = -1, nsec = -1;
    cr_assert_not(darwin_kevent_timeout(-1, &sec, &nsec));
    cr_assert(darwin_kevent_timeout(0, &sec, &nsec));
    cr_assert_eq(sec, 0);
    cr_assert_eq(nsec, 0);
    cr_assert(darwin_kevent_timeout(2500000000LL, &sec, &nsec));
    cr_assert_eq(sec, 2);
    cr_assert_eq(nsec, 500000000);
    cr_assert(darwin_kevent_timeout(INT64_MAX, &sec, &nsec));
    cr_assert_lt(sec, 100000000);
}
