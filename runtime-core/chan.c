// chan.c — channels, with Go's semantics: a ring buffer and FIFO queues of parked
// senders and receivers under one runtime lock per channel. A value goes straight from
// a sender to a parked receiver's variable (or from a parked sender to a receiver), so
// a handoff never touches the buffer and wakes exactly one goroutine.
//
// A parked goroutine's sudog lives in its own stack frame: stacks never move and the
// frame outlives the wait, so blocking costs no allocation. Whoever dequeues a sudog
// owns it until goready, and nobody touches it after.
#include "chan.h"
#include "misuse.h"

#define load_relaxed(p)     __atomic_load_n((p), __ATOMIC_RELAXED)
#define store_relaxed(p, v) __atomic_store_n((p), (v), __ATOMIC_RELAXED)

_Static_assert(offsetof(rt_chan, state) >= sizeof(void *), "rt_free's link would hide the state");

// Go's limits: an element of at most 64 KiB (makechan: invalid channel element type), and
// a buffer no larger than the address space the allocator can hand out (maxAlloc, 2^48 on
// 64-bit); anything beyond is a caller's bug (a negative int passed as a size_t, say).
#define CHAN_MAX_ELEM  ((size_t)1 << 16)
#define CHAN_MAX_ALLOC ((size_t)1 << 47)

rt_chan *rt_chan_new(size_t elem_size, size_t cap) {
    check_caller("rt_chan_new");
    size_t hdr = ALIGN_UP(sizeof(rt_chan), 16); // rt_alloc's alignment, kept for the buffer
    if (elem_size >= CHAN_MAX_ELEM)
        fatalf("makechan: element size %zu out of range (at most %zu bytes)", elem_size,
               CHAN_MAX_ELEM - 1);
    if (elem_size != 0 && cap > (CHAN_MAX_ALLOC - hdr) / elem_size)
        fatalf("makechan: size out of range (%zu elements of %zu bytes)", cap, elem_size);
    size_t size = hdr + elem_size * cap;
    rt_chan *c = rt_alloc(size); // zeroed: unlocked, open, empty
    c->state = CHAN_LIVE;
    lockinit(&c->lock, LOCK_RANK_CHAN);
    c->elemsize = elem_size;
    c->dataqsiz = cap;
    c->allocsize = size;
    c->buf = (unsigned char *)c + hdr;
    return c;
}

// The debug variant never reuses a channel's memory, so every second free of a channel is
// caught, even one that comes after the memory would have gone to a new channel.
#ifdef RT_DEBUG
#define CHAN_REUSE_MEMORY false
#else
#define CHAN_REUSE_MEMORY true
#endif

void rt_chan_free(rt_chan *c) {
    if (c == NULL)
        return;
    // Claimed by compare-and-swap, so two racing frees cannot both pass.
    uint32_t state = CHAN_LIVE;
    if (!__atomic_compare_exchange_n(&c->state, &state, CHAN_FREED, false, __ATOMIC_ACQ_REL,
                                     __ATOMIC_ACQUIRE))
        fatal(state == CHAN_FREED ? "free of a freed channel"
                                  : "free of a pointer that is not a channel");
    lock(&c->lock);
    bool waiters = c->recvq.first != NULL || c->sendq.first != NULL;
    unlock(&c->lock);
    if (waiters)
        fatal("free of channel with waiting goroutines");
    if (CHAN_REUSE_MEMORY)
        rt_free(c, c->allocsize);
}

size_t rt_chan_len(rt_chan *c) {
    return c == NULL ? 0 : load_relaxed(&c->qcount);
}

// Queues ---------------------------------------------------------------------

void waitq_enqueue(struct waitq *q, struct sudog *sg) {
    sg->next = NULL;
    sg->prev = q->last;
    if (q->last != NULL)
        q->last->next = sg;
    else
        store_relaxed(&q->first, sg); // read unlocked by the non-blocking fast paths
    q->last = sg;
}

static void unlink_first(struct waitq *q, struct sudog *sg) {
    store_relaxed(&q->first, sg->next);
    if (sg->next != NULL)
        sg->next->prev = NULL;
    else
        q->last = NULL;
    sg->next = sg->prev = NULL;
}

struct sudog *waitq_dequeue(struct waitq *q) {
    for (;;) {
        struct sudog *sg = q->first;
        if (sg == NULL)
            return NULL;
        unlink_first(q, sg);
        // A select parks on many channels; the first case to claim it wins, and the
        // losers' sudogs wait here until the select G takes them out itself.
        if (sg->isselect && !atomic_cas(&sg->g->selectdone, false, true))
            continue;
        return sg;
    }
}

