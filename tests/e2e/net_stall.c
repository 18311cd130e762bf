// A client that stops reading: examples/echo.c's writes to it block once the socket
// buffers fill, then fail on their write deadline and the server drops the connection.
// Meanwhile other clients are served as usual.
#define rt_main echo_main
#include "../../examples/echo.c"
#undef rt_main
#include "net_util.h"

int rt_main(int argc, char **argv);

enum { OTHERS = 20, ROUNDS = 200, CHUNK = 65536 };

static char addr[128];
static rt_wg others;
static int others_ok;
static rt_mutex mu;
static long staller_result;

static void other(void *arg) {
    (void)arg;
    char buf[64] = "ping", in[64];
    int fd = rt_dial(addr), ok = fd >= 0;
    for (int i = 0; ok && i < ROUNDS; i++)
        ok = rt_write(fd, buf, sizeof buf) == sizeof buf &&
             read_full(fd, in, sizeof in) == sizeof in;
    rt_close(fd);
    rt_mutex_lock(&mu);
    others_ok += ok;
    rt_mutex_unlock(&mu);
    rt_wg_done(&others);
}

// Writes and never reads: the server blocks writing the echo, then gives up. This
// client's own writes then fail (the server closed with data unread: a reset), long
// before its own 20 s safety deadline.
static void staller(void *arg) {
    rt_wg *wg = arg;
    static char chunk[CHUNK];
    int fd = rt_dial(addr);
    rt_set_deadline(fd, rt_nanotime() + 20000 * MS, RT_DEADLINE_WRITE);
    long r;
    do
        r = rt_write(fd, chunk, sizeof chunk);
    while (r > 0);
    staller_result = r;
    rt_close(fd);
    rt_wg_done(wg);
}

static void server(void *arg) {
    accept_loop((int)(intptr_t)arg, echo_conn);
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    write_timeout_ns = 300 * MS;
    int lfd = listen_any(addr, sizeof addr);
    rt_go(server, (void *)(intptr_t)lfd);
    rt_wg stall = {0};
    rt_wg_add(&stall, 1);
    rt_go(staller, &stall);
    rt_sleep(50 * MS); // the staller is stalled (if not yet, the others still must pass)
    rt_wg_add(&others, OTHERS);
    for (int i = 0; i < OTHERS; i++)
        rt_go(other, NULL);
    rt_wg_wait(&others);
    rt_wg_wait(&stall);
    rt_print("others served: %d of %d\n", others_ok, OTHERS);
    rt_print("stalled client cut off by the server: %s\n",
             staller_result < 0 && staller_result != RT_ETIMEOUT ? "yes" : "no");
    if (staller_result >= 0 || staller_result == RT_ETIMEOUT)
        rt_print("  staller's write: %ld (%s)\n", staller_result, rt_strerror((int)staller_result));
    return 0;
}
