// runq.c — run queues. Each P has a lock-free ring of RUNQ_SIZE Gs that only its owner
// appends to (tail) while the owner and thieves take from the head with CAS, plus a
// runnext slot for the G the owner readied last. The global queue is locked segments.
#include "runtime.h"
#include "os.h"

// Ring slots are read by thieves while the owner may be writing the slot after them:
// relaxed atomics make that a defined race (the head/tail CAS orders the rest).
static inline g *slot_get(p *pp, uint32_t i) {
    return atomic_load_relaxed(&pp->runq[i % RUNQ_SIZE]);
}
static inline void slot_set(p *pp, uint32_t i, g *gp) {
    __atomic_store_n(&pp->runq[i % RUNQ_SIZE], gp, __ATOMIC_RELAXED);
}

void gqueue_push(gqueue *q, g *gp) {
    gp->schedlink = NULL;
    if (q->tail != NULL)
        q->tail->schedlink = gp;
    else
        q->head = gp;
    q->tail = gp;
    q->size++;
}

g *gqueue_pop(gqueue *q) {
    g *gp = q->head;
    if (gp != NULL) {
        q->head = gp->schedlink;
        if (q->head == NULL)
            q->tail = NULL;
        q->size--;
    }
    return gp;
}

bool runqempty(p *pp) {
    // Read tail, runnext, head consistently: a G moving from runnext to the ring must
    // not make the queue look empty in between.
    for (;;) {
        uint32_t head = atomic_load(&pp->runqhead);
        uint32_t tail = atomic_load(&pp->runqtail);
        g *next = atomic_load(&pp->runnext);
        if (tail == atomic_load(&pp->runqtail))
            return head == tail && next == NULL;
    }
}

uint32_t runqlen(p *pp) {
    return atomic_load(&pp->runqtail) - atomic_load(&pp->runqhead);
}

static void globrunqputarray(g **gs, uint32_t n);

// Moves half the local ring plus gp to the global queue; false if the ring changed.
static bool runqputslow(p *pp, g *gp, uint32_t head, uint32_t tail) {
    g *batch[RUNQ_SIZE / 2 + 1];
    uint32_t n = (tail - head) / 2;
    if (n != RUNQ_SIZE / 2)
        fatal("runqputslow: queue is not full");
    for (uint32_t i = 0; i < n; i++)
        batch[i] = slot_get(pp, head + i);
    if (!atomic_cas_rel(&pp->runqhead, head, head + n))
        return false;
    batch[n] = gp;
    lock(&sched.lock);
    globrunqputarray(batch, n + 1);
    unlock(&sched.lock);
    return true;
}

// Puts gp on pp's queue: in runnext if next (kicking the old runnext to the tail),
// else at the tail; overflow goes to the global queue. Owner only.
// runq_private (runtime.h): with one P its owner needs no atomic read-modify-write on
// runnext or the ring's head (plain loads and stores, still relaxed atomics for readers
// such as runqempty).
void runqput_full(p *pp, g *gp, bool next) {
    DEBUG_HOOK(debug_queue_check(gp));
    if (next) {
        g *old = atomic_load(&pp->runnext);
        if (runq_private())
            atomic_store_rel(&pp->runnext, gp);
        else
            while (!atomic_cas(&pp->runnext, old, gp))
                old = atomic_load(&pp->runnext);
        if (old == NULL)
            return;
        gp = old;
    }
    for (;;) {
        uint32_t head = atomic_load_acq(&pp->runqhead);
        uint32_t tail = pp->runqtail;
        if (tail - head < RUNQ_SIZE) {
            slot_set(pp, tail, gp);
            atomic_store_rel(&pp->runqtail, tail + 1);
            return;
        }
        if (runqputslow(pp, gp, head, tail))
            return;
    }
}

// Takes the next G: runnext first (inheriting the time slice), then the ring's head.
g *runqget_full(p *pp, bool *inherit) {
    bool private = runq_private();
    g *next = atomic_load_relaxed(&pp->runnext);
    if (next != NULL) {
        if (private) {
            atomic_store_rel(&pp->runnext, NULL);
            *inherit = true;
            return next;
        }
        if (atomic_cas(&pp->runnext, next, NULL)) {
            *inherit = true;
            return next;
        }
    }
    *inherit = false;
    for (;;) {
        uint32_t head = atomic_load_acq(&pp->runqhead);
        uint32_t tail = pp->runqtail;
        if (tail == head)
            return NULL;
        g *gp = slot_get(pp, head);
        if (private) {
            atomic_store_rel(&pp->runqhead, head + 1);
            return gp;
        }
        if (atomic_cas_rel(&pp->runqhead, head, head + 1))
            return gp;
    }
}

