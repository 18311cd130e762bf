// Half-close: a client sends its data and shuts down its write side; examples/echo.c
// still echoes every byte, then sees end of file and closes, which the client reads
// as end of file. And the other way round: a read on a socket whose peer half-closed
// returns 0 at once, while writes in the open direction still work.
#define rt_main echo_main
#include "../../examples/echo.c"
#undef rt_main
#include "net_util.h"

int rt_main(int argc, char **argv);

enum { CLIENTS = 50, SIZE = 200000 };

static char addr[128];
static rt_wg wg;
static rt_mutex mu;
static int whole;

static void client(void *arg) {
    uint64_t seed = (uint64_t)(intptr_t)arg * 7919 + 1;
    static char out[CLIENTS][SIZE], in[CLIENTS][SIZE + 1];
    int id = (int)(intptr_t)arg;
    for (int i = 0; i < SIZE; i++)
        out[id][i] = (char)next_rand(&seed);
    int fd = rt_dial(addr);
    // All of it is written before anything is read: 200 kB fits in loopback's socket
    // buffers, so the server's echo does not block on this client.
    bool ok = fd >= 0 && rt_write(fd, out[id], SIZE) == SIZE && rt_shutdown(fd, RT_SHUT_WR) == 0;
    size_t got = ok ? read_all(fd, in[id], SIZE + 1) : 0;
    ok = ok && got == SIZE;
    for (size_t i = 0; ok && i < SIZE; i++)
        ok = in[id][i] == out[id][i];
    rt_close(fd);
    rt_mutex_lock(&mu);
    whole += ok;
    rt_mutex_unlock(&mu);
    rt_wg_done(&wg);
}

static void server(void *arg) {
    accept_loop((int)(intptr_t)arg, echo_conn);
}

// The server side half-closes: its peer reads end of file, then still writes to it.
static void peer_side(int lfd) {
    char a[128], buf[16];
    rt_local_addr(lfd, a, sizeof a);
    int c = rt_dial(a), s = rt_accept(lfd);
    bool shut = rt_shutdown(s, RT_SHUT_WR) == 0;
    long eof = rt_read(c, buf, sizeof buf);
    long w = rt_write(c, "after", 5);
    long r = read_full(s, buf, 5);
    rt_print("peer half-closed: read %ld, write back %ld, received %ld %s\n", shut ? eof : -1, w, r,
             r == 5 && has_prefix(buf, 5, "after") ? "intact" : "garbled");
    rt_close(c);
    rt_close(s);
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    int lfd = listen_any(addr, sizeof addr);
    rt_go(server, (void *)(intptr_t)lfd);
    rt_wg_add(&wg, CLIENTS);
    for (int i = 0; i < CLIENTS; i++)
        rt_go(client, (void *)(intptr_t)i);
    rt_wg_wait(&wg);
    rt_print("half-closed clients echoed whole: %d of %d\n", whole, CLIENTS);
    char a2[128];
    peer_side(listen_any(a2, sizeof a2));
    return 0;
}
