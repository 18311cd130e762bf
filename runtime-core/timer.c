// timer.c — timers, in a min-heap per P ordered by when they fire: sleeping goroutines,
// and function timers (struct ftimer: a poll descriptor's deadlines) that can be re-armed
// and stopped. Any M with a P may run a P's due timers (its own in schedule, others' when
// stealing), so each heap has its own lock; timer0when lets others peek without it.
#include "runtime.h"
#include "misuse.h"

struct timer {
    int64_t when;
    g *gp;             // a sleeping goroutine to ready, or NULL
    struct ftimer *ft; // a function timer, or NULL
};

struct timers {
    mutex lock;
    struct timer *heap;
    int32_t len, cap;
};

static struct timers *timers_of(p *pp) {
    if (pp->timers == NULL) {
        pp->timers = persistentalloc(sizeof(struct timers), 64);
        lockinit(&pp->timers->lock, LOCK_RANK_TIMERS);
    }
    return pp->timers;
}

// Every store into the heap goes through here, so a function timer knows its index.
static inline void place(struct timer *h, int32_t i, struct timer t) {
    h[i] = t;
    if (t.ft != NULL)
        t.ft->idx = i;
}

static void sift_up(struct timer *h, int32_t i) {
    struct timer t = h[i];
    while (i > 0 && h[(i - 1) / 2].when > t.when) {
        place(h, i, h[(i - 1) / 2]);
        i = (i - 1) / 2;
    }
    place(h, i, t);
}

static void sift_down(struct timer *h, int32_t len, int32_t i) {
    struct timer t = h[i];
    for (;;) {
        int32_t c = 2 * i + 1;
        if (c >= len)
            break;
        if (c + 1 < len && h[c + 1].when < h[c].when)
            c++;
        if (h[c].when >= t.when)
            break;
        place(h, i, h[c]);
        i = c;
    }
    place(h, i, t);
}

static void push(struct timers *ts, struct timer t) {
    if (ts->len == ts->cap) {
        int32_t cap = ts->cap ? ts->cap * 2 : 64;
        struct timer *h = rt_alloc((size_t)cap * sizeof *h);
        mem_copy(h, ts->heap, (size_t)ts->len * sizeof *h);
        rt_free(ts->heap, (size_t)ts->cap * sizeof *h);
        ts->heap = h;
        ts->cap = cap;
    }
    if (t.ft != NULL)
        t.ft->ts = ts;
    place(ts->heap, ts->len, t);
    sift_up(ts->heap, ts->len++);
}

// Removes the entry at i (the heap's lock is held).
static struct timer remove_at(struct timers *ts, int32_t i) {
    struct timer t = ts->heap[i];
    if (t.ft != NULL)
        t.ft->ts = NULL;
    if (--ts->len > i) {
        place(ts->heap, i, ts->heap[ts->len]);
        sift_down(ts->heap, ts->len, i);
        sift_up(ts->heap, i);
    }
    return t;
}

static void publish_earliest(p *pp, struct timers *ts) {
    atomic_store(&pp->timer0when, ts->len > 0 ? ts->heap[0].when : 0);
}

static void add(p *pp, struct timer t) {
    struct timers *ts = timers_of(pp);
    lock(&ts->lock);
    push(ts, t);
    publish_earliest(pp, ts);
    unlock(&ts->lock);
    // Stored timer0when before reading who waits (timer_wait re-reads after publishing).
    timer_wait_break(t.when);
}

void timers_add(p *pp, g *gp, int64_t when) {
    add(pp, (struct timer){when, gp, NULL});
}

// Locks the heap ft is in and returns it, or NULL (and no lock) if it is in none. The
// heap can change under us only by timers_move, which holds both heaps' locks.
static struct timers *lock_heap_of(struct ftimer *ft) {
    for (;;) {
        struct timers *ts = atomic_load(&ft->ts);
        if (ts == NULL)
            return NULL;
        lock(&ts->lock);
        if (atomic_load(&ft->ts) == ts)
            return ts;
        unlock(&ts->lock);
    }
}

