// sema.c — counting semaphores on any uint32_t, Go's runtime sema: the building block
// that rt_mutex and rt_wg park on. *addr holds the count; the waiters live in a fixed
// hash table of roots keyed by address, each root under its own runtime lock. A root
// keeps one queue per address (heads linked through next/prev, the rest of a queue
// through waitlink), so a release finds its address's oldest waiter without walking
// other addresses' waiters.
#include "runtime.h"

enum { SEMTABSZ = 251, CACHE_LINE = 64 };

// A waiter, in the parked goroutine's own frame (stacks never move).
struct semwaiter {
    g *gp;
    uint32_t *addr;
    struct semwaiter *next, *prev; // heads only: other addresses in this root
    struct semwaiter *waitlink;    // next waiter on the same address
    struct semwaiter *waittail;    // heads only: last waiter on the same address
    bool handoff;                  // the releaser took the count for us
};

struct semroot {
    mutex lock;
    uint32_t nwait; // atomic: waiters here, so a release with none skips the lock
    struct semwaiter *heads;
} __attribute__((aligned(CACHE_LINE))); // roots of unrelated locks share no line

static struct semroot semtable[SEMTABSZ];

static struct semroot *semroot(uint32_t *addr) {
    struct semroot *r = &semtable[((uintptr_t)addr >> 3) % SEMTABSZ];
    lockinit(&r->lock, LOCK_RANK_SEMA_ROOT);
    return r;
}

static bool cansemacquire(uint32_t *addr) {
    for (;;) {
        uint32_t v = atomic_load(addr);
        if (v == 0)
            return false;
        if (atomic_cas(addr, v, v - 1))
            return true;
    }
}

static struct semwaiter *find_head(struct semroot *root, uint32_t *addr) {
    struct semwaiter *h = root->heads;
    while (h != NULL && h->addr != addr)
        h = h->next;
    return h;
}

// Puts 'to' in the heads list where 'from' is (or at the front if from is NULL).
static void replace_head(struct semroot *root, struct semwaiter *from, struct semwaiter *to) {
    to->prev = from ? from->prev : NULL;
    to->next = from ? from->next : root->heads;
    if (to->prev != NULL)
        to->prev->next = to;
    else
        root->heads = to;
    if (to->next != NULL)
        to->next->prev = to;
}

// lifo puts w first in its address's queue: a waiter that already waited once.
static void sema_queue(struct semroot *root, struct semwaiter *w, bool lifo) {
    struct semwaiter *h = find_head(root, w->addr);
    w->waitlink = NULL;
    w->handoff = false;
    if (h == NULL) {
        w->waittail = w;
        replace_head(root, NULL, w);
    } else if (lifo) {
        w->waitlink = h;
        w->waittail = h->waittail;
        replace_head(root, h, w);
    } else {
        h->waittail->waitlink = w;
        h->waittail = w;
    }
}

static struct semwaiter *sema_dequeue(struct semroot *root, uint32_t *addr) {
    struct semwaiter *h = find_head(root, addr);
    if (h == NULL)
        return NULL;
    struct semwaiter *rest = h->waitlink;
    if (rest != NULL) {
        rest->waittail = h->waittail;
        replace_head(root, h, rest);
        return h;
    }
    if (h->prev != NULL)
        h->prev->next = h->next;
    else
        root->heads = h->next;
    if (h->next != NULL)
        h->next->prev = h->prev;
    return h;
}

// Waits until *addr > 0, then decrements it.
void semacquire(uint32_t *addr, bool lifo) {
    if (cansemacquire(addr))
        return;
    struct semroot *root = semroot(addr);
    struct semwaiter w = {.gp = getg(), .addr = addr};
    for (;;) {
        lock(&root->lock);
        // Count ourselves first, so a release from now on takes the slow path and finds
        // us; then look once more, as a release may have come just before.
        atomic_xadd(&root->nwait, 1);
        if (cansemacquire(addr)) {
            atomic_xadd(&root->nwait, -1);
            unlock(&root->lock);
            return;
        }
        sema_queue(root, &w, lifo);
        gopark(park_unlock, &root->lock, WAIT_SEMA);
        if (w.handoff || cansemacquire(addr))
            return;
        // Woken, but a barging acquirer took the count first: wait again.
    }
}

// Increments *addr and wakes one waiter. handoff: give the count straight to that
// waiter and let it run now on this P, so a barging acquirer cannot take it first.
void semrelease(uint32_t *addr, bool handoff) {
    struct semroot *root = semroot(addr);
    atomic_xadd(addr, 1);
    if (atomic_load(&root->nwait) == 0)
        return;
    lock(&root->lock);
    struct semwaiter *w = atomic_load(&root->nwait) == 0 ? NULL : sema_dequeue(root, addr);
    if (w != NULL)
        atomic_xadd(&root->nwait, -1);
    unlock(&root->lock);
    if (w == NULL)
        return;
    bool handed = handoff && cansemacquire(addr);
    w->handoff = handed;
    g *gp = w->gp; // w is gone once gp runs
    goready(gp);
    if (handed)
        rt_yield(); // gp is in runnext: it runs next, we go to the back of the queue
}
