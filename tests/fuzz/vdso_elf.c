// The vDSO ELF reader (runtime-core/vdso_elf.c) over arbitrary bytes: vdso_lookup_image
// must read nothing outside them, and return NULL or an address inside them.
#include "vdso_elf.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
    char *img = fuzz_copy(data, n, 0);
    static const char *names[][2] = {
        {"LINUX_2.6", "__vdso_clock_gettime"},
        {"LINUX_2.6.39", "__kernel_clock_gettime"},
    };
    for (int i = 0; i < 2; i++) {
        char *p = vdso_lookup_image(img, n, names[i][0], names[i][1]);
        FUZZ_CHECK(p == NULL || (p >= img && p < img + n));
    }
    free(img);
    return 0;
}
