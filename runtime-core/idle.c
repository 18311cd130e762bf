// idle.c — waiting for the next timer while no P needs this M. One M at a time holds the
// role (Go: the M blocked in netpoll with the earliest timer as its timeout; the network
// poller will take it over). It has no P and is on no idle list, so handoffp, startm or
// start-the-world never hand it other work; whoever makes a timer earlier than its wake-up
// breaks its wait, and when nobody holds the role a new timer wakes an idle P (wakep).
#include "runtime.h"

// Sleeps until `when` (or a break) as the timer waiter. Returns false at once, after
// breaking the waiter's sleep if it wakes later than `when`, when another M holds the
// role: the caller then stops like any idle M.
bool timer_wait(int64_t when) {
    if (atomic_load(&sched.waiting) != 0 || !atomic_cas(&sched.waiting, 0, 1)) {
        timer_wait_break(when);
        return false;
    }
    atomic_store(&sched.waitword, 0);
    atomic_store(&sched.wait_until, when);
    // A timer added before wait_until was published found no one to break: look again.
    // (timers_add stores timer0when before it reads wait_until; both are seq_cst.)
    int64_t again = timers_earliest();
    if (again != 0 && again < when) {
        when = again;
        atomic_store(&sched.wait_until, when);
    }
    wakeword_sleep(&sched.waitword, when - nanotime());
    atomic_store(&sched.wait_until, 0);
    atomic_store(&sched.waiting, 0);
    return true;
}

// A timer at `when` exists now: make sure someone wakes for it.
void timer_wait_break(int64_t when) {
    int64_t until = atomic_load(&sched.wait_until);
    if (until != 0) {
        if (when < until)
            wakeword_wake(&sched.waitword);
        return;
    }
    if (atomic_load(&sched.waiting) == 0)
        wakep(); // an idle P's M comes to look, and waits for the timer if none is due
}

// Wakes sysmon if it sleeps because every P was idle: one is about to run.
void sysmon_wake(void) {
    if (atomic_load_relaxed(&sched.sysmonwait) != 0 && atomic_cas(&sched.sysmonwait, 1, 0))
        wakeword_wake(&sched.sysmonword);
}
