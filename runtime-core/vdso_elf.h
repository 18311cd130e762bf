// vdso_elf.h — finding a function in the vDSO the kernel maps into every process.
#ifndef VDSO_ELF_H
#define VDSO_ELF_H

#include <stddef.h>
#include <stdint.h>

// Returns the address of the symbol `name` with version `version` in the ELF image
// loaded at base (AT_SYSINFO_EHDR), or NULL.
void *vdso_lookup(uintptr_t base, const char *version, const char *name);

// The same over the size bytes at image (a copy of a vDSO, or any bytes at all): never
// reads outside them, and NULL unless the symbol's address lies inside them too.
void *vdso_lookup_image(const void *image, size_t size, const char *version, const char *name);

#endif
