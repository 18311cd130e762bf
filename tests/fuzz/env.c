// The GOMAXPROCS and RTDEBUG scanners (runtime-core/env_scan.re) and the one-number file
// reader over arbitrary bytes: no read outside the input, and results that agree with
// what the header promises.
#include <stdbool.h>

#include "env_scan.h"
#include "fuzz.h"

struct span {
    const char *lo, *hi;
    int pairs;
};

static void pair(const char *key, size_t keylen, const char *val, size_t vallen, void *ctx) {
    struct span *s = ctx;
    FUZZ_CHECK(keylen > 0 && key >= s->lo && key + keylen <= s->hi);
    FUZZ_CHECK(val >= s->lo && val + vallen <= s->hi);
    for (size_t i = 0; i < keylen; i++) {
        char c = key[i];
        FUZZ_CHECK((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '_');
    }
    for (size_t i = 0; i < vallen; i++)
        FUZZ_CHECK(val[i] != ',');
    s->pairs++;
}

// What env_parse_positive must return: digits only, 1..2^31-1, else -1.
static int64_t positive_ref(const char *s) {
    int64_t v = 0;
    if (*s == '\0')
        return -1;
    for (; *s != '\0'; s++) {
        if (*s < '0' || *s > '9')
            return -1;
        v = v * 10 + (*s - '0');
        if (v > INT32_MAX)
            return -1;
    }
    return v == 0 ? -1 : v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
    char *s = fuzz_copy(data, n, 1);
    if (strlen(s) == n) { // the scanners take C strings: only inputs without a NUL
        FUZZ_CHECK(env_parse_positive(s) == positive_ref(s));
        struct span sp = {s, s + n, 0};
        int bad = env_scan_kvlist(s, pair, &sp);
        FUZZ_CHECK(bad >= 0 && (size_t)(bad + sp.pairs) <= n / 2 + 1);
    }
    free(s);
    char *exact = fuzz_copy(data, n, 0);
    int64_t v = parse_decimal_line(exact, n);
    FUZZ_CHECK(v >= -1);
    free(exact);
    return 0;
}
