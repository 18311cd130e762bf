// runq_storm: several goroutines spawn bursts far larger than a run queue, so local rings
// overflow to the global queue while idle Ps steal halves and runnext slots. Every
// goroutine runs exactly once.
#include "stress.h"

enum { SPAWNERS = 4, BURST = 3000 };

static rt_wg done;
static volatile long ran[SPAWNERS * BURST];

static void leaf(void *arg) {
    __atomic_fetch_add(&ran[(long)arg], 1, __ATOMIC_RELAXED);
    if (stress_rand(16) == 0)
        rt_yield();
    rt_wg_done(&done);
}

static void spawner(void *arg) {
    long base = (long)arg * BURST;
    for (long i = 0; i < BURST; i++) {
        rt_go(leaf, (void *)(base + i));
        if (stress_rand(512) == 0)
            rt_sleep(stress_rand(200000));
    }
    rt_wg_done(&done);
}

int rt_main(int argc, char **argv) {
    stress_seed(argc, argv);
    rt_wg_add(&done, SPAWNERS * (BURST + 1));
    for (long s = 0; s < SPAWNERS; s++)
        rt_go(spawner, (void *)s);
    rt_wg_wait(&done);
    for (long i = 0; i < SPAWNERS * BURST; i++) {
        if (ran[i] != 1) {
            rt_print("FAIL: goroutine %ld ran %ld times\n", i, ran[i]);
            return 1;
        }
    }
    rt_print("ok: %d goroutines ran once each\n", SPAWNERS * BURST);
    return 0;
}
