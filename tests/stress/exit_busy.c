// exit_busy: returning from rt_main exits the process at once, as in Go, even while
// goroutines loop without ever calling the runtime on every P but one (issue: the exit
// hung when main's timer sat on a P that a spinning goroutine took over).
#include "stress.h"

static volatile unsigned long spins;

static void spin(void *unused) {
    (void)unused;
    for (;;)
        spins++;
}

int rt_main(int argc, char **argv) {
    stress_seed(argc, argv);
    int procs = rt_gomaxprocs(0);
    int spinners = procs > 1 ? 1 + (int)stress_rand((uint32_t)procs - 1) : 0;
    for (int i = 0; i < spinners; i++) {
        rt_go(spin, NULL);
        if (stress_rand(2))
            rt_sleep(stress_rand(2000000));
    }
    rt_sleep(stress_rand(20000000));
    rt_print("ok: main returns beside %d spinning goroutines\n", spinners);
    return 0;
}
