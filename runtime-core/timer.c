// timer.c — sleeping goroutines, in a min-heap per P ordered by wake-up time. Any M may
// run a P's due timers (its own in schedule, others' when stealing), so each heap has
// its own lock; timer0when lets others peek without it.
#include "runtime.h"

struct timer {
    int64_t when;
    g *gp;
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

static void sift_up(struct timer *h, int32_t i) {
    struct timer t = h[i];
    while (i > 0 && h[(i - 1) / 2].when > t.when) {
        h[i] = h[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    h[i] = t;
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
        h[i] = h[c];
        i = c;
    }
    h[i] = t;
}

static void push(struct timers *ts, int64_t when, g *gp) {
    if (ts->len == ts->cap) {
        int32_t cap = ts->cap ? ts->cap * 2 : 64;
        struct timer *h = rt_alloc((size_t)cap * sizeof *h);
        mem_copy(h, ts->heap, (size_t)ts->len * sizeof *h);
        rt_free(ts->heap, (size_t)ts->cap * sizeof *h);
        ts->heap = h;
        ts->cap = cap;
    }
    ts->heap[ts->len] = (struct timer){when, gp};
    sift_up(ts->heap, ts->len++);
}

void timers_add(p *pp, g *gp, int64_t when) {
    struct timers *ts = timers_of(pp);
    lock(&ts->lock);
    push(ts, when, gp);
    atomic_store(&pp->timer0when, ts->heap[0].when);
    unlock(&ts->lock);
    // Stored timer0when before reading who waits (timer_wait re-reads after publishing).
    timer_wait_break(when);
}

// Readies every G whose time has come; returns the next wake-up time, 0 if none.
int64_t timers_check(p *pp, int64_t now) {
    struct timers *ts = timers_of(pp);
    gqueue due = {0};
    lock(&ts->lock);
    while (ts->len > 0 && ts->heap[0].when <= now) {
        gqueue_push(&due, ts->heap[0].gp);
        ts->heap[0] = ts->heap[--ts->len];
        if (ts->len > 0)
            sift_down(ts->heap, ts->len, 0);
    }
    int64_t next = ts->len > 0 ? ts->heap[0].when : 0;
    atomic_store(&pp->timer0when, next);
    unlock(&ts->lock);
    g *gp;
    while ((gp = gqueue_pop(&due)) != NULL)
        goready(gp);
    return next;
}

// Runs every P's due timers; the goroutines they ready land on pp (Go's timer stealing:
// a P whose goroutine never calls the runtime cannot run its own).
bool timers_run_due(p *pp, int64_t now) {
    bool ran = false;
    for (int32_t i = 0; i < sched.gomaxprocs; i++) {
        int64_t when = atomic_load(&allp[i]->timer0when);
        if (when != 0 && when <= now) {
            timers_check(allp[i], now);
            ran = true;
        }
    }
    (void)pp; // goready puts them on the caller's P, which is pp
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
        push(dst, src->heap[i].when, src->heap[i].gp);
    src->len = 0;
    atomic_store(&from->timer0when, 0);
    atomic_store(&to->timer0when, dst->heap[0].when);
    unlock(&dst->lock);
    unlock(&src->lock);
}

static bool sleep_unlockf(g *gp, void *unused) {
    (void)unused;
    timers_add(getg()->m->p, gp, gp->when);
    return true;
}

void rt_sleep(int64_t ns) {
    if (ns <= 0) {
        rt_yield();
        return;
    }
    g *gp = getg();
    gp->when = deadline_after(nanotime(), ns);
    gopark(sleep_unlockf, NULL, WAIT_SLEEP);
}
