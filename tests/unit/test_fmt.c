/* Tests for the libc-free printf subset in runtime-core/fmt.c. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "fmt.h"

/* Formats into a roomy buffer and checks both the text and the returned
 * length, which must match whenever nothing was truncated. */
static void vexpect(const char *want, const char *fmt, va_list ap) {
    char buf[128];
    memset(buf, 'X', sizeof buf);
    size_t n = fmt_vformat(buf, sizeof buf, fmt, ap);
    cr_assert_str_eq(buf, want, "format \"%s\"", fmt);
    cr_assert_eq(n, strlen(want), "format \"%s\" returned %zu", fmt, n);
}

static void __attribute__((format(printf, 2, 3))) expect(const char *want, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vexpect(want, fmt, ap);
    va_end(ap);
}

/* For formats the compiler's printf checker rightly calls invalid. */
static void expect_unchecked(const char *want, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vexpect(want, fmt, ap);
    va_end(ap);
}

/* --- conversions --- */

Test(fmt, plain_text_is_copied) {
    expect("hello, world", "hello, world");
}
Test(fmt, empty_format_gives_empty_string) {
    expect("", "%s", "");
}
Test(fmt, d_prints_positive) {
    expect("42", "%d", 42);
}
Test(fmt, d_prints_negative) {
    expect("-42", "%d", -42);
}
Test(fmt, d_prints_zero) {
    expect("0", "%d", 0);
}
Test(fmt, d_prints_int_min) {
    expect("-2147483648", "%d", INT32_MIN);
}
Test(fmt, i_prints_like_d) {
    expect("-7", "%i", -7);
}
Test(fmt, u_prints_uint_max) {
    expect("4294967295", "%u", UINT32_MAX);
}
Test(fmt, x_prints_lowercase_hex) {
    expect("deadbeef", "%x", 0xdeadbeefu);
}
Test(fmt, X_prints_uppercase_hex) {
    expect("DEADBEEF", "%X", 0xdeadbeefu);
}
Test(fmt, x_prints_zero) {
    expect("0", "%x", 0u);
}
Test(fmt, ld_prints_long) {
    expect("-1234567890", "%ld", -1234567890L);
}
Test(fmt, li_prints_long) {
    expect("99", "%li", 99L);
}
Test(fmt, lu_prints_unsigned_long) {
    expect("4000000000", "%lu", 4000000000UL);
}
Test(fmt, lx_prints_unsigned_long_hex) {
    expect("ffffffff", "%lx", 0xffffffffUL);
}
Test(fmt, lld_prints_int64_max) {
    expect("9223372036854775807", "%lld", (long long)INT64_MAX);
}
Test(fmt, lld_prints_int64_min) {
    expect("-9223372036854775808", "%lld", (long long)INT64_MIN);
}
Test(fmt, ld_prints_long_min) {
    char want[32];
    snprintf(want, sizeof want, "%ld", (long)INT64_MIN);
    expect(want, "%ld", (long)INT64_MIN);
}
Test(fmt, lli_prints_long_long) {
    expect("-5", "%lli", -5LL);
}
Test(fmt, llu_prints_uint64_max) {
    expect("18446744073709551615", "%llu", (unsigned long long)UINT64_MAX);
}
Test(fmt, llx_prints_uint64_max_hex) {
    expect("ffffffffffffffff", "%llx", (unsigned long long)UINT64_MAX);
}
Test(fmt, zu_prints_size_max) {
    char want[32];
    snprintf(want, sizeof want, "%zu", SIZE_MAX);
    expect(want, "%zu", SIZE_MAX);
}
Test(fmt, zd_prints_negative) {
    expect("-3", "%zd", (ptrdiff_t)-3);
}
Test(fmt, zx_prints_hex) {
    expect("1000", "%zx", (size_t)4096);
}
Test(fmt, s_prints_string) {
    expect("goroutine", "%s", "goroutine");
}
Test(fmt, s_prints_null_as_placeholder) {
    expect("(null)", "%s", (char *)NULL);
}
Test(fmt, c_prints_char) {
    expect("A", "%c", 'A');
}
Test(fmt, p_prints_0x_hex) {
    expect("0x1234abcd", "%p", (void *)(uintptr_t)0x1234abcd);
}
Test(fmt, p_prints_null_as_0x0) {
    expect("0x0", "%p", (void *)NULL);
}
Test(fmt, percent_percent_prints_percent) {
    expect("100%", "100%%");
}
Test(fmt, mixes_text_and_conversions) {
    expect("g7 on m2: running (0x10)", "g%d on m%u: %s (%p)", 7, 2u, "running",
           (void *)(uintptr_t)16);
}

/* --- widths and flags --- */

Test(fmt, width_pads_number_on_left) {
    expect("   42", "%5d", 42);
}
Test(fmt, width_smaller_than_number_is_ignored) {
    expect("123456", "%3d", 123456);
}
Test(fmt, minus_flag_pads_on_right) {
    expect("42   |", "%-5d|", 42);
}
Test(fmt, zero_flag_pads_with_zeros) {
    expect("000000ff", "%08x", 0xffu);
}
Test(fmt, zero_flag_puts_zeros_after_sign) {
    expect("-0042", "%05d", -42);
}
Test(fmt, zero_flag_puts_zeros_after_0x) {
    expect_unchecked("0x00ff", "%06p", (void *)(uintptr_t)0xff);
}
Test(fmt, minus_flag_overrides_zero_flag) {
    expect_unchecked("42   |", "%-05d|", 42);
}
Test(fmt, width_pads_string_on_left) {
    expect("   ab", "%5s", "ab");
}
Test(fmt, minus_width_pads_string_on_right) {
    expect("main    |", "%-8s|", "main");
}
Test(fmt, zero_flag_pads_string_with_spaces) {
    expect_unchecked("   ab", "%05s", "ab");
}
Test(fmt, width_pads_char) {
    expect("  z", "%3c", 'z');
}
Test(fmt, width_pads_pointer) {
    expect("     0x0", "%8p", (void *)NULL);
}
Test(fmt, width_applies_to_long_long) {
    expect("  -1", "%4lld", -1LL);
}
Test(fmt, width_pads_negative_with_spaces_before_sign) {
    expect("  -7", "%4d", -7);
}

