// Deadlines set from another goroutine while a read is parked: moving it earlier wakes
// the reader with RT_ETIMEOUT; into the past, at once; moving it later or clearing it
// keeps the reader waiting for data. Then a race: a reader and a deadline setter, many
// times over, never lose the wake-up.
#include "net_util.h"

int rt_main(int argc, char **argv);

struct pair {
    int c, s; // client and server end of one connection
};

static struct pair connect_pair(int lfd, const char *addr) {
    struct pair p;
    p.c = rt_dial(addr);
    p.s = rt_accept(lfd);
    return p;
}

struct read_op {
    int fd;
    long result;
    rt_chan *done;
};

static void reader(void *arg) {
    struct read_op *op = arg;
    char buf[8];
    op->result = rt_read(op->fd, buf, sizeof buf);
    int one = 1;
    rt_chan_send(op->done, &one);
}

static const char *name(long r) {
    return r == RT_ETIMEOUT ? "RT_ETIMEOUT" : r > 0 ? "data" : rt_strerror((int)r);
}

// A reader parks on p.s; then change() runs; then (if data) the peer writes.
static void scenario(const char *what, struct pair p, int64_t first, int64_t then, bool data) {
    struct read_op op = {p.s, 99, rt_chan_new(sizeof(int), 1)};
    int one;
    rt_set_deadline(p.s, first, RT_DEADLINE_READ);
    rt_go(reader, &op);
    rt_sleep(20 * MS); // the reader parks (if it has not, the outcome must be the same)
    rt_set_deadline(p.s, then, RT_DEADLINE_READ);
    if (data) {
        rt_sleep(330 * MS); // past any deadline that (wrongly) still stood
        rt_write(p.c, "x", 1);
    }
    rt_chan_recv(op.done, &one);
    rt_print("%s: %s\n", what, name(op.result));
    rt_chan_free(op.done);
    rt_set_deadline(p.s, 0, RT_DEADLINE_BOTH);
}

enum { RACES = 2000 };

static void racer(void *arg) {
    int fd = (int)(intptr_t)arg;
    rt_yield();
    rt_set_deadline(fd, rt_nanotime() - 1, RT_DEADLINE_READ);
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    char addr[128];
    int lfd = listen_any(addr, sizeof addr);
    struct pair p = connect_pair(lfd, addr);
    int64_t far = rt_nanotime() + 60000 * MS;
    scenario("no deadline, then 80 ms", p, 0, rt_nanotime() + 80 * MS, false);
    scenario("far, then in the past", p, far, rt_nanotime() - 1, false);
    scenario("far, then 80 ms", p, far, rt_nanotime() + 80 * MS, false);
    // The first deadline is far enough off that a loaded machine still moves it in time.
    scenario("250 ms, then far (data comes)", p, rt_nanotime() + 250 * MS, far, true);
    scenario("250 ms, then cleared (data comes)", p, rt_nanotime() + 250 * MS, 0, true);
    // Expired: every call fails until the deadline moves.
    rt_set_deadline(p.s, rt_nanotime() - 1, RT_DEADLINE_BOTH);
    char b[4];
    long r1 = rt_read(p.s, b, 4), w1 = rt_write(p.s, "y", 1);
    rt_set_deadline(p.s, 0, RT_DEADLINE_BOTH);
    long w2 = rt_write(p.s, "y", 1);
    rt_print("past deadline: read %s, write %s; cleared: write %s\n", name(r1), name(w1),
             w2 == 1 ? "ok" : name(w2));
    // The race: the deadline lands before, during or after the reader parks.
    int timeouts = 0;
    for (int i = 0; i < RACES; i++) {
        struct pair q = connect_pair(lfd, addr);
        struct read_op op = {q.s, 99, rt_chan_new(sizeof(int), 1)};
        int one;
        rt_go(reader, &op);
        rt_go(racer, (void *)(intptr_t)q.s);
        rt_chan_recv(op.done, &one);
        timeouts += op.result == RT_ETIMEOUT;
        rt_chan_free(op.done);
        rt_close(q.c);
        rt_close(q.s);
    }
    rt_print("race: %d of %d reads timed out\n", timeouts, RACES);
    return 0;
}
