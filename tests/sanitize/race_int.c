// race_int: two goroutines write one int with nothing ordering them, a data race that
// --variant tsan must report with both goroutines' stacks. The main goroutine waits for
// both on a wait group, so the report is about the two writers only.
#include <rt.h>

static int shared;
static rt_wg done;

static __attribute__((noinline)) void race_writer_a(void *arg) {
    (void)arg;
    shared = 1;
    rt_wg_done(&done);
}

static __attribute__((noinline)) void race_writer_b(void *arg) {
    (void)arg;
    shared = 2;
    rt_wg_done(&done);
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    rt_wg_add(&done, 2);
    rt_go(race_writer_a, NULL);
    rt_go(race_writer_b, NULL);
    rt_wg_wait(&done);
    rt_print("shared=%d\n", shared > 0);
    return 0;
}
