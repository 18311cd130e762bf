/* Tests for the start-up scanners in runtime-core/env_scan.re. */
#include <criterion/criterion.h>
#include <string.h>

#include "env_scan.h"

/* Buffers are passed with an exact length, as read() returns them. */
#define BUF(lit) (lit), (sizeof(lit) - 1)

/* --- env_parse_positive (GOMAXPROCS) --- */

Test(env_scan, gomaxprocs_accepts_one) {
    cr_assert_eq(env_parse_positive("1"), 1);
}
Test(env_scan, gomaxprocs_accepts_64) {
    cr_assert_eq(env_parse_positive("64"), 64);
}
Test(env_scan, gomaxprocs_accepts_leading_zeros) {
    cr_assert_eq(env_parse_positive("007"), 7);
}
Test(env_scan, gomaxprocs_accepts_int32_max) {
    cr_assert_eq(env_parse_positive("2147483647"), 2147483647);
}
Test(env_scan, gomaxprocs_rejects_int32_max_plus_one) {
    cr_assert_eq(env_parse_positive("2147483648"), -1);
}
Test(env_scan, gomaxprocs_rejects_huge_overflow) {
    cr_assert_eq(env_parse_positive("99999999999999999999"), -1);
}
Test(env_scan, gomaxprocs_accepts_many_leading_zeros) {
    cr_assert_eq(env_parse_positive("0000000000000000000000001"), 1);
}
Test(env_scan, gomaxprocs_rejects_null) {
    cr_assert_eq(env_parse_positive(NULL), -1);
}
Test(env_scan, gomaxprocs_rejects_empty) {
    cr_assert_eq(env_parse_positive(""), -1);
}
Test(env_scan, gomaxprocs_rejects_zero) {
    cr_assert_eq(env_parse_positive("0"), -1);
}
Test(env_scan, gomaxprocs_rejects_all_zeros) {
    cr_assert_eq(env_parse_positive("000"), -1);
}
Test(env_scan, gomaxprocs_rejects_negative) {
    cr_assert_eq(env_parse_positive("-1"), -1);
}
Test(env_scan, gomaxprocs_rejects_plus_sign) {
    cr_assert_eq(env_parse_positive("+3"), -1);
}
Test(env_scan, gomaxprocs_rejects_leading_space) {
    cr_assert_eq(env_parse_positive(" 3"), -1);
}
Test(env_scan, gomaxprocs_rejects_trailing_space) {
    cr_assert_eq(env_parse_positive("3 "), -1);
}
Test(env_scan, gomaxprocs_rejects_trailing_garbage) {
    cr_assert_eq(env_parse_positive("12abc"), -1);
}
Test(env_scan, gomaxprocs_rejects_high_bytes) {
    cr_assert_eq(env_parse_positive("4\xc3\xa9"), -1);
}

/* --- env_scan_kvlist (RTDEBUG) --- */

enum { MAXPAIRS = 8 };

struct seen {
    int calls;
    char key[MAXPAIRS][32];
    char val[MAXPAIRS][32];
};

static void record(const char *key, size_t keylen, const char *val, size_t vallen, void *ctx) {
    struct seen *s = ctx;
    cr_assert_lt(s->calls, MAXPAIRS);
    cr_assert_lt(keylen, sizeof s->key[0]);
    cr_assert_lt(vallen, sizeof s->val[0]);
    memcpy(s->key[s->calls], key, keylen);
    s->key[s->calls][keylen] = '\0';
    memcpy(s->val[s->calls], val, vallen);
    s->val[s->calls][vallen] = '\0';
    s->calls++;
}

Test(env_scan, kvlist_reports_each_pair_in_order) {
    struct seen s = {0};
    cr_assert_eq(env_scan_kvlist("gctrace=1,schedtrace=1000", record, &s), 0);
    cr_assert_eq(s.calls, 2);
    cr_assert_str_eq(s.key[0], "gctrace");
    cr_assert_str_eq(s.val[0], "1");
    cr_assert_str_eq(s.key[1], "schedtrace");
    cr_assert_str_eq(s.val[1], "1000");
}

Test(env_scan, kvlist_accepts_empty_value) {
    struct seen s = {0};
    cr_assert_eq(env_scan_kvlist("a=", record, &s), 0);
    cr_assert_eq(s.calls, 1);
    cr_assert_str_eq(s.key[0], "a");
    cr_assert_str_eq(s.val[0], "");
}

Test(env_scan, kvlist_keeps_equals_sign_in_value) {
    struct seen s = {0};
    cr_assert_eq(env_scan_kvlist("a=b=c", record, &s), 0);
    cr_assert_str_eq(s.key[0], "a");
    cr_assert_str_eq(s.val[0], "b=c");
}

Test(env_scan, kvlist_accepts_underscore_and_digits_in_key) {
    struct seen s = {0};
    cr_assert_eq(env_scan_kvlist("Max_2=x", record, &s), 0);
    cr_assert_str_eq(s.key[0], "Max_2");
}

