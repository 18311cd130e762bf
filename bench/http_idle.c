// http_idle: the client of `build.lua bench http`'s idle-connection memory row. Opens n
// keep-alive connections to an HTTP server, makes one GET / on each (so the server has
// served a request on every one and now waits for the next), prints
//   RESULT http_idle conns=<n>
// and holds them all open until it is killed.
//   http_idle <address> <n>
#include <rt.h>

enum { BATCH = 200 }; // dials in flight at once: within any listen backlog

static const char *addr;
static rt_wg wg;
static int *fds;
static int failed;

struct range {
    int lo, hi;
};

static void opener(void *arg) {
    struct range *r = arg;
    static const char req[] = "GET / HTTP/1.1\r\nHost: bench\r\n\r\n";
    char buf[512];
    for (int i = r->lo; i < r->hi; i++) {
        int fd = rt_dial(addr);
        if (fd < 0 || rt_write(fd, req, sizeof req - 1) < 0 || rt_read(fd, buf, sizeof buf) <= 0) {
            __atomic_add_fetch(&failed, 1, __ATOMIC_RELAXED);
            if (fd >= 0)
                rt_close(fd);
            fd = -1;
        }
        fds[i] = fd;
    }
    rt_wg_done(&wg);
}

int rt_main(int argc, char **argv) {
    if (argc != 3) {
        rt_print("usage: http_idle <address> <n>\n");
        return 2;
    }
    addr = argv[1];
    int n = 0;
    for (const char *s = argv[2]; *s >= '0' && *s <= '9'; s++)
        n = n * 10 + (*s - '0');
    static int store[100000];
    if (n < 1 || n > 100000)
        return 2;
    fds = store;
    static struct range ranges[BATCH];
    rt_wg_add(&wg, BATCH);
    for (int b = 0; b < BATCH; b++) {
        ranges[b] = (struct range){(int)((long)n * b / BATCH), (int)((long)n * (b + 1) / BATCH)};
        rt_go(opener, &ranges[b]);
    }
    rt_wg_wait(&wg);
    if (failed) {
        rt_print("http_idle: %d of %d connections failed\n", failed, n);
        return 1;
    }
    rt_print("RESULT http_idle conns=%d\n", n);
    for (;;)
        rt_sleep(1000000000);
}
