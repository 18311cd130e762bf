// preempt: what asynchronous preemption costs and buys, at one P. Not a Go-peer bench
// (bench/bench.lua does not run it); its numbers are in the README.
//   preempt latency [samples]  a sleeper (1 ms sleeps) beside a CPU hog: wake-up
//                              latency past the deadline, p50/p99/max in µs
//   preempt hog [millions]     the hog's loop, millions of iterations timed by itself
//                              (run with and without RTDEBUG=asyncpreemptoff=1 to compare)
// Build: lua5.4 build.lua cc --target linux-amd64 -O2 bench/preempt.c -o preempt
#include "bench.h"
#include <rt_port.h>

static volatile uint64_t hog_iters;
static volatile int stop;

static void hog(void *arg) {
    (void)arg;
    uint64_t x = 1;
    while (!stop) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        hog_iters++;
    }
}

static int cmp_sort(int64_t *v, long n) { // insertion sort: a few thousand samples
    for (long i = 1; i < n; i++)
        for (long j = i; j > 0 && v[j - 1] > v[j]; j--) {
            int64_t t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
        }
    return 0;
}

static int latency(long n) {
    static int64_t late[4096];
    if (n > 4096)
        n = 4096;
    rt_go(hog, 0);
    rt_yield();
    for (long i = 0; i < n; i++) {
        int64_t deadline = rt_nanotime() + 1000000;
        rt_sleep(1000000);
        late[i] = rt_nanotime() - deadline;
    }
    stop = 1;
    cmp_sort(late, n);
    struct rt_preempt_stats s;
    rt_preempt_stats(&s);
    rt_print("RESULT preempt_latency samples=%ld p50_us=%lld p99_us=%lld max_us=%lld "
             "preempted=%llu signals=%llu\n",
             n, (long long)late[n / 2] / 1000, (long long)late[n * 99 / 100] / 1000,
             (long long)late[n - 1] / 1000, (unsigned long long)s.preempted,
             (unsigned long long)s.signals);
    return 0;
}

// The hog alone: a fixed amount of work timed by itself (no runtime call inside, so with
// asyncpreemptoff=1 nothing interrupts it), beside a sleeper that keeps sysmon watching.
static volatile int64_t hog_ns;

static void timed_hog(void *arg) {
    uint64_t n = (uint64_t)(uintptr_t)arg, x = 1;
    int64_t t0 = rt_nanotime();
    for (uint64_t i = 0; i < n; i++)
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    hog_iters = x;
    hog_ns = rt_nanotime() - t0;
}

static int throughput(long millions) {
    rt_go(timed_hog, (void *)(uintptr_t)(millions * 1000000));
    while (hog_ns == 0)
        rt_sleep(1000000);
    struct rt_preempt_stats s;
    rt_preempt_stats(&s);
    rt_print("RESULT preempt_hog ms=%lld iters_per_us=%lld signals=%llu preempted=%llu\n",
             (long long)hog_ns / 1000000, (long long)(millions * 1000000000LL / hog_ns),
             (unsigned long long)s.signals, (unsigned long long)s.preempted);
    return 0;
}

int rt_main(int argc, char **argv) {
    rt_gomaxprocs(1);
    const char *mode = argc > 1 ? argv[1] : "latency";
    long n = bench_count(argc - 1, argv + 1, 0);
    if (mode[0] == 'h')
        return throughput(n ? n : 5000);
    return latency(n ? n : 1000);
}
