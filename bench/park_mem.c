// park_mem: N goroutines (default 100k) each touch a little stack (256 bytes), then park
// receiving on one unbuffered channel. Reports the resident memory they add, per
// goroutine: (RSS with all parked - RSS before) / N, RSS from /proc/self/statm read with
// raw syscalls (statm.h; freestanding has no libc). Closing the channel then wakes and
// joins them all. Peer: peers/park_mem.go.
#include "bench.h"
#include "statm.h"

enum { TOUCH = 256 };

static rt_chan *gate;
static rt_wg started, finished;

static void parked(void *arg) {
    volatile char scratch[TOUCH];
    for (int i = 0; i < TOUCH; i += 64)
        scratch[i] = (char)(long)arg;
    rt_wg_done(&started);
    char v;
    rt_chan_recv(gate, &v); // parks until the close
    (void)scratch[0];
    rt_wg_done(&finished);
}

int rt_main(int argc, char **argv) {
    long n = bench_count(argc, argv, 100000);
    gate = rt_chan_new(1, 0);
    long long before = statm_rss_bytes();
    rt_wg_add(&started, (int)n);
    rt_wg_add(&finished, (int)n);
    for (long i = 0; i < n; i++)
        rt_go(parked, (void *)i);
    rt_wg_wait(&started);
    // started.Done comes just before the receive: let the last ones reach it.
    for (int i = 0; i < 100; i++)
        rt_yield();
    long long during = statm_rss_bytes();
    if (before < 0 || during < 0) {
        rt_print("park_mem: cannot read /proc/self/statm\n");
        return 1;
    }
    rt_chan_close(gate);
    rt_wg_wait(&finished);
    bench_result("park_mem", "bytes_per_op", during - before, n);
    return 0;
}
