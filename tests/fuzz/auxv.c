// sysauxv (the generated out/<target>/os_linux.c, hosted build) over arbitrary auxiliary
// vectors: the bytes become (tag, value) pairs ending at the first AT_NULL, in a buffer
// of exactly that size. Values of pointer tags (AT_RANDOM) are made to point at 16 real
// bytes, as the kernel's do. sysauxv must stop at AT_NULL, count the pairs before it and
// read nothing else.
#include "runtime.h"
#include "fuzz.h"

int sysauxv(const uintptr_t *auxv);

static uint8_t random_bytes[16];

// The runtime's boot.o comes along with osinfo and wants the user's entry; never called.
int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
    size_t npairs = n / (2 * sizeof(uintptr_t));
    uintptr_t *v = malloc((npairs + 1) * 2 * sizeof(uintptr_t));
    memcpy(v, data, npairs * 2 * sizeof(uintptr_t));
    size_t end = npairs;
    for (size_t i = 0; i < npairs; i++) {
        // Small tags matter: fold most of them into the range the kernel uses.
        if (v[2 * i] & 0x80)
            v[2 * i] &= 0x3f;
        if (v[2 * i] == AT_RANDOM)
            v[2 * i + 1] = (uintptr_t)random_bytes;
        if (v[2 * i] == AT_NULL && end == npairs)
            end = i;
    }
    v[2 * npairs] = AT_NULL;
    v[2 * npairs + 1] = 0;
    mem_zero(&osinfo, sizeof osinfo);
    FUZZ_CHECK(sysauxv(v) == (int)end);
    free(v);
    return 0;
}
