/* http_parse.re — the request head parser of examples/httpd.c (http_parse.h).
 * `build.lua cc` runs re2c on it (gen/toolchain/cc.lua); by hand: re2c -W -o http_parse.c http_parse.re
 *
 * The head is judged one whole line at a time: the caller's buffer is not
 * NUL-terminated, so each scanner is bounded by the line's end, and a read past it
 * yields a fake NUL that re2c's end-of-input rule $ tells apart from a real one. */
#include "http_parse.h"

/*!re2c
    re2c:api = custom;
    re2c:api:style = free-form;
    re2c:define:YYCTYPE = "unsigned char";
    re2c:yyfill:enable = 0;
    re2c:eof = 0;
    re2c:tags = 1;
    re2c:define:YYPEEK = "cur < lim ? (unsigned char)*cur : 0";
    re2c:define:YYLESSTHAN = "cur >= lim";
    re2c:define:YYSKIP = "++cur;";
    re2c:define:YYBACKUP = "mar = cur;";
    re2c:define:YYRESTORE = "cur = mar;";
    re2c:define:YYSTAGP = "@@ = cur;";
    re2c:define:YYSTAGN = "@@ = NULL;";
    re2c:define:YYSHIFT = "cur += @@{shift};";
    re2c:define:YYSHIFTSTAG = "@@{tag} += @@{shift};";
    re2c:define:YYRESTORETAG = "cur = @@;";

    tchar  = [-!#$%&'*+.^_`|~0-9a-zA-Z];
    token  = tchar+;
    ows    = [ \t]*;
    vchar  = [\x21-\x7e\x80-\xff];
    value  = vchar ([ \t]* vchar)*;
    crlf   = "\r\n";
*/

static const char *after_newline(const char *p, const char *lim) {
    for (; p < lim; p++)
        if (*p == '\n') return p + 1;
    return NULL;
}

static bool is(const char *b, const char *e, const char *word) {
    for (; b < e && *word; b++, word++)
        if (*b != *word) return false;
    return b == e && *word == 0;
}

// "GET /path HTTP/1.1\r\n", the whole of s..lim.
static long request_line(const char *s, const char *lim, struct http_request *req) {
    const char *cur = s, *mar, *me, *t, *te, *v;
    /*!stags:re2c:reqline format = "const char *@@;"; */
    (void)mar;
    /*!local:re2c:reqline
        target = "/" [\x21-\x7e]* | "*";

        token @me " " @t target @te " HTTP/" @v [0-9] "." [0-9] crlf {
            if (cur != lim) return HTTP_BAD;
            req->method = is(s, me, "GET") ? HTTP_GET : is(s, me, "HEAD") ? HTTP_HEAD : HTTP_OTHER;
            req->target = t;
            req->target_len = (size_t)(te - t);
            if (v[0] != '1' || (v[2] != '0' && v[2] != '1')) return HTTP_BAD_VERSION;
            req->minor = v[2] - '0';
            req->keep_alive = req->minor == 1;
            return 0;
        }
        $ { return HTTP_BAD; }
        * { return HTTP_BAD; }
    */
}

static bool is_ci(const char *b, const char *e, const char *word) {
    for (; b < e && *word; b++, word++)
        if ((*b | 0x20) != *word) return false;
    return b == e && *word == 0;
}

// The options of a Connection field: "close" and "keep-alive" matter, others not.
static void connection(const char *cur, const char *lim, struct http_request *req) {
    for (;;) {
        const char *tok = cur;
        /*!local:re2c:conn
            [^ \t,\x00]+ {
                if (is_ci(tok, cur, "close")) req->keep_alive = false;
                if (is_ci(tok, cur, "keep-alive")) req->keep_alive = true;
                continue;
            }
            $ { return; }
            * { continue; }
        */
    }
}

static int content_length(const char *b, const char *e, struct http_request *req) {
    int64_t v = 0;
    for (; b < e; b++)
        v = v * 10 + (*b - '0');
    if (req->content_length >= 0 && req->content_length != v) return HTTP_BAD;
    req->content_length = v;
    return 0;
}

// One field line, the whole of s..lim. hosts counts Host fields.
static int field(const char *s, const char *lim, struct http_request *req, int *hosts) {
    const char *cur = s, *mar, *v, *ve;
    /*!stags:re2c:field format = "const char *@@;"; */
    (void)mar;
    if (++req->headers > HTTP_MAX_HEADERS) return HTTP_TOO_LARGE;
    /*!local:re2c:field
        'host' ":" ows value? ows crlf { ++*hosts; goto end; }
        'content-length' ":" ows @v [0-9]{1,18} @ve ows crlf {
            if (cur != lim) return HTTP_BAD;
            return content_length(v, ve, req);
        }
        'content-length' ":" ows value? ows crlf { return HTTP_BAD; }
        'connection' ":" @v ows value? ows crlf {
            if (cur != lim) return HTTP_BAD;
            connection(v, lim - 2, req);
            return 0;
        }
        'transfer-encoding' ":" ows value? ows crlf {
            return cur == lim ? HTTP_NOT_SUPPORTED : HTTP_BAD;
        }
        token ":" ows value? ows crlf { goto end; }
        $ { return HTTP_BAD; }
        * { return HTTP_BAD; }
    */
end:
    return cur == lim ? 0 : HTTP_BAD;
}

// A line without its end yet: bytes no line may hold fail it now, so a client
// speaking something else (TLS, binary) is answered without waiting for a newline.
// The request line is ASCII; field values may also hold obs-text (bytes >= 0x80).
static long partial(const char *p, const char *lim, bool request_line) {
    for (; p < lim; p++) {
        unsigned char c = (unsigned char)*p;
        if ((c < 0x20 && c != '\t' && !(c == '\r' && p + 1 == lim)) || c == 0x7f ||
            (request_line && c >= 0x80))
            return HTTP_BAD;
    }
    return HTTP_INCOMPLETE;
}

long http_parse_request(const char *buf, size_t n, struct http_request *req) {
    const char *p = buf, *lim = buf + n, *e;
    int hosts = 0, r;
    *req = (struct http_request){.content_length = -1};
    if ((e = after_newline(p, lim)) == NULL) return partial(p, lim, true);
    if ((r = (int)request_line(p, e, req)) != 0) return r;
    for (p = e; (e = after_newline(p, lim)) != NULL; p = e) {
        if (e - p == 2 && p[0] == '\r') {
            if (req->minor == 1 && hosts != 1) return HTTP_BAD;
            if (req->content_length < 0) req->content_length = 0;
            return e - buf;
        }
        if ((r = field(p, e, req, &hosts)) != 0) return r;
    }
    return partial(p, lim, false);
}
