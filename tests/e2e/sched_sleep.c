// sched_sleep: sleepers wake no earlier than asked and in deadline order, and an idle
// program sleeps instead of being declared deadlocked.
#include <rt.h>

enum { SLEEPERS = 200 };
static int64_t woke_at[SLEEPERS];
static int64_t want[SLEEPERS];
static int woken;

static void sleeper(void *arg) {
    long i = (long)arg;
    int64_t start = rt_nanotime();
    rt_sleep(want[i]);
    woke_at[i] = rt_nanotime() - start;
    __atomic_add_fetch(&woken, 1, __ATOMIC_SEQ_CST);
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    for (long i = 0; i < SLEEPERS; i++) {
        want[i] = (int64_t)((i * 7919) % SLEEPERS + 1) * 100000; // 0.1 .. 20 ms
        rt_go(sleeper, (void *)i);
    }
    int64_t start = rt_nanotime();
    rt_sleep(30 * 1000000);
    int64_t slept = rt_nanotime() - start;
    if (slept < 30 * 1000000) {
        rt_print("main slept %lld ns, less than asked\n", (long long)slept);
        return 1;
    }
    while (__atomic_load_n(&woken, __ATOMIC_SEQ_CST) != SLEEPERS)
        rt_sleep(1000000);
    for (int i = 0; i < SLEEPERS; i++) {
        if (woke_at[i] < want[i]) {
            rt_print("sleeper %d woke after %lld ns, wanted %lld\n", i, (long long)woke_at[i],
                     (long long)want[i]);
            return 1;
        }
    }
    rt_print("ok: %d sleepers\n", SLEEPERS);
    return 0;
}
