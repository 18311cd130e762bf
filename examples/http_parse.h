// http_parse.h — the request head parser of examples/httpd.c (http_parse.re, a re2c
// scanner). No allocation, no libc: it reads a byte buffer and fills a struct.
#ifndef HTTP_PARSE_H
#define HTTP_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { HTTP_MAX_HEADERS = 100 }; // more fields than this: 431, like a head over the limit

enum http_method { HTTP_GET = 1, HTTP_HEAD, HTTP_OTHER };

struct http_request {
    enum http_method method;
    const char *target; // the request target ("/", "/a?b"), not NUL-terminated
    size_t target_len;
    int minor;              // HTTP/1.minor: 0 or 1
    bool keep_alive;        // after the version's default and any Connection header
    int64_t content_length; // 0 without a Content-Length header
    int headers;            // fields seen
};

// What http_parse_request returns when it returns no head length.
enum {
    HTTP_INCOMPLETE = 0,     // no blank line yet: read more
    HTTP_BAD = -1,           // malformed: 400
    HTTP_TOO_LARGE = -2,     // more than HTTP_MAX_HEADERS fields: 431
    HTTP_BAD_VERSION = -3,   // well-formed but not HTTP/1.0 or 1.1: 505
    HTTP_NOT_SUPPORTED = -4, // a Transfer-Encoding (no chunked bodies here): 501
};

// Parses the request head at the start of buf[0..n): the request line and the header
// fields up to the blank line, each ending in CRLF. Returns the head's length (> 0) and
// fills *req, or one of the codes above. A line it has whole is judged at once, and a
// partial line holding a control byte (or, in the request line, a non-ASCII one) fails
// at once too, so a malformed request fails before its head is complete. HTTP/1.1 requires one Host
// field; a Content-Length is digits only (repeats must agree); fields folded over lines (obs-fold),
// whitespace before the colon, and control bytes are malformed (RFC 9112).
long http_parse_request(const char *buf, size_t n, struct http_request *req);

#endif
