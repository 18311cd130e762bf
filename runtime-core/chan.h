// chan.h — a channel's insides, shared by chan.c and select.c and nobody else.
#ifndef CHAN_H
#define CHAN_H

#include "runtime.h"
#include "sanitizer.h"
#include "misuse.h"

// A FIFO of parked goroutines, linked through sudog.next/prev.
struct waitq {
    struct sudog *first, *last;
};

// rt_chan.state: a channel's memory says whether it is live, so that a second
// rt_chan_free is caught instead of putting the memory on the free list twice (which
// would hand it to two channels). rt_free's free-list link overwrites only the first
// word, never the state.
enum { CHAN_LIVE = 0x6c697665, CHAN_FREED = 0x66726565 };

struct rt_chan {
    mutex lock;
    uint32_t closed; // written under lock, read without it by non-blocking fast paths
    size_t qcount;   // values in buf; same rule as closed
    size_t dataqsiz; // capacity; 0 for an unbuffered channel
    size_t elemsize;
    size_t sendx, recvx; // ring positions of the next send and receive
    struct waitq recvq, sendq;
    size_t allocsize; // what rt_chan_free gives back
    uint32_t state;   // CHAN_LIVE, CHAN_FREED, or anything else for memory that never was one
    unsigned char *buf;
};

// A channel's lock. At one P it takes no atomic instruction (its compare-and-swap and
// exchange were 57 -> 51 ns of an unbuffered round trip): only the M holding that P runs
// goroutines, and every channel operation needs the P (chan_enter), so no other M can be
// holding or taking a channel lock. Nor can one later: the P count changes only with the
// world stopped, and the world stops only where no goroutine is inside a channel
// operation (a park releases the lock before anything else runs; a preemption signal
// never stops a goroutine in runtime code, preempt.c's safe_point). unlock() knows the
// MUTEX_HELD_SOLO key; finding any other key here means the premise broke, and the
// runtime dies rather than corrupt a queue. Not counted in m->locks, which is for the
// preemption check too and has runtime text to go by here. The debug variant always takes
// the real lock: its rank and owner checks are what it is for.
static inline void chan_lock(rt_chan *c) {
#ifndef RT_DEBUG
    if (__atomic_load_n(&sched.gomaxprocs, __ATOMIC_RELAXED) == 1) {
        if (__atomic_load_n(&c->lock.key, __ATOMIC_RELAXED) != 0)
            fatal("channel lock held by another thread while only one P exists");
        __atomic_store_n(&c->lock.key, MUTEX_HELD_SOLO, __ATOMIC_RELAXED);
        return;
    }
#endif
    lock(&c->lock);
}

// Every channel operation but rt_chan_new and rt_chan_free: from a goroutine that holds
// a P, which chan_lock relies on.
static inline void chan_enter(const char *api) {
    check_caller(api);
    if (__builtin_expect(getg()->m->p == NULL, 0))
        fatal_in_syscall("use a channel");
}

// ThreadSanitizer's view of a channel (sanitizer.h), on the goroutine of each operation:
// a send releases its past to the channel's sent token and a receive acquires it, so a
// send happens before the receive it feeds (and a close before the receive it ends); a
// receive releases to the received token before it starts and a send acquires it when it
// completes, so an unbuffered receive happens before its send completes, and the k-th
// receive before the (k+cap)-th send completes (a buffered channel used as a semaphore).
// One pair of tokens per channel gives TSan every edge Go's memory model gives a channel,
// and a few more (between operations that were not matched), so it may miss a race that
// only such an extra edge hides, never report one that is not there.
static inline void san_send_begin(rt_chan *c, const void *elem) {
    if (c != NULL) {
        san_read(elem, c->elemsize);
        san_release(&c->sendq);
    }
}
static inline void san_send_done(rt_chan *c) {
    san_acquire(&c->recvq);
}
static inline void san_recv_begin(rt_chan *c) {
    if (c != NULL)
        san_release(&c->recvq);
}
// After the receive completed, with a value or with zero from a closed channel.
static inline void san_recv_done(rt_chan *c, void *elem) {
    san_acquire(&c->sendq);
    san_write(elem, c->elemsize);
}

// Queue operations; c->lock held. waitq_dequeue skips (and drops) sudogs of a select
// that another case already won, so only one case of a select ever completes.
void waitq_enqueue(struct waitq *q, struct sudog *sg);
struct sudog *waitq_dequeue(struct waitq *q);
void waitq_remove(struct waitq *q, struct sudog *sg);

// Transfers with c->lock held. Each returns the goroutine to goready once every lock is
// released: sg has been dequeued and marked successful, and g.param points at sg.
g *chan_send_direct(rt_chan *c, struct sudog *sg, const void *elem);
g *chan_recv_direct(rt_chan *c, struct sudog *sg, void *elem);
void chan_buf_put(rt_chan *c, const void *elem);
void chan_buf_take(rt_chan *c, void *elem);
void chan_zero(rt_chan *c, void *elem);

// Send and receive; block == false returns false rather than park. chan_recv sets
// *received to false when it returned because the channel is closed and drained.
bool chan_send(rt_chan *c, const void *elem, bool block);
bool chan_recv(rt_chan *c, void *elem, bool block, bool *received);

#endif
