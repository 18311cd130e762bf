// elf_symtab.c — function names for tracebacks from an ELF executable's own .symtab (the
// file, mapped by os_map_self: the section is in no loaded segment). The symtab.h reader
// of object_format = elf (core_parts). Linear scans: it runs once, on the way to exit.
#include "symtab.h"
#include "vdso_elf.h"

enum { SHT_SYMTAB = 2, STT_FUNC = 2 };

bool symtab_open(const void *img, size_t size, struct symtab *st) {
    const unsigned char *b = img;
    const struct elf_ehdr *eh = img;
    if (img == NULL || size < sizeof *eh || b[0] != 0x7f || b[1] != 'E' || b[2] != 'L' ||
        b[3] != 'F' || b[4] != 2 || eh->shentsize != sizeof(struct elf_shdr) ||
        !symtab_within(size, eh->shoff, (uint64_t)eh->shnum * sizeof(struct elf_shdr)))
        return false;
    const struct elf_shdr *sh = (const struct elf_shdr *)(b + eh->shoff);
    for (uint16_t i = 0; i < eh->shnum; i++) {
        if (sh[i].type != SHT_SYMTAB || sh[i].link >= eh->shnum)
            continue;
        const struct elf_shdr *str = &sh[sh[i].link];
        if (!symtab_within(size, sh[i].offset, sh[i].size) ||
            !symtab_within(size, str->offset, str->size))
            return false;
        st->syms = b + sh[i].offset;
        st->nsyms = sh[i].size / sizeof(struct elf_sym);
        st->strs = (const char *)(b + str->offset);
        st->strsize = str->size;
        return true;
    }
    return false;
}

static const char *sym_name(const struct symtab *st, const struct elf_sym *s) {
    if (s->name >= st->strsize)
        return NULL;
    for (size_t i = s->name; i < st->strsize; i++)
        if (st->strs[i] == '\0')
            return st->strs + s->name;
    return NULL;
}

const char *symtab_func(const struct symtab *st, uintptr_t addr, uintptr_t *off) {
    const struct elf_sym *syms = st->syms;
    for (size_t i = 0; i < st->nsyms; i++) {
        const struct elf_sym *s = &syms[i];
        if ((s->info & 0xf) != STT_FUNC || addr < s->value || addr - s->value >= s->size)
            continue;
        const char *name = sym_name(st, s);
        if (name != NULL) {
            *off = addr - s->value;
            return name;
        }
    }
    return NULL;
}

uintptr_t symtab_value(const struct symtab *st, const char *name) {
    const struct elf_sym *syms = st->syms;
    for (size_t i = 0; i < st->nsyms; i++) {
        const char *n = sym_name(st, &syms[i]);
        if (n != NULL && symtab_name_eq(n, name))
            return syms[i].value;
    }
    return 0;
}
