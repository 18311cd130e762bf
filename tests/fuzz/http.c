// examples/httpd.c's request head parser (examples/http_parse.re) over arbitrary bytes:
// no read past the input, results inside it, and a head that parses is found again,
// whole and no sooner, when the input ends right after it.
#include <stdbool.h>

#include "../../examples/http_parse.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
    char *s = fuzz_copy(data, n, 0);
    struct http_request r;
    long got = http_parse_request(s, n, &r);
    FUZZ_CHECK(got >= HTTP_NOT_SUPPORTED && got <= (long)n);
    if (got > 0) {
        FUZZ_CHECK(r.method >= HTTP_GET && r.method <= HTTP_OTHER);
        FUZZ_CHECK(r.target >= s && r.target_len > 0 && r.target + r.target_len <= s + got);
        FUZZ_CHECK(r.minor == 0 || r.minor == 1);
        FUZZ_CHECK(r.content_length >= 0 && r.headers <= HTTP_MAX_HEADERS);
        FUZZ_CHECK(got >= 4 && memcmp(s + got - 4, "\r\n\r\n", 4) == 0);
        struct http_request again;
        FUZZ_CHECK(http_parse_request(s, (size_t)got, &again) == got);
        FUZZ_CHECK(http_parse_request(s, (size_t)got - 1, &again) <= 0);
    }
    free(s);
    return 0;
}
