// fuzz.h — shared by the libFuzzer targets in tests/fuzz/ (built and run by
// tests/harness/fuzz.lua): the input copied to a buffer of exactly its size, so that
// AddressSanitizer catches a read one byte past it, and a check that crashes (and so is kept as a
// regression input) when a property of the parser's result does not hold.
#ifndef FUZZ_H
#define FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);

// A heap copy of data: exactly n bytes, or n + 1 with a NUL when nul is set.
static inline char *fuzz_copy(const uint8_t *data, size_t n, int nul) {
    char *s = malloc(n + (nul ? 1 : 0) + (n == 0 && !nul));
    if (n > 0)
        memcpy(s, data, n);
    if (nul)
        s[n] = '\0';
    return s;
}

#define FUZZ_CHECK(cond)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #cond);            \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

#endif