// Stops ft; true if it was armed (so its function will not run for this arming).
bool ftimer_stop(struct ftimer *ft) {
    struct timers *ts = lock_heap_of(ft);
    if (ts == NULL)
        return false;
    remove_at(ts, ft->idx);
    for (int32_t i = 0; i < sched.gomaxprocs; i++)
        if (allp[i]->timers == ts)
            publish_earliest(allp[i], ts);
    unlock(&ts->lock);
    return true;
}

// (Re)arms ft to call ft->fn(ft->arg, seq) at `when`, on the current P's heap.
void ftimer_set(struct ftimer *ft, int64_t when, uintptr_t seq) {
    ftimer_stop(ft);
    ft->seq = seq;
    add(getg()->m->p, (struct timer){when, NULL, ft});
}

// Runs every timer whose time has come: goroutines are readied onto the caller's P,
// functions are called with no timer lock held, FIRE_BATCH at a time. A function timer is
// copied out with its seq, never linked through: once unlocked it may be re-armed and fire
// again elsewhere before its function runs here. Returns the next time, 0 if none.
enum { FIRE_BATCH = 32 };

int64_t timers_check(p *pp, int64_t now) {
    struct timers *ts = timers_of(pp);
    for (;;) {
        gqueue due = {0};
        struct {
            struct ftimer *ft;
            uintptr_t seq;
        } fired[FIRE_BATCH];
        int nfired = 0;
        lock(&ts->lock);
        while (ts->len > 0 && ts->heap[0].when <= now && nfired < FIRE_BATCH) {
            struct timer t = remove_at(ts, 0);
            if (t.ft != NULL) {
                fired[nfired].ft = t.ft;
                fired[nfired++].seq = t.ft->seq;
            } else {
                gqueue_push(&due, t.gp);
            }
        }
        bool more = ts->len > 0 && ts->heap[0].when <= now;
        int64_t next = ts->len > 0 ? ts->heap[0].when : 0;
        atomic_store(&pp->timer0when, next);
        unlock(&ts->lock);
        g *gp;
        while ((gp = gqueue_pop(&due)) != NULL)
            goready(gp);
        for (int i = 0; i < nfired; i++)
            fired[i].ft->fn(fired[i].ft->arg, fired[i].seq);
        if (!more)
            return next;
    }
}

// Runs every P's due timers; the goroutines they ready land on the caller's P (Go's
// timer stealing: a P whose goroutine never calls the runtime cannot run its own).
bool timers_run_due(int64_t now) {
    bool ran = false;
    for (int32_t i = 0; i < sched.gomaxprocs; i++) {
        int64_t when = atomic_load(&allp[i]->timer0when);
        if (when != 0 && when <= now) {
            timers_check(allp[i], now);
            ran = true;
        }
    }
    return ran;
}

// now + ns, saturating at the end of the clock (Go's maxWhen): a huge duration must
// not wrap into the past.
int64_t deadline_after(int64_t now, int64_t ns) {
    if (ns > 0 && now > INT64_MAX - ns)
        return INT64_MAX;
    return now + ns;
}

int64_t timers_earliest(void) {
    int64_t next = 0;
    for (int32_t i = 0; i < sched.gomaxprocs; i++) {
        int64_t w = atomic_load(&allp[i]->timer0when);
        if (w != 0 && (next == 0 || w < next))
            next = w;
    }
    return next;
}

void timers_move(p *from, p *to) {
    if (from->timers == NULL || from->timers->len == 0)
        return;
    struct timers *src = from->timers, *dst = timers_of(to);
    lock(&src->lock);
    lock(&dst->lock);
    for (int32_t i = 0; i < src->len; i++)
        push(dst, src->heap[i]);
    src->len = 0;
    atomic_store(&from->timer0when, 0);
    publish_earliest(to, dst);
    unlock(&dst->lock);
    unlock(&src->lock);
}

// when points into the sleeper's frame in rt_sleep, intact while it is parked.
static bool sleep_unlockf(g *gp, void *when) {
    timers_add(getg()->m->p, gp, *(int64_t *)when);
    return true;
}

void rt_sleep(int64_t ns) {
    check_caller("rt_sleep");
    if (ns <= 0) {
        rt_yield();
        return;
    }
    int64_t when = deadline_after(nanotime(), ns);
    gopark(sleep_unlockf, &when, WAIT_SLEEP);
}
