// vdso_elf.c — a minimal reader of the vDSO's ELF64 dynamic symbol table (Go's
// vdso_linux.go does the same): the load bias from PT_LOAD, then DT_SYMTAB, DT_STRTAB,
// DT_HASH (symbol count), DT_VERSYM and DT_VERDEF to match name and version.
#include "vdso_elf.h"

#include <stdbool.h>
#include <stddef.h>

struct elf_phdr {
    uint32_t type, flags;
    uint64_t offset, vaddr, paddr, filesz, memsz, align;
};

struct elf_dyn {
    int64_t tag;
    uint64_t val;
};

struct elf_verdef {
    uint16_t version, flags, ndx, cnt;
    uint32_t hash, aux, next;
};

struct elf_verdaux {
    uint32_t name, next;
};

enum { PT_LOAD = 1, PT_DYNAMIC = 2 };
enum { DT_NULL = 0, DT_HASH = 4, DT_STRTAB = 5, DT_SYMTAB = 6 };
enum { DT_VERSYM = 0x6ffffff0, DT_VERDEF = 0x6ffffffc };
enum { STT_FUNC = 2, STB_GLOBAL = 1, STB_WEAK = 2, VER_FLG_BASE = 1 };

struct vdso_image {
    uintptr_t bias;
    const struct elf_sym *symtab;
    const char *strtab;
    const uint32_t *hash;
    const uint16_t *versym;
    const struct elf_verdef *verdef;
};

static bool str_eq(const char *a, const char *b) {
    while (*a != '\0' && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

static bool vdso_parse(uintptr_t base, struct vdso_image *img) {
    const struct elf_ehdr *eh = (const struct elf_ehdr *)base;
    const struct elf_phdr *ph = (const struct elf_phdr *)(base + eh->phoff);
    const struct elf_dyn *dyn = NULL;
    bool found_load = false;
    for (int i = 0; i < eh->phnum; i++) {
        if (ph[i].type == PT_LOAD && !found_load) {
            found_load = true;
            img->bias = base + ph[i].offset - ph[i].vaddr;
        } else if (ph[i].type == PT_DYNAMIC) {
            dyn = (const struct elf_dyn *)(base + ph[i].offset);
        }
    }
    if (!found_load || dyn == NULL)
        return false;
    for (; dyn->tag != DT_NULL; dyn++) {
        uintptr_t addr = img->bias + dyn->val;
        switch (dyn->tag) {
        case DT_SYMTAB:
            img->symtab = (const struct elf_sym *)addr;
            break;
        case DT_STRTAB:
            img->strtab = (const char *)addr;
            break;
        case DT_HASH:
            img->hash = (const uint32_t *)addr;
            break;
        case DT_VERSYM:
            img->versym = (const uint16_t *)addr;
            break;
        case DT_VERDEF:
            img->verdef = (const struct elf_verdef *)addr;
            break;
        default:
            break;
        }
    }
    return img->symtab != NULL && img->strtab != NULL && img->hash != NULL;
}

// The verdef index whose name is version, or -1.
static int version_index(const struct vdso_image *img, const char *version) {
    const struct elf_verdef *vd = img->verdef;
    while (vd != NULL) {
        if (!(vd->flags & VER_FLG_BASE)) {
            const struct elf_verdaux *aux =
                (const struct elf_verdaux *)((const char *)vd + vd->aux);
            if (str_eq(img->strtab + aux->name, version))
                return vd->ndx & 0x7fff;
        }
        vd = vd->next ? (const struct elf_verdef *)((const char *)vd + vd->next) : NULL;
    }
    return -1;
}

void *vdso_lookup(uintptr_t base, const char *version, const char *name) {
    struct vdso_image img = {0};
    if (base == 0 || !vdso_parse(base, &img))
        return NULL;
    int want = img.versym && img.verdef ? version_index(&img, version) : -1;
    uint32_t nsyms = img.hash[1]; // nchain
    for (uint32_t i = 0; i < nsyms; i++) {
        const struct elf_sym *s = &img.symtab[i];
        int bind = s->info >> 4, type = s->info & 0xf;
        if (type != STT_FUNC || (bind != STB_GLOBAL && bind != STB_WEAK) || s->shndx == 0)
            continue;
        if (!str_eq(img.strtab + s->name, name))
            continue;
        if (want >= 0 && (img.versym[i] & 0x7fff) != want)
            continue;
        return (void *)(img.bias + s->value);
    }
    return NULL;
}
