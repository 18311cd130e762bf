// lock.c — the runtime's own mutex and notes on the OS layer's futex-style sleep/wake.
// A mutex word is 0 (unlocked), 1 (locked) or 2 (locked, maybe with sleepers), so an
// uncontended unlock makes no syscall; or 3 (MUTEX_HELD_SOLO): a channel's lock taken
// with a plain store at one P (chan.h), which nobody can be contending.
#include "runtime.h"
#include "os.h"

enum { SPIN_ACTIVE = 4, SPIN_PASSIVE = 1 };

static inline void lock_impl(mutex *l) {
    if (atomic_cas(&l->key, 0, 1))
        return;
    uint32_t wait = 1;
    for (;;) {
        for (int i = 0; i < SPIN_ACTIVE; i++) {
            while (atomic_load_relaxed(&l->key) == 0)
                if (atomic_cas(&l->key, 0, wait))
                    return;
            for (int k = 0; k < 30; k++)
                cpu_relax();
        }
        for (int i = 0; i < SPIN_PASSIVE; i++) {
            while (atomic_load_relaxed(&l->key) == 0)
                if (atomic_cas(&l->key, 0, wait))
                    return;
            os_osyield();
        }
        // Sleep; whoever unlocks sees 2 and wakes one sleeper.
        if (atomic_xchg(&l->key, 2) == 0)
            return;
        wait = 2;
        os_futexsleep(&l->key, 2, -1);
    }
}

// lock and unlock (runtime.h) try the uncontended case inline first.
void lock_full(mutex *l) {
    DEBUG_HOOK(debug_lock_check(l));
    locks_add(1);
    lock_impl(l);
    DEBUG_HOOK(debug_lock_acquired(l));
}

void lock_wake(mutex *l) {
    os_futexwakeup(&l->key, 1);
}

void unlock_full(mutex *l) {
    DEBUG_HOOK(debug_lock_released(l));
    if (atomic_xchg(&l->key, 0) == 2)
        os_futexwakeup(&l->key, 1);
    locks_add(-1);
}

void noteclear(note *n) {
    atomic_store(&n->key, 0);
}

void notewakeup(note *n) {
    if (atomic_xchg(&n->key, 1) != 0)
        fatal("notewakeup - double wakeup");
    os_futexwakeup(&n->key, 1);
}

void notesleep(note *n) {
    while (atomic_load(&n->key) == 0)
        os_futexsleep(&n->key, 0, -1);
}

bool notetsleep(note *n, int64_t ns) {
    if (ns < 0) {
        notesleep(n);
        return true;
    }
    int64_t deadline = deadline_after(nanotime(), ns);
    while (atomic_load(&n->key) == 0) {
        os_futexsleep(&n->key, 0, ns);
        if (atomic_load(&n->key) != 0)
            break;
        ns = deadline - nanotime();
        if (ns <= 0)
            return false;
    }
    return true;
}

void wakeword_sleep(uint32_t *w, int64_t ns) {
    int64_t deadline = ns < 0 ? 0 : deadline_after(nanotime(), ns);
    while (atomic_load(w) == 0) {
        if (ns >= 0) {
            ns = deadline - nanotime();
            if (ns <= 0)
                break;
        }
        os_futexsleep(w, 0, ns);
    }
}

void wakeword_wake(uint32_t *w) {
    if (atomic_xchg(w, 1) == 0)
        os_futexwakeup(w, 1);
}
