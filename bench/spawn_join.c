// spawn_join: spawn N goroutines (default 1e6), then join them all with one wait group.
// Reports ns per goroutine (spawn + run + exit + join). Peer: peers/spawn_join.go.
#include "bench.h"

static rt_wg wg;

static void child(void *arg) {
    (void)arg;
    rt_wg_done(&wg);
}

int rt_main(int argc, char **argv) {
    long n = bench_count(argc, argv, 1000000);
    int64_t t0 = rt_nanotime();
    rt_wg_add(&wg, (int)n);
    for (long i = 0; i < n; i++)
        rt_go(child, 0);
    rt_wg_wait(&wg);
    int64_t t1 = rt_nanotime();
    bench_result("spawn_join", "ns_per_op", t1 - t0, n);
    return 0;
}
