// Stage 8, the full scheduler: the whole runtime linked; goroutines spread over the Ps,
// yield, sleep on the timers and finish; rt_main's return value is the exit code.
#include <rt.h>

enum { N = 200 };

static volatile int done;

static void worker(void *arg) {
    long i = (long)arg;
    for (int k = 0; k < 10; k++)
        rt_yield();
    if (i % 10 == 0)
        rt_sleep(1000 * 1000);
    __atomic_fetch_add(&done, 1, __ATOMIC_SEQ_CST);
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    for (long i = 0; i < N; i++)
        rt_go(worker, (void *)i);
    int64_t deadline = rt_nanotime() + 10LL * 1000 * 1000 * 1000;
    while (__atomic_load_n(&done, __ATOMIC_SEQ_CST) < N) {
        if (rt_nanotime() > deadline) {
            rt_print("sched: only %d of %d goroutines finished\n", done, N);
            return 1;
        }
        rt_sleep(1000 * 1000);
    }
    rt_print("sched ok: %d goroutines yielded, slept and finished\n", N);
    return 0;
}