Test(env_scan, kvlist_skips_empty_items_without_counting_them) {
    struct seen s = {0};
    cr_assert_eq(env_scan_kvlist(",a=1,,b=2,", record, &s), 0);
    cr_assert_eq(s.calls, 2);
}

Test(env_scan, kvlist_empty_string_calls_nothing) {
    struct seen s = {0};
    cr_assert_eq(env_scan_kvlist("", record, &s), 0);
    cr_assert_eq(s.calls, 0);
}

Test(env_scan, kvlist_null_calls_nothing) {
    struct seen s = {0};
    cr_assert_eq(env_scan_kvlist(NULL, record, &s), 0);
    cr_assert_eq(s.calls, 0);
}

Test(env_scan, kvlist_counts_item_without_equals_as_malformed) {
    struct seen s = {0};
    cr_assert_eq(env_scan_kvlist("novalue", record, &s), 1);
    cr_assert_eq(s.calls, 0);
}

Test(env_scan, kvlist_counts_empty_key_as_malformed) {
    struct seen s = {0};
    cr_assert_eq(env_scan_kvlist("=1", record, &s), 1);
    cr_assert_eq(s.calls, 0);
}

Test(env_scan, kvlist_counts_bad_key_character_as_malformed) {
    struct seen s = {0};
    cr_assert_eq(env_scan_kvlist("bad-key=1", record, &s), 1);
    cr_assert_eq(s.calls, 0);
}

Test(env_scan, kvlist_counts_space_before_key_as_malformed) {
    struct seen s = {0};
    cr_assert_eq(env_scan_kvlist(" a=1", record, &s), 1);
    cr_assert_eq(s.calls, 0);
}

Test(env_scan, kvlist_keeps_good_pairs_around_malformed_ones) {
    struct seen s = {0};
    cr_assert_eq(env_scan_kvlist("a=1,junk,b-c=2,d=4", record, &s), 2);
    cr_assert_eq(s.calls, 2);
    cr_assert_str_eq(s.key[0], "a");
    cr_assert_str_eq(s.key[1], "d");
    cr_assert_str_eq(s.val[1], "4");
}

Test(env_scan, kvlist_counts_malformed_items_with_null_callback) {
    cr_assert_eq(env_scan_kvlist("a=1,x,y", NULL, NULL), 2);
}

/* --- cpulist_count --- */

Test(env_scan, cpulist_counts_single_cpu) {
    cr_assert_eq(cpulist_count(BUF("0")), 1);
}
Test(env_scan, cpulist_counts_one_range) {
    cr_assert_eq(cpulist_count(BUF("0-3")), 4);
}
Test(env_scan, cpulist_counts_ranges_with_newline) {
    cr_assert_eq(cpulist_count(BUF("0-3,8-11\n")), 8);
}
Test(env_scan, cpulist_counts_mixed_singles_and_ranges) {
    cr_assert_eq(cpulist_count(BUF("0,2,4-5,7\n")), 5);
}
Test(env_scan, cpulist_counts_degenerate_range) {
    cr_assert_eq(cpulist_count(BUF("5-5")), 1);
}
Test(env_scan, cpulist_empty_is_zero) {
    cr_assert_eq(cpulist_count(BUF("")), 0);
}
Test(env_scan, cpulist_lone_newline_is_zero) {
    cr_assert_eq(cpulist_count(BUF("\n")), 0);
}
Test(env_scan, cpulist_rejects_reversed_range) {
    cr_assert_eq(cpulist_count(BUF("5-2")), -1);
}
Test(env_scan, cpulist_rejects_overlapping_ranges) {
    cr_assert_eq(cpulist_count(BUF("0-3,2-5")), -1);
}
Test(env_scan, cpulist_rejects_descending_items) {
    cr_assert_eq(cpulist_count(BUF("4,1")), -1);
}
Test(env_scan, cpulist_rejects_trailing_comma) {
    cr_assert_eq(cpulist_count(BUF("0-3,")), -1);
}
Test(env_scan, cpulist_rejects_leading_comma) {
    cr_assert_eq(cpulist_count(BUF(",0-3")), -1);
}
Test(env_scan, cpulist_rejects_open_range) {
    cr_assert_eq(cpulist_count(BUF("0-")), -1);
}
Test(env_scan, cpulist_rejects_space) {
    cr_assert_eq(cpulist_count(BUF("0, 1")), -1);
}
Test(env_scan, cpulist_rejects_text_after_newline) {
    cr_assert_eq(cpulist_count(BUF("0-1\n2")), -1);
}
Test(env_scan, cpulist_rejects_second_newline) {
    cr_assert_eq(cpulist_count(BUF("0\n\n")), -1);
}
Test(env_scan, cpulist_rejects_embedded_nul) {
    cr_assert_eq(cpulist_count(BUF("0-1\0")), -1);
}
Test(env_scan, cpulist_rejects_overflowing_cpu_number) {
    cr_assert_eq(cpulist_count(BUF("0-99999999999")), -1);
}
Test(env_scan, cpulist_rejects_null) {
    cr_assert_eq(cpulist_count(NULL, 0), -1);
}

