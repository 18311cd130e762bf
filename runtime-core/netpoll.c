// netpoll.c — goroutines waiting on fds (Go's netpoll.go). Each fd the runtime serves has
// a poll descriptor with a read and a write slot; a goroutine that finds its fd not ready
// parks in the slot, and the poller (the generated os_netpoll, edge-triggered) readies
// it. Deadlines are function timers that fail the wait; closing fails every wait.
//
// A slot goes PD_NIL -> PD_WAIT (the goroutine is committing to park) -> g (parked); an
// event turns it into PD_READY, or hands back the parked g and leaves PD_NIL. An event
// that finds nobody waiting leaves PD_READY for the next wait to consume.
#include "netpoll.h"
#include "os.h"

static uint32_t inited; // atomic
static mutex init_lock;
static uint32_t waiters;       // atomic: goroutines parked on fds (Go's netpollWaiters)
static uint32_t break_pending; // atomic: a break is on its way (Go's netpollWakeSig)
static mutex pd_lock = MUTEX_RANKED(LOCK_RANK_POLLDESC);
static struct polldesc *pd_free;

bool netpoll_inited(void) {
    return atomic_load(&inited) != 0;
}

bool netpoll_any_waiters(void) {
    return atomic_load(&waiters) != 0;
}

static void netpoll_init(void) {
    if (netpoll_inited())
        return;
    lock(&init_lock);
    if (!netpoll_inited()) {
        int err = os_netpoll_init();
        if (err < 0)
            fatalf("netpoll: cannot create the poller: errno %d", -err);
        atomic_store(&inited, 1);
    }
    unlock(&init_lock);
    timer_wait_poller_ready();
}

void netpoll(int64_t ns, gqueue *ready) {
    if (!netpoll_inited())
        return;
    os_netpoll(ns, ready);
    atomic_store(&sched.lastpoll, nanotime());
}

// Wakes the M blocked in os_netpoll; one write however many ask at once.
void netpoll_break(void) {
    if (netpoll_inited() && atomic_load(&break_pending) == 0 && atomic_cas(&break_pending, 0, 1))
        os_netpoll_break();
}

// The generated poller drained the break: the next one must write again.
void netpoll_break_done(void) {
    atomic_store(&break_pending, 0);
}

// Ends a wait in slot: with an event (ioready) the slot keeps PD_READY if nobody waits;
// otherwise (deadline, close) only a parked goroutine is taken out. Returns that one.
static g *unblock(uintptr_t *slot, bool ioready) {
    for (;;) {
        uintptr_t old = atomic_load(slot);
        if (old == PD_READY || (old == PD_NIL && !ioready))
            return NULL;
        if (atomic_cas(slot, old, ioready ? PD_READY : PD_NIL)) {
            if (old <= PD_WAIT)
                return NULL;
            atomic_xadd(&waiters, -1);
            return (g *)old;
        }
    }
}

void netpoll_ready(struct polldesc *pd, int32_t mode, gqueue *ready) {
    g *rg = (mode & NETPOLL_READ) ? unblock(&pd->rg, true) : NULL;
    g *wg = (mode & NETPOLL_WRITE) ? unblock(&pd->wg, true) : NULL;
    if (rg != NULL)
        gqueue_push(ready, rg);
    if (wg != NULL)
        gqueue_push(ready, wg);
}

// Makes the goroutines a poll returned runnable: as many as there are idle Ps go to the
// global queue with an M started for each, the rest to this P (Go's injectglist).
void injectglist(gqueue *ready) {
    int32_t n = ready->size;
    if (n == 0)
        return;
    for (g *gp = ready->head; gp != NULL; gp = gp->schedlink)
        casgstatus(gp, G_WAITING, G_RUNNABLE);
    p *pp = getg()->m->p;
    gqueue global = {0};
    uint32_t npidle = atomic_load(&sched.npidle);
    while (ready->size > 0 && (pp == NULL || (uint32_t)global.size < npidle))
        gqueue_push(&global, gqueue_pop(ready));
    int32_t start = global.size;
    if (start > 0)
        globrunqputbatch(&global);
    for (; start > 0 && atomic_load(&sched.npidle) != 0; start--)
        startm(NULL, false);
    g *gp;
    while ((gp = gqueue_pop(ready)) != NULL)
        runqput(pp, gp, false);
}

int polldesc_check(struct polldesc *pd, int32_t mode) {
    if (atomic_load(&pd->closing))
        return RT_ECLOSED;
    int64_t d = atomic_load((mode & NETPOLL_READ) ? &pd->rd : &pd->wd);
    return d < 0 ? RT_ETIMEOUT : 0;
}

static bool commit(g *gp, void *slot) {
    if (!atomic_cas((uintptr_t *)slot, PD_WAIT, (uintptr_t)gp))
        return false; // an event, deadline or close came first: do not park
    atomic_xadd(&waiters, 1);
    return true;
}

