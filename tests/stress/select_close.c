// select_close: goroutines select over channels that others send on and then close,
// while timers and yields shuffle who runs where. Every value sent is received once, and
// every selector sees every channel closed.
#include "stress.h"

enum { CHANS = 4, SENDERS_PER = 2, VALUES = 500, SELECTORS = 3 };

static rt_chan *chans[CHANS];
static rt_wg senders[CHANS];
static volatile long received, sum;

static void sender(void *arg) {
    long c = (long)arg;
    for (long v = 1; v <= VALUES; v++) {
        rt_chan_send(chans[c], &v);
        if (stress_rand(32) == 0)
            rt_sleep(stress_rand(50000));
    }
    rt_wg_done(&senders[c]);
}

static void closer(void *arg) {
    long c = (long)arg;
    rt_wg_wait(&senders[c]);
    rt_chan_close(chans[c]);
}

static void selector(void *arg) {
    rt_wg *wg = arg;
    long vals[CHANS];
    rt_select_case cases[CHANS];
    int open = CHANS;
    for (int i = 0; i < CHANS; i++)
        cases[i] = (rt_select_case){RT_SELECT_RECV, chans[i], &vals[i], false};
    while (open > 0) {
        int i = rt_select(cases, CHANS, true);
        if (!cases[i].ok) {
            cases[i].chan = NULL; // closed: never fires again
            open--;
            continue;
        }
        __atomic_fetch_add(&received, 1, __ATOMIC_RELAXED);
        __atomic_fetch_add(&sum, vals[i], __ATOMIC_RELAXED);
    }
    rt_wg_done(wg);
}

int rt_main(int argc, char **argv) {
    stress_seed(argc, argv);
    rt_wg selectors = {0};
    for (long c = 0; c < CHANS; c++) {
        chans[c] = rt_chan_new(sizeof(long), c % 2);
        rt_wg_add(&senders[c], SENDERS_PER);
        for (int s = 0; s < SENDERS_PER; s++)
            rt_go(sender, (void *)c);
        rt_go(closer, (void *)c);
    }
    rt_wg_add(&selectors, SELECTORS);
    for (int s = 0; s < SELECTORS; s++)
        rt_go(selector, &selectors);
    rt_wg_wait(&selectors);
    long want = (long)CHANS * SENDERS_PER * VALUES;
    long want_sum = (long)CHANS * SENDERS_PER * VALUES * (VALUES + 1) / 2;
    if (received != want || sum != want_sum) {
        rt_print("FAIL: received %ld values summing %ld; want %ld summing %ld\n", received, sum,
                 want, want_sum);
        return 1;
    }
    rt_print("ok: %ld values through select with closes\n", want);
    return 0;
}
