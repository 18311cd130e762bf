// debug.c — runtime assertions of the debug variant (variants/debug.lua sets debug.checks,
// which defines RT_DEBUG in zdefs). Empty otherwise: the hooks in lock.c and stack.c
// compile to nothing.
//
// Lock ranks: every runtime lock may carry a rank (lockinit); an M must take ranked
// locks in increasing rank, may hold two of one rank only where the rank says so, never
// takes a lock it holds (a self-deadlock) and releases only what it holds. Unranked
// locks get the last two checks. A violation is fatal and names both locks' ranks.
//
// Stack canaries: a stack bound to a goroutine gets a word at each end, its lowest word
// and the unused word 16 bytes below its top (STACK_TOP_RESERVED); both are checked at every
// switch away from the goroutine and by sysmon, beside stack.c's own overflow checks.
#include "runtime.h"

#ifdef RT_DEBUG

#define CANARY_LO ((uintptr_t)0xdeb06c0ffee0101fULL)
#define CANARY_HI ((uintptr_t)0xdeb06c0ffee0f1ffULL)

static const char *const rank_names[] = {
    [LOCK_RANK_NONE] = "unranked",
    [LOCK_RANK_POLLDESC] = "polldesc",
    [LOCK_RANK_FDTAB] = "fdtab",
    [LOCK_RANK_SEMA_ROOT] = "sema root",
    [LOCK_RANK_CHAN] = "chan",
    [LOCK_RANK_SCHED] = "sched",
    [LOCK_RANK_GFREE] = "sched.gflock",
    [LOCK_RANK_TIMERS] = "timers",
    [LOCK_RANK_STACK] = "stack",
    [LOCK_RANK_ALLOC] = "alloc",
    [LOCK_RANK_PERSISTENT] = "persistentalloc",
};

// Set while a check reports: fatal's own output may take locks.
static uint32_t reporting;

static const char *rank_name(uint32_t r) {
    return r < sizeof rank_names / sizeof rank_names[0] && rank_names[r] ? rank_names[r] : "?";
}

static uint32_t rank_of(mutex *l) {
    uint32_t r = __atomic_load_n(&l->rank, __ATOMIC_RELAXED);
    if (r == LOCK_RANK_NONE) {
        // The scheduler's own locks are globals: ranked here, not at every init path.
        if (l == &sched.lock)
            r = LOCK_RANK_SCHED;
        else if (l == &sched.gflock)
            r = LOCK_RANK_GFREE;
    }
    return r;
}

// Ranks that an M may hold more than once: select locks channels in address order,
// procresize moves one P's timers to another's.
static bool rank_nests(uint32_t r, mutex *held, mutex *l) {
    if (r == LOCK_RANK_CHAN)
        return (uintptr_t)l > (uintptr_t)held;
    return r == LOCK_RANK_TIMERS;
}

static m *current_m(void) {
    g *gp = getg();
    return gp != NULL && !atomic_load_relaxed(&reporting) ? gp->m : NULL;
}

static _Noreturn void lock_fatal(const char *what, mutex *l, mutex *other) {
    atomic_store(&reporting, 1);
    if (other != NULL)
        fatalf("lock ranks: %s: acquiring %s lock %p while holding %s lock %p", what,
               rank_name(rank_of(l)), (void *)l, rank_name(rank_of(other)), (void *)other);
    fatalf("lock ranks: %s: %s lock %p", what, rank_name(rank_of(l)), (void *)l);
}

void debug_lock_check(mutex *l) {
    m *mp = current_m();
    if (mp == NULL)
        return;
    struct debug_m *d = &mp->debug;
    uint32_t r = rank_of(l);
    for (uint32_t i = 0; i < d->nheld; i++)
        if (d->held[i] == l)
            lock_fatal("self-deadlock: this M already holds it", l, NULL);
    if (d->nheld == DEBUG_MAX_HELD &&
        !(r == LOCK_RANK_CHAN && d->nheld > 0 && rank_of(d->held[d->nheld - 1]) == LOCK_RANK_CHAN))
        lock_fatal("too many runtime locks held at once", l, NULL);
    if (r == LOCK_RANK_NONE)
        return;
    for (uint32_t i = d->nheld; i-- > 0;) {
        uint32_t hr = rank_of(d->held[i]);
        if (hr == LOCK_RANK_NONE)
            continue;
        if (hr > r || (hr == r && !rank_nests(r, d->held[i], l)))
            lock_fatal("lock ordering problem", l, d->held[i]);
        break;
    }
}

