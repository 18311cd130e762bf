// corpus.h — malformed HTTP requests for examples/httpd.c (tests/e2e/net_http.c sends
// each on a connection of its own, then half-closes). want: the status codes of the
// responses, in order, then the connection closes; "" means closed with no response.
// Heads too large to write out here are made by net_http.c (see big_cases there).
#ifndef HTTP_CORPUS_H
#define HTTP_CORPUS_H

#include <stddef.h>

struct http_case {
    const char *name;
    const char *bytes;
    size_t len; // bytes may hold NULs
    const char *want;
};

#define CASE(name, lit, want)                                                                      \
    { name, lit, sizeof(lit) - 1, want }

static const struct http_case http_corpus[] = {
    CASE("garbage", "GARBAGE\r\n\r\n", "400"),
    CASE("empty line before the request", "\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n", "400"),
    CASE("only CRLFs", "\r\n\r\n\r\n", "400"),
    CASE("bare LF line ends", "GET / HTTP/1.1\nHost: x\n\n", "400"),
    CASE("bare CR line ends", "GET / HTTP/1.1\rHost: x\r\r", "400"),
    CASE("HTTP/0.9 request", "GET /\r\n\r\n", "400"),
    CASE("method only", "GET\r\n\r\n", "400"),
    CASE("two spaces", "GET  / HTTP/1.1\r\nHost: x\r\n\r\n", "400"),
    CASE("tab separators", "GET\t/\tHTTP/1.1\r\nHost: x\r\n\r\n", "400"),
    CASE("trailing space", "GET / HTTP/1.1 \r\nHost: x\r\n\r\n", "400"),
    CASE("lowercase protocol", "GET / http/1.1\r\nHost: x\r\n\r\n", "400"),
    CASE("HTTP/1.10", "GET / HTTP/1.10\r\nHost: x\r\n\r\n", "400"),
    CASE("HTTP/2.0", "GET / HTTP/2.0\r\nHost: x\r\n\r\n", "505"),
    CASE("HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "505"),
    CASE("absolute URI", "GET http://x/ HTTP/1.1\r\nHost: x\r\n\r\n", "400"),
    CASE("space in target", "GET /a b HTTP/1.1\r\nHost: x\r\n\r\n", "400"),
    CASE("control byte in target", "GET /\x01 HTTP/1.1\r\nHost: x\r\n\r\n", "400"),
    CASE("NUL in target", "GET /\0 HTTP/1.1\r\nHost: x\r\n\r\n", "400"),
    CASE("UTF-8 in target", "GET /\xc3\xa9 HTTP/1.1\r\nHost: x\r\n\r\n", "400"),
    CASE("non-token method", "G\xc3\x89T / HTTP/1.1\r\nHost: x\r\n\r\n", "400"),
    CASE("no Host", "GET / HTTP/1.1\r\n\r\n", "400"),
    CASE("two Hosts", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "400"),
    CASE("space before colon", "GET / HTTP/1.1\r\nHost : x\r\n\r\n", "400"),
    CASE("obs-fold", "GET / HTTP/1.1\r\nHost: x\r\nX: a\r\n b\r\n\r\n", "400"),
    CASE("field without colon", "GET / HTTP/1.1\r\nHost: x\r\nJunk\r\n\r\n", "400"),
    CASE("empty field name", "GET / HTTP/1.1\r\nHost: x\r\n: v\r\n\r\n", "400"),
    CASE("NUL in field", "GET / HTTP/1.1\r\nHost: x\0y\r\n\r\n", "400"),
    CASE("DEL in field", "GET / HTTP/1.1\r\nHost: x\x7f\r\n\r\n", "400"),
    CASE("Content-Length letters", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: ab\r\n\r\n",
         "400"),
    CASE("Content-Length negative", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
         "400"),
    CASE("Content-Length conflict",
         "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", "400"),
    CASE("Content-Length overflow",
         "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n", "400"),
    CASE("chunked body",
         "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "501"),
    CASE("TLS ClientHello", "\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03\x00\x01\x02\x03", "400"),
    CASE("binary noise", "\x00\xff\xfe\x80\x81\r\n\r\n", "400"),
    CASE("incomplete, then end of file", "GET / HTTP/1.1\r\nHost: x\r\n", ""),
    CASE("request line cut, then end of file", "GET / HT", ""),
    CASE("good then bad, pipelined", "GET / HTTP/1.1\r\nHost: x\r\n\r\nBAD\r\n\r\n", "200 400"),
    CASE("good, body, then bad",
         "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nGET GET / HTTP/1.1\r\n\r\n",
         "405 400"),
    CASE("body shorter than its Content-Length",
         "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc", "405"),
};

#undef CASE

#endif
