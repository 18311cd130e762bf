// sched_gomaxprocs: changing GOMAXPROCS at run time (stop the world, procresize, start
// the world) loses none of the queued goroutines.
#include <rt.h>

enum { GOROUTINES = 20000 };
static long ran;

static void work(void *arg) {
    (void)arg;
    for (int i = 0; i < 3; i++)
        rt_yield();
    __atomic_add_fetch(&ran, 1, __ATOMIC_SEQ_CST);
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    int sizes[] = {1, 4, 2, 3, 1, 2};
    int before = rt_gomaxprocs(0);
    for (int round = 0; round < 6; round++) {
        for (int i = 0; i < GOROUTINES / 6; i++)
            rt_go(work, 0);
        rt_gomaxprocs(sizes[round]);
        if (rt_gomaxprocs(0) != sizes[round])
            return 2;
    }
    long want = (GOROUTINES / 6) * 6;
    while (__atomic_load_n(&ran, __ATOMIC_SEQ_CST) != want)
        rt_yield();
    rt_gomaxprocs(before);
    rt_print("ok: %ld goroutines ran across 6 resizes\n", want);
    return 0;
}
