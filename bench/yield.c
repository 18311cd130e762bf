// yield: two goroutines alternate with rt_yield, N switches in all (default 2e6), each
// making N/2 calls. At one P every call switches to the other goroutine. Reports ns per
// switch. Peer: peers/yield.go (runtime.Gosched).
#include "bench.h"

static rt_wg wg;
static long per_goroutine;

static void yielder(void *arg) {
    (void)arg;
    for (long i = 0; i < per_goroutine; i++)
        rt_yield();
    rt_wg_done(&wg);
}

int rt_main(int argc, char **argv) {
    long n = bench_count(argc, argv, 2000000);
    per_goroutine = n / 2;
    int64_t t0 = rt_nanotime();
    rt_wg_add(&wg, 2);
    rt_go(yielder, 0);
    rt_go(yielder, 0);
    rt_wg_wait(&wg);
    int64_t t1 = rt_nanotime();
    bench_result("yield", "ns_per_op", t1 - t0, 2 * per_goroutine);
    return 0;
}
