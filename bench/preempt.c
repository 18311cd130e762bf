// preempt: what asynchronous preemption costs and buys, at one P. Not a Go-peer bench
// (gen/bench.lua does not run it); its numbers are in the README.
//   preempt latency [samples]  a sleeper (1 ms sleeps) beside a CPU hog: wake-up
//                              latency past the deadline, p50/p99/max in µs
//   preempt hog [ms]           the hog alone for ms: loop iterations per ms (run it with
//                              and without RTDEBUG=asyncpreemptoff=1 to compare)
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

static int throughput(long ms) {
    rt_go(hog, 0);
    int64_t t0 = rt_nanotime();
    rt_sleep(ms * 1000000); // the hog runs on the other P... unless GOMAXPROCS=1
    stop = 1;
    int64_t t1 = rt_nanotime();
    struct rt_preempt_stats s;
    rt_preempt_stats(&s);
    rt_print("RESULT preempt_hog ms=%lld iters_per_ms=%llu signals=%llu preempted=%llu\n",
             (long long)(t1 - t0) / 1000000,
             (unsigned long long)(hog_iters * 1000000 / (uint64_t)(t1 - t0)),
             (unsigned long long)s.signals, (unsigned long long)s.preempted);
    return 0;
}

int rt_main(int argc, char **argv) {
    rt_gomaxprocs(1);
    const char *mode = argc > 1 ? argv[1] : "latency";
    long n = bench_count(argc - 1, argv + 1, 0);
    if (mode[0] == 'h')
        return throughput(n ? n : 2000);
    return latency(n ? n : 1000);
}
