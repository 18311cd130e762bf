// race_int: two goroutines write one int with nothing ordering them, a data race that
// --variant tsan must report with both goroutines' stacks. TSan misses such a race now
// and then (1 to 4 runs in 200 at 2 Ps, with the writers one after the other or at the
// same instant alike), so the program makes eight such races, each pair of writers on an
// int of its own: the first one reported ends the run (halt_on_error). The second writer
// of a pair waits, on a relaxed atomic (no happens-before edge for TSan), until the first
// has written. The main goroutine waits for all on a wait group, so a report is about two
// writers only.
#include <rt.h>

enum { PAIRS = 8, SPREAD = 16 }; // ints 64 bytes apart: a shadow word each

static int shared[PAIRS * SPREAD];
static int first_wrote[PAIRS]; // only through __atomic builtins, relaxed
static rt_wg done;

static __attribute__((noinline)) void race_writer_a(void *arg) {
    long i = (long)arg;
    shared[i * SPREAD] = 1;
    __atomic_store_n(&first_wrote[i], 1, __ATOMIC_RELAXED);
    rt_wg_done(&done);
}

static __attribute__((noinline)) void race_writer_b(void *arg) {
    long i = (long)arg;
    while (!__atomic_load_n(&first_wrote[i], __ATOMIC_RELAXED))
        rt_yield();
    shared[i * SPREAD] = 2;
    rt_wg_done(&done);
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    rt_wg_add(&done, 2 * PAIRS);
    for (long i = 0; i < PAIRS; i++) {
        rt_go(race_writer_a, (void *)i);
        rt_go(race_writer_b, (void *)i);
    }
    rt_wg_wait(&done);
    rt_print("shared=%d\n", shared[0] > 0);
    return 0;
}
