// wg.c — rt_wg, Go's sync.WaitGroup. One 64-bit word holds the counter (high half)
// and the number of parked waiters (low half), so that "counter reached zero" and
// "who must be woken" are decided by a single atomic operation; waiters park on sema.
#include "runtime.h"
#include "misuse.h"
#include "sanitizer.h"

static int32_t counter_of(uint64_t state) {
    return (int32_t)(state >> 32);
}
static uint32_t waiters_of(uint64_t state) {
    return (uint32_t)state;
}

void rt_wg_add(rt_wg *wg, int delta) {
    if (delta < 0)
        san_release(wg); // a Done happens before the Wait it lets return (sanitizer.h)
    uint64_t state = atomic_xadd(&wg->state, (uint64_t)(int64_t)delta << 32);
    int32_t v = counter_of(state);
    uint32_t w = waiters_of(state);
    if (v < 0)
        fatal("sync: negative WaitGroup counter");
    // An Add that starts a new round from zero while someone still waits on the old one.
    if (w != 0 && delta > 0 && v == delta)
        fatal("sync: WaitGroup misuse: Add called concurrently with Wait");
    if (v > 0 || w == 0)
        return;
    // We took the counter to zero with waiters parked. Nobody else may change the state
    // now (Wait does not join at zero, Add must not race with it): reset it, wake them.
    if (atomic_load(&wg->state) != state)
        fatal("sync: WaitGroup misuse: Add called concurrently with Wait");
    atomic_store(&wg->state, 0);
    for (; w != 0; w--)
        semrelease(&wg->sema, false);
}

void rt_wg_done(rt_wg *wg) {
    rt_wg_add(wg, -1);
}

void rt_wg_wait(rt_wg *wg) {
    check_caller("rt_wg_wait");
    preempt_check();
    for (;;) {
        uint64_t state = atomic_load(&wg->state);
        if (counter_of(state) == 0) {
            san_acquire(wg);
            return;
        }
        if (atomic_cas(&wg->state, state, state + 1)) {
            semacquire(&wg->sema, false);
            // The waker zeroed the state before releasing us; anything else means the
            // group was reused (Add) before every Wait of the last round returned.
            if (atomic_load(&wg->state) != 0)
                fatal("sync: WaitGroup is reused before previous Wait has returned");
            san_acquire(wg);
            return;
        }
    }
}
