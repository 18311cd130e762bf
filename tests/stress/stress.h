// stress.h — what the stress programs share: a seeded random generator (the harness
// passes the seed as argv[1] and names it when a run fails), and raw Linux system calls:
// blocking ones made the way user code makes them, and fds at chosen numbers (pipe2,
// dup3). Freestanding programs have no libc.
#ifndef STRESS_H
#define STRESS_H

#include <rt.h>

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

static inline long stress_syscall2(long nr, long a, long b) {
#if defined(__x86_64__)
    long ret;
    __asm__ volatile("syscall" : "=a"(ret) : "a"(nr), "D"(a), "S"(b) : "rcx", "r11", "memory");
    return ret;
#elif defined(__aarch64__)
    register long x0 __asm__("x0") = a;
    register long x1 __asm__("x1") = b;
    register long x8 __asm__("x8") = nr;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x1), "r"(x8) : "memory");
    return x0;
#else
#error "stress programs: no raw system calls for this arch"
#endif
}

static inline long stress_syscall3(long nr, long a, long b, long c) {
#if defined(__x86_64__)
    long ret;
    register long rdx __asm__("rdx") = c;
    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "a"(nr), "D"(a), "S"(b), "r"(rdx)
                     : "rcx", "r11", "memory");
    return ret;
#elif defined(__aarch64__)
    register long x0 __asm__("x0") = a;
    register long x1 __asm__("x1") = b;
    register long x2 __asm__("x2") = c;
    register long x8 __asm__("x8") = nr;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x1), "r"(x2), "r"(x8) : "memory");
    return x0;
#endif
}

#if defined(__x86_64__)
enum {
    STRESS_NR_NANOSLEEP = 35,
    STRESS_NR_GETTID = 186,
    STRESS_NR_CLOSE = 3,
    STRESS_NR_FCNTL = 72,
    STRESS_NR_DUP3 = 292,
    STRESS_NR_PIPE2 = 293,
};
#else
enum {
    STRESS_NR_NANOSLEEP = 101,
    STRESS_NR_GETTID = 178,
    STRESS_NR_CLOSE = 57,
    STRESS_NR_FCNTL = 25,
    STRESS_NR_DUP3 = 24,
    STRESS_NR_PIPE2 = 59,
};
#endif

// Blocks this thread for ns nanoseconds (0: just enters and leaves the kernel).
static inline void stress_nanosleep(long ns) {
    struct {
        long sec, nsec;
    } ts = {ns / 1000000000, ns % 1000000000};
    stress_syscall2(STRESS_NR_NANOSLEEP, (long)&ts, 0);
}

// A blocking call made as user code should: the P is free for others meanwhile.
static inline void stress_blocking_sleep(long ns) {
    rt_syscall_enter();
    stress_nanosleep(ns);
    rt_syscall_exit();
}

static inline long stress_gettid(void) {
    return stress_syscall2(STRESS_NR_GETTID, 0, 0);
}

// Spins for about us microseconds without any runtime call.
static volatile uint64_t stress_sink;

static inline void stress_spin_us(int64_t us) {
    for (int64_t i = 0; i < us * 200; i++)
        stress_sink += (uint64_t)i;
}

#endif
