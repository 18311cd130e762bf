// chan_prodcons: producers and consumers on every P through buffered and unbuffered
// channels; every value arrives exactly once, so the sums and counts come out exact.
#include <rt.h>

enum { PRODUCERS = 4, CONSUMERS = 4, N = 100000 };

struct totals {
    long count, sum;
};

static rt_chan *work, *results;
static rt_wg producers;

static void producer(void *arg) {
    long base = (long)arg * N;
    for (long i = 1; i <= N; i++) {
        long v = base + i;
        rt_chan_send(work, &v);
    }
    rt_wg_done(&producers);
}

static void consumer(void *unused) {
    (void)unused;
    struct totals t = {0, 0};
    long v;
    while (rt_chan_recv(work, &v)) {
        t.count++;
        t.sum += v;
    }
    rt_chan_send(results, &t);
}

static int run(size_t cap) {
    work = rt_chan_new(sizeof(long), cap);
    results = rt_chan_new(sizeof(struct totals), 0);
    rt_wg_add(&producers, PRODUCERS);
    for (long p = 0; p < PRODUCERS; p++)
        rt_go(producer, (void *)p);
    for (int c = 0; c < CONSUMERS; c++)
        rt_go(consumer, NULL);
    rt_wg_wait(&producers);
    rt_chan_close(work); // consumers drain what is left, then stop
    struct totals all = {0, 0}, t;
    for (int c = 0; c < CONSUMERS; c++) {
        rt_chan_recv(results, &t);
        all.count += t.count;
        all.sum += t.sum;
    }
    long n = (long)PRODUCERS * N;
    long want = n * (n + 1) / 2; // producers cover 1..PRODUCERS*N between them
    if (all.count != n || all.sum != want) {
        rt_print("FAIL cap=%zu: count %ld sum %ld, want %ld and %ld\n", cap, all.count, all.sum, n,
                 want);
        return 1;
    }
    rt_chan_free(work);
    rt_chan_free(results);
    return 0;
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    if (run(0) || run(1) || run(64) || run(1024))
        return 1;
    rt_print("ok chan_prodcons\n");
    return 0;
}
