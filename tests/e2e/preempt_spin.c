// preempt_spin: at one P, a goroutine in `for (;;) {}` (no calls at all, so never a
// cooperative preemption point) does not keep main's timer from firing: sysmon's signal
// preempts it, main wakes from its 50 ms sleep and the program exits.
#include <rt.h>

static void spin(void *arg) {
    (void)arg;
    for (;;) {
    }
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    rt_go(spin, 0);
    rt_yield(); // the spinner holds the only P from here on
    rt_sleep(50 * 1000 * 1000);
    rt_print("main woke beside a spinning goroutine\n");
    return 0;
}
