// sched_env: prints the GOMAXPROCS the runtime settled on, for the environment tests.
#include <rt.h>

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    rt_print("procs=%d\n", rt_gomaxprocs(0));
    if (argc > 1) { // run a while so that schedtrace prints
        int64_t end = rt_nanotime() + 350 * 1000000;
        while (rt_nanotime() < end)
            rt_sleep(10 * 1000000);
    }
    return 0;
}
