// echo: a TCP echo server, a goroutine per connection. Everything a client sends comes
// back; when the client half-closes, the rest is echoed and the connection closed.
//
//   echo [address [write-timeout-ms]]
//
// The address defaults to 127.0.0.1:8080 (127.0.0.1:0 picks a free port); the first line
// of stdout is the bound address. A client that stops reading blocks the server's writes
// to it; they fail after the write timeout (default 10 s) and the connection is dropped.
#include <rt.h>

enum { BUF = 16384 };

static int64_t write_timeout_ns = 10 * 1000000000LL;

// A decimal argument, or -1.
static int64_t arg_number(const char *s) {
    int64_t v = 0;
    if (*s == 0)
        return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > 1000000000)
            return -1;
        v = v * 10 + (*s - '0');
    }
    return v;
}

static void echo_conn(void *arg) {
    int fd = (int)(intptr_t)arg;
    char buf[BUF];
    for (;;) {
        long n = rt_read(fd, buf, sizeof buf);
        if (n <= 0)
            break; // end of file, or an error: either way this connection is done
        rt_set_deadline(fd, rt_nanotime() + write_timeout_ns, RT_DEADLINE_WRITE);
        if (rt_write(fd, buf, (size_t)n) < 0)
            break;
    }
    rt_close(fd);
}

// Accepts forever. Running out of fds (EMFILE) is an error that clears when connections
// close, so accept errors back off 5 ms, doubling to 1 s, as net/http does, rather than
// spin; a closed listener ends the loop.
static void accept_loop(int lfd, void (*serve)(void *)) {
    int64_t delay = 0;
    for (;;) {
        int fd = rt_accept(lfd);
        if (fd == RT_ECLOSED)
            return;
        if (fd < 0) {
            delay = delay == 0 ? 5000000 : delay * 2;
            if (delay > 1000000000)
                delay = 1000000000;
            rt_print("echo: accept: %s; retrying in %lld ms\n", rt_strerror(fd),
                     (long long)(delay / 1000000));
            rt_sleep(delay);
            continue;
        }
        delay = 0;
        rt_go(serve, (void *)(intptr_t)fd);
    }
}

int rt_main(int argc, char **argv) {
    const char *addr = argc > 1 ? argv[1] : "127.0.0.1:8080";
    if (argc > 2 && (write_timeout_ns = arg_number(argv[2]) * 1000000) <= 0) {
        rt_print("usage: echo [address [write-timeout-ms]]\n");
        return 2;
    }
    int lfd = rt_listen(addr, 0);
    if (lfd < 0) {
        rt_print("echo: listen %s: %s\n", addr, rt_strerror(lfd));
        return 1;
    }
    char bound[128];
    rt_local_addr(lfd, bound, sizeof bound);
    rt_print("%s\n", bound);
    accept_loop(lfd, echo_conn);
    return 0;
}
