// Stage 9, channels and sync: unbuffered and buffered channels, select, a mutex and a
// wait group across goroutines on several Ps.
#include <rt.h>

enum { WORKERS = 8, ITEMS = 1000 };

static rt_mutex mu;
static rt_wg wg;
static long total;

static void producer(void *arg) {
    rt_chan *c = arg;
    for (long i = 1; i <= ITEMS; i++)
        rt_chan_send(c, &i);
    rt_chan_close(c);
}

static void adder(void *arg) {
    rt_chan *c = arg;
    long v;
    while (rt_chan_recv(c, &v)) {
        rt_mutex_lock(&mu);
        total += v;
        rt_mutex_unlock(&mu);
    }
    rt_wg_done(&wg);
}

static void two(void *arg) {
    rt_chan **cs = arg;
    for (long i = 0; i < 100; i++)
        rt_chan_send(cs[i % 2], &i);
    rt_chan_close(cs[0]);
    rt_chan_close(cs[1]);
}

// Receives from two channels through select until both are closed; returns the count.
static int select_both(void) {
    rt_chan *cs[2] = {rt_chan_new(sizeof(long), 0), rt_chan_new(sizeof(long), 4)};
    rt_go(two, cs);
    long v;
    int got = 0, open = 2;
    rt_select_case cases[2] = {{RT_SELECT_RECV, cs[0], &v, false},
                               {RT_SELECT_RECV, cs[1], &v, false}};
    while (open > 0) {
        int i = rt_select(cases, 2, true);
        if (cases[i].ok) {
            got++;
        } else {
            cases[i].chan = NULL; // closed and drained: never fires again
            open--;
        }
    }
    return got;
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    rt_chan *unbuf = rt_chan_new(sizeof(long), 0), *buf = rt_chan_new(sizeof(long), 16);
    rt_wg_add(&wg, 2 * WORKERS);
    rt_go(producer, unbuf);
    rt_go(producer, buf);
    for (int i = 0; i < WORKERS; i++) {
        rt_go(adder, unbuf);
        rt_go(adder, buf);
    }
    rt_wg_wait(&wg);
    long want = 2L * ITEMS * (ITEMS + 1) / 2;
    if (total != want) {
        rt_print("chan: total %ld, want %ld\n", total, want);
        return 1;
    }
    if (select_both() != 100) {
        rt_print("chan: select lost values\n");
        return 1;
    }
    rt_print(
        "chan ok: %d items through 2 channels, %d receivers, a mutex, a wait group and select\n",
        2 * ITEMS, 2 * WORKERS);
    return 0;
}
