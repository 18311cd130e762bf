// select_stress: senders and receivers that all go through select, over three shared
// channels plus channels only some of them use, on every P. Receivers drop a channel
// from their select (set it to NULL) once it is closed. Every value must arrive exactly
// once and no goroutine may be left behind.
#include <rt.h>

enum { SENDERS = 6, RECEIVERS = 5, NCHAN = 3, N = 50000 };

struct totals {
    long count, sum;
};

static rt_chan *data[NCHAN], *results;
static rt_wg senders;

static void sender(void *arg) {
    long id = (long)arg;
    rt_chan *mine = rt_chan_new(sizeof(long), 0); // never ready: only adds a sudog
    long v, dummy;
    rt_select_case cs[NCHAN + 1];
    for (int k = 0; k < NCHAN; k++)
        cs[k] = (rt_select_case){RT_SELECT_SEND, data[k], &v, false};
    cs[NCHAN] = (rt_select_case){RT_SELECT_RECV, mine, &dummy, false};
    for (long i = 1; i <= N; i++) {
        v = id * N + i;
        if (rt_select(cs, NCHAN + 1, true) >= NCHAN) {
            rt_print("FAIL: a case that cannot fire fired\n");
            rt_exit(1);
        }
    }
    rt_chan_free(mine);
    rt_wg_done(&senders);
}

static void receiver(void *unused) {
    (void)unused;
    struct totals t = {0, 0};
    long v;
    rt_select_case cs[NCHAN];
    for (int k = 0; k < NCHAN; k++)
        cs[k] = (rt_select_case){RT_SELECT_RECV, data[k], &v, false};
    for (int open = NCHAN; open > 0;) {
        int i = rt_select(cs, NCHAN, true);
        if (!cs[i].ok) {
            cs[i].chan = NULL; // closed: never select it again
            open--;
            continue;
        }
        t.count++;
        t.sum += v;
    }
    rt_chan_send(results, &t);
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    size_t caps[NCHAN] = {0, 1, 16};
    for (int k = 0; k < NCHAN; k++)
        data[k] = rt_chan_new(sizeof(long), caps[k]);
    results = rt_chan_new(sizeof(struct totals), RECEIVERS);
    rt_wg_add(&senders, SENDERS);
    for (long s = 0; s < SENDERS; s++)
        rt_go(sender, (void *)s);
    for (int r = 0; r < RECEIVERS; r++)
        rt_go(receiver, NULL);
    rt_wg_wait(&senders);
    for (int k = 0; k < NCHAN; k++)
        rt_chan_close(data[k]);
    struct totals all = {0, 0}, t;
    for (int r = 0; r < RECEIVERS; r++) {
        rt_chan_recv(results, &t);
        all.count += t.count;
        all.sum += t.sum;
    }
    long n = (long)SENDERS * N, want = n * (n + 1) / 2;
    if (all.count != n || all.sum != want) {
        rt_print("FAIL: count %ld sum %ld, want %ld and %ld\n", all.count, all.sum, n, want);
        return 1;
    }
    // Senders and receivers are done; give them a moment to return, then count.
    for (int i = 0; i < 1000 && rt_numgoroutine() > 1; i++)
        rt_sleep(1000000);
    if (rt_numgoroutine() != 1) {
        rt_print("FAIL: %d goroutines left\n", rt_numgoroutine());
        return 1;
    }
    rt_print("ok select_stress\n");
    return 0;
}
