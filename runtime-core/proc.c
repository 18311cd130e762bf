// proc.c — the life of a goroutine: created runnable (no stack yet), bound to a stack
// when it first runs, and on exit its stack goes back to the P's cache at once and the G
// to the P's free list (bounded, spilling to the global list) for reuse.
#include "runtime.h"
#include "sanitizer.h"
#include "misuse.h"

enum { GOID_BATCH = 16 };

static const char *const gstatus_names[] = {"idle",    "runnable", "running",
                                            "syscall", "waiting",  "dead"};

// Transitions are checked (casgstatus in runtime.h): a wrong one is a runtime bug, not
// something to limp past.
void casgstatus_fail(g *gp, uint32_t from, uint32_t to) {
    fatalf("casgstatus: goroutine %lld is %s, not %s, on the way to %s", (long long)gp->goid,
           gstatus_names[atomic_load(&gp->status)], gstatus_names[from], gstatus_names[to]);
}

struct gbatch *allgs;
static struct gbatch *allgs_tail;
static mutex allglock;

// Gs are carved GALLOC_BATCH at a time, each on its own two cache lines: one allglock
// round and one persistentalloc per batch. The rest of a batch waits on the P untouched
// (fresh memory is zero: G_IDLE, which tracebacks skip), not on the free list, which
// would write each one (its first page fault) only for newproc to write it again.
static g *galloc(p *pp) {
    if (pp->ngnew > 0) {
        pp->ngnew--;
        return pp->gnew++;
    }
    g *batch = persistentalloc(GALLOC_BATCH * sizeof(g), 64);
    struct gbatch *b = persistentalloc(sizeof *b, 8);
    b->gs = batch;
    lock(&allglock);
    if (allgs_tail == NULL)
        atomic_store(&allgs, b);
    else
        atomic_store(&allgs_tail->next, b);
    allgs_tail = b;
    unlock(&allglock);
    pp->gnew = batch + 1;
    pp->ngnew = GALLOC_BATCH - 1;
    return batch;
}

// Dead Gs move between a P and the global list as whole chains, never one by one: a
// chain is reached through its first G alone, while a walk would touch every G of it, cold
// by then (a loop spawning a million goroutines frees and reuses them by the hundred
// thousand). A P keeps the chain it fills and one full spare, so a P that frees and
// spawns in turn never touches the global list.
static void gfree_push_chain(g *chain) {
    lock(&sched.gflock);
    chain->param = sched.gfree;
    sched.gfree = chain;
    unlock(&sched.gflock);
}

static g *gfree_pop_chain(void) {
    if (atomic_load_relaxed(&sched.gfree) == NULL)
        return NULL;
    lock(&sched.gflock);
    g *chain = sched.gfree;
    if (chain != NULL) {
        sched.gfree = chain->param;
        chain->param = NULL;
    }
    unlock(&sched.gflock);
    return chain;
}

void gfput(p *pp, g *gp) {
    if (gp->status != G_DEAD)
        fatal("gfput: bad status (not dead)");
    gp->schedlink = pp->gfree;
    pp->gfree = gp;
    if (++pp->gfreecnt < GFREE_CHAIN)
        return;
    if (pp->gfree_spare != NULL)
        gfree_push_chain(pp->gfree_spare);
    pp->gfree_spare = pp->gfree;
    pp->gfree = NULL;
    pp->gfreecnt = 0;
}

// Everything a P holds, to the global list (procresize, before the P goes away).
void gfree_drain(p *pp) {
    if (pp->gfree != NULL)
        gfree_push_chain(pp->gfree);
    if (pp->gfree_spare != NULL)
        gfree_push_chain(pp->gfree_spare);
    pp->gfree = pp->gfree_spare = NULL;
    pp->gfreecnt = 0;
}

