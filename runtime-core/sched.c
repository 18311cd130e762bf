// sched.c — one round of scheduling: find a runnable G (local queue, global queue every
// 61 ticks, timers, stealing), run it on its stack, and the switches into and out of
// goroutines (mcall, gogo, park, ready, yield).
//
// A switch whose next goroutine is already known — the head of the local queue on a
// yield, the partner a channel operation just readied into runnext before it parks,
// the next goroutine when one exits — goes from one goroutine's stack straight to the
// other's (ctx_switch), never visiting g0. g0 is used only when the scheduler must look
// for work (empty local queue, the 61-tick global check, due timers, a locked thread, a
// stop-the-world). What the old goroutine still needs — its requeue, the park commit
// (gopark's unlockf), its stack and G going back to the P — is done by the new one, on
// its own stack, once ctx_switch has saved the old context (switch_finish). So, as with
// Go's park_m on g0, nothing makes a goroutine visible to another M before its context
// is saved: a parker's wait-queue lock is released only then, a yielder is queued only
// then, an exiting goroutine's stack is freed only then.
#include "runtime.h"
#include "netpoll.h"
#include "sanitizer.h"
#include "misuse.h"

enum { STEAL_TRIES = 4, GLOBAL_CHECK_TICKS = 61 };

_Noreturn void gogo(g *gp) {
    san_switch_begin(NULL, gp);
    setg(gp);
    ctx_resume(gp->sched_sp);
}

static void mcall_thunk(void *arg) {
    san_switch_end(NULL);
    g *gp = arg;
    DEBUG_HOOK(gp->ctx_live = false);
    stackcheck(gp, "switch");
    getg()->m->mcallfn(gp);
    fatal("mcall function returned");
}

// mcall saves the current goroutine's context and calls fn(gp) on the M's g0 stack,
// which starts afresh at g0.sched_sp every time. fn must not return.
void mcall(void (*fn)(g *)) {
    g *gp = getg();
    m *mp = gp->m;
    g *g0p = mp->g0;
    if (gp == g0p)
        fatal("mcall called on g0");
    mp->mcallfn = fn;
    san_switch_begin(&gp->asan_fake_stack, g0p);
    setg(g0p);
    ctx_switch_call(&gp->sched_sp, g0p->sched_sp, mcall_thunk, gp);
    san_switch_end(gp->asan_fake_stack);
    switch_finish();
}

// Makes gp the M's running goroutine, binding a stack the first time (design: no stack
// until first run). inherit: it takes over the time slice (it came from runnext).
static inline __attribute__((always_inline)) void bind(m *mp, p *pp, g *gp, bool inherit) {
    mp->curg = gp;
    gp->m = mp;
    casgstatus(gp, G_RUNNABLE, G_RUNNING);
    gp->preempt = false;
    DEBUG_HOOK(gp->ctx_live = true);
    if (!inherit)
        pp->schedtick++;
    if (__builtin_expect(gp->stack.lo == 0, 0)) {
        stackalloc(pp, gp);
        gp->sched_sp = ctx_init(gp->stack.hi - STACK_TOP_RESERVED, ctx_start);
    }
}

_Noreturn void execute(g *gp, bool inherit) {
    m *mp = getg()->m;
    bind(mp, mp->p, gp, inherit);
    gogo(gp);
}

// Direct switches --------------------------------------------------------------------

// The goroutine to switch to directly from the running one, already bound to the M, or
// NULL when the scheduler has to run on g0: whenever schedule() would do anything but
// take the local queue's next goroutine.
static inline __attribute__((always_inline)) g *direct_next_inline(m *mp, p *pp) {
    if (mp->lockedg != NULL ||
        (atomic_load_relaxed(&sched.gcwaiting) | atomic_load_relaxed(&sched.timers_late)) != 0)
        return NULL;
    if (pp->schedtick % GLOBAL_CHECK_TICKS == 0 && atomic_load_relaxed(&sched.runq.size) != 0)
        return NULL;
    int64_t when = atomic_load_relaxed(&pp->timer0when);
    if (when != 0 && when <= nanotime())
        return NULL;
    bool inherit;
    g *gp = runqget(pp, &inherit);
    if (gp == NULL)
        return NULL;
    if (gp->lockedm != NULL) { // only its own thread may run it: schedule() hands it over
        runqput(pp, gp, true);
        return NULL;
    }
    bind(mp, pp, gp, inherit);
    return gp;
}

