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

// What the reader found: its format's own view (the ELF reader fills syms/strs; the
// Mach-O one also its code sections).
struct symtab {
    const unsigned char *img;
    size_t size;
    const void *syms;
    size_t nsyms;
    const char *strs;
    size_t strsize;
    uint64_t code_lo[8], code_hi[8]; // Mach-O: file addresses of up to 8 code sections
    uint8_t code_sect[8];            // and their section numbers (n_sect)
    int ncode;
};

bool symtab_open(const void *img, size_t size, struct symtab *st);
// The function containing file address addr: its C name and addr's offset in it.
const char *symtab_func(const struct symtab *st, uintptr_t addr, uintptr_t *off);
// The file address of the function or object with C name name, 0 if none.
uintptr_t symtab_value(const struct symtab *st, const char *name);

#endif
