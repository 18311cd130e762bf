// sched_yield: goroutines that only yield all make progress and finish.
#include <rt.h>

enum { WORKERS = 8, ROUNDS = 20000 };
static long progress[WORKERS];
static int finished;

static void worker(void *arg) {
    long id = (long)arg;
    for (int i = 0; i < ROUNDS; i++) {
        progress[id]++;
        rt_yield();
    }
    __atomic_add_fetch(&finished, 1, __ATOMIC_SEQ_CST);
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    for (long i = 0; i < WORKERS; i++)
        rt_go(worker, (void *)i);
    while (__atomic_load_n(&finished, __ATOMIC_SEQ_CST) != WORKERS)
        rt_yield();
    for (int i = 0; i < WORKERS; i++)
        if (progress[i] != ROUNDS)
            return 1;
    rt_print("ok: %d workers x %d yields\n", WORKERS, ROUNDS);
    return 0;
}
