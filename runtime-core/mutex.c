// mutex.c — rt_mutex, Go's sync.Mutex. One state word: a locked bit, a woken bit (a
// waiter is awake and competing, so unlock need not wake another), a starving bit and
// the count of parked waiters above them; waiters park on the mutex's semaphore.
//
// Normal mode: a woken waiter competes with newly arriving goroutines, which usually win
// (they are already running), which is what makes the mutex fast. A waiter that has
// waited over 1 ms switches the mutex to starvation mode: unlock then hands the lock
// directly to the first waiter, and newcomers queue instead of barging. The mutex goes
// back to normal when the last waiter takes it, or one that waited under 1 ms does.
#include "runtime.h"
#include "misuse.h"
#include "sanitizer.h"

enum {
    MUTEX_LOCKED = 1,
    MUTEX_WOKEN = 2,
    MUTEX_STARVING = 4,
    MUTEX_WAITER_SHIFT = 3,
    MUTEX_WAITER = 1 << MUTEX_WAITER_SHIFT,
    SPIN_ITERS = 4,   // spin this many rounds before parking
    SPIN_PAUSES = 30, // cpu_relax per round
};

#define STARVATION_THRESHOLD_NS 1000000

// Spinning pays only if the holder runs on another P and may unlock soon: there must be
// other Ps busy, and nothing else waiting to run on ours.
static bool can_spin(int iter) {
    if (iter >= SPIN_ITERS || osinfo.ncpu <= 1 || sched.gomaxprocs <= 1)
        return false;
    uint32_t idle = atomic_load_relaxed(&sched.npidle) + atomic_load_relaxed(&sched.nmspinning);
    if ((uint32_t)sched.gomaxprocs <= idle + 1)
        return false;
    return runqempty(getg()->m->p);
}

static void spin(void) {
    for (int i = 0; i < SPIN_PAUSES; i++)
        cpu_relax();
}

bool rt_mutex_trylock(rt_mutex *mu) {
    uint32_t old = atomic_load_relaxed(&mu->state);
    if (old & (MUTEX_LOCKED | MUTEX_STARVING))
        return false;
    if (!atomic_cas(&mu->state, old, old | MUTEX_LOCKED))
        return false;
    san_acquire(mu);
    return true;
}

// The state a lock attempt wants to install, seen 'old'.
static uint32_t lock_want(uint32_t old, bool starving, bool awoke) {
    uint32_t nw = old;
    if (!(old & MUTEX_STARVING))
        nw |= MUTEX_LOCKED; // a starving mutex belongs to its waiters: newcomers queue
    if (old & (MUTEX_LOCKED | MUTEX_STARVING))
        nw += MUTEX_WAITER;
    if (starving && (old & MUTEX_LOCKED))
        nw |= MUTEX_STARVING; // only while locked: unlock expects a waiter to hand to
    if (awoke) {
        if (!(nw & MUTEX_WOKEN))
            fatal("sync: inconsistent mutex state");
        nw &= ~(uint32_t)MUTEX_WOKEN;
    }
    return nw;
}

// We were handed the lock in starvation mode: it is not marked locked and we still count
// as a waiter. Fix both, and leave starvation mode if we are the last waiter or did not
// wait long (two goroutines could otherwise hand the lock back and forth forever).
static void take_handoff(rt_mutex *mu, uint32_t old, bool starving) {
    if ((old & (MUTEX_LOCKED | MUTEX_WOKEN)) || (old >> MUTEX_WAITER_SHIFT) == 0)
        fatal("sync: inconsistent mutex state");
    uint32_t delta = MUTEX_LOCKED - MUTEX_WAITER;
    if (!starving || (old >> MUTEX_WAITER_SHIFT) == 1)
        delta -= MUTEX_STARVING;
    atomic_xadd(&mu->state, delta);
}

static void lock_slow(rt_mutex *mu) {
    int64_t wait_start = 0;
    bool starving = false, awoke = false;
    int iter = 0;
    uint32_t old = atomic_load_relaxed(&mu->state);
    for (;;) {
        if ((old & (MUTEX_LOCKED | MUTEX_STARVING)) == MUTEX_LOCKED && can_spin(iter)) {
            // Tell unlock not to wake a parked waiter: we are awake and about to try.
            if (!awoke && !(old & MUTEX_WOKEN) && (old >> MUTEX_WAITER_SHIFT) != 0 &&
                atomic_cas(&mu->state, old, old | MUTEX_WOKEN))
                awoke = true;
            spin();
            iter++;
            old = atomic_load_relaxed(&mu->state);
            continue;
        }
        uint32_t nw = lock_want(old, starving, awoke);
        if (!atomic_cas(&mu->state, old, nw)) {
            old = atomic_load_relaxed(&mu->state);
            continue;
        }
        if (!(old & (MUTEX_LOCKED | MUTEX_STARVING)))
            return;                     // the CAS took the lock
        bool requeue = wait_start != 0; // waited before: back to the front of the queue
        if (wait_start == 0)
            wait_start = nanotime();
        semacquire(&mu->sema, requeue);
        starving = starving || nanotime() - wait_start > STARVATION_THRESHOLD_NS;
        old = atomic_load_relaxed(&mu->state);
        if (old & MUTEX_STARVING) {
            take_handoff(mu, old, starving);
            return;
        }
        awoke = true;
        iter = 0;
    }
}

void rt_mutex_lock(rt_mutex *mu) {
    check_caller("rt_mutex_lock");
    if (!atomic_cas(&mu->state, 0, MUTEX_LOCKED)) {
        preempt_check();
        lock_slow(mu);
    }
    san_acquire(mu); // an unlock happens before the lock that follows it (sanitizer.h)
}

static void unlock_slow(rt_mutex *mu, uint32_t nw) {
    if (!((nw + MUTEX_LOCKED) & MUTEX_LOCKED))
        fatal("sync: unlock of unlocked mutex");
    if (nw & MUTEX_STARVING) {
        // Hand the lock to the first waiter and let it run at once on our P. The
        // locked bit stays clear (the waiter sets it); starving keeps newcomers out.
        semrelease(&mu->sema, true);
        return;
    }
    uint32_t old = nw;
    for (;;) {
        // Nobody to wake, or someone awake already, or the lock taken again: done.
        if ((old >> MUTEX_WAITER_SHIFT) == 0 ||
            (old & (MUTEX_LOCKED | MUTEX_WOKEN | MUTEX_STARVING)))
            return;
        if (atomic_cas(&mu->state, old, (old - MUTEX_WAITER) | MUTEX_WOKEN)) {
            semrelease(&mu->sema, false);
            return;
        }
        old = atomic_load_relaxed(&mu->state);
    }
}

void rt_mutex_unlock(rt_mutex *mu) {
    san_release(mu);
    uint32_t nw = atomic_xadd(&mu->state, -(uint32_t)MUTEX_LOCKED);
    if (nw != 0)
        unlock_slow(mu, nw);
}
