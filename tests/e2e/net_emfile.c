// Accept under EMFILE (hosted: setrlimit and dup come from libc). With RLIMIT_NOFILE
// lowered and every fd taken, examples/httpd.c's accept fails with EMFILE: it backs off
// (5 ms doubling, as net/http) without burning CPU, and serves the waiting client as
// soon as fds are free again.
#define rt_main httpd_main
#include "../../examples/httpd.c"
#undef rt_main
#include "net_util.h"

#include <sys/resource.h>
#include <unistd.h>

// sources: examples/http_parse.re

int rt_main(int argc, char **argv);

enum { LIMIT = 128 };

static char addr[128];

static void server(void *arg) {
    accept_loop((int)(intptr_t)arg, http_conn);
}

static int64_t cpu_ns(void) {
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000000000LL +
           (u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1000LL;
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    int lfd = listen_any(addr, sizeof addr);
    struct rlimit rl = {LIMIT, LIMIT};
    if (setrlimit(RLIMIT_NOFILE, &rl) != 0)
        return 1;
    // Take every fd but one (dups of the listener: fd 0 may be closed); the client's
    // socket takes that one.
    int spare[LIMIT], nspare = 0, fd;
    while ((fd = dup(lfd)) >= 0)
        spare[nspare++] = fd;
    if (nspare == 0)
        return 1;
    close(spare[--nspare]);
    int c = rt_dial(addr);
    if (c < 0) {
        rt_print("dial: %s\n", rt_strerror(c));
        return 1;
    }
    rt_go(server, (void *)(intptr_t)lfd); // its accept fails with EMFILE from now on
    const char req[] = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    rt_write(c, req, sizeof req - 1);
    // A spinning accept loop would use this whole second of CPU; backing off, the server
    // wakes about ten times (5, 10, ... 640 ms).
    int64_t cpu0 = cpu_ns();
    rt_sleep(1000 * MS);
    int64_t used = cpu_ns() - cpu0;
    rt_print("cpu while the server backed off: %s\n", used < 200 * MS ? "low" : "high");
    if (used >= 200 * MS)
        rt_print("  %lld ms of cpu in 1 s\n", (long long)(used / MS));
    while (nspare > 0)
        close(spare[--nspare]);
    char buf[256];
    rt_set_deadline(c, rt_nanotime() + 10000 * MS, RT_DEADLINE_READ);
    long n = rt_read(c, buf, sizeof buf);
    rt_print("served once fds were free: %s\n",
             n > 0 && has_prefix(buf, (size_t)n, "HTTP/1.1 200 OK\r\n") ? "yes" : "no");
    return 0;
}
