// sched_spawn: a million goroutines spawned and joined; none lost, all reused.
#include <rt.h>

static long done;

static void child(void *arg) {
    (void)arg;
    __atomic_add_fetch(&done, 1, __ATOMIC_RELAXED);
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    const long n = 1000000;
    for (long i = 0; i < n; i++)
        rt_go(child, 0);
    while (__atomic_load_n(&done, __ATOMIC_RELAXED) != n)
        rt_yield();
    // The last children may still be on their way out (counted until goexit): give them
    // up to a second.
    for (int i = 0; i < 1000 && rt_numgoroutine() != 1; i++)
        rt_sleep(1000000);
    rt_print("spawned %ld, done %ld, live %d\n", n, done, rt_numgoroutine());
    return rt_numgoroutine() == 1 ? 0 : 1;
}