g *gfget(p *pp) {
    if (pp->gfree == NULL) {
        g *chain = pp->gfree_spare;
        pp->gfree_spare = NULL;
        if (chain == NULL && (chain = gfree_pop_chain()) == NULL)
            return NULL;
        pp->gfree = chain;
        pp->gfreecnt = GFREE_CHAIN; // at most; a drained P's chains may be shorter
    }
    g *gp = pp->gfree;
    pp->gfree = gp->schedlink;
    pp->gfreecnt = pp->gfree == NULL ? 0 : pp->gfreecnt - 1;
    if (pp->gfree != NULL)
        g_prefetch(pp->gfree); // the next spawn's G, and the link after it
    return gp;
}

static int64_t next_goid(p *pp) {
    if (pp->goidcache == pp->goidcacheend) {
        pp->goidcache = (int64_t)atomic_xadd(&sched.goidgen, GOID_BATCH) - GOID_BATCH + 1;
        pp->goidcacheend = pp->goidcache + GOID_BATCH;
    }
    return pp->goidcache++;
}

// newproc queues a goroutine running fn(arg) on the current P's runnext: no stack, no
// syscall, no global lock while the local queue has room.
void newproc(void (*fn)(void *), void *arg) {
    g *curg = getg();
    p *pp = curg->m->p;
    g *newg = gfget(pp);
    if (newg == NULL)
        newg = galloc(pp);
    else
        casgstatus(newg, G_DEAD, G_IDLE);
    newg->fn = fn;
    newg->arg = arg;
    newg->goid = next_goid(pp);
    newg->sched_sp = 0;
    newg->preempt = false;
    newg->param = NULL;
    newg->lockedm = NULL;
    newg->lockedcnt = 0;
    newg->waitreason = WAIT_NONE;
    san_g_create(newg);
    atomic_store_relaxed(&pp->ngoroutines, pp->ngoroutines + 1);
    casgstatus(newg, G_IDLE, G_RUNNABLE);
    runqput(pp, newg, true);
    if (sched.main_started && atomic_load_relaxed(&sched.npidle) != 0) // wakep's first test
        wakep();
}

void rt_go(void (*fn)(void *), void *arg) {
    check_caller("rt_go");
    g *gp = getg();
    if (gp != NULL && gp->m != NULL && gp->m->p == NULL)
        fatal_in_syscall("start a goroutine");
    preempt_check();
    newproc(fn, arg);
}

// The sum is not a snapshot: a goroutine started on one P and ended on another may be
// seen ended and not started. Like Go's gcount, the caller itself is at least one.
int rt_numgoroutine(void) {
    int64_t n = 0;
    int32_t np = atomic_load_relaxed(&nallp);
    for (int32_t i = 0; i < np; i++)
        n += atomic_load_relaxed(&allp[i]->ngoroutines);
    return n < 1 ? 1 : (int)n;
}

// The first frame of every goroutine (ctx_start calls it on the goroutine's stack).
void gostart(void) {
    san_switch_end(NULL);
    switch_finish();
    g *gp = getg();
    gp->fn(gp->arg);
    goexit1();
}

// What an exited goroutine leaves: once it is off its stack (on g0, or in the goroutine
// a direct switch went to) the stack goes back to the P's cache and the G to its free list.
void goexit_finish(p *pp, g *gp) {
    casgstatus(gp, G_RUNNING, G_DEAD);
    atomic_store_relaxed(&pp->ngoroutines, pp->ngoroutines - 1);
    gp->lockedm = NULL;
    gp->lockedcnt = 0;
    stackfree(pp, gp);
    san_g_free(gp);
    gfput(pp, gp);
}

static void goexit0(g *gp) {
    m *mp = getg()->m;
    bool locked = gp->lockedm != NULL;
    mp->curg = NULL;
    gp->m = NULL;
    mp->lockedg = NULL;
    goexit_finish(mp->p, gp);
    // A goroutine that exits still locked may have left its thread in a state no other
    // goroutine should inherit: the thread goes with it (Go's goexit0).
    if (locked)
        mexit();
    schedule();
}

void goexit1(void) {
    goexit_switch(goexit0);
}