// Grabs half of victim's queue (rounded up) into batch; may take its runnext too.
static uint32_t runqgrab(p *victim, g **batch, bool steal_runnext) {
    for (;;) {
        uint32_t head = atomic_load_acq(&victim->runqhead);
        uint32_t tail = atomic_load_acq(&victim->runqtail);
        uint32_t n = tail - head;
        n = n - n / 2;
        if (n == 0) {
            if (!steal_runnext)
                return 0;
            g *next = atomic_load(&victim->runnext);
            if (next == NULL)
                return 0;
            // The victim is likely about to run it: give it a moment (Go's usleep(3)).
            // A pause loop is as short as the CPU makes pause, which on some is too short.
            if (atomic_load_relaxed(&victim->status) == P_RUNNING)
                os_usleep(3);
            if (!atomic_cas(&victim->runnext, next, NULL))
                continue;
            batch[0] = next;
            return 1;
        }
        if (n > RUNQ_SIZE / 2)
            continue; // read an inconsistent head/tail pair
        for (uint32_t i = 0; i < n; i++)
            batch[i] = slot_get(victim, head + i);
        if (atomic_cas_rel(&victim->runqhead, head, head + n))
            return n;
    }
}

// Steals half of victim's Gs into pp's ring; returns one to run now, or NULL.
g *runqsteal(p *pp, p *victim, bool steal_runnext) {
    g *batch[RUNQ_SIZE / 2];
    uint32_t n = runqgrab(victim, batch, steal_runnext);
    if (n == 0)
        return NULL;
    g *gp = batch[--n];
    if (n == 0)
        return gp;
    uint32_t head = atomic_load_acq(&pp->runqhead);
    uint32_t tail = pp->runqtail;
    if (tail - head + n >= RUNQ_SIZE)
        fatal("runqsteal: runq overflow");
    for (uint32_t i = 0; i < n; i++)
        slot_set(pp, tail + i, batch[i]);
    atomic_store_rel(&pp->runqtail, tail + n);
    return gp;
}

// Global queue; sched.lock must be held for these but globrunqputbatch, which takes it.
static struct gseg *gseg_new(void) {
    struct gseg *s = sched.runq.free;
    if (s != NULL)
        sched.runq.free = s->next;
    else
        s = persistentalloc(sizeof *s, 64);
    s->next = NULL;
    s->head = s->tail = 0;
    return s;
}

void globrunqput(g *gp) {
    DEBUG_HOOK(debug_queue_check(gp));
    struct gseg *t = sched.runq.tail;
    if (t == NULL || t->tail == GSEG_LEN) {
        struct gseg *s = gseg_new();
        if (t != NULL)
            t->next = s;
        else
            sched.runq.head = s;
        sched.runq.tail = t = s;
    }
    t->gs[t->tail++] = gp;
    sched.runq.size++;
}

// Appends gs[0..n) a segment's room at a time.
static void globrunqputarray(g **gs, uint32_t n) {
    while (n > 0) {
        struct gseg *t = sched.runq.tail;
        if (t == NULL || t->tail == GSEG_LEN) {
            globrunqput(*gs++);
            n--;
            continue;
        }
        uint32_t k = GSEG_LEN - t->tail < n ? GSEG_LEN - t->tail : n;
        for (uint32_t i = 0; i < k; i++) {
            DEBUG_HOOK(debug_queue_check(gs[i]));
            t->gs[t->tail + i] = gs[i];
        }
        t->tail += k;
        sched.runq.size += (int32_t)k;
        gs += k;
        n -= k;
    }
}

static g *globrunqpop(void) {
    struct gseg *h = sched.runq.head;
    g *gp = h->gs[h->head++];
    if (h->head == h->tail) { // emptied: to the free list
        sched.runq.head = h->next;
        if (h->next == NULL)
            sched.runq.tail = NULL;
        h->next = sched.runq.free;
        sched.runq.free = h;
    }
    sched.runq.size--;
    return gp;
}

void globrunqputbatch(gqueue *batch) {
    lock(&sched.lock);
    g *gp;
    while ((gp = gqueue_pop(batch)) != NULL)
        globrunqput(gp);
    unlock(&sched.lock);
}

// Takes a fair share of the global queue (at most max, 0 = no bound): one to run, the
// rest into pp's ring.
g *globrunqget(p *pp, int32_t max) {
    int32_t size = sched.runq.size;
    if (size == 0)
        return NULL;
    int32_t n = size / sched.gomaxprocs + 1;
    if (n > size)
        n = size;
    if (max > 0 && n > max)
        n = max;
    if (n > RUNQ_SIZE / 2)
        n = RUNQ_SIZE / 2;
    // sched.lock is held: the local ring must take the rest without spilling back to the
    // global queue, which would take sched.lock again. Only we add to it, so its room
    // can only grow meanwhile.
    int32_t room = RUNQ_SIZE - (int32_t)runqlen(pp);
    if (n - 1 > room)
        n = room + 1;
    g *gp = globrunqpop();
    g_prefetch(gp);
    for (int32_t i = 1; i < n; i++)
        runqput(pp, globrunqpop(), false);
    return gp;
}
