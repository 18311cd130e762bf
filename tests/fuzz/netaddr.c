// The address scanner (runtime-core/addr_scan.re) and formatter (netaddr.c) over
// arbitrary strings: no read past the NUL, nothing written on an error, and every
// address it accepts formats to text that parses back to the same address.
#include <stdbool.h>

#include "fuzz.h"
#include "netaddr.h"
#include "rt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
    char *s = fuzz_copy(data, n, 1);
    struct netaddr a, b;
    memset(&a, 0x5A, sizeof a);
    memcpy(&b, &a, sizeof a);
    int r = netaddr_parse(s, &a);
    FUZZ_CHECK(r == 0 || r == RT_EADDR);
    if (r != 0) {
        FUZZ_CHECK(memcmp(&a, &b, sizeof a) == 0);
    } else {
        FUZZ_CHECK(a.family == NETADDR_IP4 || a.family == NETADDR_IP6 || a.family == NETADDR_UNIX);
        char text[5 + NETADDR_PATH_MAX + 1];
        size_t len = netaddr_format(&a, text, sizeof text);
        FUZZ_CHECK(len < sizeof text && strlen(text) == len);
        FUZZ_CHECK(netaddr_parse(text, &b) == 0);
        FUZZ_CHECK(memcmp(&a, &b, sizeof a) == 0);
        // Formatting is canonical: the text formats to itself.
        char again[sizeof text];
        netaddr_format(&b, again, sizeof again);
        FUZZ_CHECK(strcmp(text, again) == 0);
    }
    free(s);
    return 0;
}
