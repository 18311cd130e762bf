// stress.h — what the stress programs share: a seeded random generator (the harness
// passes the seed as argv[1] and names it when a run fails), and raw Linux system calls:
// blocking ones made the way user code makes them, and fds at chosen numbers (pipe2,
// dup3). Freestanding programs have no libc.
#ifndef STRESS_H
#define STRESS_H

#include <rt.h>

#include "../support/rawsys.h"

static uint64_t stress_state = 88172645463325252ULL;

static inline void stress_seed(int argc, char **argv) {
    uint64_t s = 0;
    if (argc > 1)
        for (const char *c = argv[1]; *c >= '0' && *c <= '9'; c++)
            s = s * 10 + (uint64_t)(*c - '0');
    stress_state ^= s * 0x9e3779b97f4a7c15ULL;
    if (stress_state == 0)
        stress_state = 1;
}

// xorshift64, shared by every goroutine: relaxed atomics, since interleaved updates
// only add noise but a plain shared variable is a data race (TSan reports it).
static inline uint32_t stress_rand(uint32_t n) {
    uint64_t x = __atomic_load_n(&stress_state, __ATOMIC_RELAXED);
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    __atomic_store_n(&stress_state, x, __ATOMIC_RELAXED);
    return n ? (uint32_t)(x % n) : 0;
}

// A blocking call made as user code should: the P is free for others meanwhile.
static inline void stress_blocking_sleep(long ns) {
    rt_syscall_enter();
    raw_nanosleep(ns);
    rt_syscall_exit();
}

static inline long stress_gettid(void) {
    return raw_syscall3(RAW_SYS_GETTID, 0, 0, 0);
}

// Spins for about us microseconds without any runtime call.
static volatile uint64_t stress_sink;

static inline void stress_spin_us(int64_t us) {
    for (int64_t i = 0; i < us * 200; i++)
        stress_sink += (uint64_t)i;
}

#endif
