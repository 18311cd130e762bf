/* netaddr_parse: the address strings rt_listen and rt_dial take (netaddr.h).
 * Built with `re2c -W -o addr_scan.c addr_scan.re`.
 *
 * The scanner accepts exactly the grammar of RFC 3986 (IPv4address, IPv6address)
 * plus a decimal port; the C helpers below then only convert text already known to
 * be well formed, so they have no error paths of their own but the range checks.
 *
 * Policy, where the RFCs leave room:
 *   - IPv4 octets and ports have no leading zeros ("0" itself is fine): "010" is 8 to
 *     inet_aton and 10 to others, so one spelling per number avoids the ambiguity.
 *     IPv6 groups are hex and may have them ("0db8"), as RFC 4291 allows.
 *   - The port is always required ("127.0.0.1:" and "127.0.0.1" are errors).
 *   - No zone ids ("[fe80::1%eth0]"), no host names but "localhost" (127.0.0.1,
 *     any case), no brackets around IPv4, no bare IPv6 without brackets.
 *   - "unix:" takes any non-empty path (relative too) that fits sun_path with its NUL. */
#include "netaddr.h"
#include "rt.h"

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

    octet = [0-9] | [1-9][0-9] | "1"[0-9][0-9] | "2"[0-4][0-9] | "25"[0-5];
    ip4   = octet "." octet "." octet "." octet;
    h16   = [0-9a-fA-F]{1,4};
    ls32  = h16 ":" h16 | ip4;
    ip6   =                            (h16 ":"){6} ls32
          |                       "::" (h16 ":"){5} ls32
          | (                h16)? "::" (h16 ":"){4} ls32
          | ((h16 ":"){0,1} h16)? "::" (h16 ":"){3} ls32
          | ((h16 ":"){0,2} h16)? "::" (h16 ":"){2} ls32
          | ((h16 ":"){0,3} h16)? "::"  h16 ":"     ls32
          | ((h16 ":"){0,4} h16)? "::"              ls32
          | ((h16 ":"){0,5} h16)? "::"              h16
          | ((h16 ":"){0,6} h16)? "::";
    port  = "0" | [1-9][0-9]{0,4};
*/

static unsigned digits(const char *b, const char *e) {
    unsigned v = 0;
    for (; b < e; b++)
        v = v * 10 + (unsigned)(*b - '0');
    return v;
}

static unsigned hexval(char c) {
    if (c >= '0' && c <= '9') return (unsigned)(c - '0');
    return (unsigned)((c | 0x20) - 'a' + 10);
}

// The four octets of a well-formed dotted quad starting at s; returns its end.
static const char *ip4_bytes(const char *s, uint8_t *ip) {
    for (int i = 0; i < 4; i++) {
        const char *e = s;
        while (*e >= '0' && *e <= '9')
            e++;
        ip[i] = (uint8_t)digits(s, e);
        s = e + 1;
    }
    return s - 1;
}

// Groups of a well-formed IPv6 run without "::" (b..e) into ip, 16-bit big-endian;
// an embedded IPv4 tail counts as two groups. Returns how many bytes it wrote.
static int ip6_groups(const char *b, const char *e, uint8_t *ip) {
    int n = 0;
    while (b < e) {
        const char *g = b;
        unsigned v = 0;
        while (g < e && *g != ':' && *g != '.')
            v = v * 16 + hexval(*g++);
        if (g < e && *g == '.') {
            ip4_bytes(b, ip + n);
            return n + 4;
        }
        ip[n++] = (uint8_t)(v >> 8);
        ip[n++] = (uint8_t)v;
        b = g + 1;
    }
    return n;
}

// A well-formed IPv6 literal b..e: the groups before "::" go at the front, those after
// at the back, zeros between (the grammar has already bounded the counts).
static void ip6_bytes(const char *b, const char *e, uint8_t *ip) {
    const char *gap = NULL;
    for (const char *p = b; p + 1 < e; p++)
        if (p[0] == ':' && p[1] == ':') {
            gap = p;
            break;
        }
    for (int i = 0; i < 16; i++)
        ip[i] = 0;
    if (gap == NULL) {
        ip6_groups(b, e, ip);
        return;
    }
    ip6_groups(b, gap, ip);
    uint8_t tail[16];
    int n = ip6_groups(gap + 2, e, tail);
    for (int i = 0; i < n; i++)
        ip[16 - n + i] = tail[i];
}

static void clear(struct netaddr *a, uint8_t family) {
    uint8_t *p = (uint8_t *)a;
    for (size_t i = 0; i < sizeof *a; i++)
        p[i] = 0;
    a->family = family;
}

static int set_port(struct netaddr *a, const char *b, const char *e) {
    unsigned v = digits(b, e);
    if (v > 65535) return RT_EADDR;
    a->port = (uint16_t)v;
    return 0;
}

int netaddr_parse(const char *s, struct netaddr *out) {
    const char *cur = s, *mar, *h, *he, *p;
    /*!stags:re2c format = "const char *@@;"; */
    struct netaddr a;
    if (s == NULL || out == NULL) return RT_EADDR;
    /*!re2c
        "unix:" @p [^\x00]+ [\x00] {
            size_t len = (size_t)(cur - 1 - p);
            if (len >= NETADDR_PATH_MAX) return RT_EADDR;
            clear(&a, NETADDR_UNIX);
            for (size_t i = 0; i < len; i++)
                a.path[i] = p[i];
            goto done;
        }
        @h ip4 ":" @p port [\x00] {
            clear(&a, NETADDR_IP4);
            ip4_bytes(h, a.ip);
            goto port;
        }
        'localhost' ":" @p port [\x00] {
            clear(&a, NETADDR_IP4);
            a.ip[0] = 127;
            a.ip[3] = 1;
            goto port;
        }
        ":" @p port [\x00] {
            clear(&a, NETADDR_IP4);
            goto port;
        }
        "[" @h ip6 @he "]:" @p port [\x00] {
            clear(&a, NETADDR_IP6);
            ip6_bytes(h, he, a.ip);
            goto port;
        }
        * { return RT_EADDR; }
    */
port:
    if (set_port(&a, p, cur - 1) != 0) return RT_EADDR;
done:
    *out = a;
    return 0;
}
