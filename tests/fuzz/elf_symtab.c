// The traceback's ELF symbol reader (runtime-core/parts/elf_symtab.c) over arbitrary
// bytes: it reads nothing outside them, and a name it returns lies inside them.
#include "symtab.h"
#include "vdso_elf.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
    char *img = fuzz_copy(data, n, 0);
    struct symtab st;
    if (symtab_open(img, n, &st)) {
        const struct elf_sym *syms = st.syms;
        for (size_t i = 0; i < st.nsyms && i < 64; i++) {
            uintptr_t off = 0;
            const char *name = symtab_func(&st, syms[i].value, &off);
            FUZZ_CHECK(name == NULL || (name >= img && name < img + n));
        }
        symtab_value(&st, "traceback_fatal");
    }
    free(img);
    return 0;
}
