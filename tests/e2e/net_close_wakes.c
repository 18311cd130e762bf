// rt_close while other goroutines are blocked on the fd: each wakes with RT_ECLOSED,
// never hangs: a reader on a quiet connection, a writer on a full one, an acceptor on
// a listener. And a call on the fd after the close fails with RT_ECLOSED or RT_ENOTRT.
#include "net_util.h"

int rt_main(int argc, char **argv);

struct waiter {
    int fd;
    long result;
    rt_wg *wg;
};

static void reader(void *arg) {
    struct waiter *w = arg;
    char buf[16];
    w->result = rt_read(w->fd, buf, sizeof buf);
    rt_wg_done(w->wg);
}

static void writer(void *arg) {
    struct waiter *w = arg;
    static char chunk[1 << 16];
    long r;
    do
        r = rt_write(w->fd, chunk, sizeof chunk);
    while (r > 0);
    w->result = r;
    rt_wg_done(w->wg);
}

static void acceptor(void *arg) {
    struct waiter *w = arg;
    w->result = rt_accept(w->fd);
    rt_wg_done(w->wg);
}

static const char *name(long r) {
    return r == RT_ECLOSED ? "RT_ECLOSED" : rt_strerror((int)r);
}

// Starts n goroutines running fn on fd, lets them block, closes fd, waits for them.
static void close_under(const char *what, void (*fn)(void *), int fd, int n) {
    rt_wg wg = {0};
    struct waiter w[4];
    rt_wg_add(&wg, n);
    for (int i = 0; i < n; i++) {
        w[i] = (struct waiter){fd, 1, &wg};
        rt_go(fn, &w[i]);
    }
    rt_sleep(100 * MS); // they are parked by now; if one is not, it still must fail
    rt_close(fd);
    rt_wg_wait(&wg);
    for (int i = 0; i < n; i++)
        rt_print("%s %d: %s\n", what, i, name(w[i].result));
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    char addr[128];
    int lfd = listen_any(addr, sizeof addr);
    int c1 = rt_dial(addr), s1 = rt_accept(lfd);
    close_under("reader", reader, c1, 3);
    int c2 = rt_dial(addr), s2 = rt_accept(lfd);
    close_under("writer", writer, c2, 1);
    close_under("acceptor", acceptor, lfd, 2);
    char buf[4];
    long after = rt_read(c1, buf, sizeof buf);
    rt_print("read after close: %s\n",
             after == RT_ECLOSED || after == RT_ENOTRT ? "fails as closed" : name(after));
    // The peers see the close as end of file (or a reset, for the one with unread data).
    rt_print("peer of the reader reads: %ld\n", rt_read(s1, buf, sizeof buf));
    rt_close(s1);
    rt_close(s2);
    return 0;
}