// Out of line for yield and exit; gopark, the channel handoff's path, inlines it (a
// yield measured slower with it inlined, a round trip faster).
static g *direct_next(m *mp, p *pp) {
    return direct_next_inline(mp, pp);
}

static inline void switch_finish_inline(void);

// Saves the running goroutine gp and resumes next (bound by direct_next) in one step;
// next then does the rest of what `after` needs done with gp, in switch_finish.
// Returns when something resumes gp.
// finish_inline: whether switch_finish is inlined here (gopark's path, where it measured
// faster) or called (yield's, where it measured slower).
static inline __attribute__((always_inline)) void switch_direct(g *gp, g *next, uint32_t after,
                                                                bool finish_inline) {
    m *mp = next->m;
    mp->switch_prev = gp;
    mp->switch_after = after;
    gp->m = NULL;
    san_switch_begin(&gp->asan_fake_stack, next);
    setg(next);
    ctx_switch(&gp->sched_sp, next->sched_sp);
    san_switch_end(gp->asan_fake_stack);
    if (finish_inline)
        switch_finish_inline();
    else
        switch_finish();
}

// Go puts a yielding G on the global queue. Here it goes to the local tail — no global
// lock on this hot path — unless the local queue is empty while the global one has work:
// then it queues behind that work, or it would run again at once and the global queue
// would only be served every 61st tick.
static inline __attribute__((always_inline)) void gosched_queue(p *pp, g *gp) {
    if (atomic_load_relaxed(&sched.runq.size) != 0 && runqempty(pp)) {
        lock(&sched.lock);
        globrunqput(gp);
        unlock(&sched.lock);
    } else {
        runqput(pp, gp, false);
    }
}

// The stack check of every switch away from a goroutine, inline: its saved SP against the
// guard and, for an unguarded stack, the canary. stackcheck says which failed, and the
// debug variant always goes there for its own checks.
static inline void stackcheck_switch(g *gp) {
#ifdef RT_DEBUG
    stackcheck(gp, "switch");
#else
    uintptr_t canary = gp->stackguard1;
    if (__builtin_expect(gp->sched_sp < gp->stackguard0 ||
                             (canary != 0 && *(volatile uintptr_t *)canary != STACK_CANARY),
                         0))
        stackcheck(gp, "switch");
#endif
}

static void park_commit(m *mp, g *gp);

// Called first thing by every goroutine a switch resumed (mcall's return,
// switch_direct's return, gostart): finishes with the goroutine a direct switch left,
// whose context is saved by now. Nothing to do after a switch from g0.
static inline __attribute__((always_inline)) void switch_finish_inline(void) {
    m *mp = getg()->m;
    g *prev = mp->switch_prev;
    if (prev == NULL)
        return;
    mp->switch_prev = NULL;
    DEBUG_HOOK(prev->ctx_live = false);
    stackcheck_switch(prev);
    switch (mp->switch_after) {
    case SWITCH_YIELD:
        casgstatus(prev, G_RUNNING, G_RUNNABLE);
        gosched_queue(mp->p, prev);
        break;
    case SWITCH_PARK:
        park_commit(mp, prev);
        break;
    case SWITCH_EXIT:
        goexit_finish(mp->p, prev);
        break;
    default:
        fatal("switch_finish: unknown switch kind");
    }
}

void switch_finish(void) {
    switch_finish_inline();
}

static void resetspinning(void) {
    m *mp = getg()->m;
    mp->spinning = false;
    if ((int32_t)atomic_xadd(&sched.nmspinning, -1) < 0)
        fatal("findrunnable: negative nmspinning");
    wakep(); // we found work: maybe there is more, let another M look
}

