// The traceback's Mach-O symbol reader (runtime-core/parts/macho_symtab.c) over arbitrary
// bytes: it reads nothing outside them, and a name it returns lies inside them and is
// found again by name (its value may differ: a file may repeat a local name).
#include "symtab.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
    char *img = fuzz_copy(data, n, 0);
    struct symtab st;
    if (symtab_open(img, n, &st)) {
        for (int i = 0; i < st.ncode; i++) {
            uintptr_t off = 0;
            const char *name = symtab_func(&st, st.code_hi[i] - 1, &off);
            if (name != NULL) {
                FUZZ_CHECK(name >= img && name < img + n);
                symtab_value(&st, name);
            }
        }
        symtab_value(&st, "traceback_fatal");
    }
    free(img);
    return 0;
}
