// cpulist_count (runtime-core/env_scan.re) over arbitrary bytes, not NUL-terminated:
// no read past n, and a count that a plain reference parser agrees with.
#include <stdbool.h>

#include "env_scan.h"
#include "fuzz.h"

// The reference: "a" or "a-b" items, ascending without overlap, comma-separated, an
// optional final newline; numbers of at most 9 digits (the header's CPU numbers).
static int reference(const char *s, size_t n) {
    if (n > 0 && s[n - 1] == '\n')
        n--;
    if (n == 0)
        return 0;
    long count = 0, next = 0;
    size_t i = 0;
    for (;;) {
        long a = 0, b;
        size_t d = 0;
        for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, d++)
            a = a * 10 + (s[i] - '0');
        if (d == 0 || d > 9)
            return -2; // unknown: the reference does not judge these
        b = a;
        if (i < n && s[i] == '-') {
            i++;
            b = 0;
            for (d = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++, d++)
                b = b * 10 + (s[i] - '0');
            if (d == 0 || d > 9)
                return -2;
        }
        if (b < a || a < next)
            return -1;
        count += b - a + 1;
        if (count > INT32_MAX)
            return -2;
        next = b + 1;
        if (i == n)
            return (int)count;
        if (s[i] != ',')
            return -1;
        i++;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
    char *s = fuzz_copy(data, n, 0);
    int got = cpulist_count(s, n);
    int want = reference(s, n);
    FUZZ_CHECK(got >= -1);
    if (want != -2 && got != want) {
        fprintf(stderr, "cpulist_count(\"%.*s\") = %d, reference %d\n", (int)n, s, got, want);
        abort();
    }
    free(s);
    return 0;
}
