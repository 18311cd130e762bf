// select_swap: goroutines that each select over sending and receiving on the same two
// channels (one unbuffered, one buffered) plus a quit channel, on every P. A select
// often completes by claiming another parked select, so this races selects against
// each other and against close. Every value sent is received exactly once: the sums
// of what was sent and what was received (plus what is left buffered) agree.
#include <rt.h>

enum { WORKERS = 16, RUN_MS = 200, MS = 1000000 };

struct tally {
    long sent, received, nsent, nreceived;
};

static rt_chan *a, *b, *quit, *results;

static void worker(void *arg) {
    long next = (long)arg << 32; // values unique across workers
    struct tally t = {0, 0, 0, 0};
    long out = next, in_a, in_b;
    rt_select_case cs[] = {
        {RT_SELECT_SEND, a, &out, false},    {RT_SELECT_RECV, a, &in_a, false},
        {RT_SELECT_SEND, b, &out, false},    {RT_SELECT_RECV, b, &in_b, false},
        {RT_SELECT_RECV, quit, NULL, false},
    };
    for (;;) {
        int i = rt_select(cs, 5, true);
        if (i == 4)
            break;
        if (i == 0 || i == 2) {
            t.sent += out;
            t.nsent++;
            out = ++next;
        } else {
            t.received += i == 1 ? in_a : in_b;
            t.nreceived++;
        }
    }
    rt_chan_send(results, &t);
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    a = rt_chan_new(sizeof(long), 0);
    b = rt_chan_new(sizeof(long), 4);
    quit = rt_chan_new(0, 0);
    results = rt_chan_new(sizeof(struct tally), WORKERS);
    for (long w = 1; w <= WORKERS; w++)
        rt_go(worker, (void *)w);
    rt_sleep(RUN_MS * MS);
    rt_chan_close(quit);
    struct tally all = {0, 0, 0, 0}, t;
    for (int w = 0; w < WORKERS; w++) {
        rt_chan_recv(results, &t);
        all.sent += t.sent;
        all.received += t.received;
        all.nsent += t.nsent;
        all.nreceived += t.nreceived;
    }
    long v;
    rt_chan_close(b);
    while (rt_chan_recv(b, &v)) { // left in the buffer when quit closed
        all.received += v;
        all.nreceived++;
    }
    if (all.sent != all.received || all.nsent != all.nreceived || all.nsent < 1000) {
        rt_print("FAIL: sent %ld values (sum %ld), received %ld (sum %ld)\n", all.nsent, all.sent,
                 all.nreceived, all.received);
        return 1;
    }
    rt_print("ok select_swap\n");
    return 0;
}
