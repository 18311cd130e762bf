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

#endif
