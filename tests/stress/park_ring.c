// park_ring: a token goes round a ring of goroutines over unbuffered channels, so every
// hop parks one goroutine and readies the next, often on another P; some hops sleep or
// yield, and the ring is resized under it. Every lap must arrive, in order.
#include "stress.h"

enum { RING = 64, LAPS = 300 };

static rt_chan *links[RING + 1];

static void hop(void *arg) {
    long i = (long)arg, v;
    while (rt_chan_recv(links[i], &v)) {
        uint32_t r = stress_rand(64);
        if (r == 0)
            rt_sleep(stress_rand(100000));
        else if (r < 4)
            rt_yield();
        rt_chan_send(links[i + 1], &v);
    }
    rt_chan_close(links[i + 1]);
}

int rt_main(int argc, char **argv) {
    stress_seed(argc, argv);
    int procs = rt_gomaxprocs(0);
    for (int i = 0; i <= RING; i++)
        links[i] = rt_chan_new(sizeof(long), 0);
    for (long i = 0; i < RING; i++)
        rt_go(hop, (void *)i);
    for (long lap = 0; lap < LAPS; lap++) {
        long v;
        rt_chan_send(links[0], &lap);
        if (!rt_chan_recv(links[RING], &v) || v != lap) {
            rt_print("FAIL: lap %ld came back as %ld\n", lap, v);
            return 1;
        }
        if (lap % 50 == 49)
            rt_gomaxprocs(1 + (int)stress_rand((uint32_t)procs));
    }
    rt_chan_close(links[0]);
    long v;
    if (rt_chan_recv(links[RING], &v)) {
        rt_print("FAIL: a token after the close\n");
        return 1;
    }
    rt_print("ok: %d laps of a %d-goroutine ring\n", LAPS, RING);
    return 0;
}
