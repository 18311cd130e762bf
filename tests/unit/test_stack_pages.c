// Stacks on a kernel with larger pages than this one (16 KiB on Apple silicon, 64 KiB on
// many ppc64 and arm64 kernels): the guard size, the slot spacing and the arena start come
// from the page size the OS reported, so every guard is whole pages on a page boundary and
// mprotect takes it. The page size is faked to 16 and 64 KiB, multiples of the real one, so
// the real mprotect still answers; /proc/self/maps shows where the PROT_NONE pages landed.
#include <criterion/criterion.h>

#include "harness.h"

enum { NSTACKS = 8 };

// Whether [lo, hi) lies inside one mapping with no access rights.
static bool prot_none(uintptr_t lo, uintptr_t hi) {
    FILE *f = fopen("/proc/self/maps", "r");
    cr_assert_not_null(f);
    char line[512];
    bool found = false;
    while (!found && fgets(line, sizeof line, f) != NULL) {
        unsigned long start, end;
        char perms[5];
        if (sscanf(line, "%lx-%lx %4s", &start, &end, perms) == 3)
            found =
                start <= lo && hi <= end && perms[0] == '-' && perms[1] == '-' && perms[2] == '-';
    }
    fclose(f);
    return found;
}

// Boots the stack allocator as if the OS had reported page bytes per page and checks
// every guard of NSTACKS stacks.
static void guards_land(uintptr_t page) {
    cr_assert_eq(page % (uintptr_t)sysconf(_SC_PAGESIZE), 0);
    fake_env();
    osinfo.page_size = page;
    osinfo.max_map_count = 65530;
    stackinit();
    cr_assert_eq(stack_guard_size, page, "guard: %lu bytes, not the %lu-byte page",
                 (unsigned long)stack_guard_size, (unsigned long)page);
    static g gs[NSTACKS];
    for (int i = 0; i < NSTACKS; i++) {
        stackalloc(&fake_p, &gs[i]);
        uintptr_t lo = gs[i].stack.lo, guard = lo - stack_guard_size;
        cr_assert_eq(gs[i].stackguard1, 0, "stack %d is on a canary: its guard did not land", i);
        cr_assert_eq(guard % page, 0, "stack %d: guard at %#lx is not on a page boundary", i,
                     (unsigned long)guard);
        cr_assert(prot_none(guard, lo), "stack %d: [%#lx, %#lx) is not PROT_NONE", i,
                  (unsigned long)guard, (unsigned long)lo);
    }
}

// Apple silicon's pages.
Test(stack_pages, guards_land_on_16k_pages) {
    guards_land(16 * 1024);
}

Test(stack_pages, guards_land_on_64k_pages) {
    guards_land(64 * 1024);
}
