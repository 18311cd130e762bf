/* Tests for examples/httpd.c's request head scanner (examples/http_parse.re). */
// sources: examples/http_parse.re
#include <criterion/criterion.h>
#include <string.h>

#include "../../examples/http_parse.h"

static long parse(const char *s, struct http_request *r) {
    return http_parse_request(s, strlen(s), r);
}

static struct http_request ok(const char *s) {
    struct http_request r;
    long n = parse(s, &r);
    cr_assert_eq(n, (long)strlen(s), "parse(%s) = %ld, want %zu", s, n, strlen(s));
    return r;
}

static void fails(const char *s, long want) {
    struct http_request r;
    long n = parse(s, &r);
    cr_assert_eq(n, want, "parse(\"%s\") = %ld, want %ld", s, n, want);
}

#define H11 " HTTP/1.1\r\nHost: x\r\n"

Test(http_parse, simple_get) {
    struct http_request r = ok("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n");
    cr_assert_eq(r.method, HTTP_GET);
    cr_assert_eq(r.target_len, 1);
    cr_assert_eq(r.target[0], '/');
    cr_assert_eq(r.minor, 1);
    cr_assert(r.keep_alive);
    cr_assert_eq(r.content_length, 0);
    cr_assert_eq(r.headers, 1);
}
Test(http_parse, wrk_request) {
    struct http_request r = ok("GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n");
    cr_assert_eq(r.method, HTTP_GET);
}
Test(http_parse, methods) {
    cr_assert_eq(ok("HEAD /" H11 "\r\n").method, HTTP_HEAD);
    cr_assert_eq(ok("POST /" H11 "\r\n").method, HTTP_OTHER);
    cr_assert_eq(ok("get /" H11 "\r\n").method, HTTP_OTHER); // methods are case-sensitive
    cr_assert_eq(ok("GETX /" H11 "\r\n").method, HTTP_OTHER);
    cr_assert_eq(ok("M-SEARCH *" H11 "\r\n").method, HTTP_OTHER);
}
Test(http_parse, target_kept) {
    struct http_request r = ok("GET /a/b?c=d&e=%20#f" H11 "\r\n");
    cr_assert_eq(r.target_len, strlen("/a/b?c=d&e=%20#f"));
    cr_assert(memcmp(r.target, "/a/b?c=d&e=%20#f", r.target_len) == 0);
}
Test(http_parse, http10_closes_by_default) {
    struct http_request r = ok("GET / HTTP/1.0\r\n\r\n"); // no Host needed
    cr_assert_eq(r.minor, 0);
    cr_assert(!r.keep_alive);
    cr_assert(ok("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").keep_alive);
    cr_assert(ok("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").keep_alive);
}
Test(http_parse, connection_close) {
    cr_assert(!ok("GET /" H11 "Connection: close\r\n\r\n").keep_alive);
    cr_assert(!ok("GET /" H11 "connection:CLOSE\r\n\r\n").keep_alive);
    cr_assert(!ok("GET /" H11 "Connection: upgrade, close\r\n\r\n").keep_alive);
    cr_assert(!ok("GET /" H11 "Connection: close ,foo \r\n\r\n").keep_alive);
    cr_assert(ok("GET /" H11 "Connection: closed\r\n\r\n").keep_alive);
    cr_assert(ok("GET /" H11 "Connection: xclose\r\n\r\n").keep_alive);
    cr_assert(ok("GET /" H11 "Connection:\r\n\r\n").keep_alive);
}
Test(http_parse, fields_with_odd_values) {
    ok("GET /" H11 "X-Empty:\r\n\r\n");
    ok("GET /" H11 "X-Spaces:   \t \r\n\r\n");
    ok("GET /" H11 "X-Inner: a  b\tc\r\n\r\n");
    ok("GET /" H11 "X-Utf8: \xc3\xa9t\xc3\xa9\r\n\r\n");
    ok("GET /" H11 "x!#$%&'*+.^_`|~-0: v\r\n\r\n");
}
Test(http_parse, content_length) {
    cr_assert_eq(ok("POST /" H11 "Content-Length: 12\r\n\r\n").content_length, 12);
    cr_assert_eq(ok("POST /" H11 "content-length:0\r\n\r\n").content_length, 0);
    cr_assert_eq(ok("POST /" H11 "Content-Length: 5\r\nContent-Length: 5\r\n\r\n").content_length,
                 5);
    cr_assert_eq(ok("POST /" H11 "Content-Length: 999999999999999999\r\n\r\n").content_length,
                 999999999999999999LL);
}
Test(http_parse, content_length_malformed) {
    fails("POST /" H11 "Content-Length: 5\r\nContent-Length: 6\r\n\r\n", HTTP_BAD);
    fails("POST /" H11 "Content-Length: -1\r\n\r\n", HTTP_BAD);
    fails("POST /" H11 "Content-Length: +1\r\n\r\n", HTTP_BAD);
    fails("POST /" H11 "Content-Length: 1 2\r\n\r\n", HTTP_BAD);
    fails("POST /" H11 "Content-Length: 5,5\r\n\r\n", HTTP_BAD);
    fails("POST /" H11 "Content-Length: 0x10\r\n\r\n", HTTP_BAD);
    fails("POST /" H11 "Content-Length:\r\n\r\n", HTTP_BAD);
    fails("POST /" H11 "Content-Length: 9999999999999999999\r\n\r\n", HTTP_BAD);
}
Test(http_parse, transfer_encoding_not_supported) {
    fails("POST /" H11 "Transfer-Encoding: chunked\r\n\r\n", HTTP_NOT_SUPPORTED);
}
Test(http_parse, incomplete) {
    const char *full = "GET / HTTP/1.1\r\nHost: x\r\nAccept: */*\r\n\r\n";
    struct http_request r;
    for (size_t n = 0; n < strlen(full); n++)
        cr_assert_eq(http_parse_request(full, n, &r), HTTP_INCOMPLETE, "prefix %zu", n);
    cr_assert_eq(http_parse_request(full, strlen(full), &r), (long)strlen(full));
}
Test(http_parse, pipelined_takes_first) {
    const char *two = "GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n";
    struct http_request r;
    long n = parse(two, &r);
    cr_assert_eq(n, (long)strlen("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
    cr_assert_eq(http_parse_request(two + n, strlen(two) - (size_t)n, &r), n + 1);
    cr_assert_eq(r.target_len, 2);
}
Test(http_parse, bad_line_fails_before_head_ends) {
    struct http_request r;
    cr_assert_eq(parse("GARBAGE\r\n", &r), HTTP_BAD);
    cr_assert_eq(parse("GET / HTTP/1.1\r\nno colon\r\n", &r), HTTP_BAD);
}
Test(http_parse, partial_line_with_bad_bytes_fails_early) {
    struct http_request r;
    cr_assert_eq(parse("\x16\x03\x01\x00\xa5\x01", &r), HTTP_BAD); // TLS ClientHello
    cr_assert_eq(parse("GET /\xc3\xa9", &r), HTTP_BAD);
    cr_assert_eq(parse("GET / HTTP/1.1\r\nHost: x\r\nX: a\x01", &r), HTTP_BAD);
    cr_assert_eq(parse("GET / HTTP/1.1\r\nHost: x\r\nX: a\x7f", &r), HTTP_BAD);
    cr_assert_eq(parse("GET / HTTP/1.1\r\nHost: x\r\nX: a\rb", &r), HTTP_BAD);
    // Still incomplete: a CR at the end, a tab, obs-text in a field.
    cr_assert_eq(parse("GET / HTTP/1.1\r", &r), HTTP_INCOMPLETE);
    cr_assert_eq(parse("GET / HTTP/1.1\r\nHost: x\r\nX: \xc3\xa9\t", &r), HTTP_INCOMPLETE);
    cr_assert_eq(parse("GET / HTTP/1.1\r\nHost: x\r\nX: a\r", &r), HTTP_INCOMPLETE);
}
Test(http_parse, request_line_malformed) {
    fails("\r\n\r\n", HTTP_BAD); // a leading empty line is not skipped
    fails("GET\r\n\r\n", HTTP_BAD);
    fails("GET /\r\n\r\n", HTTP_BAD); // HTTP/0.9
    fails("GET  / HTTP/1.1\r\nHost: x\r\n\r\n", HTTP_BAD);
    fails("GET / HTTP/1.1 \r\nHost: x\r\n\r\n", HTTP_BAD);
    fails(" GET / HTTP/1.1\r\nHost: x\r\n\r\n", HTTP_BAD);
    fails("GET\t/ HTTP/1.1\r\nHost: x\r\n\r\n", HTTP_BAD);
    fails("GET / HTTP/1.1\nHost: x\n\n", HTTP_BAD); // bare LF
    fails("GET / HTTP/1.1\rHost: x\r\n\r\n", HTTP_BAD);
    fails("GET x HTTP/1.1\r\nHost: x\r\n\r\n", HTTP_BAD);
    fails("GET http://x/ HTTP/1.1\r\nHost: x\r\n\r\n", HTTP_BAD); // absolute form: not here
    fails("GET /a b HTTP/1.1\r\nHost: x\r\n\r\n", HTTP_BAD);
    fails("GET /\x01 HTTP/1.1\r\nHost: x\r\n\r\n", HTTP_BAD);
    fails("GET /\xff HTTP/1.1\r\nHost: x\r\n\r\n", HTTP_BAD);
    fails("G(T / HTTP/1.1\r\nHost: x\r\n\r\n", HTTP_BAD);
    fails("GET / http/1.1\r\nHost: x\r\n\r\n", HTTP_BAD);
    fails("GET / HTTP/1\r\nHost: x\r\n\r\n", HTTP_BAD);
    fails("GET / HTTP/1.10\r\nHost: x\r\n\r\n", HTTP_BAD);
    fails("GET / HTTP/11.1\r\nHost: x\r\n\r\n", HTTP_BAD);
    fails("GET / HTTP/a.b\r\nHost: x\r\n\r\n", HTTP_BAD);
    fails("GET / FTP/1.1\r\nHost: x\r\n\r\n", HTTP_BAD);
}
Test(http_parse, other_versions) {
    fails("GET / HTTP/2.0\r\n\r\n", HTTP_BAD_VERSION);
    fails("GET / HTTP/1.2\r\n\r\n", HTTP_BAD_VERSION);
    fails("GET / HTTP/0.9\r\n\r\n", HTTP_BAD_VERSION);
}
Test(http_parse, host_rules) {
    fails("GET / HTTP/1.1\r\n\r\n", HTTP_BAD);
    fails("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", HTTP_BAD);
    ok("GET / HTTP/1.1\r\nHOST:\r\n\r\n"); // an empty Host is allowed (RFC 9112 3.2)
}
Test(http_parse, field_malformed) {
    fails("GET /" H11 "Name : v\r\n\r\n", HTTP_BAD);  // space before the colon
    fails("GET /" H11 " folded\r\n\r\n", HTTP_BAD);   // obs-fold
    fails("GET /" H11 "\tfolded\r\n\r\n", HTTP_BAD);  // obs-fold
    fails("GET /" H11 ": novalue\r\n\r\n", HTTP_BAD); // empty name
    fails("GET /" H11 "Na(me: v\r\n\r\n", HTTP_BAD);  // not a token
    fails("GET /" H11 "Name: a\x01"
          "b\r\n\r\n",
          HTTP_BAD);                                    // control byte
    fails("GET /" H11 "Name: a\x7f\r\n\r\n", HTTP_BAD); // DEL
    fails("GET /" H11 "Name: a\rb\r\n\r\n", HTTP_BAD);  // bare CR
    fails("GET /" H11 "Name: v\n\r\n", HTTP_BAD);       // bare LF
    fails("GET /" H11 "Name: v\r\n\n", HTTP_BAD);       // head ended by a bare LF
    fails("GET /" H11 "Name\r\n\r\n", HTTP_BAD);
    fails("GET /" H11 "\xc3\xa9: v\r\n\r\n", HTTP_BAD);
}
Test(http_parse, nul_bytes) {
    struct http_request r;
    const char a[] = "GET / HTTP/1.1\r\nHost: x\0y\r\n\r\n";
    cr_assert_eq(http_parse_request(a, sizeof a - 1, &r), HTTP_BAD);
    const char b[] = "GET /\0 HTTP/1.1\r\nHost: x\r\n\r\n";
    cr_assert_eq(http_parse_request(b, sizeof b - 1, &r), HTTP_BAD);
    const char c[] = "GET / HTTP/1.1\r\nHo\0st: x\r\n\r\n";
    cr_assert_eq(http_parse_request(c, sizeof c - 1, &r), HTTP_BAD);
}
Test(http_parse, too_many_fields) {
    char buf[8192] = "GET / HTTP/1.1\r\nHost: x\r\n";
    for (int i = 1; i < HTTP_MAX_HEADERS; i++)
        strcat(buf, "A: b\r\n");
    strcat(buf, "\r\n");
    struct http_request r;
    cr_assert_eq(parse(buf, &r), (long)strlen(buf)); // exactly the limit
    cr_assert_eq(r.headers, HTTP_MAX_HEADERS);
    buf[strlen(buf) - 2] = 0;
    strcat(buf, "A: b\r\n\r\n");
    cr_assert_eq(parse(buf, &r), HTTP_TOO_LARGE);
}
// The scanner never reads past n: a head cut anywhere, copied to the end of a page-sized
// heap block so an overread would land in the allocator's bookkeeping or fault under
// a sanitizer, is incomplete or bad, never a head.
Test(http_parse, no_proper_prefix_is_a_head) {
    const char *inputs[] = {
        "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 12\r\nConnection: close\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
        "GET /\xff\xfe HTTP/1.1\r\n",
    };
    for (size_t k = 0; k < sizeof inputs / sizeof *inputs; k++) {
        size_t len = strlen(inputs[k]);
        for (size_t n = 0; n < len; n++) {
            char *p = malloc(n + 1);
            memcpy(p, inputs[k], n);
            struct http_request r;
            long got = http_parse_request(p, n, &r);
            cr_assert(got <= 0, "input %zu prefix %zu parsed as a head (%ld)", k, n, got);
            free(p);
        }
    }
}
