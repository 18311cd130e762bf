// procresize.c — changing the number of Ps: at start-up and, with the world stopped,
// from rt_gomaxprocs. Gs queued on a P that goes away move to the global queue, so
// none is lost.
#include "runtime.h"

enum { MAX_PROCS = 1024 };

p **allp;
int32_t nallp;

static uint32_t gcd(uint32_t a, uint32_t b) {
    while (b != 0) {
        uint32_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

// stealOrder.reset: every i in 1..n coprime with n gives a stride visiting all Ps once.
static void steal_order_reset(uint32_t n) {
    sched.nsteal_coprimes = 0;
    for (uint32_t i = 1; i <= n; i++)
        if (gcd(i, n) == 1)
            sched.steal_coprimes[sched.nsteal_coprimes++] = i;
}

static p *p_new(int32_t id) {
    p *pp = persistentalloc(sizeof(p), 64);
    pp->id = id;
    pp->status = P_IDLE;
    return pp;
}

// Moves everything a P holds elsewhere before it goes away.
static void p_destroy(p *pp, p *heir) {
    bool inherit;
    g *gp;
    while ((gp = runqget(pp, &inherit)) != NULL)
        globrunqput(gp);
    timers_move(pp, heir);
    gfree_drain(pp);
    stackcache_drain(pp);
    pp->status = P_DEAD;
}

// Resizes to nprocs Ps. Single-threaded: at start-up, or with the world stopped and
// sched.lock held. Returns the Ps (other than the caller's) that have work, linked by
// p.link; the others go on the idle list.
p *procresize_locked(int32_t nprocs);
p *procresize_locked(int32_t nprocs) {
    if (allp == NULL) {
        allp = persistentalloc(MAX_PROCS * sizeof(p *), 64);
        sched.steal_coprimes = persistentalloc(MAX_PROCS * sizeof(uint32_t), 64);
    }
    if (nprocs > MAX_PROCS)
        nprocs = MAX_PROCS;
    int32_t old = sched.gomaxprocs;
    for (int32_t i = nallp; i < nprocs; i++)
        allp[i] = p_new(i);
    if (nprocs > nallp)
        nallp = nprocs;
    for (int32_t i = nprocs; i < old; i++)
        allp[i]->status = P_IDLE;

    m *mp = getg()->m;
    if (mp->p != NULL && mp->p->id < nprocs) {
        mp->p->status = P_RUNNING;
    } else {
        if (mp->p != NULL)
            mp->p->m = NULL;
        mp->p = NULL;
        allp[0]->m = NULL;
        allp[0]->status = P_IDLE;
        acquirep(allp[0]);
    }
    for (int32_t i = nprocs; i < old; i++)
        p_destroy(allp[i], mp->p);
    sched.gomaxprocs = nprocs;
    steal_order_reset((uint32_t)nprocs);

    sched.pidle = NULL;
    atomic_store(&sched.npidle, 0);
    p *runnable = NULL;
    for (int32_t i = nprocs - 1; i >= 0; i--) {
        p *pp = allp[i];
        if (pp == mp->p)
            continue;
        pp->status = P_IDLE;
        pp->m = NULL;
        if (runqempty(pp)) {
            pidleput(pp);
        } else {
            pp->link = runnable;
            runnable = pp;
        }
    }
    return runnable;
}

// At start-up: the first resize, and the world may be stopped from now on.
void procresize(int32_t nprocs) {
    procresize_locked(nprocs);
    sched.worldsema = 1;
}

// Asks pp's running goroutine to yield. pp->m is read once: the M may drop the P (and
// pp->m become NULL) at any moment, and a second read would follow NULL.
static void flag_running(p *pp) {
    m *mp = atomic_load_relaxed(&pp->m);
    g *curg = mp != NULL ? atomic_load_relaxed(&mp->curg) : NULL;
    if (curg != NULL)
        curg->preempt = true;
}

// Stops every P: the caller's at once, idle and syscall ones by taking them, running
// ones when their M next enters the scheduler (preemption is cooperative).
void stop_the_world(void) {
    lock(&sched.lock);
    sched.stopwait = sched.gomaxprocs;
    atomic_store(&sched.gcwaiting, 1);
    for (int32_t i = 0; i < sched.gomaxprocs; i++) {
        flag_running(allp[i]);
    }
    p *self = getg()->m->p;
    self->status = P_STOP;
    sched.stopwait--;
    for (int32_t i = 0; i < sched.gomaxprocs; i++) {
        p *pp = allp[i];
        if (pp->status == P_SYSCALL && atomic_cas(&pp->status, P_SYSCALL, P_STOP))
            sched.stopwait--;
    }
    p *pp;
    while ((pp = pidleget()) != NULL) {
        pp->status = P_STOP;
        sched.stopwait--;
    }
    bool wait = sched.stopwait > 0;
    unlock(&sched.lock);
    while (wait && !notetsleep(&sched.stopnote, 100 * 1000)) {
        lock(&sched.lock);
        for (int32_t i = 0; i < sched.gomaxprocs; i++) {
            flag_running(allp[i]);
        }
        unlock(&sched.lock);
    }
    noteclear(&sched.stopnote);
    if (sched.stopwait != 0)
        fatal("stop_the_world: not stopped");
}

static void start_the_world_with(int32_t nprocs) {
    lock(&sched.lock);
    p *runnable = procresize_locked(nprocs);
    atomic_store(&sched.gcwaiting, 0);
    unlock(&sched.lock);
    while (runnable != NULL) {
        p *pp = runnable;
        runnable = pp->link;
        startm(pp, false);
    }
    sysmon_wake(); // it parks while the world is stopped
    wakep();
}

// One stop-the-world at a time: a second caller waits on worldsema (parked, so its P
// stops like any other) instead of resetting stopwait under the first.
int rt_gomaxprocs(int n) {
    if (n < 1)
        return atomic_load_relaxed(&sched.gomaxprocs);
    preempt_check();
    semacquire(&sched.worldsema, false);
    int prev = sched.gomaxprocs;
    if (n != prev) {
        stop_the_world();
        start_the_world_with(n);
    }
    semrelease(&sched.worldsema, false);
    return prev;
}
