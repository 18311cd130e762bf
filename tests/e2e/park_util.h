// park_util.h — for e2e tests that need a goroutine parked before they go on: a
// CHECK that fails the program, and go_parked, which starts a goroutine and returns once
// it has parked in the call it blocks in (no sleep to guess how long that takes).
#ifndef PARK_UTIL_H
#define PARK_UTIL_H

#include <rt.h>

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            rt_print("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);                               \
            rt_exit(1);                                                                            \
        }                                                                                          \
    } while (0)

// Goroutines that reached the call they block in; go_parked waits for each.
static int arrived;

static inline void arrive(void) {
    __atomic_add_fetch(&arrived, 1, __ATOMIC_SEQ_CST);
}

// Starts fn(arg), which calls arrive() just before it blocks, and returns once it is
// parked. With a single P the goroutine keeps it from arrive() until it parks, so main
// runs again, and sees the count move, once it is parked; unless sysmon preempted it in
// between, at the blocking call's own preemption check: that takes 10 ms with one P's
// schedule tick standing still, which a loaded machine under qemu reaches (chan_buffered
// failed so, in the debug variant). A preempted goroutine waits on the global queue, and
// a yield of main's with its own queue empty queues main behind it: so a few more yields
// let it reach its park.
static inline void go_parked(void (*fn)(void *), void *arg) {
    int want = __atomic_load_n(&arrived, __ATOMIC_SEQ_CST) + 1;
    int procs = rt_gomaxprocs(1);
    rt_go(fn, arg);
    while (__atomic_load_n(&arrived, __ATOMIC_SEQ_CST) < want)
        rt_yield();
    for (int i = 0; i < 4; i++)
        rt_yield();
    rt_gomaxprocs(procs);
}

#endif
