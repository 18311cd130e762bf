// timer_busy: timers fall due while no P is idle: goroutines compute in bursts of
// milliseconds between short sleeps, so Ps go idle and busy again and more than one M
// waits. The M that waits for the next timer then wakes to find no P free; it must go
// back to sleep without spinning or recursing (issue: idle_until called itself, a hot
// loop at -O2 and a g0 stack overflow at -O0), and every sleeper still wakes.
#include "stress.h"

enum { SLEEPERS = 16, NAPS = 40, BURSTS = 30 };

static rt_wg all;

static void burster(void *unused) {
    (void)unused;
    for (int i = 0; i < BURSTS; i++) {
        stress_spin_us(2000 + stress_rand(20000)); // timers fall due meanwhile
        rt_sleep(stress_rand(3000000));
    }
    rt_wg_done(&all);
}

// Leaves each call the slow way now and then: its M parks on the idle list behind the
// one waiting for timers, which is how that one ends up with no P to take.
static void caller(void *unused) {
    (void)unused;
    for (int i = 0; i < NAPS; i++)
        stress_blocking_sleep(100000 + stress_rand(2000000));
    rt_wg_done(&all);
}

static void sleeper(void *unused) {
    (void)unused;
    for (int i = 0; i < NAPS; i++)
        rt_sleep(50000 + stress_rand(2000000));
    rt_wg_done(&all);
}

int rt_main(int argc, char **argv) {
    stress_seed(argc, argv);
    int procs = rt_gomaxprocs(0);
    rt_wg_add(&all, SLEEPERS + 2 * procs);
    for (int i = 0; i < SLEEPERS; i++)
        rt_go(sleeper, NULL);
    for (int i = 0; i < procs; i++)
        rt_go(caller, NULL);
    for (int i = 0; i < procs; i++)
        rt_go(burster, NULL);
    rt_wg_wait(&all);
    rt_print("ok: %d sleepers woke beside bursts of work\n", SLEEPERS);
    return 0;
}
