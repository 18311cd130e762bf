// Channel semantics, in a real runtime booted per test (harness.h). Bodies run in a
// goroutine and record what they saw; the assertions run on the test thread.
#include <criterion/criterion.h>

#include "harness.h"

static int got[64];
static int ngot;
static bool oks[8];

static void buffered_fifo(void *unused) {
    (void)unused;
    rt_chan *c = rt_chan_new(sizeof(int), 8);
    for (int i = 0; i < 8; i++)
        rt_chan_send(c, &i);
    oks[0] = rt_chan_len(c) == 8;
    for (int i = 0; i < 8; i++)
        rt_chan_recv(c, &got[ngot++]);
}

Test(chan, buffered_is_fifo) {
    run_in_runtime(buffered_fifo, NULL, 1);
    cr_assert(oks[0]);
    for (int i = 0; i < 8; i++)
        cr_assert_eq(got[i], i);
}

static void sender(void *arg) {
    rt_chan *c = arg;
    for (int i = 0; i < 5; i++)
        rt_chan_send(c, &i);
    rt_chan_close(c);
}

static void unbuffered_handoff(void *unused) {
    (void)unused;
    rt_chan *c = rt_chan_new(sizeof(int), 0);
    rt_go(sender, c);
    int v;
    while (rt_chan_recv(c, &v))
        got[ngot++] = v;
    // Closed and drained: every further receive is immediate, false and zeroed.
    v = 99;
    oks[0] = !rt_chan_recv(c, &v) && v == 0;
}

Test(chan, unbuffered_hands_off_in_order_then_reports_close) {
    run_in_runtime(unbuffered_handoff, NULL, 2);
    cr_assert_eq(ngot, 5);
    for (int i = 0; i < 5; i++)
        cr_assert_eq(got[i], i);
    cr_assert(oks[0]);
}

static void close_drains(void *unused) {
    (void)unused;
    rt_chan *c = rt_chan_new(sizeof(int), 4);
    for (int i = 10; i < 13; i++)
        rt_chan_send(c, &i);
    rt_chan_close(c);
    int v;
    while (rt_chan_recv(c, &v))
        got[ngot++] = v;
}

Test(chan, close_lets_receivers_drain_buffered_values) {
    run_in_runtime(close_drains, NULL, 1);
    cr_assert_eq(ngot, 3);
    cr_assert_eq(got[0], 10);
    cr_assert_eq(got[2], 12);
}

static void send_on_closed(void *unused) {
    (void)unused;
    rt_chan *c = rt_chan_new(sizeof(int), 1);
    rt_chan_close(c);
    int v = 1;
    rt_chan_send(c, &v);
}

Test(chan, send_on_closed_channel_is_fatal, .exit_code = 2) {
    run_in_runtime(send_on_closed, NULL, 1);
}

static void close_twice(void *unused) {
    (void)unused;
    rt_chan *c = rt_chan_new(sizeof(int), 0);
    rt_chan_close(c);
    rt_chan_close(c);
}

Test(chan, closing_a_closed_channel_is_fatal, .exit_code = 2) {
    run_in_runtime(close_twice, NULL, 1);
}

static void receiver_waits(void *arg) {
    rt_chan *c = arg;
    int v;
    oks[1] = !rt_chan_recv(c, &v);
}

static void close_wakes_receiver(void *unused) {
    (void)unused;
    rt_chan *c = rt_chan_new(sizeof(int), 0);
    rt_go(receiver_waits, c);
    rt_sleep(2000000);
    rt_chan_close(c);
    rt_sleep(2000000);
}

Test(chan, close_wakes_a_parked_receiver) {
    run_in_runtime(close_wakes_receiver, NULL, 1);
    cr_assert(oks[1]);
}
