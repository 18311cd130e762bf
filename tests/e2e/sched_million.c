// sched_million: a million goroutines alive at once, each parked on a wait group, then
// released and joined. Guarded stacks stop near 32,700 (two mappings each out of
// vm.max_map_count = 65530); beyond the guard budget stacks are canary-protected.
#include <rt.h>

enum { N = 1000000 };
static rt_wg started, release, finished;

static void parked(void *arg) {
    (void)arg;
    rt_wg_done(&started);
    rt_wg_wait(&release);
    rt_wg_done(&finished);
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    rt_wg_add(&started, N);
    rt_wg_add(&release, 1);
    rt_wg_add(&finished, N);
    for (int i = 0; i < N; i++)
        rt_go(parked, 0);
    rt_wg_wait(&started);
    rt_print("live: %d\n", rt_numgoroutine());
    rt_wg_done(&release);
    rt_wg_wait(&finished);
    rt_print("joined %d\n", N);
    return 0;
}