// Takes sg out of q if it is still there (a dequeue may have dropped it already).
void waitq_remove(struct waitq *q, struct sudog *sg) {
    if (sg->prev == NULL && q->first != sg)
        return;
    if (sg->prev != NULL)
        sg->prev->next = sg->next;
    else
        store_relaxed(&q->first, sg->next);
    if (sg->next != NULL)
        sg->next->prev = sg->prev;
    else
        q->last = sg->prev;
    sg->next = sg->prev = NULL;
}

// Transfers --------------------------------------------------------------------

static void *slot(rt_chan *c, size_t i) {
    return c->buf + i * c->elemsize;
}

// Word-sized values are the common case: a constant-size copy compiles to a move,
// where a general copy of a few bytes costs more than the rest of a handoff.
static void copy_elem(rt_chan *c, void *dst, const void *src) {
    if (dst == NULL)
        return;
    switch (c->elemsize) {
    case 4:
        __builtin_memcpy(dst, src, 4);
        break;
    case 8:
        __builtin_memcpy(dst, src, 8);
        break;
    default:
        mem_copy(dst, src, c->elemsize);
    }
}

void chan_zero(rt_chan *c, void *elem) {
    if (elem != NULL)
        mem_zero(elem, c->elemsize);
}

static size_t ring_next(rt_chan *c, size_t i) {
    return ++i == c->dataqsiz ? 0 : i;
}

void chan_buf_put(rt_chan *c, const void *elem) {
    copy_elem(c, slot(c, c->sendx), elem);
    c->sendx = ring_next(c, c->sendx);
    store_relaxed(&c->qcount, c->qcount + 1);
}

void chan_buf_take(rt_chan *c, void *elem) {
    copy_elem(c, elem, slot(c, c->recvx));
    c->recvx = ring_next(c, c->recvx);
    store_relaxed(&c->qcount, c->qcount - 1);
}

static g *wake_with(struct sudog *sg, bool success) {
    sg->success = success;
    sg->g->param = sg; // tells a select which case fired
    return sg->g;
}

// The receiver is parked, so the buffer is empty: copy straight into its variable.
g *chan_send_direct(rt_chan *c, struct sudog *sg, const void *elem) {
    copy_elem(c, sg->elem, elem);
    return wake_with(sg, true);
}

// The sender is parked. Unbuffered: take its value. Buffered (hence full): take the
// oldest value and put the sender's in the freed slot, keeping FIFO order.
static inline __attribute__((always_inline)) g *recv_direct(rt_chan *c, struct sudog *sg,
                                                            void *elem) {
    if (c->dataqsiz == 0) {
        copy_elem(c, elem, sg->elem);
    } else {
        copy_elem(c, elem, slot(c, c->recvx));
        copy_elem(c, slot(c, c->recvx), sg->elem);
        c->recvx = ring_next(c, c->recvx);
        c->sendx = c->recvx;
    }
    return wake_with(sg, true);
}

// Out of line for select; a receive inlines it (half of all handoffs, whenever the
// sender got there first).
g *chan_recv_direct(rt_chan *c, struct sudog *sg, void *elem) {
    return recv_direct(c, sg, elem);
}

// Parking ----------------------------------------------------------------------

static _Noreturn void park_forever(uint32_t reason) {
    gopark(NULL, NULL, reason); // nobody can ready us: checkdead reports a deadlock
    fatal("unreachable: goroutine parked forever woke up");
}

// Parks on q (c->lock held, released by the park); returns the sudog's success.
static bool park_on(rt_chan *c, struct waitq *q, void *elem, uint32_t reason) {
    struct sudog sg = {.g = getg(), .elem = elem, .c = c};
    waitq_enqueue(q, &sg);
    gopark(park_unlock, &c->lock, reason); // a waker sees the sudog once we are saved
    return sg.success;
}

// Send and receive ---------------------------------------------------------------

static bool chan_full(rt_chan *c) {
    if (c->dataqsiz == 0)
        return load_relaxed(&c->recvq.first) == NULL;
    return load_relaxed(&c->qcount) == c->dataqsiz;
}

static bool chan_empty(rt_chan *c) {
    if (c->dataqsiz == 0)
        return load_relaxed(&c->sendq.first) == NULL;
    return load_relaxed(&c->qcount) == 0;
}

