// print_nonblock: rt_print on a non-blocking pipe with a slow reader loses nothing. Stdout
// becomes the write end of an O_NONBLOCK pipe; a reader goroutine drains it in small,
// slow reads; main prints 1 MiB in 2048 lines. Every byte must arrive, in order.
// With the argument "closed": a write that fails for good is reported once.
#include <rt.h>

#include "../support/rawsys.h"

enum { LINES = 2048, LINE = 512 };

enum { O_NONBLOCK = 04000, EAGAIN = 11 };

static int rfd;
static long got, bad;
static rt_chan *done;

// The byte at offset i of the whole output: line k is 511 copies of 'a' + k % 26, then '\n'.
static char want(long i) {
    return i % LINE == LINE - 1 ? '\n' : (char)('a' + (i / LINE) % 26);
}

static void reader(void *arg) {
    (void)arg;
    char buf[1000];
    for (;;) {
        long n = raw_syscall3(RAW_SYS_READ, rfd, (long)buf, sizeof buf);
        if (n == -EAGAIN) {
            rt_sleep(200000); // slow: the pipe fills while this sleeps
            continue;
        }
        if (n <= 0)
            break;
        for (long i = 0; i < n; i++)
            if (buf[i] != want(got + i))
                bad++;
        got += n;
        rt_sleep(50000);
    }
    int ok = 1;
    rt_chan_send(done, &ok);
}

// With stdout closed, every print fails with EBADF: said once on stderr, not silently.
static int print_closed(void) {
    raw_syscall3(RAW_SYS_CLOSE, 1, 0, 0);
    for (int i = 0; i < 3; i++)
        rt_print("line %d\n", i);
    return 0;
}

int rt_main(int argc, char **argv) {
    if (argc > 1 && argv[1][0] == 'c')
        return print_closed();
    int fds[2];
    long saved = raw_syscall3(RAW_SYS_DUP, 1, 0, 0);
    if (saved < 0 || raw_syscall3(RAW_SYS_PIPE2, (long)fds, O_NONBLOCK, 0) != 0 ||
        raw_syscall3(RAW_SYS_DUP3, fds[1], 1, 0) < 0)
        return 3;
    raw_syscall3(RAW_SYS_CLOSE, fds[1], 0, 0);
    rfd = fds[0];
    done = rt_chan_new(sizeof(int), 0);
    rt_go(reader, 0);
    char line[LINE + 1];
    for (int k = 0; k < LINES; k++) {
        for (int i = 0; i < LINE - 1; i++)
            line[i] = (char)('a' + k % 26);
        line[LINE - 1] = '\0';
        rt_print("%s\n", line);
    }
    raw_syscall3(RAW_SYS_DUP3, (int)saved, 1,
                 0); // closes the pipe's last write end: the reader sees EOF
    int ok;
    rt_chan_recv(done, &ok);
    rt_print("bytes %ld of %d, %ld wrong\n", got, LINES * LINE, bad);
    return got == LINES * LINE && bad == 0 ? 0 : 1;
}