Test(env_scan, cpulist_never_reads_past_length) {
    /* "0-1" is valid; the byte after it must not turn it into "0-19". */
    cr_assert_eq(cpulist_count("0-19", 3), 2);
}

/* --- cgroup_parse_cpu_max --- */

Test(env_scan, cpu_max_parses_unlimited_quota) {
    int64_t q = 0, p = 0;
    cr_assert_eq(cgroup_parse_cpu_max(BUF("max 100000\n"), &q, &p), 0);
    cr_assert_eq(q, -1);
    cr_assert_eq(p, 100000);
}

Test(env_scan, cpu_max_parses_quota_and_period) {
    int64_t q = 0, p = 0;
    cr_assert_eq(cgroup_parse_cpu_max(BUF("50000 100000\n"), &q, &p), 0);
    cr_assert_eq(q, 50000);
    cr_assert_eq(p, 100000);
}

Test(env_scan, cpu_max_accepts_missing_newline) {
    int64_t q = 0, p = 0;
    cr_assert_eq(cgroup_parse_cpu_max(BUF("150000 100000"), &q, &p), 0);
    cr_assert_eq(q, 150000);
}

Test(env_scan, cpu_max_leaves_outputs_alone_when_malformed) {
    int64_t q = 7, p = 7;
    cr_assert_eq(cgroup_parse_cpu_max(BUF("max\n"), &q, &p), -1);
    cr_assert_eq(q, 7);
    cr_assert_eq(p, 7);
}

static int cpu_max(const char *s, size_t n) {
    int64_t q, p;
    return cgroup_parse_cpu_max(s, n, &q, &p);
}

Test(env_scan, cpu_max_rejects_empty) {
    cr_assert_eq(cpu_max(BUF("")), -1);
}
Test(env_scan, cpu_max_rejects_max_period) {
    cr_assert_eq(cpu_max(BUF("max max\n")), -1);
}
Test(env_scan, cpu_max_rejects_zero_period) {
    cr_assert_eq(cpu_max(BUF("max 0\n")), -1);
}
Test(env_scan, cpu_max_rejects_zero_quota) {
    cr_assert_eq(cpu_max(BUF("0 100000\n")), -1);
}
Test(env_scan, cpu_max_rejects_two_spaces) {
    cr_assert_eq(cpu_max(BUF("max  100000\n")), -1);
}
Test(env_scan, cpu_max_rejects_third_field) {
    cr_assert_eq(cpu_max(BUF("1 2 3\n")), -1);
}
Test(env_scan, cpu_max_rejects_negative_quota) {
    cr_assert_eq(cpu_max(BUF("-1 100000\n")), -1);
}
Test(env_scan, cpu_max_rejects_text_after_newline) {
    cr_assert_eq(cpu_max(BUF("max 100000\nx")), -1);
}
Test(env_scan, cpu_max_rejects_overflowing_quota) {
    cr_assert_eq(cpu_max(BUF("99999999999999999999 100000\n")), -1);
}
Test(env_scan, cpu_max_rejects_null) {
    cr_assert_eq(cpu_max(NULL, 0), -1);
}

/* --- parse_decimal_line --- */

Test(env_scan, decimal_line_parses_number_and_newline) {
    cr_assert_eq(parse_decimal_line(BUF("65530\n")), 65530);
}
Test(env_scan, decimal_line_parses_number_without_newline) {
    cr_assert_eq(parse_decimal_line(BUF("2097152")), 2097152);
}
Test(env_scan, decimal_line_accepts_zero) {
    cr_assert_eq(parse_decimal_line(BUF("0\n")), 0);
}
Test(env_scan, decimal_line_accepts_int64_max) {
    cr_assert_eq(parse_decimal_line(BUF("9223372036854775807\n")), INT64_MAX);
}
Test(env_scan, decimal_line_rejects_int64_overflow) {
    cr_assert_eq(parse_decimal_line(BUF("9223372036854775808\n")), -1);
}
Test(env_scan, decimal_line_rejects_empty) {
    cr_assert_eq(parse_decimal_line(BUF("")), -1);
}
Test(env_scan, decimal_line_rejects_lone_newline) {
    cr_assert_eq(parse_decimal_line(BUF("\n")), -1);
}
Test(env_scan, decimal_line_rejects_negative) {
    cr_assert_eq(parse_decimal_line(BUF("-1\n")), -1);
}
Test(env_scan, decimal_line_rejects_trailing_space) {
    cr_assert_eq(parse_decimal_line(BUF("12 \n")), -1);
}
Test(env_scan, decimal_line_rejects_second_line) {
    cr_assert_eq(parse_decimal_line(BUF("1\n2\n")), -1);
}
Test(env_scan, decimal_line_rejects_embedded_nul) {
    cr_assert_eq(parse_decimal_line(BUF("1\0")), -1);
}
Test(env_scan, decimal_line_never_reads_past_length) {
    cr_assert_eq(parse_decimal_line("123", 2), 12);
}
Test(env_scan, decimal_line_rejects_null) {
    cr_assert_eq(parse_decimal_line(NULL, 0), -1);
}
