/* Scanners for environment settings and the kernel's CPU and cgroup files.
 * Built with `re2c -W -o env_scan.c env_scan.re`. */
#include "env_scan.h"

#include <stdbool.h>

/* All scanners use the generic API so bytes are read as unsigned char (no
 * sign surprises for bytes >= 0x80) and so the file buffers below, which
 * are not NUL-terminated, can be bounds-checked on every read. */
/*!re2c
    re2c:api = custom;
    re2c:api:style = free-form;
    re2c:define:YYCTYPE = "unsigned char";
    re2c:yyfill:enable = 0;
    re2c:tags = 1;
    re2c:define:YYPEEK = "(unsigned char)*cur";
    re2c:define:YYSKIP = "++cur;";
    re2c:define:YYBACKUP = "mar = cur;";
    re2c:define:YYRESTORE = "cur = mar;";
    re2c:define:YYSTAGP = "@@ = cur;";
    re2c:define:YYSTAGN = "@@ = NULL;";
    re2c:define:YYSHIFT = "cur += @@{shift};";
    re2c:define:YYSHIFTSTAG = "@@{tag} += @@{shift};";
    re2c:define:YYRESTORETAG = "cur = @@;";

    digits = [0-9]+;
*/

/* File contents come as (s, n) with no terminator, and reading s[n] could
 * fault, so a read at the limit yields a fake NUL and re2c's end-of-input
 * rule $ tells it apart from a real one. */
/*!rules:re2c:bounded
    re2c:eof = 0;
    re2c:define:YYPEEK = "cur < lim ? (unsigned char)*cur : 0";
    re2c:define:YYLESSTHAN = "cur >= lim";
*/

/* Returns -1 rather than wrap, so a caller's range check also catches
 * overflow; leading zeros never overflow because v stays 0. */
static int64_t decimal(const char *b, const char *e, int64_t max) {
    int64_t v = 0;
    for (; b < e; b++) {
        int d = *b - '0';
        if (v > (max - d) / 10) return -1;
        v = v * 10 + d;
    }
    return v;
}

int64_t env_parse_positive(const char *s) {
    const char *cur = s, *mar;
    if (s == NULL) return -1;
    /*!local:re2c
        digits [\x00] {
            int64_t v = decimal(s, cur - 1, INT32_MAX);
            return v > 0 ? v : -1;
        }
        * { return -1; }
    */
}

int env_scan_kvlist(const char *s,
                    void (*fn)(const char *key, size_t keylen, const char *val, size_t vallen,
                               void *ctx),
                    void *ctx) {
    const char *cur = s, *tok, *eq;
    /*!stags:re2c:kvlist format = "const char *@@;"; */
    int bad = 0;
    if (s == NULL) return 0;
    for (;;) {
        tok = cur;
        /*!local:re2c:kvlist
            [\x00] { return bad; }
            "," { continue; }
            [a-zA-Z0-9_]+ @eq "=" [^,\x00]* {
                if (fn != NULL)
                    fn(tok, (size_t)(eq - tok), eq + 1, (size_t)(cur - eq - 1), ctx);
                continue;
            }
            [^,\x00]+ { bad++; continue; }
        */
    }
}

/* Counting a range needs no bitmap only if no CPU can be counted twice, and
 * the kernel prints ranges ascending and disjoint, so demand that. */
static bool add_range(const char *b, const char *dash, const char *e, int64_t *last,
                      int64_t *count) {
    int64_t lo = decimal(b, dash, INT32_MAX - 1);
    int64_t hi = dash == e ? lo : decimal(dash + 1, e, INT32_MAX - 1);
    if (lo < 0 || hi < lo || lo <= *last) return false;
    *count += hi - lo + 1;
    *last = hi;
    return true;
}

int cpulist_count(const char *s, size_t n) {
    const char *cur = s, *lim = s + n, *mar, *tok, *dash, *end;
    /*!stags:re2c:cpulist format = "const char *@@;"; */
    int64_t last = -1, count = 0;
    if (s == NULL) return -1;
    for (;;) {
        tok = cur;
        /*!local:re2c:cpulist
            !use:bounded;
            range = digits @dash ("-" digits)? @end;

            range "," / [0-9] {
                if (!add_range(tok, dash, end, &last, &count))
                    return -1;
                continue;
            }
            range "\n"? {
                if (cur != lim || !add_range(tok, dash, end, &last, &count))
                    return -1;
                return (int)count;
            }
            "\n" { return cur == lim ? 0 : -1; }
            $ { return 0; }
            * { return -1; }
        */
    }
}

int cgroup_parse_cpu_max(const char *s, size_t n, int64_t *quota, int64_t *period) {
    const char *cur = s, *lim = s + n, *mar, *qend, *pstart, *pend;
    /*!stags:re2c:cpumax format = "const char *@@;"; */
    int64_t q = -1, p;
    if (s == NULL) return -1;
    /*!local:re2c:cpumax
        !use:bounded;
        period = " " @pstart digits @pend "\n"?;

        "max" period { goto done; }
        digits @qend period {
            q = decimal(s, qend, INT64_MAX);
            if (q < 1)
                return -1;
            goto done;
        }
        $ { return -1; }
        * { return -1; }
    */
done:
    p = decimal(pstart, pend, INT64_MAX);
    if (cur != lim || p < 1) return -1;
    *quota = q;
    *period = p;
    return 0;
}

int64_t parse_decimal_line(const char *s, size_t n) {
    const char *cur = s, *lim = s + n, *end;
    /*!stags:re2c:decline format = "const char *@@;"; */
    if (s == NULL) return -1;
    /*!local:re2c:decline
        !use:bounded;
        digits @end "\n"? { return cur == lim ? decimal(s, end, INT64_MAX) : -1; }
        $ { return -1; }
        * { return -1; }
    */
}
