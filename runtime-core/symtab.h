// symtab.h — function names for tracebacks from the executable's own symbol table, read
// from its file image (os_map_self). One reader per object format, a core part the table
// names (core_parts): parts/elf_symtab.c (.symtab), parts/macho_symtab.c (LC_SYMTAB).
// Each checks every offset against size: a truncated or foreign file gives no answer,
// never a fault.
#ifndef SYMTAB_H
#define SYMTAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { SYMTAB_MAX_CODE = 8 }; // Mach-O code sections a reader keeps

// What the reader found: its format's own view (the ELF reader fills syms/strs; the
// Mach-O one also its code sections).
struct symtab {
    const unsigned char *img;
    size_t size;
    const void *syms;
    size_t nsyms;
    const char *strs;
    size_t strsize;
    uint64_t code_lo[SYMTAB_MAX_CODE], code_hi[SYMTAB_MAX_CODE]; // Mach-O: code sections'
    uint8_t code_sect[SYMTAB_MAX_CODE]; // file addresses and section numbers (n_sect)
    int ncode;
};

// What both readers share: a range [off, off+len) inside the image, without overflow;
// names compared without libc (freestanding).
static inline bool symtab_within(size_t size, uint64_t off, uint64_t len) {
    return off <= size && len <= size - off;
}
static inline bool symtab_name_eq(const char *a, const char *b) {
    while (*a != '\0' && *a == *b)
        a++, b++;
    return *a == *b;
}

bool symtab_open(const void *img, size_t size, struct symtab *st);
// The function containing file address addr: its C name and addr's offset in it.
const char *symtab_func(const struct symtab *st, uintptr_t addr, uintptr_t *off);
// The file address of the function or object with C name name, 0 if none.
uintptr_t symtab_value(const struct symtab *st, const char *name);

#endif
