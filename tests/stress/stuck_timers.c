// stuck_timers: a goroutine that never calls the runtime holds one P, and the timer of
// a goroutine that slept on that P falls due. Another P must run it (Go's timer
// stealing), even when that P is never idle because a goroutine there keeps yielding.
#include "stress.h"

static volatile int stop;

static void spin(void *unused) {
    (void)unused;
    while (!stop)
        ;
}

static void yielder(void *unused) {
    (void)unused;
    while (!stop)
        rt_yield();
}

int rt_main(int argc, char **argv) {
    stress_seed(argc, argv);
    if (rt_gomaxprocs(0) < 2) {
        rt_print("ok: needs 2 Ps\n");
        return 0;
    }
    rt_go(yielder, NULL);
    rt_yield();        // the yielder moves to another P
    rt_go(spin, NULL); // runnext: it runs on this P as soon as main sleeps
    rt_sleep(10000000 + stress_rand(1000000));
    stop = 1;
    rt_print("ok: a stuck P's timer ran elsewhere\n");
    return 0;
}
