// rt_close under calls parked on the fd: the fd is closed for real when the last of them
// lets go, so the peer sees end of file. (Issue: the reference count's last-one test was
// off by one — with one call parked the fd stayed open for ever, its peer waiting for an
// end of file that never came; with several it was closed and its descriptor recycled
// while one call still used it.) The peer's read has a far deadline so that the old bug
// reports RT_ETIMEOUT instead of hanging.
#include "net_util.h"

struct call {
    int fd;
    long result;
    rt_wg *wg;
};

static void reader(void *arg) {
    struct call *c = arg;
    char buf[16];
    c->result = rt_read(c->fd, buf, sizeof buf);
    rt_wg_done(c->wg);
}

static void writer(void *arg) {
    struct call *c = arg;
    static char chunk[1 << 16];
    long r;
    do
        r = rt_write(c->fd, chunk, sizeof chunk);
    while (r > 0);
    c->result = r;
    rt_wg_done(c->wg);
}

// What the peer reads to the end: "end of file" or the error that stopped it.
static const char *peer_sees(int s) {
    rt_set_deadline(s, rt_nanotime() + 5000 * MS, RT_DEADLINE_READ);
    static char buf[1 << 16];
    for (;;) {
        long r = rt_read(s, buf, sizeof buf);
        if (r == 0)
            return "end of file";
        if (r < 0)
            return r == RT_ETIMEOUT ? "no end of file (RT_ETIMEOUT)" : rt_strerror((int)r);
    }
}

// n goroutines run fn on a fresh connection's client side; once they are parked (one
// that is not must still fail), the client side is closed under them.
static void close_under(int lfd, const char *addr, const char *what, void (*fn)(void *), int n) {
    int c = rt_dial(addr), s = rt_accept(lfd);
    rt_wg wg = {0};
    struct call calls[3];
    rt_wg_add(&wg, n);
    for (int i = 0; i < n; i++) {
        calls[i] = (struct call){c, 1, &wg};
        rt_go(fn, &calls[i]);
    }
    rt_sleep(50 * MS);
    rt_close(c);
    rt_wg_wait(&wg);
    int closed = 0;
    for (int i = 0; i < n; i++)
        closed += calls[i].result == RT_ECLOSED;
    rt_print("%d %s: %d woke with RT_ECLOSED, the peer sees %s\n", n, what, closed, peer_sees(s));
    rt_close(s);
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    char addr[128];
    int lfd = listen_any(addr, sizeof addr);
    for (int n = 1; n <= 3; n++)
        close_under(lfd, addr, "readers", reader, n);
    close_under(lfd, addr, "writers", writer, 1);
    rt_close(lfd);
    return 0;
}
