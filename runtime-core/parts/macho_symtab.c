// macho_symtab.c — function names for tracebacks from a Mach-O executable's own symbol
// table (LC_SYMTAB's nlist_64 entries and string table, in __LINKEDIT), read from the
// file image os_map_self maps. The symtab.h reader of object_format = macho
// (core_parts). nlist_64 has no size: a function runs from its symbol to the next symbol
// of its section, or the section's end; only code sections count. Linear scans: it runs
// once, on the way to exit. Layouts: <mach-o/loader.h>, <mach-o/nlist.h>.
#include "symtab.h"

enum {
    MH_MAGIC_64 = 0xfeedfacf,
    LC_SEGMENT_64 = 0x19,
    LC_SYMTAB = 0x2,
    N_STAB = 0xe0,
    N_TYPE = 0x0e,
    N_SECT = 0x0e,
    // section_64.flags: the section holds machine instructions
    S_ATTR_PURE_INSTRUCTIONS = 0x80000000u,
    S_ATTR_SOME_INSTRUCTIONS = 0x400,
};

struct mach_header_64 {
    uint32_t magic, cputype, cpusubtype, filetype, ncmds, sizeofcmds, flags, reserved;
};
struct load_command {
    uint32_t cmd, cmdsize;
};
struct symtab_command {
    uint32_t cmd, cmdsize, symoff, nsyms, stroff, strsize;
};
struct segment_command_64 {
    uint32_t cmd, cmdsize;
    char segname[16];
    uint64_t vmaddr, vmsize, fileoff, filesize;
    uint32_t maxprot, initprot, nsects, flags;
};
struct section_64 {
    char sectname[16], segname[16];
    uint64_t addr, size;
    uint32_t offset, align, reloff, nreloc, flags, reserved1, reserved2, reserved3;
};
struct nlist_64 {
    uint32_t n_strx;
    uint8_t n_type, n_sect;
    uint16_t n_desc;
    uint64_t n_value;
};

// The C name of a symbol name: the "_" every C symbol gets, and "___rt0_" for the
// runtime's private externs (renamed by gen/toolchain/ninja.lua's ar_macho so that no program's
// global clashes with them) both come off.
static const char *c_name(const char *n) {
    static const char renamed[] = "___rt0_";
    size_t i = 0;
    while (renamed[i] != '\0' && n[i] == renamed[i])
        i++;
    return renamed[i] == '\0' ? n + i : n[0] == '_' ? n + 1 : n;
}

// A segment's code sections: their file address bounds and section numbers.
static void code_sections(struct symtab *st, const unsigned char *lc, uint32_t len, int *sect) {
    const struct segment_command_64 *seg = (const void *)lc;
    if (len < sizeof *seg)
        return;
    uint64_t n = (len - sizeof *seg) / sizeof(struct section_64);
    const struct section_64 *s = (const void *)(lc + sizeof *seg);
    for (uint32_t i = 0; i < seg->nsects && i < n; i++) {
        ++*sect;
        bool code = (s[i].flags & (S_ATTR_PURE_INSTRUCTIONS | S_ATTR_SOME_INSTRUCTIONS)) != 0;
        if (code && st->ncode < SYMTAB_MAX_CODE && *sect <= 255 &&
            s[i].addr + s[i].size >= s[i].addr) {
            st->code_lo[st->ncode] = s[i].addr;
            st->code_hi[st->ncode] = s[i].addr + s[i].size;
            st->code_sect[st->ncode++] = (uint8_t)*sect;
        }
    }
}

bool symtab_open(const void *img, size_t size, struct symtab *st) {
    const unsigned char *b = img;
    const struct mach_header_64 *mh = img;
    if (img == NULL || size < sizeof *mh || mh->magic != MH_MAGIC_64 ||
        !symtab_within(size, sizeof *mh, mh->sizeofcmds))
        return false;
    *st = (struct symtab){.img = b, .size = size};
    const unsigned char *lc = b + sizeof *mh, *end = lc + mh->sizeofcmds;
    const struct symtab_command *sym = NULL;
    int sect = 0;
    for (uint32_t i = 0; i < mh->ncmds; i++) {
        const struct load_command *c = (const void *)lc;
        if ((size_t)(end - lc) < sizeof *c || c->cmdsize < sizeof *c || c->cmdsize > end - lc)
            return false;
        if (c->cmd == LC_SYMTAB && c->cmdsize >= sizeof *sym)
            sym = (const void *)lc;
        else if (c->cmd == LC_SEGMENT_64)
            code_sections(st, lc, c->cmdsize, &sect);
        lc += c->cmdsize;
    }
    if (sym == NULL ||
        !symtab_within(size, sym->symoff, (uint64_t)sym->nsyms * sizeof(struct nlist_64)) ||
        !symtab_within(size, sym->stroff, sym->strsize))
        return false;
    st->syms = b + sym->symoff;
    st->nsyms = sym->nsyms;
    st->strs = (const char *)(b + sym->stroff);
    st->strsize = sym->strsize;
    return true;
}

static const char *sym_name(const struct symtab *st, const struct nlist_64 *s) {
    if (s->n_strx >= st->strsize)
        return NULL;
    for (size_t i = s->n_strx; i < st->strsize; i++)
        if (st->strs[i] == '\0')
            return st->strs + s->n_strx;
    return NULL;
}

// Which code section holds addr: its index in st->code_*, or -1.
static int code_index(const struct symtab *st, uint64_t addr) {
    for (int i = 0; i < st->ncode; i++)
        if (addr >= st->code_lo[i] && addr < st->code_hi[i])
            return i;
    return -1;
}

// A symbol defined in a section (not a debugging entry, not undefined or absolute).
static bool defined(const struct nlist_64 *s) {
    return (s->n_type & N_STAB) == 0 && (s->n_type & N_TYPE) == N_SECT;
}

const char *symtab_func(const struct symtab *st, uintptr_t addr, uintptr_t *off) {
    int c = code_index(st, addr);
    if (c < 0)
        return NULL;
    const struct nlist_64 *syms = st->syms, *best = NULL;
    for (size_t i = 0; i < st->nsyms; i++) {
        const struct nlist_64 *s = &syms[i];
        if (defined(s) && s->n_sect == st->code_sect[c] && s->n_value <= addr &&
            (best == NULL || s->n_value > best->n_value) && sym_name(st, s) != NULL)
            best = s;
    }
    if (best == NULL)
        return NULL;
    *off = addr - best->n_value;
    return c_name(sym_name(st, best));
}

uintptr_t symtab_value(const struct symtab *st, const char *name) {
    const struct nlist_64 *syms = st->syms;
    for (size_t i = 0; i < st->nsyms; i++) {
        const char *n = sym_name(st, &syms[i]);
        if (n != NULL && defined(&syms[i]) && symtab_name_eq(c_name(n), name))
            return syms[i].n_value;
    }
    return 0;
}
