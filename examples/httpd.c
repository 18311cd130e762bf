// httpd: an HTTP/1.1 server, a goroutine per connection, with keep-alive and pipelined
// requests. GET / answers "hello\n"; other paths 404; malformed requests 400, heads over
// HEAD_MAX bytes or HTTP_MAX_HEADERS fields 431 (http_parse.re parses the head).
// sources: examples/http_parse.re
//
//   httpd [address [timeout-ms]]
//   lua5.4 build.lua cc --target linux-amd64 -O2 examples/httpd.c examples/http_parse.re -o httpd
//
// The address defaults to 127.0.0.1:8080 (127.0.0.1:0 picks a free port); the first line
// of stdout is the bound address. A connection is closed when it sits idle for the
// timeout (default 10 s) or takes longer than that to send one request head (slowloris
// clients), or when a write to it blocks that long (a client that stopped reading).
#include <rt.h>

#include "http_parse.h"

enum { HEAD_MAX = 8192, SMALL_IN = 1024, OUT_MAX = 1024 };

static int64_t timeout_ns = 10 * 1000000000LL;

// A connection's state. An idle connection costs the stack pages its goroutine touched,
// so requests land in a small buffer next to it (the runtime's frames below share its
// pages); a head longer than that continues in a HEAD_MAX buffer on a deeper frame
// (serve_big), whose pages only such connections touch.
struct conn {
    char in[SMALL_IN]; // request bytes not yet served
    char out[OUT_MAX]; // responses not yet written: pipelined ones go out in one write
    int fd;
    bool failed; // a write failed: stop serving
    size_t nout;
    int64_t skip;      // body bytes still to discard
    int64_t started;   // when the head being read began (or the connection went idle)
    int64_t rdeadline; // the deadlines last set
    int64_t wdeadline;
};

// Deadlines move only when they would move by more than an eighth of the timeout: one
// timer update per many requests, not one each.
static void move_deadline(int fd, int64_t *cur, int64_t want, int which) {
    if (want - *cur > timeout_ns / 8) {
        *cur = want;
        rt_set_deadline(fd, want, which);
    }
}

