// chan_buffered: values come out in the order they went in, across ring wrap-around
// and through parked senders; a full channel refuses a non-blocking send; close lets
// receivers drain what is buffered, then reports closed with a zero value.
#include "park_util.h"

static bool try_send(rt_chan *c, long v) {
    rt_select_case sc = {RT_SELECT_SEND, c, &v, false};
    return rt_select(&sc, 1, false) == 0;
}

static void test_capacity(void) {
    rt_chan *c = rt_chan_new(sizeof(long), 3);
    for (long i = 1; i <= 3; i++)
        rt_chan_send(c, &i); // no receiver needed: it fits
    CHECK(rt_chan_len(c) == 3);
    CHECK(!try_send(c, 4));
    for (long i = 1; i <= 3; i++) {
        long v = 0;
        CHECK(rt_chan_recv(c, &v) && v == i);
    }
    CHECK(rt_chan_len(c) == 0);
    CHECK(try_send(c, 9));
    rt_chan_free(c);
}

// Producer and consumer run at different paces through a small ring.
static rt_chan *ring;
static void produce(void *arg) {
    long n = (long)arg;
    for (long i = 0; i < n; i++) {
        rt_chan_send(ring, &i);
        if (i % 13 == 0)
            rt_yield();
    }
    rt_chan_close(ring);
}

static void test_wraparound_order(void) {
    enum { N = 10000 };
    ring = rt_chan_new(sizeof(long), 7);
    rt_go(produce, (void *)(long)N);
    long v, want = 0;
    while (rt_chan_recv(ring, &v)) {
        CHECK(v == want);
        want++;
        if (want % 29 == 0)
            rt_yield();
    }
    CHECK(want == N);
    rt_chan_free(ring);
}

// With the buffer full, parked senders' values follow the buffered ones, in order.
static rt_chan *full;
static void send_one(void *arg) {
    long v = (long)arg;
    arrive();
    rt_chan_send(full, &v);
}

static void test_parked_senders_fifo(void) {
    full = rt_chan_new(sizeof(long), 2);
    for (long i = 1; i <= 2; i++)
        rt_chan_send(full, &i);
    for (long i = 3; i <= 5; i++)
        go_parked(send_one, (void *)i); // parked before the next one queues
    for (long i = 1; i <= 5; i++) {
        long v = 0;
        CHECK(rt_chan_recv(full, &v) && v == i);
    }
    CHECK(rt_chan_len(full) == 0);
    rt_chan_free(full);
}

static void test_close_drains(void) {
    rt_chan *c = rt_chan_new(sizeof(long), 4);
    rt_chan_send(c, &(long){10});
    rt_chan_send(c, &(long){20});
    rt_chan_close(c);
    CHECK(rt_chan_len(c) == 2);
    long v = 0;
    CHECK(rt_chan_recv(c, &v) && v == 10);
    CHECK(rt_chan_recv(c, &v) && v == 20);
    v = 99;
    CHECK(!rt_chan_recv(c, &v) && v == 0);
    CHECK(!rt_chan_recv(c, &v));
    rt_select_case rc = {RT_SELECT_RECV, c, &v, true};
    CHECK(rt_select(&rc, 1, false) == 0 && !rc.ok); // closed counts as ready
    rt_chan_free(c);
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    test_capacity();
    test_wraparound_order();
    test_parked_senders_fifo();
    test_close_drains();
    rt_print("ok chan_buffered\n");
    return 0;
}
