// vdso_elf.h — finding a function in the vDSO the kernel maps into every process.
#ifndef VDSO_ELF_H
#define VDSO_ELF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// ELF64 as the vDSO and the executable are laid out (elf.h).
struct elf_ehdr {
    unsigned char ident[16];
    uint16_t type, machine;
    uint32_t version;
    uint64_t entry, phoff, shoff;
    uint32_t flags;
    uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct elf_shdr {
    uint32_t name, type;
    uint64_t flags, addr, offset, size;
    uint32_t link, info;
    uint64_t addralign, entsize;
};

struct elf_sym {
    uint32_t name;
    unsigned char info, other;
    uint16_t shndx;
    uint64_t value, size;
};

// Returns the address of the symbol `name` with version `version` in the ELF image
// loaded at base (AT_SYSINFO_EHDR), or NULL.
void *vdso_lookup(uintptr_t base, const char *version, const char *name);

// The same over the size bytes at image (a copy of a vDSO, or any bytes at all): never
// reads outside them, and NULL unless the symbol's address lies inside them too.
void *vdso_lookup_image(const void *image, size_t size, const char *version, const char *name);

// The executable's own symbol table (.symtab), from its file image (size bytes at img),
// for tracebacks (elf_symtab.c). Each checks every offset against size: a truncated or
// foreign file gives no answer, never a fault.
struct elf_symtab {
    const struct elf_sym *syms;
    size_t nsyms;
    const char *strs;
    size_t strsize;
};
bool elf_symtab_open(const void *img, size_t size, struct elf_symtab *st);
// The function containing file address addr: its name and addr's offset in it.
const char *elf_symtab_func(const struct elf_symtab *st, uintptr_t addr, uintptr_t *off);
// The file address of the symbol name, 0 if none.
uintptr_t elf_symtab_value(const struct elf_symtab *st, const char *name);

#endif
