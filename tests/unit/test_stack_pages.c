// Stacks on a kernel with larger pages than this one (16 KiB on Apple silicon, 64 KiB on
// many ppc64 and arm64 kernels): the guard size, the slot spacing and the arena start come
// from the page size the OS reported, so every guard is whole pages on a page boundary and
// mprotect takes it. The page size is faked to 64 KiB, a multiple of the real one, so the
// real mprotect still answers; /proc/self/maps shows where the PROT_NONE pages landed.
#include <criterion/criterion.h>

#include "harness.h"

enum { FAKE_PAGE = 64 * 1024, NSTACKS = 8 };

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

Test(stack_pages, guards_land_when_pages_are_larger) {
    cr_assert_eq(FAKE_PAGE % sysconf(_SC_PAGESIZE), 0);
    fake_env();
    osinfo.page_size = FAKE_PAGE;
    osinfo.max_map_count = 65530;
    stackinit();
    cr_assert_eq(stack_guard_size, FAKE_PAGE, "guard: %lu bytes, not the %d-byte page",
                 (unsigned long)stack_guard_size, FAKE_PAGE);
    static g gs[NSTACKS];
    for (int i = 0; i < NSTACKS; i++) {
        stackalloc(&fake_p, &gs[i]);
        uintptr_t lo = gs[i].stack.lo, guard = lo - stack_guard_size;
        cr_assert_eq(gs[i].stackguard1, 0, "stack %d is on a canary: its guard did not land", i);
        cr_assert_eq(guard % FAKE_PAGE, 0, "stack %d: guard at %#lx is not on a page boundary", i,
                     (unsigned long)guard);
        cr_assert(prot_none(guard, lo), "stack %d: [%#lx, %#lx) is not PROT_NONE", i,
                  (unsigned long)guard, (unsigned long)lo);
    }
}
