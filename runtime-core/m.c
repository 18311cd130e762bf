// m.c — Ms (OS threads) and the idle lists: creating Ms on demand up to maxmcount,
// parking idle ones on their note, handing Ps between them, and locked threads.
#include "runtime.h"
#include "os.h"
#include "sanitizer.h"

m *allm;

// Counts a new M, with sched.lock held: from here on checkdead sees it as running, so
// an M that is about to start with a P is never mistaken for none (Go's mReserveID).
static int64_t mreserveid(void) {
    int64_t id = sched.mnext++;
    if (sched.mnext - sched.nmfreed > sched.maxmcount)
        fatalf("thread exhaustion: program exceeds %d-thread limit", sched.maxmcount);
    return id;
}

// id < 0: not reserved yet.
static void mcommoninit_id(m *mp, int64_t id) {
    mp->sigstack = (uintptr_t)os_reserve(SIGNAL_STACK_SIZE);
    if (mp->sigstack == 0)
        fatal("out of memory allocating a signal stack");
    lock(&sched.lock);
    mp->id = id < 0 ? mreserveid() : id;
    if (mp != &m0)
        fastrand_seed(mp);
    mp->alllink = allm;
    allm = mp;
    unlock(&sched.lock);
}

void mcommoninit(m *mp) {
    mcommoninit_id(mp, -1);
}

// A new M's g0: its stack comes from os_reserve with a guard page below, unless the
// OS thread library owns it (M_STACK_SYSTEM_ALLOCATED; os_newosproc sets the bounds).
static g *malg_g0(void) {
    g *gp = persistentalloc(sizeof(g), 64);
    if (M_STACK_SYSTEM_ALLOCATED)
        return gp;
    size_t size = M_G0_STACK_SIZE + STACK_GUARD_SIZE;
    uintptr_t base = (uintptr_t)os_reserve(size);
    if (base == 0)
        fatal("out of memory allocating an M's g0 stack");
    os_guard((void *)base, STACK_GUARD_SIZE);
    gp->stack.lo = base + STACK_GUARD_SIZE;
    gp->stack.hi = base + size;
    gp->stackguard0 = gp->stackguard1 = gp->stack.lo;
    return gp;
}

static void newm_id(void (*fn)(void), p *pp, bool spinning, int64_t id) {
    m *mp = persistentalloc(sizeof(m), 64);
    mp->g0 = malg_g0();
    mp->g0->m = mp;
    mp->startfn = fn;
    mp->nextp = pp;
    mp->spinning = spinning;
    mcommoninit_id(mp, id);
    // The new thread starts with every signal blocked: a preempt signal must not find it
    // before it has its g0, TLS and signal stack (os_minit_signals unblocks them).
    uint64_t mask = os_sigblock_all();
    os_newosproc(mp);
    os_sigrestore(mask);
}

// Starts a new M running fn (if any) and then scheduling with pp (if any).
void newm(void (*fn)(void), p *pp, bool spinning) {
    newm_id(fn, pp, spinning, -1);
}

void mstart(void) {
    g *g0p = getg();
    m *mp = g0p->m;
    san_g0_init(g0p);
    // mcall restarts g0's stack here each time: frames above it are dead from now on.
    g0p->sched_sp = ALIGN_DOWN(g0p->stack.hi, STACK_ALIGN) - 64;
    os_minit();
    os_minit_signals();
    if (mp == &m0) {
        preempt_init();
        os_initsig();
        os_initsig_preempt();
    }
    if (mp->startfn != NULL)
        mp->startfn();
    if (mp != &m0) {
        acquirep(mp->nextp);
        mp->nextp = NULL;
    }
    schedule();
}

void acquirep(p *pp) {
    m *mp = getg()->m;
    if (mp->p != NULL || pp->m != NULL || pp->status != P_IDLE)
        fatalf("acquirep: invalid p state (status %u)", pp->status);
    mp->p = pp;
    pp->m = mp;
    pp->status = P_RUNNING;
    sysmon_wake(); // a P runs again: sysmon may have parked while all were idle
}

p *releasep(void) {
    m *mp = getg()->m;
    p *pp = mp->p;
    if (pp == NULL || pp->m != mp)
        fatal("releasep: invalid p state");
    mp->p = NULL;
    pp->m = NULL;
    pp->status = P_IDLE;
    return pp;
}

// sched.lock must be held for pidleput, pidleget, mput and mget.
void pidleput(p *pp) {
    if (!runqempty(pp))
        fatal("pidleput: P has non-empty run queue");
    pp->status = P_IDLE;
    pp->link = sched.pidle;
    sched.pidle = pp;
    atomic_xadd(&sched.npidle, 1);
    DEBUG_HOOK(debug_sched_invariants());
}

p *pidleget(void) {
    p *pp = sched.pidle;
    if (pp != NULL) {
        sched.pidle = pp->link;
        atomic_xadd(&sched.npidle, -1);
    }
    return pp;
}

void mput(m *mp) {
    mp->schedlink = sched.midle;
    sched.midle = mp;
    sched.nmidle++;
    DEBUG_HOOK(debug_sched_invariants());
    checkdead();
}

m *mget(void) {
    m *mp = sched.midle;
    if (mp != NULL) {
        sched.midle = mp->schedlink;
        sched.nmidle--;
    }
    return mp;
}

void stopm(void) {
    m *mp = getg()->m;
    lock(&sched.lock);
    mput(mp);
    unlock(&sched.lock);
    notesleep(&mp->park);
    noteclear(&mp->park);
    acquirep(mp->nextp);
    mp->nextp = NULL;
}

