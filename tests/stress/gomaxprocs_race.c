// gomaxprocs_race: several goroutines resize the world at once while others run. Each
// stop-the-world must wait for the one before it (issue: no worldsema, so a second
// caller reset stopwait while Ps were already stopped and both waited forever).
#include "stress.h"

enum { RESIZERS = 3, ROUNDS = 40 };

static volatile int done;
static rt_wg resizers;

static void resizer(void *unused) {
    (void)unused;
    for (int i = 0; i < ROUNDS; i++)
        rt_gomaxprocs(1 + (int)stress_rand(6));
    rt_wg_done(&resizers);
}

static void worker(void *arg) {
    rt_chan *c = arg;
    long v = 0;
    while (!done) {
        rt_chan_send(c, &v);
        rt_chan_recv(c, &v);
        v++;
        if (stress_rand(8) == 0)
            rt_sleep(stress_rand(50000));
    }
}

int rt_main(int argc, char **argv) {
    stress_seed(argc, argv);
    rt_chan *c = rt_chan_new(sizeof(long), 4);
    for (int i = 0; i < 4; i++)
        rt_go(worker, c);
    rt_wg_add(&resizers, RESIZERS);
    for (int i = 0; i < RESIZERS; i++)
        rt_go(resizer, NULL);
    rt_wg_wait(&resizers);
    done = 1;
    rt_print("ok: %d concurrent resizes\n", RESIZERS * ROUNDS);
    return 0;
}