// Go's netpollblock. Returns 0 when the fd may be ready (try the call again),
// RT_ECLOSED or RT_ETIMEOUT.
int polldesc_wait(struct polldesc *pd, int32_t mode) {
    uintptr_t *slot = (mode & NETPOLL_READ) ? &pd->rg : &pd->wg;
    for (;;) {
        if (atomic_cas(slot, PD_READY, PD_NIL))
            return 0;
        if (atomic_cas(slot, PD_NIL, PD_WAIT))
            break;
        uintptr_t v = atomic_load(slot);
        if (v != PD_READY && v != PD_NIL)
            fatal("netpoll: two goroutines wait on one fd in the same direction");
    }
    // A close or deadline between the caller's check and PD_WAIT found nobody to wake.
    int err = polldesc_check(pd, mode);
    if (err == 0)
        gopark(commit, slot, WAIT_IO);
    uintptr_t old = atomic_xchg(slot, PD_NIL);
    if (old > PD_WAIT)
        fatal("netpoll: corrupted wait slot");
    return old == PD_READY ? 0 : polldesc_check(pd, mode);
}

// A deadline's timer: the wait in that direction fails from now on (RT_ETIMEOUT).
static void deadline_fired(struct polldesc *pd, int32_t mode, uintptr_t seq) {
    lock(&pd->lock);
    uintptr_t cur = (mode & NETPOLL_READ) ? pd->rseq : pd->wseq;
    if (seq != cur || pd->closing) {
        unlock(&pd->lock);
        return; // the deadline moved or the fd closed since this timer was set
    }
    atomic_store((mode & NETPOLL_READ) ? &pd->rd : &pd->wd, -1);
    g *gp = unblock((mode & NETPOLL_READ) ? &pd->rg : &pd->wg, false);
    unlock(&pd->lock);
    if (gp != NULL)
        goready(gp);
}

static void read_deadline(void *arg, uintptr_t seq) {
    deadline_fired(arg, NETPOLL_READ, seq);
}

static void write_deadline(void *arg, uintptr_t seq) {
    deadline_fired(arg, NETPOLL_WRITE, seq);
}

// One direction's new deadline: 0 clears, a time not after now has passed already.
static g *set_one(struct polldesc *pd, int64_t when, int64_t now, int32_t mode) {
    bool rd = mode & NETPOLL_READ;
    int64_t d = when == 0 ? 0 : when <= now ? -1 : when;
    atomic_store(rd ? &pd->rd : &pd->wd, d);
    uintptr_t seq = rd ? ++pd->rseq : ++pd->wseq;
    struct ftimer *ft = rd ? &pd->rt : &pd->wt;
    if (d > 0)
        ftimer_set(ft, d, seq);
    else
        ftimer_stop(ft);
    return d < 0 ? unblock(rd ? &pd->rg : &pd->wg, false) : NULL;
}

void polldesc_set_deadline(struct polldesc *pd, int64_t when, int which) {
    int64_t now = nanotime();
    g *rg = NULL, *wg = NULL;
    lock(&pd->lock);
    if (!pd->closing) {
        if (which & NETPOLL_READ)
            rg = set_one(pd, when, now, NETPOLL_READ);
        if (which & NETPOLL_WRITE)
            wg = set_one(pd, when, now, NETPOLL_WRITE);
    }
    unlock(&pd->lock);
    if (rg != NULL)
        goready(rg);
    if (wg != NULL)
        goready(wg);
}

void polldesc_unblock(struct polldesc *pd) {
    lock(&pd->lock);
    atomic_store(&pd->closing, true);
    pd->rseq++;
    pd->wseq++;
    g *rg = unblock(&pd->rg, false);
    g *wg = unblock(&pd->wg, false);
    ftimer_stop(&pd->rt);
    ftimer_stop(&pd->wt);
    unlock(&pd->lock);
    if (rg != NULL)
        goready(rg);
    if (wg != NULL)
        goready(wg);
}

// A descriptor for fd, registered with the poller if it will have it (a regular file is
// refused: it is served by blocking calls instead). NULL with *err on failure.
struct polldesc *polldesc_open(int fd, int *err) {
    netpoll_init();
    lock(&pd_lock);
    struct polldesc *pd = pd_free;
    if (pd != NULL)
        pd_free = pd->link;
    unlock(&pd_lock);
    if (pd == NULL) {
        pd = persistentalloc(sizeof *pd, 64);
        lockinit(&pd->lock, LOCK_RANK_POLLDESC);
        pd->rt = (struct ftimer){.fn = read_deadline, .arg = pd};
        pd->wt = (struct ftimer){.fn = write_deadline, .arg = pd};
    }
    pd->fd = fd;
    pd->closing = false;
    pd->rg = pd->wg = PD_NIL;
    pd->rd = pd->wd = 0;
    pd->rseq++;
    pd->wseq++;
    pd->rmu = pd->wmu = (rt_mutex){0};
    int r = os_netpoll_open(fd, pd);
    pd->pollable = r == 0;
    if (r < 0) {
        polldesc_free(pd);
        *err = r;
        return NULL;
    }
    return pd;
}

// The fd is about to be closed: take it out of the poller and recycle the descriptor.
void polldesc_free(struct polldesc *pd) {
    if (pd->pollable)
        os_netpoll_close(pd->fd);
    lock(&pd_lock);
    pd->link = pd_free;
    pd_free = pd;
    unlock(&pd_lock);
}