// Runs pp (or an idle P) on an idle or new M. spinning: the M looks for work and
// nmspinning was already incremented for it.
void startm(p *pp, bool spinning) {
    lock(&sched.lock);
    if (pp == NULL) {
        pp = pidleget();
        if (pp == NULL) {
            unlock(&sched.lock);
            if (spinning && (int32_t)atomic_xadd(&sched.nmspinning, -1) < 0)
                fatal("startm: negative nmspinning");
            return;
        }
    }
    m *nmp = mget();
    if (nmp == NULL) {
        int64_t id = mreserveid();
        unlock(&sched.lock);
        newm_id(NULL, pp, spinning, id);
        return;
    }
    unlock(&sched.lock);
    nmp->spinning = spinning;
    nmp->nextp = pp;
    notewakeup(&nmp->park);
}

// Wakes an idle P's M to look for work, unless one is already spinning (Go's wakep):
// no syscall on the hot path while all Ps are busy or someone spins.
void wakep(void) {
    if (atomic_load_relaxed(&sched.npidle) == 0)
        return;
    if (atomic_load(&sched.nmspinning) != 0 || !atomic_cas(&sched.nmspinning, 0, 1))
        return;
    startm(NULL, true);
}

// Gives away pp, whose M is blocked: to an M if there is work, else to the idle list.
void handoffp(p *pp) {
    if (!runqempty(pp) || atomic_load_relaxed(&sched.runq.size) != 0) {
        startm(pp, false);
        return;
    }
    if (atomic_load(&sched.nmspinning) + atomic_load(&sched.npidle) == 0 &&
        atomic_cas(&sched.nmspinning, 0, 1)) {
        startm(pp, true);
        return;
    }
    lock(&sched.lock);
    if (atomic_load(&sched.gcwaiting)) {
        pp->status = P_STOP;
        if (--sched.stopwait == 0)
            notewakeup(&sched.stopnote);
        unlock(&sched.lock);
        return;
    }
    if (sched.runq.size != 0) {
        unlock(&sched.lock);
        startm(pp, false);
        return;
    }
    int64_t when = atomic_load(&pp->timer0when);
    pidleput(pp);
    unlock(&sched.lock);
    if (when != 0)
        timer_wait_break(when); // its timers need someone to wait for them
}

void incidlelocked(int32_t v) {
    lock(&sched.lock);
    sched.nmidlelocked += v;
    if (v > 0)
        checkdead();
    unlock(&sched.lock);
}

// This M's locked G is not runnable: give the P away and sleep until it is.
void stoplockedm(void) {
    m *mp = getg()->m;
    if (mp->p != NULL)
        handoffp(releasep());
    incidlelocked(1);
    notesleep(&mp->park);
    noteclear(&mp->park);
    acquirep(mp->nextp);
    mp->nextp = NULL; // startlockedm already counted us as running again
}

// gp is locked to another M: hand it our P and stop.
void startlockedm(g *gp) {
    m *lockedm = gp->lockedm;
    // Count the locked M as running before we stop: if it only did so itself once
    // awake, our stopm's checkdead could see no M running and report a false deadlock.
    incidlelocked(-1);
    // The locked M runs gp straight from stoplockedm; it is not queued again.
    lockedm->nextp = releasep();
    notewakeup(&lockedm->park);
    stopm();
}

// Ends this M's thread: a goroutine exited while locked to it and may have left it in a
// state no other goroutine should inherit. The main thread cannot exit without ending the
// process, so it is parked for good instead (Go's mexit).
_Noreturn void mexit(void) {
    m *mp = getg()->m;
    if (mp->p != NULL)
        handoffp(releasep());
    lock(&sched.lock);
    sched.nmfreed++;
    checkdead();
    unlock(&sched.lock);
    if (mp == &m0) {
        notesleep(&mp->park);
        fatal("mexit: the parked main thread was woken");
    }
    os_exitthread();
}

void rt_lock_os_thread(void) {
    g *gp = getg();
    gp->lockedcnt++;
    gp->lockedm = gp->m;
    gp->m->lockedg = gp;
}

void rt_unlock_os_thread(void) {
    g *gp = getg();
    if (gp->lockedcnt == 0 || --gp->lockedcnt != 0)
        return;
    gp->m->lockedg = NULL;
    gp->lockedm = NULL;
}

// Called with sched.lock held whenever an M goes idle: if no M runs, no goroutine is in
// a syscall and no timer is pending, nothing can ever run again.
void checkdead(void) {
    int64_t run = sched.mnext - sched.nmfreed - sched.nmidle - sched.nmidlelocked - sched.nmsys;
    if (run > 0)
        return;
    if (run < 0)
        fatalf("checkdead: inconsistent counts: mcount=%lld nmfreed=%d nmidle=%d "
               "nmidlelocked=%d nmsys=%d",
               (long long)sched.mnext, sched.nmfreed, sched.nmidle, sched.nmidlelocked,
               sched.nmsys);
    // Every M sleeps, yet a goroutine waits to run: a lost wakeup in the runtime, not the
    // program's deadlock (Go throws "checkdead: runnable g").
    bool runnable = sched.runq.size != 0;
    for (int32_t i = 0; i < sched.gomaxprocs && !runnable; i++)
        runnable = !runqempty(allp[i]);
    if (runnable)
        fatal("checkdead: runnable g");
    for (int32_t i = 0; i < sched.gomaxprocs; i++)
        if (atomic_load(&allp[i]->timer0when) != 0)
            return;
    fatal("all goroutines are asleep - deadlock!");
}
