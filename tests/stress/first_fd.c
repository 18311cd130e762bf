// first_fd: the program's first fd is opened while an M already waits for a timer on its
// wake word (there was no poller to wait in): the fd's events must be served as they
// come, not left until that unrelated timer fires. A sleeper holds a far timer; main
// then opens a connection and reads, with the data written by a goroutine that comes
// back from a blocking call (no timer of its own to break the waiter's sleep).
#include "stress.h"

enum { FAR_S = 10 };

static int64_t far_deadline;

static void sleeper(void *unused) {
    (void)unused;
    rt_sleep((int64_t)FAR_S * 1000000000);
}

static void writer(void *arg) {
    int fd = (int)(long)arg;
    stress_blocking_sleep(1000000 + stress_rand(20000000));
    if (rt_write(fd, "x", 1) != 1) {
        rt_print("FAIL: write\n");
        rt_exit(1);
    }
}

int rt_main(int argc, char **argv) {
    stress_seed(argc, argv);
    far_deadline = rt_nanotime() + (int64_t)FAR_S * 1000000000;
    rt_go(sleeper, NULL);
    // Off the P for a while: an idle M takes the waiter role for the sleeper's timer.
    stress_blocking_sleep(stress_rand(20000000));
    int lfd = rt_listen("127.0.0.1:0", 0);
    char addr[64];
    if (lfd < 0 || rt_local_addr(lfd, addr, sizeof addr) < 0) {
        rt_print("FAIL: listen: %s\n", rt_strerror(lfd));
        return 1;
    }
    int c = rt_dial(addr), s = rt_accept(lfd);
    if (c < 0 || s < 0) {
        rt_print("FAIL: dial %d, accept %d\n", c, s);
        return 1;
    }
    rt_go(writer, (void *)(long)s);
    char got;
    long n = rt_read(c, &got, 1);
    if (n != 1 || rt_nanotime() >= far_deadline) {
        rt_print("FAIL: read %ld, %s the sleeper's timer\n", n,
                 rt_nanotime() >= far_deadline ? "only after" : "before");
        return 1;
    }
    rt_print("ok: read before the sleeper's timer\n");
    rt_exit(0);
}
