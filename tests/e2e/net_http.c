// examples/httpd.c in the same process as its clients: GET, HEAD, 404, keep-alive and
// pipelining, a request sent a byte at a time; the malformed corpus of tests/http/
// (each answered as listed, then closed: never a crash, never a hang); heads over the
// limit (431); a slowloris client and an idle keep-alive connection, both closed by the
// server's read deadline; and the server still serves when all that is done.
#define rt_main httpd_main
#include "../../examples/httpd.c"
#undef rt_main
#include "../http/corpus.h"
#include "net_util.h"

// sources: examples/http_parse.re

int rt_main(int argc, char **argv);

static char addr[128];
static char resp[1 << 16];

static void server(void *arg) {
    accept_loop((int)(intptr_t)arg, http_conn);
}

// Sends req (then half-closes if shut), reads until the server closes; writes the
// status codes of the responses into codes ("200 404"), "" if there were none.
static void exchange(const char *req, size_t n, bool shut, char *codes, size_t cap) {
    int fd = rt_dial(addr);
    rt_set_deadline(fd, rt_nanotime() + 10000 * MS, RT_DEADLINE_BOTH); // against hangs
    rt_write(fd, req, n);
    if (shut)
        rt_shutdown(fd, RT_SHUT_WR);
    size_t got = read_all(fd, resp, sizeof resp - 1), k = 0;
    rt_close(fd);
    for (size_t i = 0; i + 12 <= got; i++)
        if (has_prefix(resp + i, got - i, "HTTP/1.1 ") && k + 4 < cap) {
            if (k > 0)
                codes[k++] = ' ';
            for (int d = 0; d < 3; d++)
                codes[k++] = resp[i + 9 + d];
        }
    codes[k] = 0;
}

static bool streq(const char *a, const char *b) {
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}

static void expect(const char *what, const char *req, size_t n, bool shut, const char *want,
                   int *ok) {
    char codes[256];
    exchange(req, n, shut, codes, sizeof codes);
    if (streq(codes, want)) {
        (*ok)++;
    } else {
        rt_print("%s: got \"%s\", want \"%s\"\n", what, codes, want);
    }
}

static void good_requests(void) {
    char codes[64];
    const char get[] = "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    int fd = rt_dial(addr);
    rt_write(fd, get, sizeof get - 1);
    size_t n = read_all(fd, resp, sizeof resp);
    rt_close(fd);
    bool hello = n > 6 && has_prefix(resp, n, "HTTP/1.1 200 OK\r\n") &&
                 has_prefix(resp + n - 10, 10, "\r\n\r\nhello\n");
    rt_print("GET /: %s\n", hello ? "200 hello" : "wrong");
    const char head[] = "HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    fd = rt_dial(addr);
    rt_write(fd, head, sizeof head - 1);
    n = read_all(fd, resp, sizeof resp);
    rt_close(fd);
    rt_print("HEAD /: %s\n", n > 4 && has_prefix(resp + n - 4, 4, "\r\n\r\n") ? "no body" : "body");
    const char pipe[] = "GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /nope HTTP/1.1\r\nHost: x\r\n\r\n"
                        "HEAD / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.0\r\n\r\n";
    exchange(pipe, sizeof pipe - 1, false, codes, sizeof codes);
    rt_print("pipelined, then HTTP/1.0 closes: %s\n", codes);
    // One byte per write: every split point of a head, including inside CRLF.
    const char *slow = "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    fd = rt_dial(addr);
    for (size_t i = 0; slow[i]; i++) {
        rt_write(fd, slow + i, 1);
        rt_sleep(MS / 10);
    }
    n = read_all(fd, resp, sizeof resp);
    rt_close(fd);
    rt_print("a byte at a time: %s\n", has_prefix(resp, n, "HTTP/1.1 200 OK") ? "200" : "wrong");
    // Heads longer than httpd's small buffer (1 KiB), alone and pipelined with small
    // ones, then small ones again on the same connection.
    static char big[4 * 6000];
    size_t k = 0;
    for (int r = 0; r < 3; r++) {
        const char *h = r == 1 ? "GET /nope HTTP/1.1\r\nHost: x\r\nX-Big: "
                               : "GET / HTTP/1.1\r\nHost: x\r\nX-Big: ";
        __builtin_memcpy(big + k, h, slen(h));
        k += slen(h);
        for (int i = 0; i < (r == 0 ? 5000 : 700); i++)
            big[k++] = 'b';
        __builtin_memcpy(big + k, "\r\n\r\n", 4);
        k += 4;
    }
    const char tail[] = "GET / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n";
    __builtin_memcpy(big + k, tail, sizeof tail - 1);
    k += sizeof tail - 1;
    exchange(big, k, true, codes, sizeof codes);
    rt_print("heads over 1 KiB, pipelined with small ones: %s\n", codes);
    // Keep-alive: many requests on one connection, one at a time.
    fd = rt_dial(addr);
    int served = 0;
    const char ka[] = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    for (int i = 0; i < 100; i++) {
        rt_write(fd, ka, sizeof ka - 1);
        long r = rt_read(fd, resp, sizeof resp);
        served += r > 0 && has_prefix(resp, (size_t)r, "HTTP/1.1 200 OK");
    }
    rt_close(fd);
    rt_print("keep-alive: %d of 100\n", served);
}

