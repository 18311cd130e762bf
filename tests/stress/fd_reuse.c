// fd_reuse: a call on an fd number acts on the fd that number names when the call starts,
// never on one opened later under another number. The runtime recycles poll descriptors
// from a free list, so a call that looked a number up just before another goroutine closed
// it may find the descriptor already serving a new fd (an ABA): a close or deadline meant
// for a dead number then lands on a live one elsewhere.
//
// One goroutine opens and closes a pipe at number VICTIM over and over; others call
// rt_close and rt_set_deadline on VICTIM all the while (fine: it is theirs to race on).
// Owners open pipes at their own numbers, nobody else names, and check that every call
// on them succeeds: an RT_ECLOSED or RT_ETIMEOUT there came through a stale descriptor.
#include "stress.h"

enum { VICTIM = 200, OWNER_BASE = 210, OWNERS = 3, HAMMERS = 2, ITERS = 1500 };

static volatile int stop;
static rt_wg done, owned; // the victim and hammers; the owners

// The OS's fd `n` is gone (the runtime closes for real when the last call lets go).
static bool os_fd_open(int n) {
    return raw_syscall3(RAW_SYS_FCNTL, n, 1 /* F_GETFD */, 0) >= 0;
}

static void wait_os_closed(int n) {
    while (os_fd_open(n))
        rt_yield();
}

// A pipe whose ends are at numbers r and w, handed to the runtime.
static void pipe_at(int r, int w) {
    int p[2];
    long e = raw_syscall3(RAW_SYS_PIPE2, (long)p, 0, 0);
    if (e < 0) {
        rt_print("FAIL: pipe2: %ld\n", e);
        rt_exit(1);
    }
    raw_syscall3(RAW_SYS_DUP3, p[0], r, 0);
    raw_syscall3(RAW_SYS_DUP3, p[1], w, 0);
    raw_syscall3(RAW_SYS_CLOSE, p[0], 0, 0);
    raw_syscall3(RAW_SYS_CLOSE, p[1], 0, 0);
    if (rt_fd_open(r) != r || rt_fd_open(w) != w) {
        rt_print("FAIL: rt_fd_open %d, %d\n", r, w);
        rt_exit(1);
    }
}

static void victim(void *unused) {
    (void)unused;
    while (!stop) {
        wait_os_closed(VICTIM);
        wait_os_closed(VICTIM + 1);
        pipe_at(VICTIM, VICTIM + 1);
        if (stress_rand(2))
            rt_yield();
        rt_close(VICTIM); // or a hammer did: either way it is closed now
        rt_close(VICTIM + 1);
    }
    rt_wg_done(&done);
}

static void hammer(void *unused) {
    (void)unused;
    while (!stop) {
        if (stress_rand(2))
            rt_close(VICTIM);
        else
            rt_set_deadline(VICTIM, rt_nanotime() - 1, RT_DEADLINE_BOTH);
    }
    rt_wg_done(&done);
}

static void expect(long got, long want, const char *what, int fd) {
    if (got != want) {
        rt_print("FAIL: %s on fd %d, nobody else's: %ld (%s), want %ld\n", what, fd, got,
                 rt_strerror((int)got), want);
        rt_exit(1);
    }
}

static void owner(void *arg) {
    int r = OWNER_BASE + 2 * (int)(long)arg, w = r + 1;
    for (int i = 0; i < ITERS; i++) {
        wait_os_closed(r);
        wait_os_closed(w);
        pipe_at(r, w);
        char c = (char)i, got = 0;
        expect(rt_write(w, &c, 1), 1, "rt_write", w);
        expect(rt_read(r, &got, 1), 1, "rt_read", r);
        expect(got, c, "the byte read", r);
        expect(rt_set_deadline(r, 0, RT_DEADLINE_BOTH), 0, "rt_set_deadline", r);
        expect(rt_close(r), 0, "rt_close", r);
        expect(rt_close(w), 0, "rt_close", w);
    }
    rt_wg_done(&owned);
}

int rt_main(int argc, char **argv) {
    stress_seed(argc, argv);
    rt_wg_add(&done, 1 + HAMMERS);
    rt_go(victim, NULL);
    for (int i = 0; i < HAMMERS; i++)
        rt_go(hammer, NULL);
    rt_wg_add(&owned, OWNERS);
    for (long i = 0; i < OWNERS; i++)
        rt_go(owner, (void *)i);
    rt_wg_wait(&owned);
    stop = 1;
    rt_wg_wait(&done);
    rt_print("ok: %d owners * %d pipes, none touched by calls on fd %d\n", OWNERS, ITERS, VICTIM);
    return 0;
}
