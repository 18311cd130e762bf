// vdso_elf.c — a minimal reader of the vDSO's ELF64 dynamic symbol table (Go's
// vdso_linux.go does the same): the load bias from PT_LOAD, then DT_SYMTAB, DT_STRTAB,
// DT_HASH (symbol count), DT_VERSYM and DT_VERDEF to match name and version. Unlike Go's,
// it reads nothing outside the image, however malformed: the bounds come from the
// PT_LOAD segments, and every table, string and chain is checked against them.
#include "vdso_elf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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

// The image, and where its addresses land: address a is image offset a + bias - base.
struct vdso_image {
    uintptr_t base;
    size_t size;
    uintptr_t bias;
    const struct elf_sym *symtab;
    size_t nsyms;
    uint64_t strtab; // image offset of the string table
    const uint16_t *versym;
    uint64_t verdef; // image offset of the first verdef, or 0
};

// The n bytes at image offset off, aligned to align, or NULL if they are not all inside
// the image: every read goes through here, so a malformed image is rejected, never
// read past (tests/fuzz/vdso_elf.c feeds it arbitrary bytes).
static const void *at(const struct vdso_image *img, uint64_t off, uint64_t n, uint64_t align) {
    if (off > img->size || n > img->size - off || (img->base + off) % align != 0)
        return NULL;
    return (const void *)(img->base + off);
}

// The image offset of virtual address vaddr (relative to the load bias), or UINT64_MAX.
static uint64_t offset_of(const struct vdso_image *img, uint64_t vaddr) {
    uint64_t off = img->bias + vaddr - img->base;
    return off < img->size ? off : UINT64_MAX;
}

// The NUL-terminated string at image offset off equals s, reading only inside the image.
static bool str_at_eq(const struct vdso_image *img, uint64_t off, const char *s) {
    for (;; off++, s++) {
        const char *c = at(img, off, 1, 1);
        if (c == NULL || *c != *s)
            return false;
        if (*s == '\0')
            return true;
    }
}

// The program headers: the load bias from the first PT_LOAD, and PT_DYNAMIC.
static const struct elf_dyn *vdso_headers(struct vdso_image *img, size_t *ndyn) {
    const struct elf_ehdr *eh = at(img, 0, sizeof *eh, 8);
    if (eh == NULL || eh->phentsize != sizeof(struct elf_phdr))
        return NULL;
    const struct elf_phdr *ph = at(img, eh->phoff, (uint64_t)eh->phnum * sizeof *ph, 8);
    if (ph == NULL)
        return NULL;
    const struct elf_dyn *dyn = NULL;
    bool found_load = false;
    for (int i = 0; i < eh->phnum; i++) {
        if (ph[i].type == PT_LOAD && !found_load) {
            found_load = true;
            img->bias = img->base + ph[i].offset - ph[i].vaddr;
        } else if (ph[i].type == PT_DYNAMIC && ph[i].filesz / sizeof *dyn > 0) {
            dyn = at(img, ph[i].offset, ph[i].filesz, 8);
            *ndyn = ph[i].filesz / sizeof *dyn;
        }
    }
    return found_load ? dyn : NULL;
}

static bool vdso_parse(struct vdso_image *img) {
    size_t ndyn = 0;
    const struct elf_dyn *dyn = vdso_headers(img, &ndyn);
    if (dyn == NULL)
        return false;
    uint64_t symtab = UINT64_MAX, hash = UINT64_MAX, versym = UINT64_MAX;
    img->strtab = UINT64_MAX;
    for (size_t i = 0; i < ndyn && dyn[i].tag != DT_NULL; i++) {
        uint64_t off = offset_of(img, dyn[i].val);
        switch (dyn[i].tag) {
        case DT_SYMTAB:
            symtab = off;
            break;
        case DT_STRTAB:
            img->strtab = off;
            break;
        case DT_HASH:
            hash = off;
            break;
        case DT_VERSYM:
            versym = off;
            break;
        case DT_VERDEF:
            img->verdef = off == UINT64_MAX ? 0 : off;
            break;
        default:
            break;
        }
    }
    const uint32_t *h = at(img, hash, 2 * sizeof(uint32_t), 4);
    if (h == NULL || img->strtab == UINT64_MAX)
        return false;
    img->nsyms = h[1]; // nchain
    img->symtab = at(img, symtab, img->nsyms * sizeof(struct elf_sym), 8);
    img->versym = at(img, versym, img->nsyms * sizeof(uint16_t), 2);
    return img->symtab != NULL;
}

// The verdef index whose name is version, or -1. A verdef chain that loops or leaves
// the image ends the search.
static int version_index(const struct vdso_image *img, const char *version) {
    uint64_t off = img->verdef;
    for (size_t steps = 0; off != 0 && steps < img->size; steps++) {
        const struct elf_verdef *vd = at(img, off, sizeof *vd, 4);
        if (vd == NULL)
            return -1;
        if (!(vd->flags & VER_FLG_BASE)) {
            const struct elf_verdaux *aux = at(img, off + vd->aux, sizeof *aux, 4);
            if (aux != NULL && str_at_eq(img, img->strtab + aux->name, version))
                return vd->ndx & 0x7fff;
        }
        off = vd->next ? off + vd->next : 0;
    }
    return -1;
}

void *vdso_lookup_image(const void *image, size_t size, const char *version, const char *name) {
    struct vdso_image img = {.base = (uintptr_t)image, .size = size};
    if (image == NULL || !vdso_parse(&img))
        return NULL;
    int want = img.versym && img.verdef ? version_index(&img, version) : -1;
    for (size_t i = 0; i < img.nsyms; i++) {
        const struct elf_sym *s = &img.symtab[i];
        int bind = s->info >> 4, type = s->info & 0xf;
        if (type != STT_FUNC || (bind != STB_GLOBAL && bind != STB_WEAK) || s->shndx == 0)
            continue;
        if (!str_at_eq(&img, img.strtab + s->name, name))
            continue;
        if (want >= 0 && (img.versym[i] & 0x7fff) != want)
            continue;
        if (offset_of(&img, s->value) == UINT64_MAX)
            return NULL; // a function outside the image: not one to call
        return (void *)(img.bias + s->value);
    }
    return NULL;
}

// The kernel maps the vDSO whole: its size is where its PT_LOAD segments end in the file.
// The ELF header and program headers sit in its first page, which is always mapped.
enum { VDSO_FIRST_PAGE = 4096, VDSO_MAX_SIZE = 1 << 20 };

static size_t vdso_size(uintptr_t base) {
    struct vdso_image first = {.base = base, .size = VDSO_FIRST_PAGE};
    const struct elf_ehdr *eh = at(&first, 0, sizeof *eh, 8);
    if (eh == NULL || eh->phentsize != sizeof(struct elf_phdr))
        return 0;
    const struct elf_phdr *ph = at(&first, eh->phoff, (uint64_t)eh->phnum * sizeof *ph, 8);
    size_t size = 0;
    for (int i = 0; ph != NULL && i < eh->phnum; i++) {
        if (ph[i].type == PT_LOAD && ph[i].offset <= VDSO_MAX_SIZE &&
            ph[i].filesz <= VDSO_MAX_SIZE - ph[i].offset && ph[i].offset + ph[i].filesz > size)
            size = ph[i].offset + ph[i].filesz;
    }
    return size;
}

void *vdso_lookup(uintptr_t base, const char *version, const char *name) {
    if (base == 0)
        return NULL;
    size_t size = vdso_size(base);
    return size == 0 ? NULL : vdso_lookup_image((const void *)base, size, version, name);
}