static void corpus(void) {
    int ok = 0, total = 0;
    for (size_t i = 0; i < sizeof http_corpus / sizeof *http_corpus; i++, total++)
        expect(http_corpus[i].name, http_corpus[i].bytes, http_corpus[i].len, true,
               http_corpus[i].want, &ok);
    // Heads over the limit: one huge field, many fields, a request line with no end.
    static char big[3 * HEAD_MAX];
    const char start[] = "GET / HTTP/1.1\r\nHost: x\r\nX: ";
    size_t n = sizeof start - 1;
    __builtin_memcpy(big, start, n);
    for (; n < HEAD_MAX + 100; n++)
        big[n] = 'a';
    __builtin_memcpy(big + n, "\r\n\r\n", 4);
    expect("one field over the limit", big, n + 4, true, "431", &ok), total++;
    n = sizeof start - 4;
    for (int f = 0; f < HTTP_MAX_HEADERS + 1; f++, n += 6)
        __builtin_memcpy(big + n, "A: b\r\n", 6);
    __builtin_memcpy(big + n, "\r\n", 2);
    expect("too many fields", big, n + 2, true, "431", &ok), total++;
    __builtin_memcpy(big, "GET /", 5);
    for (n = 5; n < sizeof big; n++)
        big[n] = 'a';
    expect("endless request line", big, sizeof big, false, "431", &ok), total++;
    rt_print("corpus: %d of %d answered as listed\n", ok, total);
}

// Closed by the server: the read deadline ran out while this client kept the connection.
static bool closed_within(int fd, int64_t limit) {
    char c;
    rt_set_deadline(fd, rt_nanotime() + limit, RT_DEADLINE_READ);
    long r = rt_read(fd, &c, 1);
    return r == 0 || (r < 0 && r != RT_ETIMEOUT);
}

static void slowloris(void *arg) {
    int fd = rt_dial(addr), sent = 0;
    bool closed = false;
    rt_write(fd, "GET / HTTP/1.1\r\n", 16);
    // A byte every 50 ms would take 5 s; the server allows 500 ms for the head.
    for (; sent < 100 && !closed; sent++)
        closed = rt_write(fd, "X", 1) < 0 || closed_within(fd, 50 * MS);
    rt_close(fd);
    rt_print("slowloris: %s\n", closed ? "closed by the server" : "never closed");
    rt_wg_done(arg);
}

static void idle(void *arg) {
    int fd = rt_dial(addr);
    const char ka[] = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    rt_write(fd, ka, sizeof ka - 1);
    rt_read(fd, resp + 60000, 1000);
    rt_print("idle keep-alive: %s\n",
             closed_within(fd, 5000 * MS) ? "closed by the server" : "never closed");
    rt_close(fd);
    rt_wg_done(arg);
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    timeout_ns = 500 * MS;
    int lfd = listen_any(addr, sizeof addr);
    rt_go(server, (void *)(intptr_t)lfd);
    rt_wg slow = {0};
    rt_wg_add(&slow, 1);
    rt_go(slowloris, &slow);
    rt_wg_wait(&slow);
    rt_wg_add(&slow, 1);
    rt_go(idle, &slow);
    rt_wg_wait(&slow);
    good_requests();
    corpus();
    char codes[16];
    const char get[] = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    exchange(get, sizeof get - 1, true, codes, sizeof codes);
    rt_print("still serving: %s\n", codes);
    return 0;
}
