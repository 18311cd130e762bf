// netpoll.h — the core's side of the network poller (Go's netpoll.go): a poll
// descriptor per fd with a read and a write wait slot, deadlines, and the hooks the
// scheduler calls. The OS side (epoll, kqueue) is generated: os_netpoll_* in os.h.
#ifndef NETPOLL_H
#define NETPOLL_H

#include "runtime.h"

// A wait slot (rg, wg) holds PD_NIL, PD_READY (an event came while nobody waited),
// PD_WAIT (a goroutine is about to park), or the parked goroutine itself.
#define PD_NIL   ((uintptr_t)0)
#define PD_READY ((uintptr_t)1)
#define PD_WAIT  ((uintptr_t)2)

// Directions, as the generated poller reports them.
enum { NETPOLL_READ = 1, NETPOLL_WRITE = 2 };

struct polldesc {
    struct polldesc *link; // on the free list
    mutex lock;            // closing, deadlines and their timers
    int fd;
    bool pollable;        // registered with the poller (a regular file is not)
    bool is_socket;       // made by rt_listen, rt_accept or rt_dial
    bool closing;         // atomic: rt_close ran, every wait fails with RT_ECLOSED
    uint32_t refs;        // atomic: net.c's count of calls in progress, and its closed bit
    rt_mutex rmu, wmu;    // one reader and one writer at a time (Go's fdMutex)
    uintptr_t rg, wg;     // atomic wait slots
    int64_t rd, wd;       // deadlines: 0 none, -1 passed
    uintptr_t rseq, wseq; // deadline generations: a timer of an older one does nothing
    struct ftimer rt, wt; // the deadline timers
};

// Poller hooks for the scheduler (no-ops until the first fd is opened).
bool netpoll_inited(void);
bool netpoll_any_waiters(void);
// Polls for ns (< 0: until something happens, 0: only looks) and returns the goroutines
// made ready, runnable, in `ready`.
void netpoll(int64_t ns, gqueue *ready);
void netpoll_break(void);
// Wakes a timer waiter that sleeps on its wake word because it began before the poller
// existed (idle.c); netpoll_init calls it once the poller is made.
void timer_wait_poller_ready(void);
// Makes ready goroutines runnable here and on idle Ps (Go's injectglist).
void injectglist(gqueue *ready);

// Called by the generated os_netpoll for each event (mode: NETPOLL_READ | NETPOLL_WRITE),
// and once it has drained a break.
void netpoll_ready(struct polldesc *pd, int32_t mode, gqueue *ready);
void netpoll_break_done(void);

// Descriptors (net.c's fd table keeps them by fd).
struct polldesc *polldesc_open(int fd, int *err); // registers fd; NULL and *err on failure
void polldesc_free(struct polldesc *pd);          // before the fd itself is closed
// Waits until fd may be ready for mode; 0, RT_ECLOSED or RT_ETIMEOUT.
int polldesc_wait(struct polldesc *pd, int32_t mode);
int polldesc_check(struct polldesc *pd, int32_t mode); // the same errors, without waiting
void polldesc_set_deadline(struct polldesc *pd, int64_t when, int which);
void polldesc_unblock(struct polldesc *pd); // for close: wake every waiter

#endif
