/* Tests for the traceback's Mach-O symbol reader (runtime-core/parts/macho_symtab.c),
 * compiled for the host and run on real Mach-O executables the build cross-linked for
 * every Mach-O target (MACHO_FIXTURES, set by the unit suite: examples/hello.c): each
 * function llvm-nm lists in a code section is found by name and by address, and
 * truncated or corrupted copies of the file give no answer, never a fault. */
#define symtab_open  macho_symtab_open
#define symtab_func  macho_symtab_func
#define symtab_value macho_symtab_value
#include "../../runtime-core/parts/macho_symtab.c"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

struct fn {
    uint64_t addr;
    char name[128];
};

static unsigned char *slurp(const char *path, size_t *size) {
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "%s: cannot open", path);
    fseek(f, 0, SEEK_END);
    *size = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *b = malloc(*size);
    cr_assert_eq(fread(b, 1, *size, f), *size);
    fclose(f);
    return b;
}

// The functions llvm-nm -m lists in __TEXT,__text and __TEXT,__rt0_text, by address.
static int functions(const char *path, struct fn *out, int max) {
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "llvm-nm -m --defined-only -n '%s'", path);
    FILE *p = popen(cmd, "r");
    cr_assert_not_null(p);
    char line[512];
    int n = 0;
    while (n < max && fgets(line, sizeof line, p) != NULL) {
        unsigned long long a;
        char sect[64];
        if (sscanf(line, "%llx %63s", &a, sect) != 2 || strstr(line, "referenced dynamically") ||
            (strcmp(sect, "(__TEXT,__text)") != 0 && strcmp(sect, "(__TEXT,__rt0_text)") != 0))
            continue;
        char *name = strrchr(line, ' ') + 1;
        name[strcspn(name, "\n")] = '\0';
        out[n].addr = a;
        snprintf(out[n].name, sizeof out[n].name, "%s", c_name(name));
        n++;
    }
    pclose(p);
    return n;
}

static int fixtures(char paths[][512], int max) {
    const char *env = getenv("MACHO_FIXTURES");
    cr_assert(env != NULL && env[0] != '\0', "MACHO_FIXTURES names no Mach-O executable");
    int n = 0;
    for (const char *s = env; *s != '\0' && n < max;) {
        size_t len = strcspn(s, " ");
        snprintf(paths[n++], 512, "%.*s", (int)len, s);
        s += len + (s[len] == ' ');
    }
    return n;
}

static struct fn fns[4096];

Test(macho_symtab, finds_every_function_llvm_nm_lists) {
    char paths[4][512];
    int nfix = fixtures(paths, 4);
    for (int f = 0; f < nfix; f++) {
        size_t size;
        unsigned char *img = slurp(paths[f], &size);
        struct symtab st;
        cr_assert(macho_symtab_open(img, size, &st), "%s: not read", paths[f]);
        int n = functions(paths[f], fns, 4096);
        cr_assert_gt(n, 100, "%s: llvm-nm lists only %d functions", paths[f], n);
        for (int i = 0; i < n; i++) {
            uintptr_t off = 99;
            const char *name = macho_symtab_func(&st, fns[i].addr, &off);
            cr_assert_not_null(name, "%s: nothing at %s's %#llx", paths[f], fns[i].name,
                               (unsigned long long)fns[i].addr);
            cr_assert_eq(off, 0);
            // Aliases share an address: the name found must be at that address too.
            cr_assert_eq(macho_symtab_value(&st, name), fns[i].addr, "%s: %s", paths[f], name);
            cr_assert_eq(macho_symtab_value(&st, fns[i].name), fns[i].addr, "%s: %s", paths[f],
                         fns[i].name);
            if (i + 1 < n && fns[i + 1].addr > fns[i].addr + 4) {
                name = macho_symtab_func(&st, fns[i].addr + 4, &off);
                cr_assert_not_null(name);
                cr_assert_eq(off, 4);
                cr_assert_eq(macho_symtab_value(&st, name), fns[i].addr);
            }
        }
        // What traceback.c looks up, and names as a program's author wrote them.
        cr_assert_neq(macho_symtab_value(&st, "traceback_fatal"), 0);
        cr_assert_neq(macho_symtab_value(&st, "rt_main"), 0);
        cr_assert_eq(macho_symtab_value(&st, "no_such_function"), 0);
        cr_assert_null(macho_symtab_func(&st, 0x10, &(uintptr_t){0}), "below the code");
        free(img);
    }
}

// A copy of the first len bytes ending right at a PROT_NONE page, so any read past them
// faults.
static unsigned char *fenced(const unsigned char *src, size_t len, void **map, size_t *maplen) {
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    *maplen = (len + page - 1) / page * page + page;
    *map = mmap(NULL, *maplen, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    cr_assert_neq(*map, MAP_FAILED);
    unsigned char *fence = (unsigned char *)*map + *maplen - page;
    mprotect(fence, page, PROT_NONE);
    memcpy(fence - len, src, len);
    return fence - len;
}

static void probe(const unsigned char *b, size_t len) {
    struct symtab st;
    uintptr_t off;
    if (macho_symtab_open(b, len, &st)) {
        macho_symtab_func(&st, 0x100001000, &off);
        macho_symtab_func(&st, 0x100003000, &off);
        macho_symtab_value(&st, "traceback_fatal");
    }
}

Test(macho_symtab, truncated_files_never_fault) {
    char paths[4][512];
    int nfix = fixtures(paths, 4);
    for (int f = 0; f < nfix; f++) {
        size_t size;
        unsigned char *img = slurp(paths[f], &size);
        int opened = 0;
        for (size_t len = 0; len <= size; len += len < 8192 ? 1 : 97) {
            void *map;
            size_t maplen;
            unsigned char *b = fenced(img, len, &map, &maplen);
            struct symtab st;
            opened += macho_symtab_open(b, len, &st);
            probe(b, len);
            munmap(map, maplen);
        }
        // Only copies that keep the whole symbol and string tables are read at all.
        cr_assert_lt(opened, 64, "%s: %d truncated copies read", paths[f], opened);
        free(img);
    }
}

Test(macho_symtab, corrupted_headers_never_fault) {
    char paths[4][512];
    int nfix = fixtures(paths, 4);
    srand(12);
    for (int f = 0; f < nfix; f++) {
        size_t size;
        unsigned char *img = slurp(paths[f], &size);
        const struct mach_header_64 *mh = (const void *)img;
        size_t head = sizeof *mh + mh->sizeofcmds;
        for (int i = 0; i < 3000; i++) {
            void *map;
            size_t maplen;
            unsigned char *b = fenced(img, size, &map, &maplen);
            for (int k = 0; k < 1 + i % 4; k++) // a few bytes of the load commands
                b[(size_t)rand() % head] = (unsigned char)rand();
            probe(b, size);
            munmap(map, maplen);
        }
        cr_assert_null(macho_symtab_func(&(struct symtab){0}, 0x100000000, &(uintptr_t){0}));
        cr_assert(!macho_symtab_open(img, 3, &(struct symtab){0}));
        cr_assert(!macho_symtab_open(NULL, size, &(struct symtab){0}));
        free(img);
    }
}
