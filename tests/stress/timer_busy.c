// timer_busy: timers fall due while no P is idle: every P computes and yields, so the
// M that waits for the next timer wakes to find no P. It must go back to sleep without
// spinning or recursing (issue: idle_until called itself, a hot loop at -O2 and a g0
// stack overflow at -O0), and every sleeper still wakes.
#include "stress.h"

enum { SLEEPERS = 64, NAPS = 30 };

static volatile int done;
static rt_wg sleepers;

static void busy(void *unused) {
    (void)unused;
    while (!done) {
        stress_spin_us(100 + stress_rand(400));
        rt_yield();
    }
}

static void sleeper(void *unused) {
    (void)unused;
    for (int i = 0; i < NAPS; i++)
        rt_sleep(50000 + stress_rand(500000));
    rt_wg_done(&sleepers);
}

int rt_main(int argc, char **argv) {
    stress_seed(argc, argv);
    int procs = rt_gomaxprocs(0);
    rt_wg_add(&sleepers, SLEEPERS);
    for (int i = 0; i < SLEEPERS; i++)
        rt_go(sleeper, NULL);
    for (int i = 0; i < procs; i++)
        rt_go(busy, NULL);
    rt_wg_wait(&sleepers);
    done = 1;
    rt_print("ok: %d sleepers woke beside busy Ps\n", SLEEPERS);
    return 0;
}