static size_t cstrlen(const char *s) {
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

static void flush(struct conn *c) {
    if (c->nout == 0 || c->failed)
        return;
    move_deadline(c->fd, &c->wdeadline, rt_nanotime() + timeout_ns, RT_DEADLINE_WRITE);
    c->failed = rt_write(c->fd, c->out, c->nout) < 0;
    c->nout = 0;
}

static void put(struct conn *c, const char *s) {
    size_t n = cstrlen(s);
    if (c->nout + n > OUT_MAX)
        flush(c);
    __builtin_memcpy(c->out + c->nout, s, n); // every piece is far smaller than OUT_MAX
    c->nout += n;
}

// A response with a fixed text body; close says it is the connection's last.
static void respond(struct conn *c, const char *status, const char *extra, const char *body,
                    bool with_body, bool close, int minor) {
    char len[24];
    size_t n = cstrlen(body), i = sizeof len - 1;
    len[i] = 0;
    do {
        len[--i] = (char)('0' + n % 10);
        n /= 10;
    } while (n != 0);
    put(c, "HTTP/1.1 ");
    put(c, status);
    put(c, "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ");
    put(c, len + i);
    put(c, "\r\n");
    put(c, extra);
    if (close)
        put(c, "Connection: close\r\n");
    else if (minor == 0)
        put(c, "Connection: keep-alive\r\n");
    put(c, "\r\n");
    if (with_body)
        put(c, body);
}

// One parsed request; returns false when the connection must close after it.
static bool handle(struct conn *c, const struct http_request *r) {
    bool body = r->method != HTTP_HEAD;
    bool root = r->target_len == 1 && r->target[0] == '/';
    if (!root)
        respond(c, "404 Not Found", "", "404 page not found\n", body, !r->keep_alive, r->minor);
    else if (r->method == HTTP_OTHER)
        respond(c, "405 Method Not Allowed", "Allow: GET, HEAD\r\n", "405 method not allowed\n",
                true, !r->keep_alive, r->minor);
    else
        respond(c, "200 OK", "", "hello\n", body, !r->keep_alive, r->minor);
    return r->keep_alive;
}

// The answer to a head that cannot be served; the connection closes after it.
static void reject(struct conn *c, long why) {
    const char *status = why == HTTP_TOO_LARGE       ? "431 Request Header Fields Too Large"
                         : why == HTTP_BAD_VERSION   ? "505 HTTP Version Not Supported"
                         : why == HTTP_NOT_SUPPORTED ? "501 Not Implemented"
                                                     : "400 Bad Request";
    char body[64];
    size_t n = cstrlen(status);
    __builtin_memcpy(body, status, n);
    body[n] = '\n';
    body[n + 1] = 0;
    respond(c, status, "", body, true, true, 1);
}

// Closes after the last response so that it is read, not lost to a reset: unread
// request bytes at close make the kernel send RST, so stop writing, then drain for a
// while (Go's closeWriteAndWait does the same).
static void linger_close(int fd, char *buf, size_t n) {
    rt_shutdown(fd, RT_SHUT_WR);
    rt_set_deadline(fd, rt_nanotime() + 500000000, RT_DEADLINE_READ);
    for (int i = 0; i < 16 && rt_read(fd, buf, n) > 0; i++) {
    }
    rt_close(fd);
}

// Serves the complete requests at the start of in[0..*have); returns false to close. A
// head that fills HEAD_MAX without ending is too large.
static bool serve_buffered(struct conn *c, char *in, size_t *have) {
    size_t off = 0;
    bool open = true;
    while (open && off < *have) {
        if (c->skip > 0) { // a request body: discarded
            size_t k = *have - off < (uint64_t)c->skip ? *have - off : (size_t)c->skip;
            off += k;
            c->skip -= (int64_t)k;
            continue;
        }
        struct http_request r;
        long n = http_parse_request(in + off, *have - off, &r);
        if (n == HTTP_INCOMPLETE && *have - off == HEAD_MAX)
            n = HTTP_TOO_LARGE;
        if (n == HTTP_INCOMPLETE)
            break;
        if (n < 0) {
            reject(c, n);
            open = false;
            break;
        }
        off += (size_t)n;
        c->skip = r.content_length;
        open = handle(c, &r);
    }
    flush(c);
    __builtin_memmove(in, in + off, *have - off);
    *have -= off;
    return open && !c->failed;
}

enum step { SERVING, CLOSED };

// One read into in[0..cap) and the requests it completes; closes the connection and
// returns CLOSED when it is done.
static enum step step(struct conn *c, char *in, size_t cap, size_t *have) {
    // Idle, or waiting for the rest of a head: either way the clock started when the
    // head's first byte came (or the connection went idle), not at this read, so
    // trickling bytes does not keep a connection.
    if (*have == 0)
        c->started = rt_nanotime();
    move_deadline(c->fd, &c->rdeadline, c->started + timeout_ns, RT_DEADLINE_READ);
    long n = rt_read(c->fd, in + *have, cap - *have);
    if (n <= 0) { // end of file, timeout, error
        rt_close(c->fd);
        return CLOSED;
    }
    *have += (size_t)n;
    if (serve_buffered(c, in, have))
        return SERVING;
    if (c->failed)
        rt_close(c->fd);
    else
        linger_close(c->fd, c->out, OUT_MAX);
    return CLOSED;
}

// A head longer than SMALL_IN: served from a HEAD_MAX buffer until what is left fits
// the small one again.
static __attribute__((noinline)) enum step serve_big(struct conn *c, size_t *have) {
    char big[HEAD_MAX];
    __builtin_memcpy(big, c->in, *have);
    enum step s;
    do
        s = step(c, big, HEAD_MAX, have);
    while (s == SERVING && *have > SMALL_IN / 2);
    if (s == SERVING)
        __builtin_memcpy(c->in, big, *have);
    return s;
}

static void http_conn(void *arg) {
    struct conn c; // not zeroed whole: an idle connection costs the stack pages it touched
    c.fd = (int)(intptr_t)arg;
    c.failed = false;
    c.nout = 0;
    c.skip = c.rdeadline = c.wdeadline = 0;
    size_t have = 0;
    enum step s;
    do
        s = have == SMALL_IN ? serve_big(&c, &have) : step(&c, c.in, SMALL_IN, &have);
    while (s == SERVING);
}

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
            rt_print("httpd: accept: %s; retrying in %lld ms\n", rt_strerror(fd),
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
    if (argc > 2 && (timeout_ns = arg_number(argv[2]) * 1000000) <= 0) {
        rt_print("usage: httpd [address [timeout-ms]]\n");
        return 2;
    }
    int lfd = rt_listen(addr, 0);
    if (lfd < 0) {
        rt_print("httpd: listen %s: %s\n", addr, rt_strerror(lfd));
        return 1;
    }
    char bound[128];
    rt_local_addr(lfd, bound, sizeof bound);
    rt_print("%s\n", bound);
    accept_loop(lfd, http_conn);
    return 0;
}