/* --- width and precision from arguments, precision --- */

Test(fmt, star_width_takes_an_int_argument) {
    expect("   42|", "%*d|", 5, 42);
}
Test(fmt, negative_star_width_pads_on_right) {
    expect("42   |", "%*d|", -5, 42);
}
Test(fmt, star_width_then_later_arguments_line_up) {
    expect("  ab 7", "%*s %d", 4, "ab", 7);
}
Test(fmt, precision_cuts_string) {
    expect("abc", "%.3s", "abcdef");
}
Test(fmt, precision_longer_than_string_changes_nothing) {
    expect("ab", "%.3s", "ab");
}
Test(fmt, precision_reads_no_further_than_it_says) {
    char unterminated[3] = {'x', 'y', 'z'};
    expect("xy", "%.2s", unterminated);
}
Test(fmt, star_precision_cuts_string) {
    expect("ab|", "%.*s|", 2, "abcdef");
}
Test(fmt, negative_star_precision_is_none) {
    expect("abcdef", "%.*s", -1, "abcdef");
}
Test(fmt, width_and_precision_on_string) {
    expect("  abc", "%5.3s", "abcdef");
}
Test(fmt, precision_gives_minimum_digits) {
    expect("-007", "%.3d", -7);
}
Test(fmt, precision_turns_zero_flag_off) {
    expect("  007", "%05.3d", 7);
}
Test(fmt, zero_precision_prints_no_digits_for_zero) {
    expect("[]", "[%.0d]", 0);
}
Test(fmt, star_width_and_star_precision) {
    expect("   0042", "%*.*x", 7, 4, 0x42u);
}

/* --- unknown and incomplete conversions --- */

Test(fmt, unknown_conversion_is_copied) {
    expect_unchecked("a%qb", "a%qb");
}
Test(fmt, unknown_conversion_keeps_flags_and_width) {
    expect_unchecked("%-5q", "%-5q");
}
Test(fmt, unknown_conversion_consumes_no_argument) {
    expect_unchecked("%q 5", "%q %d", 5);
}
Test(fmt, lone_percent_at_end_is_copied) {
    expect_unchecked("50%", "50%");
}
Test(fmt, unfinished_spec_at_end_is_copied) {
    expect_unchecked("x%08l", "x%08l");
}
Test(fmt, float_is_not_supported) {
    expect_unchecked("%.2f", "%.2f");
}
Test(fmt, length_on_string_is_not_supported) {
    expect_unchecked("%ls", "%ls");
}
Test(fmt, h_length_is_not_supported) {
    expect_unchecked("%hd", "%hd");
}

/* --- truncation and the return value --- */

Test(fmt, returns_full_length_when_truncated) {
    char buf[4];
    cr_assert_eq(fmt_format(buf, sizeof buf, "%s", "abcdef"), 6);
}

Test(fmt, truncated_output_is_nul_terminated) {
    char buf[4];
    fmt_format(buf, sizeof buf, "%s", "abcdef");
    cr_assert_str_eq(buf, "abc");
}

Test(fmt, truncation_inside_padding_is_safe) {
    char buf[6];
    cr_assert_eq(fmt_format(buf, sizeof buf, "%10d", 7), 10);
    cr_assert_str_eq(buf, "     ");
}

Test(fmt, truncation_does_not_write_past_cap) {
    char buf[8];
    memset(buf, 'X', sizeof buf);
    fmt_format(buf, 4, "%d", 123456);
    cr_assert_str_eq(buf, "123");
    cr_assert_eq(buf[4], 'X');
}

Test(fmt, exact_fit_is_not_truncated) {
    char buf[4];
    cr_assert_eq(fmt_format(buf, sizeof buf, "abc"), 3);
    cr_assert_str_eq(buf, "abc");
}

Test(fmt, cap_one_writes_only_nul) {
    char buf[2] = {'X', 'X'};
    cr_assert_eq(fmt_format(buf, 1, "abc"), 3);
    cr_assert_eq(buf[0], '\0');
    cr_assert_eq(buf[1], 'X');
}

Test(fmt, cap_zero_writes_nothing) {
    char buf[1] = {'X'};
    cr_assert_eq(fmt_format(buf, 0, "abc%d", 12), 5);
    cr_assert_eq(buf[0], 'X');
}

Test(fmt, cap_zero_accepts_null_buffer) {
    cr_assert_eq(fmt_format(NULL, 0, "%s", "measure"), 7);
}

Test(fmt, c_with_nul_counts_one_byte) {
    char buf[4];
    cr_assert_eq(fmt_format(buf, sizeof buf, "a%cb", 0), 3);
    cr_assert_eq(buf[1], '\0');
    cr_assert_eq(buf[2], 'b');
}
