// Stage 6, threads and futex: the OS layer starts threads (os_newosproc: clone or
// pthread), each finds its own g through TLS, and os_futexsleep / os_futexwakeup hand
// wake-ups between them.
#include "stage.h"

STAGE_DEFAULT_CHECK
STAGE_DEFAULT_SCHEDINIT
STAGE_DEFAULT_NEWPROC

enum { THREADS = 3, STACK = 64 * 1024 };

static m ms[THREADS];
static g g0s[THREADS];
static uint32_t arrived, wrong_g, never;

void args(int argc, char **argv) {
    os_sysargs(argc, argv);
} // the page size os_init wants
void osinit(void) {
    os_init();
}

_Noreturn void mstart(void) {
    g *gp = getg();
    if (gp != &g0) {
        // A new thread: its g must be the g0 of the M it was started for.
        if (gp->m == NULL || gp->m->g0 != gp)
            atomic_xadd(&wrong_g, 1);
        atomic_xadd(&arrived, 1);
        os_futexwakeup(&arrived, 1);
        for (;;)
            os_futexsleep(&never, 0, -1);
    }
    for (int i = 0; i < THREADS; i++) {
        unsigned char *stack = os_reserve(STACK);
        if (stack == NULL)
            stage_fail("os_reserve failed");
        g0s[i].stack.lo = (uintptr_t)stack;
        g0s[i].stack.hi = (uintptr_t)stack + STACK;
        g0s[i].m = &ms[i];
        ms[i].g0 = &g0s[i];
        ms[i].id = i + 1;
        os_newosproc(&ms[i]);
    }
    for (int tries = 0; atomic_load(&arrived) < THREADS; tries++) {
        if (tries == 50)
            stage_fail("threads did not all start (or their wake-ups were lost)");
        os_futexsleep(&arrived, atomic_load(&arrived), 100 * 1000 * 1000);
    }
    if (atomic_load(&wrong_g) != 0)
        stage_fail("a thread did not find its own g through TLS");
    stage_printf("threads ok: %d threads started and woke g0\n", THREADS);
    stage_exit(0);
}