// Visits every P once from a random start, in a coprime stride (Go's stealOrder).
static g *stealwork(p *pp, int64_t now, bool *ranTimers) {
    uint32_t n = (uint32_t)sched.gomaxprocs;
    for (int i = 0; i < STEAL_TRIES; i++) {
        bool last = i == STEAL_TRIES - 1;
        uint32_t r = fastrand();
        uint32_t pos = r % n;
        uint32_t inc = sched.steal_coprimes[(r / n) % sched.nsteal_coprimes];
        for (uint32_t k = 0; k < n; k++, pos = (pos + inc) % n) {
            if (atomic_load(&sched.gcwaiting))
                return NULL;
            p *victim = allp[pos];
            if (victim == pp)
                continue;
            if (last) {
                int64_t when = atomic_load(&victim->timer0when);
                if (when != 0 && when <= now) {
                    timers_check(victim, now); // readies land on pp
                    *ranTimers = true;
                    bool inherit;
                    g *gp = runqget(pp, &inherit);
                    if (gp != NULL)
                        return gp;
                }
            }
            if (victim->status != P_IDLE || !runqempty(victim)) {
                g *gp = runqsteal(pp, victim, last);
                if (gp != NULL)
                    return gp;
            }
        }
    }
    return NULL;
}

static void stop_for_gc(void);

// sysmon saw a timer overdue, perhaps on a P whose goroutine never calls the runtime:
// whoever schedules first runs every P's due timers (Go's timer stealing).
static inline void run_late_timers(void) {
    if (atomic_load_relaxed(&sched.timers_late) != 0 && atomic_xchg(&sched.timers_late, 0) != 0)
        timers_run_due(nanotime());
}

// Polls the network without waiting: one goroutine made ready to run here, the rest
// injected.
static g *poll_now(void) {
    gqueue ready = {0};
    netpoll(0, &ready);
    g *gp = gqueue_pop(&ready);
    if (gp != NULL) {
        injectglist(&ready);
        casgstatus(gp, G_WAITING, G_RUNNABLE);
    }
    return gp;
}

// Finds a runnable G, blocking (with the P released) until there is one.
g *findrunnable(bool *inherit) {
    m *mp = getg()->m;
top:;
    p *pp = mp->p;
    if (atomic_load(&sched.gcwaiting)) {
        stop_for_gc();
        goto top;
    }
    int64_t now = nanotime();
    if (atomic_load(&pp->timer0when) != 0)
        timers_check(pp, now);
    run_late_timers();
    g *gp = runqget(pp, inherit);
    if (gp != NULL)
        return gp;
    *inherit = false;
    if (atomic_load_relaxed(&sched.runq.size) != 0) {
        lock(&sched.lock);
        gp = globrunqget(pp, 0);
        unlock(&sched.lock);
        if (gp != NULL)
            return gp;
    }
    // Goroutines waiting on fds, when no M is blocked in the poller: look without waiting.
    if (netpoll_any_waiters() && atomic_load(&sched.waiting) == 0) {
        gp = poll_now();
        if (gp != NULL)
            return gp;
    }
    uint32_t busy = (uint32_t)sched.gomaxprocs - atomic_load(&sched.npidle);
    if (mp->spinning || 2 * atomic_load(&sched.nmspinning) < busy) {
        if (!mp->spinning) {
            mp->spinning = true;
            atomic_xadd(&sched.nmspinning, 1);
        }
        bool ranTimers = false;
        gp = stealwork(pp, now, &ranTimers);
        if (gp != NULL)
            return gp;
        if (ranTimers)
            goto top;
    }

    // Nothing to do: give the P back, then look once more before sleeping, because
    // work submitted meanwhile may have seen no spinning M to wake.
    lock(&sched.lock);
    if (atomic_load(&sched.gcwaiting) || sched.runq.size != 0) {
        gp = sched.gcwaiting ? NULL : globrunqget(pp, 0);
        unlock(&sched.lock);
        if (gp != NULL)
            return gp;
        goto top;
    }
    releasep();
    pidleput(pp);
    unlock(&sched.lock);
    if (mp->spinning) {
        mp->spinning = false;
        if ((int32_t)atomic_xadd(&sched.nmspinning, -1) < 0)
            fatal("findrunnable: negative nmspinning");
        for (int32_t i = 0; i < sched.gomaxprocs; i++) {
            if (runqempty(allp[i]))
                continue;
            lock(&sched.lock);
            p *idle = pidleget();
            unlock(&sched.lock);
            if (idle != NULL) {
                acquirep(idle);
                mp->spinning = true;
                atomic_xadd(&sched.nmspinning, 1);
                goto top;
            }
            break;
        }
    }
    // Wait for the next timer if nobody else does (the M that wakes for timers has no
    // P and is on no idle list); then run every P's due timers with whichever P is idle.
    int64_t when = timers_earliest();
    gqueue ready = {0};
    if ((when != 0 || netpoll_any_waiters()) && timer_wait(when, &ready)) {
        lock(&sched.lock);
        p *idle = atomic_load(&sched.gcwaiting) ? NULL : pidleget();
        unlock(&sched.lock);
        if (idle == NULL) {
            injectglist(&ready); // to the global queue, and Ms for any P freed meanwhile
        } else {
            acquirep(idle);
            timers_run_due(nanotime());
            gp = gqueue_pop(&ready);
            if (gp != NULL) {
                injectglist(&ready);
                casgstatus(gp, G_WAITING, G_RUNNABLE);
                return gp;
            }
            goto top;
        }
    }
    stopm();
    goto top;
}

