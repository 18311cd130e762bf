// signal.c — what a fatal signal means. The generated layer installs a handler for
// each of the table's signals.fatal (on the M's own signal stack: an overflowed stack
// cannot run it) and passes the signal and the faulting address here. A fault in the
// guard page below the running stack is a stack overflow, said as such; anything else
// is an unexpected signal. Either way: `fatal error: ...` and exit 2, never a core dump.
#include "runtime.h"
#include "os.h"

static bool in_guard(const g *gp, uintptr_t addr) {
    return gp->stack.lo != 0 && addr < gp->stack.lo && addr >= gp->stack.lo - STACK_GUARD_SIZE;
}

void *fatal_sigctx;

void sigfatal(int sig, uintptr_t addr, void *ctx) {
    if (atomic_load(&in_traceback)) { // the walk itself faulted: no second traceback
        print_to(2, "\n...signal %d while printing the traceback\n", sig);
        os_exit(2);
    }
    fatal_sigctx = ctx;
    g *gp = getg();
    if (gp == NULL)
        fatalf("unexpected signal %d at address %p before the runtime set up TLS", sig,
               (void *)addr);
    m *mp = gp->m;
    if (mp != NULL && gp == mp->g0) {
        if (in_guard(gp, addr))
            fatalf("stack overflow: the scheduler stack (g0) of M %lld ran into its guard page",
                   (long long)mp->id);
    } else if (in_guard(gp, addr)) {
        fatalf("stack overflow: goroutine %lld ran into the guard page below its stack",
               (long long)gp->goid);
    } else if (gp->stackguard1 != 0 && *(volatile uintptr_t *)gp->stackguard1 != STACK_CANARY) {
        // An unguarded stack overflowed into its neighbour and on into unmapped memory.
        fatalf("stack overflow: goroutine %lld overwrote the canary below its stack (signal %d)",
               (long long)gp->goid, sig);
    }
    fatalf("unexpected signal %d at address %p in goroutine %lld", sig, (void *)addr,
           (long long)gp->goid);
}
