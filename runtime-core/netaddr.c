// netaddr.c — netaddr_format: an address back into the text netaddr_parse reads, so a
// bound address can be printed and dialled again. IPv6 follows RFC 5952: lowercase hex,
// no leading zeros, the longest run of two or more zero groups (the first of equal runs)
// written "::", and an IPv4-mapped address (::ffff:0:0/96) with a dotted tail.
#include "netaddr.h"

struct out {
    char *buf;
    size_t cap, len;
};

static void put(struct out *o, char c) {
    if (o->len + 1 < o->cap)
        o->buf[o->len] = c;
    o->len++;
}

static void puts_(struct out *o, const char *s) {
    while (*s)
        put(o, *s++);
}

static void put_dec(struct out *o, unsigned v) {
    char d[10];
    int n = 0;
    do {
        d[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    while (n > 0)
        put(o, d[--n]);
}

static void put_hex(struct out *o, unsigned v) {
    static const char hex[] = "0123456789abcdef";
    int shift = 12;
    while (shift > 0 && (v >> shift) == 0)
        shift -= 4;
    for (; shift >= 0; shift -= 4)
        put(o, hex[(v >> shift) & 15]);
}

static void put_ip4(struct out *o, const uint8_t *ip) {
    for (int i = 0; i < 4; i++) {
        if (i > 0)
            put(o, '.');
        put_dec(o, ip[i]);
    }
}

static bool ip4_mapped(const uint8_t *ip) {
    for (int i = 0; i < 10; i++)
        if (ip[i] != 0)
            return false;
    return ip[10] == 0xff && ip[11] == 0xff;
}

// The longest run of zero groups, if at least two long (RFC 5952 4.2.2: one zero group
// is written "0", not "::"); ties go to the first. Sets *start to -1 if there is none.
static void zero_run(const unsigned *g, int *start, int *len) {
    *start = -1;
    *len = 1;
    for (int i = 0; i < 8;) {
        int j = i;
        while (j < 8 && g[j] == 0)
            j++;
        if (j - i > *len) {
            *start = i;
            *len = j - i;
        }
        i = j > i ? j : i + 1;
    }
}

static void put_ip6(struct out *o, const uint8_t *ip) {
    if (ip4_mapped(ip)) {
        puts_(o, "::ffff:");
        put_ip4(o, ip + 12);
        return;
    }
    unsigned g[8];
    for (int i = 0; i < 8; i++)
        g[i] = (unsigned)ip[2 * i] << 8 | ip[2 * i + 1];
    int start, len;
    zero_run(g, &start, &len);
    for (int i = 0; i < 8; i++) {
        if (i == start) {
            puts_(o, "::");
            i += len - 1;
            continue;
        }
        if (i > 0 && i != start + len)
            put(o, ':');
        put_hex(o, g[i]);
    }
}

size_t netaddr_format(const struct netaddr *a, char *buf, size_t n) {
    struct out o = {buf, n, 0};
    if (a->family == NETADDR_UNIX) {
        puts_(&o, "unix:");
        for (size_t i = 0; i < NETADDR_PATH_MAX && a->path[i] != 0; i++)
            put(&o, a->path[i]);
    } else if (a->family == NETADDR_IP4 || a->family == NETADDR_IP6) {
        if (a->family == NETADDR_IP4) {
            put_ip4(&o, a->ip);
        } else {
            put(&o, '[');
            put_ip6(&o, a->ip);
            put(&o, ']');
        }
        put(&o, ':');
        put_dec(&o, a->port);
    } else {
        puts_(&o, "?"); // never parsed: a zeroed or corrupt netaddr
    }
    if (n > 0)
        buf[o.len < n ? o.len : n - 1] = 0;
    return o.len;
}