_Noreturn void schedule(void) {
    m *mp = getg()->m;
    if (mp->locks != 0)
        fatal("schedule: holding locks");
    if (mp->lockedg != NULL) {
        stoplockedm();
        execute(mp->lockedg, false);
    }
top:;
    p *pp = mp->p;
    if (atomic_load(&sched.gcwaiting)) {
        stop_for_gc();
        goto top;
    }
    g *gp = NULL;
    bool inherit = false;
    if (pp->schedtick % GLOBAL_CHECK_TICKS == 0 && atomic_load_relaxed(&sched.runq.size) != 0) {
        lock(&sched.lock);
        gp = globrunqget(pp, 1);
        unlock(&sched.lock);
    }
    int64_t next_timer = atomic_load_relaxed(&pp->timer0when);
    if (gp == NULL && next_timer != 0) {
        int64_t now = nanotime();
        if (next_timer <= now)
            timers_check(pp, now);
    }
    if (gp == NULL)
        run_late_timers();
    if (gp == NULL)
        gp = runqget(pp, &inherit);
    if (gp == NULL)
        gp = findrunnable(&inherit);
    if (mp->spinning)
        resetspinning();
    if (gp->lockedm != NULL && gp->lockedm != mp) {
        startlockedm(gp);
        goto top;
    }
    execute(gp, inherit);
}

static void park_m(g *gp) {
    m *mp = getg()->m;
    mp->curg = NULL;
    gp->m = NULL;
    casgstatus(gp, G_RUNNING, G_WAITING);
    bool (*unlockf)(g *, void *) = mp->waitunlockf;
    if (unlockf != NULL) {
        mp->waitunlockf = NULL;
        if (!unlockf(gp, mp->waitlock)) {
            casgstatus(gp, G_WAITING, G_RUNNABLE);
            execute(gp, true);
        }
    }
    schedule();
}

// gopark's commit after a direct switch, on the next goroutine's stack: gp is saved, so
// now a waker may find it. If unlockf says not to wait, gp runs next on this P.
static void park_commit(m *mp, g *gp) {
    casgstatus(gp, G_RUNNING, G_WAITING);
    bool (*unlockf)(g *, void *) = mp->waitunlockf;
    if (unlockf == NULL)
        return;
    mp->waitunlockf = NULL;
    if (unlockf == park_unlock) { // the common commit, inline: no indirect call
        unlock(mp->waitlock);
        return;
    }
    if (!unlockf(gp, mp->waitlock)) {
        casgstatus(gp, G_WAITING, G_RUNNABLE);
        runqput(mp->p, gp, true);
    }
}

