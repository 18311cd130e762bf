// chan_pingpong: two goroutines bounce a value over two unbuffered channels, N round
// trips (default 1e6). Reports ns per round trip (two handoffs). Peer: peers/chan_pingpong.go.
#include "bench.h"

static rt_chan *ping, *pong;
static rt_wg wg;
static long rounds;

static void pinger(void *arg) {
    (void)arg;
    for (long i = 0; i < rounds; i++) {
        long v = i;
        rt_chan_send(ping, &v);
        rt_chan_recv(pong, &v);
    }
    rt_wg_done(&wg);
}

static void ponger(void *arg) {
    (void)arg;
    long v;
    for (long i = 0; i < rounds; i++) {
        rt_chan_recv(ping, &v);
        rt_chan_send(pong, &v);
    }
    rt_wg_done(&wg);
}

int rt_main(int argc, char **argv) {
    rounds = bench_count(argc, argv, 1000000);
    ping = rt_chan_new(sizeof(long), 0);
    pong = rt_chan_new(sizeof(long), 0);
    int64_t t0 = rt_nanotime();
    rt_wg_add(&wg, 2);
    rt_go(ponger, 0);
    rt_go(pinger, 0);
    rt_wg_wait(&wg);
    int64_t t1 = rt_nanotime();
    bench_result("chan_pingpong", "ns_per_op", t1 - t0, rounds);
    return 0;
}