// Inlined into rt_chan_send and rt_chan_recv with block known: a call layer and its
// frame less on the hot path; select's one-case path calls the out-of-line copies.
static inline __attribute__((always_inline)) bool chan_send_inline(rt_chan *c, const void *elem,
                                                                   bool block) {
    if (c == NULL) {
        if (!block)
            return false;
        park_forever(WAIT_CHAN_SEND);
    }
    // Without the lock: seen open, then full, it was both at the moment of the second
    // read (a closed channel never reopens), so the send could not proceed then.
    if (!block && !atomic_load(&c->closed) && chan_full(c))
        return false;
    chan_lock(c);
    if (c->closed) {
        unlock(&c->lock);
        fatal("send on closed channel");
    }
    struct sudog *sg = waitq_dequeue(&c->recvq);
    if (sg != NULL) {
        g *gp = chan_send_direct(c, sg, elem);
        unlock(&c->lock);
        goready(gp);
        return true;
    }
    if (c->qcount < c->dataqsiz) {
        chan_buf_put(c, elem);
        unlock(&c->lock);
        return true;
    }
    if (!block) {
        unlock(&c->lock);
        return false;
    }
    if (!park_on(c, &c->sendq, (void *)elem, WAIT_CHAN_SEND))
        fatal("send on closed channel"); // closed while we waited
    return true;
}

static inline __attribute__((always_inline)) bool chan_recv_inline(rt_chan *c, void *elem,
                                                                   bool block, bool *received) {
    *received = false;
    if (c == NULL) {
        if (!block)
            return false;
        park_forever(WAIT_CHAN_RECV);
    }
    if (!block && chan_empty(c)) { // without the lock, as in chan_send
        if (!atomic_load(&c->closed))
            return false;
        if (chan_empty(c)) { // closed: look again, a value may have come first
            chan_zero(c, elem);
            return true;
        }
    }
    chan_lock(c);
    if (c->closed && c->qcount == 0) {
        unlock(&c->lock);
        chan_zero(c, elem);
        return true;
    }
    struct sudog *sg = waitq_dequeue(&c->sendq);
    if (sg != NULL) {
        g *gp = recv_direct(c, sg, elem);
        unlock(&c->lock);
        goready(gp);
        return *received = true;
    }
    if (c->qcount > 0) {
        chan_buf_take(c, elem);
        unlock(&c->lock);
        return *received = true;
    }
    if (!block) {
        unlock(&c->lock);
        return false;
    }
    // On close the closer zeroes elem and reports no success.
    *received = park_on(c, &c->recvq, elem, WAIT_CHAN_RECV);
    return true;
}

bool chan_send(rt_chan *c, const void *elem, bool block) {
    return chan_send_inline(c, elem, block);
}

bool chan_recv(rt_chan *c, void *elem, bool block, bool *received) {
    return chan_recv_inline(c, elem, block, received);
}

void rt_chan_send(rt_chan *c, const void *elem) {
    chan_enter("rt_chan_send");
    preempt_check();
    san_send_begin(c, elem);
    chan_send_inline(c, elem, true);
    san_send_done(c);
}

bool rt_chan_recv(rt_chan *c, void *elem) {
    chan_enter("rt_chan_recv");
    preempt_check();
    bool received;
    san_recv_begin(c);
    chan_recv_inline(c, elem, true, &received);
    san_recv_done(c, elem);
    return received;
}

void rt_chan_close(rt_chan *c) {
    chan_enter("rt_chan_close");
    if (c == NULL)
        fatal("close of nil channel");
    san_release(&c->sendq); // a close happens before the receives it ends
    chan_lock(c);
    if (c->closed) {
        unlock(&c->lock);
        fatal("close of closed channel");
    }
    atomic_store(&c->closed, 1);
    // Every waiter wakes: receivers with a zero value, senders to fail.
    gqueue ready = {0};
    struct sudog *sg;
    while ((sg = waitq_dequeue(&c->recvq)) != NULL) {
        chan_zero(c, sg->elem);
        gqueue_push(&ready, wake_with(sg, false));
    }
    while ((sg = waitq_dequeue(&c->sendq)) != NULL)
        gqueue_push(&ready, wake_with(sg, false));
    unlock(&c->lock);
    g *gp;
    while ((gp = gqueue_pop(&ready)) != NULL)
        goready(gp);
}