// The usual unlockf: lk is the runtime lock the waiter's queue is under (Go's
// parkunlock_c).
bool park_unlock(g *gp, void *lk) {
    (void)gp;
    unlock(lk);
    return true;
}

// Parks the current goroutine. unlockf(gp, lock) runs once gp is saved (on g0, or on the
// stack of the goroutine switched to directly): if it returns false gp runs again soon.
// Someone must goready(gp) later.
void gopark(bool (*unlockf)(g *, void *), void *lk, uint32_t reason) {
    g *gp = getg();
    m *mp = gp->m;
    if (mp->p == NULL)
        fatal_in_syscall("block on a channel, lock, wait group or sleep");
    gp->waitreason = (uint8_t)reason;
    gp->waitsince = (uint32_t)(atomic_load_relaxed(&sched.sysmon_now) >> 30);
    mp->waitunlockf = unlockf;
    mp->waitlock = lk;
    g *next = direct_next_inline(mp, mp->p);
    if (next != NULL)
        switch_direct(gp, next, SWITCH_PARK, true);
    else
        mcall(park_m);
}

// On g0: the goroutine that was running here is runnable again and off this M (Go's
// dropg), for the caller to queue.
static m *drop_runnable(g *gp) {
    m *mp = getg()->m;
    casgstatus(gp, G_RUNNING, G_RUNNABLE);
    mp->curg = NULL;
    gp->m = NULL;
    return mp;
}

static void gosched_m(g *gp) {
    m *mp = drop_runnable(gp);
    gosched_queue(mp->p, gp);
    schedule();
}

void rt_yield(void) {
    check_caller("rt_yield");
    g *gp = getg();
    m *mp = gp->m;
    if (mp->p == NULL)
        fatal_in_syscall("yield");
    g *next = direct_next(mp, mp->p);
    if (next != NULL)
        switch_direct(gp, next, SWITCH_YIELD, false);
    else
        mcall(gosched_m);
}

// The running goroutine has returned from its function: straight on to the next one if
// it is known (its stack and G go back to the P in switch_finish), else through g0.
_Noreturn void goexit_switch(void (*on_g0)(g *)) {
    g *gp = getg();
    m *mp = gp->m;
    g *next = direct_next(mp, mp->p);
    if (next == NULL) {
        mcall(on_g0);
        fatal("goexit: mcall returned");
    }
    mp->switch_prev = gp;
    mp->switch_after = SWITCH_EXIT;
    gp->m = NULL;
    san_switch_begin(NULL, next); // this stack is dead from here on
    setg(next);
    ctx_resume(next->sched_sp);
}

// A preempted goroutine queues behind all global work, as Go's gopreempt_m does: a hog
// on the local tail would run again after at most 256 others, and what waits on the
// global queue only every 61st tick. A goroutine spawning in a loop is such a hog: put
// behind what it spawned, those run and exit and their Gs are reused, instead of each
// spawn taking fresh memory until the loop ends.
static void gopreempt_m(g *gp) {
    drop_runnable(gp);
    lock(&sched.lock);
    globrunqput(gp);
    unlock(&sched.lock);
    schedule();
}

// Preemption, cooperative (preempt_check in runtime.h tests the flag inline) or
// asynchronous (preempt.c): sysmon flagged a G that ran too long, or the world is being
// stopped.
void preempt_yield(void) {
    g *gp = getg();
    gp->preempt = false;
    if (gp->m->p == NULL)
        fatal_in_syscall("yield");
    mcall(gopreempt_m);
}

static void stop_for_gc(void) {
    m *mp = getg()->m;
    if (mp->spinning) {
        mp->spinning = false;
        atomic_xadd(&sched.nmspinning, -1);
    }
    p *pp = releasep();
    lock(&sched.lock);
    pp->status = P_STOP;
    if (--sched.stopwait == 0)
        notewakeup(&sched.stopnote);
    unlock(&sched.lock);
    stopm();
}
