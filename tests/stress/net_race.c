// net_race: goroutines parked in rt_read are woken by whichever comes first of data, a
// deadline set from another goroutine, or a close from another goroutine; and bytes
// written on a connection arrive once, in order. Nothing hangs and nothing is lost
// (the poll descriptor's wait slots under every interleaving).
#include "stress.h"

enum { ROUNDS = 300, STREAM = 64 * 1024 };

static char addr[64];
static rt_wg done;
static rt_chan *accepted; // the server side of each round's connection, before it starts
static volatile long woke_data, woke_timeout, woke_closed;

// Accepts each round's connection before the round races its reader against a close:
// an fd made meanwhile could be given the closed number, and a reader that starts late
// would then read that fd (a use of the number after its close, not a runtime bug).
static void accept_loop(void *arg) {
    int lfd = (int)(long)arg;
    for (;;) {
        int fd = rt_accept(lfd);
        if (fd < 0)
            return;
        rt_chan_send(accepted, &fd);
        // The server side waits for its peer to finish, then goes away.
        char c;
        rt_read(fd, &c, 1);
        rt_close(fd);
    }
}

struct round {
    int fd;
    long result;
};

static void reader(void *arg) {
    struct round *r = arg;
    char c;
    r->result = rt_read(r->fd, &c, 1);
    long res = r->result;
    if (res == RT_ETIMEOUT)
        __atomic_fetch_add(&woke_timeout, 1, __ATOMIC_RELAXED);
    else if (res == RT_ECLOSED)
        __atomic_fetch_add(&woke_closed, 1, __ATOMIC_RELAXED);
    else
        __atomic_fetch_add(&woke_data, 1, __ATOMIC_RELAXED);
    rt_wg_done(&done);
}

static void one_round(void) {
    static struct round r;
    r.fd = rt_dial(addr);
    if (r.fd < 0) {
        rt_print("FAIL: dial: %s\n", rt_strerror(r.fd));
        rt_exit(1);
    }
    int server_fd;
    rt_chan_recv(accepted, &server_fd);
    rt_wg_add(&done, 1);
    rt_go(reader, &r);
    if (stress_rand(2))
        rt_yield();
    bool closed = false;
    switch (stress_rand(3)) {
    case 0:
        rt_set_deadline(r.fd, rt_nanotime() + stress_rand(200000), RT_DEADLINE_READ);
        break;
    case 1:
        rt_set_deadline(r.fd, rt_nanotime() - 1, RT_DEADLINE_READ);
        break;
    default:
        rt_close(r.fd);
        closed = true;
        break;
    }
    rt_wg_wait(&done);
    if (r.result != RT_ETIMEOUT && r.result != RT_ECLOSED) {
        rt_print("FAIL: read woke with %ld (%s)\n", r.result, rt_strerror((int)r.result));
        rt_exit(1);
    }
    // Closed once only: the accept loop may already have been given the number again.
    if (!closed)
        rt_close(r.fd);
}

static void streamer(void *arg) {
    int fd = (int)(long)arg;
    static unsigned char out[STREAM];
    for (int i = 0; i < STREAM; i++)
        out[i] = (unsigned char)(i * 7);
    long n = rt_write(fd, out, STREAM);
    if (n != STREAM) {
        rt_print("FAIL: write: %ld\n", n);
        rt_exit(1);
    }
    rt_shutdown(fd, RT_SHUT_WR);
}

// A stream through a unix socket pair made by listen/dial: every byte once, in order.
static void stream_check(void) {
    int lfd = rt_listen("127.0.0.1:0", 0);
    char a[64];
    rt_local_addr(lfd, a, sizeof a);
    int c = rt_dial(a);
    int s = rt_accept(lfd);
    rt_go(streamer, (void *)(long)s);
    unsigned char buf[1000];
    long total = 0;
    for (;;) {
        long n = rt_read(c, buf, 1 + stress_rand(sizeof buf - 1));
        if (n <= 0)
            break;
        for (long i = 0; i < n; i++) {
            if (buf[i] != (unsigned char)((total + i) * 7)) {
                rt_print("FAIL: byte %ld is wrong\n", total + i);
                rt_exit(1);
            }
        }
        total += n;
    }
    if (total != STREAM) {
        rt_print("FAIL: %ld of %d bytes arrived\n", total, STREAM);
        rt_exit(1);
    }
    rt_close(c);
    rt_close(s);
    rt_close(lfd);
}

int rt_main(int argc, char **argv) {
    stress_seed(argc, argv);
    int lfd = rt_listen("127.0.0.1:0", 0);
    if (lfd < 0 || rt_local_addr(lfd, addr, sizeof addr) < 0) {
        rt_print("FAIL: listen: %s\n", rt_strerror(lfd));
        return 1;
    }
    accepted = rt_chan_new(sizeof(int), 0);
    rt_go(accept_loop, (void *)(long)lfd);
    for (int i = 0; i < ROUNDS; i++)
        one_round();
    for (int i = 0; i < 5; i++)
        stream_check();
    rt_print("ok: %d parked reads woken (%ld timeout, %ld closed)\n", ROUNDS, woke_timeout,
             woke_closed);
    return 0;
}
