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
// parked. With a single P the goroutine keeps it from arrive() until it parks (the
// runtime does not preempt its own code, and sysmon asks only after 10 ms on the CPU),
// so main runs again, and sees the count move, only once it is parked.
static inline void go_parked(void (*fn)(void *), void *arg) {
    int want = __atomic_load_n(&arrived, __ATOMIC_SEQ_CST) + 1;
    int procs = rt_gomaxprocs(1);
    rt_go(fn, arg);
    while (__atomic_load_n(&arrived, __ATOMIC_SEQ_CST) < want)
        rt_yield();
    rt_gomaxprocs(procs);
}

#endif
