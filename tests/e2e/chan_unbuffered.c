// chan_unbuffered: a send waits for its receiver; parked receivers are served in
// arrival order; close wakes every receiver with a zero value; NULL elem and zero-size
// elements work.
#include "park_util.h"

static rt_chan *ch, *results, *done;
static int sent_after;

static void sender(void *arg) {
    int v = (int)(long)arg;
    arrive();
    rt_chan_send(ch, &v);
    __atomic_store_n(&sent_after, 1, __ATOMIC_SEQ_CST);
    rt_chan_send(done, &v);
}

// A send completes only once someone receives.
static void test_rendezvous(void) {
    go_parked(sender, (void *)42L);
    CHECK(__atomic_load_n(&sent_after, __ATOMIC_SEQ_CST) == 0);
    CHECK(rt_chan_len(ch) == 0);
    int v = 0;
    CHECK(rt_chan_recv(ch, &v));
    CHECK(v == 42);
    int w = 0;
    CHECK(rt_chan_recv(done, &w) && w == 42);
    CHECK(__atomic_load_n(&sent_after, __ATOMIC_SEQ_CST) == 1);
}

struct got {
    int id, value;
    bool ok;
};

static void receiver(void *arg) {
    struct got g = {(int)(long)arg, -1, false};
    arrive();
    g.ok = rt_chan_recv(ch, &g.value);
    rt_chan_send(results, &g);
}

// Receivers parked in order 0, 1, 2 get the values sent in that order.
static void test_fifo_receivers(void) {
    enum { N = 3 };
    for (long i = 0; i < N; i++)
        go_parked(receiver, (void *)i); // parked before the next one queues
    for (int i = 0; i < N; i++)
        rt_chan_send(ch, &(int){100 + i});
    for (int i = 0; i < N; i++) {
        struct got g;
        CHECK(rt_chan_recv(results, &g));
        CHECK(g.ok && g.value == 100 + g.id);
    }
}

// Close wakes every parked receiver: false and a zeroed value; later receives too.
static void test_close_wakes_receivers(void) {
    enum { N = 4 };
    for (long i = 0; i < N; i++)
        go_parked(receiver, (void *)i);
    rt_chan_close(ch);
    for (int i = 0; i < N; i++) {
        struct got g;
        CHECK(rt_chan_recv(results, &g));
        CHECK(!g.ok && g.value == 0);
    }
    int v = 7;
    CHECK(!rt_chan_recv(ch, &v) && v == 0);
    CHECK(!rt_chan_recv(ch, NULL));
}

static rt_chan *sig;
static void signal_twice(void *unused) {
    (void)unused;
    rt_chan_send(sig, NULL);
    rt_chan_send(sig, NULL);
    rt_chan_close(sig);
}

// Zero-size elements: a pure signal; a receive into NULL discards the value.
static void test_signal(void) {
    sig = rt_chan_new(0, 0);
    rt_go(signal_twice, NULL);
    CHECK(rt_chan_recv(sig, NULL));
    CHECK(rt_chan_recv(sig, NULL));
    CHECK(!rt_chan_recv(sig, NULL));
    rt_chan_free(sig);
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    results = rt_chan_new(sizeof(struct got), 16);
    ch = rt_chan_new(sizeof(int), 0);
    done = rt_chan_new(sizeof(int), 1);
    test_rendezvous();
    test_fifo_receivers();
    test_close_wakes_receivers();
    test_signal();
    rt_chan_close(results);
    rt_chan_free(ch);
    rt_print("ok chan_unbuffered\n");
    return 0;
}
