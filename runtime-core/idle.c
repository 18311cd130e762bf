// idle.c — waiting for the next timer and for fds while no P needs this M. One M at a
// time holds the role (Go: the M blocked in netpoll with the earliest timer as its
// timeout). It has no P and is on no idle list, so handoffp, startm or start-the-world
// never hand it other work; whoever makes a timer earlier than its wake-up breaks its
// wait, and when nobody holds the role a new timer wakes an idle P (wakep).
#include "runtime.h"
#include "netpoll.h"

// Sleeps as the waiter until `when` (0: no timer), a break, or (once the network
// poller exists) an fd event; the goroutines a poll made ready are left in `ready`.
// Returns false at once, after breaking the waiter's sleep if it wakes later than
// `when`, when another M holds the role: the caller then stops like any idle M.
bool timer_wait(int64_t when, gqueue *ready) {
    if (atomic_load(&sched.waiting) != 0 || !atomic_cas(&sched.waiting, 0, 1)) {
        if (when != 0)
            timer_wait_break(when);
        return false;
    }
    bool poll = netpoll_inited();
    atomic_store(&sched.waitword, 0);
    atomic_store(&sched.wait_in_poll, poll);
    int64_t until = when != 0 ? when : INT64_MAX;
    atomic_store(&sched.wait_until, until);
    // A timer added before wait_until was published found no one to break: look again.
    // (timers_add stores timer0when before it reads wait_until; both are seq_cst.)
    int64_t again = timers_earliest();
    if (again != 0 && again < until) {
        until = again;
        atomic_store(&sched.wait_until, until);
    }
    // A timer already due must not turn into "no timeout": wait 0 then, never forever.
    int64_t ns = -1;
    if (until != INT64_MAX) {
        ns = until - nanotime();
        if (ns < 0)
            ns = 0;
    }
    // The poller may have been made since `poll` was read, by someone who then saw no
    // waiter to wake (timer_wait_poller_ready): do not sleep on the word past its fds.
    if (!poll && netpoll_inited())
        ns = 0;
    if (poll)
        netpoll(ns, ready);
    else
        wakeword_sleep(&sched.waitword, ns);
    atomic_store(&sched.wait_until, 0);
    atomic_store(&sched.wait_in_poll, 0);
    atomic_store(&sched.waiting, 0);
    return true;
}

// A timer at `when` exists now: make sure someone wakes for it.
void timer_wait_break(int64_t when) {
    int64_t until = atomic_load(&sched.wait_until);
    if (until != 0) {
        if (when < until) {
            if (atomic_load(&sched.wait_in_poll))
                netpoll_break();
            else
                wakeword_wake(&sched.waitword);
        }
        return;
    }
    if (atomic_load(&sched.waiting) == 0)
        wakep(); // an idle P's M comes to look, and waits for the timer if none is due
}

// The poller was just made. A waiter that began before it sleeps on its wake word and
// would leave every fd's events until its timer (or for ever): wake it, so that it comes
// back and waits in the poller. (It re-reads netpoll_inited after publishing itself.)
void timer_wait_poller_ready(void) {
    if (atomic_load(&sched.waiting) != 0 && atomic_load(&sched.wait_in_poll) == 0)
        wakeword_wake(&sched.waitword);
}

// Wakes sysmon if it sleeps because every P was idle: one is about to run.
void sysmon_wake(void) {
    if (atomic_load_relaxed(&sched.sysmonwait) != 0 && atomic_cas(&sched.sysmonwait, 1, 0))
        wakeword_wake(&sched.sysmonword);
}
