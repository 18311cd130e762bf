// stack.c — goroutine stacks. Linux caps a process at max_map_count mappings, and a
// PROT_NONE guard costs two of them, so stacks are carved from large arenas: guarded
// while the mapping budget allows (STACK_GUARD_BUDGET_PERCENT of it), and beyond that
// laid end to end with a canary word just below each stack's low end. That canary sits
// in the unused top 16 bytes of the stack below (STACK_TOP_RESERVED), so a parked goroutine
// still touches only its stack's top page. A stack is bound when a G first runs and
// returned to its P's cache as soon as the G exits.
#include "runtime.h"
#include "os.h"
#include "sanitizer.h"

enum { ARENA_SLOTS = 64, GUARDED_BIT = 1 };

static mutex stack_lock;
static uintptr_t arena_next, arena_end; // carving position in the current arena
static bool arena_guarded;
static uintptr_t free_head; // global free stacks, linked through their top words
static int32_t nfree;
static int64_t guard_maps_used, guard_maps_budget;

// The guard below a stack: stacks.guard_size (STACK_GUARD_MIN) rounded up to the page
// size the OS reported, never a fixed 4096: mprotect wants whole pages, and a guard that
// is not one would fail and leave every stack on a canary (16 KiB pages on Apple silicon,
// 64 KiB on many ppc64 and arm64 kernels).
uintptr_t stack_guard_size;

#define STACK_LINK(lo)      ((uintptr_t *)((lo) + STACK_DEFAULT_SIZE - STACK_TOP_RESERVED))
#define STACK_CANARY_AT(lo) ((uintptr_t *)(lo)-1)

void stackinit(void) {
    stack_guard_size = STACK_GUARD_MIN == 0 ? 0 : ALIGN_UP(STACK_GUARD_MIN, osinfo.page_size);
    guard_maps_budget = osinfo.max_map_count * STACK_GUARD_BUDGET_PERCENT / 100;
    lockinit(&stack_lock, LOCK_RANK_STACK);
}

static void new_arena(void) {
    arena_guarded = guard_maps_used + 2 * ARENA_SLOTS <= guard_maps_budget;
    // A guarded slot is whole pages, so every guard starts on a page boundary.
    uintptr_t page = osinfo.page_size;
    size_t slot =
        arena_guarded ? ALIGN_UP(STACK_DEFAULT_SIZE, page) + STACK_GUARD_SIZE : STACK_DEFAULT_SIZE;
    // A first page for slot 0's canary, and one to align the start to a page.
    size_t size = ARENA_SLOTS * slot + 2 * page;
    void *p = os_reserve(size);
    if (p == NULL)
        fatal("out of memory allocating goroutine stacks");
    arena_next = ALIGN_UP((uintptr_t)p + page, page);
    arena_end = arena_next + ARENA_SLOTS * slot;
}

// Carves one stack; returns its lo with GUARDED_BIT set if a guard page protects it.
static uintptr_t carve(void) {
    if (arena_next >= arena_end)
        new_arena();
    uintptr_t lo = arena_next;
    if (!arena_guarded) {
        arena_next += STACK_DEFAULT_SIZE;
        *STACK_CANARY_AT(lo) = STACK_CANARY;
        return lo;
    }
    arena_next += STACK_GUARD_SIZE + ALIGN_UP(STACK_DEFAULT_SIZE, osinfo.page_size);
    if (os_guard((void *)lo, STACK_GUARD_SIZE)) {
        guard_maps_used += 2;
        return (lo + STACK_GUARD_SIZE) | GUARDED_BIT;
    }
    lo += STACK_GUARD_SIZE; // mapping budget ran out: fall back to a canary
    *STACK_CANARY_AT(lo) = STACK_CANARY;
    return lo;
}

static void refill(p *pp) {
    lock(&stack_lock);
    while (pp->nstackcache < STACK_CACHE_MAX / 2 && free_head != 0) {
        pp->stackcache[pp->nstackcache++] = free_head;
        free_head = *STACK_LINK(free_head & ~(uintptr_t)GUARDED_BIT);
        nfree--;
    }
    // Carve one at a time: each guarded stack costs an mprotect, and a program that
    // never runs more than a few goroutines should not pay for a cacheful at start-up.
    if (pp->nstackcache == 0)
        pp->stackcache[pp->nstackcache++] = carve();
    unlock(&stack_lock);
}

static void spill(p *pp, int32_t keep) {
    lock(&stack_lock);
    while (pp->nstackcache > keep) {
        uintptr_t s = pp->stackcache[--pp->nstackcache];
        *STACK_LINK(s & ~(uintptr_t)GUARDED_BIT) = free_head;
        free_head = s;
        nfree++;
    }
    unlock(&stack_lock);
}

// Binds a stack to gp, from pp's cache. Always succeeds or dies.
bool stackalloc(p *pp, g *gp) {
    if (pp->nstackcache == 0)
        refill(pp);
    uintptr_t s = pp->stackcache[--pp->nstackcache];
    uintptr_t lo = s & ~(uintptr_t)GUARDED_BIT;
    san_stack_fresh(lo, lo + STACK_DEFAULT_SIZE); // first: it remaps the stack's pages
    DEBUG_HOOK(debug_stack_bound(lo, lo + STACK_DEFAULT_SIZE)); // before sysmon can see the stack
    gp->stack.lo = lo;
    gp->stack.hi = lo + STACK_DEFAULT_SIZE;
    gp->stackguard0 = lo + STACK_GUARD;
    gp->stackguard1 = (s & GUARDED_BIT) ? 0 : (uintptr_t)STACK_CANARY_AT(lo);
    return true;
}

void stackfree(p *pp, g *gp) {
    if (pp->nstackcache == STACK_CACHE_MAX)
        spill(pp, STACK_CACHE_MAX / 2);
    uintptr_t s = gp->stack.lo | (gp->stackguard1 == 0 ? GUARDED_BIT : 0);
    pp->stackcache[pp->nstackcache++] = s;
    gp->stack.lo = gp->stack.hi = 0;
    gp->stackguard0 = gp->stackguard1 = 0;
}

void stackcache_drain(p *pp) {
    spill(pp, 0);
}

// Called at every switch away from gp and by sysmon. stackguard1 holds the canary's
// address for an unguarded stack, 0 for a guarded one.
// sysmon's look at a goroutine running on another M: it may exit, and its stack go to
// another G, while we look. So only the canary is read, through one load of its
// address; a canary stays valid while its stack is free or bound to someone else.
void stackcheck_running(g *gp) {
    uintptr_t canary = atomic_load_relaxed(&gp->stackguard1);
    if (canary != 0 && *(volatile uintptr_t *)canary != STACK_CANARY)
        fatalf("stack overflow: goroutine %lld overwrote the canary below its stack (sysmon)",
               (long long)gp->goid);
}

void stackcheck(g *gp, const char *where) {
    if (gp->stack.lo == 0)
        return;
    DEBUG_HOOK(debug_stack_check(gp, where));
    if (gp->stackguard1 != 0 && *(volatile uintptr_t *)gp->stackguard1 != STACK_CANARY)
        fatalf("stack overflow: goroutine %lld overwrote the canary below its stack (%s)",
               (long long)gp->goid, where);
    if (gp->sched_sp != 0 && gp->sched_sp < gp->stackguard0)
        fatalf("stack overflow: goroutine %lld is within %d bytes of its stack's end (%s)",
               (long long)gp->goid, STACK_GUARD, where);
}
