// The debug variant's checks fire: linked white-box against the debug build's raw
// objects (librt0_internal.a), each argument breaks one rule and must end in the
// matching fatal error. Run by tests/gen/debug_spec.lua.
#include "runtime.h"

static mutex a, b;

static void smash_low_canary(void *arg) {
    (void)arg;
    *(volatile uintptr_t *)getg()->stack.lo = 0; // as a frame reaching the low end would
    rt_yield();                                   // the switch checks it
}

int rt_main(int argc, char **argv) {
    const char *what = argc > 1 ? argv[1] : "";
    if (what[0] == 's') { // self-deadlock
        lock(&a);
        lock(&a);
    } else if (what[0] == 'o') { // order: chan after sched
        lockinit(&b, LOCK_RANK_CHAN);
        lock(&sched.lock);
        lock(&b);
    } else if (what[0] == 'u') { // unlock of a lock not held
        unlock(&a);
    } else if (what[0] == 'c') { // canary
        rt_go(smash_low_canary, NULL);
        for (;;)
            rt_yield();
    } else if (what[0] == 'f') { // fine: ranks in order
        lockinit(&b, LOCK_RANK_CHAN);
        lock(&b);
        lock(&sched.lock);
        unlock(&sched.lock);
        unlock(&b);
        rt_print("ok\n");
        return 0;
    }
    return 3;
}