void debug_lock_acquired(mutex *l) {
    m *mp = current_m();
    if (mp == NULL)
        return;
    struct debug_m *d = &mp->debug;
    if (d->nheld < DEBUG_MAX_HELD) {
        d->held[d->nheld++] = l;
    } else { // a select's channel past the table (debug_lock_check allowed only that)
        d->nfolded++;
        d->held[DEBUG_MAX_HELD - 1] = l;
    }
}

void debug_lock_released(mutex *l) {
    m *mp = current_m();
    if (mp == NULL)
        return;
    struct debug_m *d = &mp->debug;
    for (uint32_t i = d->nheld; i-- > 0;) {
        if (d->held[i] == l) {
            for (uint32_t j = i; j + 1 < d->nheld; j++)
                d->held[j] = d->held[j + 1];
            d->nheld--;
            return;
        }
    }
    if (d->nfolded > 0 && rank_of(l) == LOCK_RANK_CHAN) { // folded by a large select
        d->nfolded--;
        return;
    }
    lock_fatal("unlock of a lock this M does not hold", l, NULL);
}

void debug_stack_bound(uintptr_t lo, uintptr_t hi) {
    *(uintptr_t *)lo = CANARY_LO;
    *(uintptr_t *)(hi - STACK_TOP_RESERVED) = CANARY_HI;
    __atomic_thread_fence(__ATOMIC_RELEASE); // written before the stack is published in g
}

void debug_stack_check(g *gp, const char *where) {
    uintptr_t lo = __atomic_load_n(&gp->stack.lo, __ATOMIC_ACQUIRE);
    uintptr_t hi = __atomic_load_n(&gp->stack.hi, __ATOMIC_ACQUIRE);
    if (lo == 0)
        return;
    bool low_ok = *(volatile uintptr_t *)lo == CANARY_LO;
    bool high_ok = *(volatile uintptr_t *)(hi - STACK_TOP_RESERVED) == CANARY_HI;
    // sysmon looks at goroutines running elsewhere: one that exited meanwhile may have
    // given its stack back (the free list links through the top word). Not a finding.
    if ((low_ok && high_ok) || __atomic_load_n(&gp->stack.lo, __ATOMIC_ACQUIRE) != lo)
        return;
    if (!low_ok)
        fatalf("stack overflow: goroutine %lld overwrote the debug canary at the low end of its "
               "stack (%s)",
               (long long)gp->goid, where);
    fatalf("stack corruption: goroutine %lld's debug canary at the top of its stack was "
           "overwritten (%s)",
           (long long)gp->goid, where);
}

// Scheduler invariants, checked with sched.lock held whenever an M or a P goes idle: the
// idle lists hold what their counts say, an idle M has no P and is not spinning, an idle
// P has no M and nothing queued.
void debug_sched_invariants(void) {
    int32_t nm = 0;
    for (m *mp = sched.midle; mp != NULL; mp = mp->schedlink, nm++) {
        if (mp->p != NULL || mp->nextp != NULL)
            fatalf("sched invariants: idle M %lld holds a P", (long long)mp->id);
        if (mp->spinning)
            fatalf("sched invariants: idle M %lld is marked spinning", (long long)mp->id);
        if (nm > sched.nmidle)
            break;
    }
    if (nm != sched.nmidle)
        fatalf("sched invariants: %d Ms on the idle list, nmidle says %d", nm, sched.nmidle);
    uint32_t np = 0;
    for (p *pp = sched.pidle; pp != NULL; pp = pp->link, np++) {
        if (pp->m != NULL || atomic_load(&pp->status) != P_IDLE)
            fatalf("sched invariants: idle P %d has an M or status %u", pp->id, pp->status);
        if (!runqempty(pp))
            fatalf("sched invariants: idle P %d has queued goroutines", pp->id);
        if (np > (uint32_t)sched.gomaxprocs)
            break;
    }
    if (np != atomic_load(&sched.npidle))
        fatalf("sched invariants: %u Ps on the idle list, npidle says %u", np,
               atomic_load(&sched.npidle));
}

// A goroutine goes on a run queue only as runnable (and so on no other queue).
void debug_queue_check(g *gp) {
    uint32_t status = atomic_load(&gp->status);
    if (status != G_RUNNABLE)
        fatalf("sched invariants: goroutine %lld queued to run with status %u", (long long)gp->goid,
               status);
    if (gp->ctx_live)
        fatalf("sched invariants: goroutine %lld queued to run before its switch saved its context",
               (long long)gp->goid);
}

#else
typedef int debug_checks_are_off; // ISO C wants a translation unit to declare something
#endif
