/* Tests for the address scanner (runtime-core/addr_scan.re) and its formatter
 * (runtime-core/netaddr.c): every accepted form, every malformed one we could think
 * of, and round trips through the RFC 5952 text. */
#include <criterion/criterion.h>
#include <string.h>

#include "netaddr.h"
#include "rt.h"

static struct netaddr parse_ok(const char *s) {
    struct netaddr a;
    memset(&a, 0xAA, sizeof a);
    int r = netaddr_parse(s, &a);
    cr_assert_eq(r, 0, "netaddr_parse(\"%s\") = %d, want 0", s, r);
    return a;
}

static void bad(const char *s) {
    struct netaddr a;
    memset(&a, 0x5A, sizeof a);
    struct netaddr before = a;
    int r = netaddr_parse(s, &a);
    cr_assert_eq(r, RT_EADDR, "netaddr_parse(\"%s\") = %d, want RT_EADDR", s, r);
    cr_assert(memcmp(&a, &before, sizeof a) == 0, "\"%s\": output written on error", s);
}

static void ip4(const char *s, uint8_t a, uint8_t b, uint8_t c, uint8_t d, uint16_t port) {
    struct netaddr n = parse_ok(s);
    cr_assert_eq(n.family, NETADDR_IP4, "%s", s);
    uint8_t want[16] = {a, b, c, d};
    cr_assert(memcmp(n.ip, want, 16) == 0, "%s: ip %u.%u.%u.%u", s, n.ip[0], n.ip[1], n.ip[2],
              n.ip[3]);
    cr_assert_eq(n.port, port, "%s: port %u", s, n.port);
}

// want is 16 bytes as 8 big-endian groups.
static void ip6(const char *s, const uint16_t g[8], uint16_t port) {
    struct netaddr n = parse_ok(s);
    cr_assert_eq(n.family, NETADDR_IP6, "%s", s);
    for (int i = 0; i < 8; i++)
        cr_assert_eq(n.ip[2 * i] << 8 | n.ip[2 * i + 1], g[i], "%s: group %d is %x, want %x", s, i,
                     n.ip[2 * i] << 8 | n.ip[2 * i + 1], g[i]);
    cr_assert_eq(n.port, port, "%s: port %u", s, n.port);
}

static void formats(const char *in, const char *want) {
    struct netaddr a = parse_ok(in);
    char buf[160];
    size_t len = netaddr_format(&a, buf, sizeof buf);
    cr_assert_str_eq(buf, want, "format(parse(\"%s\"))", in);
    cr_assert_eq(len, strlen(want));
    // The text reads back as the same address.
    struct netaddr b = parse_ok(buf);
    cr_assert(memcmp(&a, &b, sizeof a) == 0, "\"%s\" does not round-trip", buf);
}

/* --- IPv4 --- */

Test(netaddr, ip4_plain) {
    ip4("127.0.0.1:8080", 127, 0, 0, 1, 8080);
}
Test(netaddr, ip4_all_zero) {
    ip4("0.0.0.0:0", 0, 0, 0, 0, 0);
}
Test(netaddr, ip4_max_octets) {
    ip4("255.255.255.255:65535", 255, 255, 255, 255, 65535);
}
Test(netaddr, ip4_octet_boundaries) {
    ip4("9.10.99.100:1", 9, 10, 99, 100, 1);
    ip4("199.200.249.250:2", 199, 200, 249, 250, 2);
    ip4("1.2.3.254:3", 1, 2, 3, 254, 3);
}
Test(netaddr, ip4_port_boundaries) {
    ip4("1.2.3.4:0", 1, 2, 3, 4, 0);
    ip4("1.2.3.4:9", 1, 2, 3, 4, 9);
    ip4("1.2.3.4:10", 1, 2, 3, 4, 10);
    ip4("1.2.3.4:65534", 1, 2, 3, 4, 65534);
    ip4("1.2.3.4:65535", 1, 2, 3, 4, 65535);
    ip4("1.2.3.4:59999", 1, 2, 3, 4, 59999);
}
Test(netaddr, ip4_any_shorthand) {
    ip4(":8080", 0, 0, 0, 0, 8080);
}
Test(netaddr, ip4_any_shorthand_port_zero) {
    ip4(":0", 0, 0, 0, 0, 0);
}
Test(netaddr, localhost) {
    ip4("localhost:80", 127, 0, 0, 1, 80);
    ip4("LocalHost:81", 127, 0, 0, 1, 81);
}
Test(netaddr, ip4_port_over_65535) {
    bad("1.2.3.4:65536");
    bad("1.2.3.4:70000");
    bad("1.2.3.4:99999");
    bad("1.2.3.4:100000");
    bad("1.2.3.4:4294967296");
    bad("1.2.3.4:4294967377"); // wraps to 81 in 32 bits
    bad(":65536");
}
Test(netaddr, ip4_octet_over_255) {
    bad("256.0.0.1:80");
    bad("1.256.0.1:80");
    bad("1.0.300.1:80");
    bad("1.0.0.999:80");
    bad("1.0.0.1000:80");
}
Test(netaddr, ip4_leading_zeros_rejected) {
    bad("01.2.3.4:80");
    bad("1.02.3.4:80");
    bad("1.2.003.4:80");
    bad("1.2.3.00:80");
    bad("1.2.3.4:080");
    bad("1.2.3.4:00");
    bad(":08080");
}
Test(netaddr, ip4_wrong_shape) {
    bad("1.2.3:80");
    bad("1.2.3.4.5:80");
    bad("1..3.4:80");
    bad(".1.2.3.4:80");
    bad("1.2.3.4.:80");
    bad("1.2.3.-4:80");
    bad("0x7f.0.0.1:80");
    bad("2130706433:80"); // inet_aton's single number
    bad("127.1:80");
    bad("1.2.3.4 :80");
    bad(" 1.2.3.4:80");
}
Test(netaddr, missing_or_empty_port) {
    bad("1.2.3.4");
    bad("1.2.3.4:");
    bad(":");
    bad("localhost");
    bad("localhost:");
    bad("[::1]");
    bad("[::1]:");
}
Test(netaddr, port_not_decimal) {
    bad("1.2.3.4:+80");
    bad("1.2.3.4:-1");
    bad("1.2.3.4:http");
    bad("1.2.3.4:0x50");
    bad("1.2.3.4:8 0");
    bad("1.2.3.4::80");
}
Test(netaddr, trailing_junk) {
    bad("1.2.3.4:80x");
    bad("1.2.3.4:80 ");
    bad("1.2.3.4:80\n");
    bad("1.2.3.4:80:81");
    bad("[::1]:80]");
    bad("[::1]:80x");
    bad("localhost:80/");
}
Test(netaddr, empty_and_null) {
    bad("");
    struct netaddr a;
    cr_assert_eq(netaddr_parse(NULL, &a), RT_EADDR);
    cr_assert_eq(netaddr_parse("1.2.3.4:5", NULL), RT_EADDR);
}
Test(netaddr, host_names_rejected) {
    bad("example.com:80");
    bad("localhost.:80");
    bad("localhost6:80");
    bad("xlocalhost:80");
    bad("[localhost]:80");
}
Test(netaddr, brackets_misused) {
    bad("[1.2.3.4]:80");
    bad("::1:80");
    bad("[::1:80");
    bad("::1]:80");
    bad("[[::1]]:80");
    bad("[]:80");
    bad("[::1] :80");
    bad("[::1]80");
}
Test(netaddr, high_bytes_rejected) {
    bad("1.2.3.4:8\xc2\xb9");
    bad("\xff.2.3.4:80");
    bad("[::\xe2\x80\x8b"
        "1]:80");
}

/* --- IPv6 --- */

Test(netaddr, ip6_loopback) {
    ip6("[::1]:0", (uint16_t[8]){0, 0, 0, 0, 0, 0, 0, 1}, 0);
}
Test(netaddr, ip6_any) {
    ip6("[::]:80", (uint16_t[8]){0}, 80);
}
Test(netaddr, ip6_full) {
    ip6("[2001:db8:0:0:1:0:0:1]:443", (uint16_t[8]){0x2001, 0xdb8, 0, 0, 1, 0, 0, 1}, 443);
    ip6("[FFFF:ffff:FfFf:0:0:0:0:ABCD]:1",
        (uint16_t[8]){0xffff, 0xffff, 0xffff, 0, 0, 0, 0, 0xabcd}, 1);
}
Test(netaddr, ip6_group_leading_zeros_allowed) {
    ip6("[0001:0db8:000:00:0:0000:0:0001]:2", (uint16_t[8]){1, 0xdb8, 0, 0, 0, 0, 0, 1}, 2);
}
Test(netaddr, ip6_compression_every_position) {
    ip6("[::2:3:4:5:6:7:8]:1", (uint16_t[8]){0, 2, 3, 4, 5, 6, 7, 8}, 1);
    ip6("[1::3:4:5:6:7:8]:1", (uint16_t[8]){1, 0, 3, 4, 5, 6, 7, 8}, 1);
    ip6("[1:2::4:5:6:7:8]:1", (uint16_t[8]){1, 2, 0, 4, 5, 6, 7, 8}, 1);
    ip6("[1:2:3::5:6:7:8]:1", (uint16_t[8]){1, 2, 3, 0, 5, 6, 7, 8}, 1);
    ip6("[1:2:3:4::6:7:8]:1", (uint16_t[8]){1, 2, 3, 4, 0, 6, 7, 8}, 1);
    ip6("[1:2:3:4:5::7:8]:1", (uint16_t[8]){1, 2, 3, 4, 5, 0, 7, 8}, 1);
    ip6("[1:2:3:4:5:6::8]:1", (uint16_t[8]){1, 2, 3, 4, 5, 6, 0, 8}, 1);
    ip6("[1:2:3:4:5:6:7::]:1", (uint16_t[8]){1, 2, 3, 4, 5, 6, 7, 0}, 1);
    ip6("[1::]:1", (uint16_t[8]){1, 0, 0, 0, 0, 0, 0, 0}, 1);
    ip6("[::8]:1", (uint16_t[8]){0, 0, 0, 0, 0, 0, 0, 8}, 1);
    ip6("[1::8]:1", (uint16_t[8]){1, 0, 0, 0, 0, 0, 0, 8}, 1);
    ip6("[1:2:3::]:1", (uint16_t[8]){1, 2, 3, 0, 0, 0, 0, 0}, 1);
    ip6("[::6:7:8]:1", (uint16_t[8]){0, 0, 0, 0, 0, 6, 7, 8}, 1);
}
Test(netaddr, ip6_ipv4_tail) {
    ip6("[::ffff:1.2.3.4]:80", (uint16_t[8]){0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304}, 80);
    ip6("[::1.2.3.4]:80", (uint16_t[8]){0, 0, 0, 0, 0, 0, 0x0102, 0x0304}, 80);
    ip6("[1:2:3:4:5:6:255.255.255.255]:80", (uint16_t[8]){1, 2, 3, 4, 5, 6, 0xffff, 0xffff}, 80);
    ip6("[64:ff9b::192.0.2.33]:80", (uint16_t[8]){0x64, 0xff9b, 0, 0, 0, 0, 0xc000, 0x0221}, 80);
    ip6("[1:2:3:4:5::0.0.0.0]:80", (uint16_t[8]){1, 2, 3, 4, 5, 0, 0, 0}, 80);
}
Test(netaddr, ip6_ipv4_tail_malformed) {
    bad("[::ffff:1.2.3]:80");
    bad("[::ffff:1.2.3.256]:80");
    bad("[::ffff:01.2.3.4]:80");
    bad("[::1.2.3.4:5]:80");
    bad("[1.2.3.4::]:80");
    bad("[1:2:3:4:5:6:7:1.2.3.4]:80"); // 9 groups
    bad("[1:2:3:4:5:6::1.2.3.4]:80");  // "::" standing for no group
    bad("[::ffff:1.2.3.4.5]:80");
}
Test(netaddr, ip6_too_many_or_few_groups) {
    bad("[1:2:3:4:5:6:7]:80");
    bad("[1:2:3:4:5:6:7:8:9]:80");
    bad("[1:2:3:4:5:6:7:8::]:80");
    bad("[::1:2:3:4:5:6:7:8]:80");
    bad("[1:2:3:4::5:6:7:8]:80");
}
Test(netaddr, ip6_bad_colons) {
    bad("[:::]:80");
    bad("[1:::2]:80");
    bad("[1::2::3]:80");
    bad("[::1::]:80");
    bad("[:1::2]:80");
    bad("[1::2:]:80");
    bad("[:1:2:3:4:5:6:7:8]:80");
    bad("[1:2:3:4:5:6:7:8:]:80");
    bad("[:]:80");
    bad("[:1]:80");
}
Test(netaddr, ip6_bad_groups) {
    bad("[12345::1]:80");
    bad("[::g]:80");
    bad("[::1x]:80");
    bad("[::-1]:80");
    bad("[:: 1]:80");
}
Test(netaddr, ip6_zone_rejected) {
    bad("[fe80::1%eth0]:80");
    bad("[fe80::1%1]:80");
    bad("[fe80::1%]:80");
    bad("[fe80::1%25eth0]:80");
}
Test(netaddr, ip6_port_checked) {
    ip6("[::1]:65535", (uint16_t[8]){0, 0, 0, 0, 0, 0, 0, 1}, 65535);
    bad("[::1]:65536");
    bad("[::1]:080");
    bad("[::1]:-1");
}

/* --- Unix --- */

Test(netaddr, unix_paths) {
    struct netaddr a = parse_ok("unix:/tmp/x.sock");
    cr_assert_eq(a.family, NETADDR_UNIX);
    cr_assert_str_eq(a.path, "/tmp/x.sock");
    cr_assert_str_eq(parse_ok("unix:rel/sock").path, "rel/sock");
    cr_assert_str_eq(parse_ok("unix:/a b:c[]").path, "/a b:c[]");
    cr_assert_eq(parse_ok("unix:/x").port, 0);
}
Test(netaddr, unix_path_empty) {
    bad("unix:");
    bad("unix");
    bad("UNIX:/x");
    bad("unix/x");
}
Test(netaddr, unix_path_length_limit) {
    char s[5 + NETADDR_PATH_MAX + 2];
    memcpy(s, "unix:", 5);
    memset(s + 5, 'p', NETADDR_PATH_MAX - 1);
    s[5 + NETADDR_PATH_MAX - 1] = 0; // 107 bytes: fits with its NUL
    struct netaddr a = parse_ok(s);
    cr_assert_eq(strlen(a.path), NETADDR_PATH_MAX - 1);
    s[5 + NETADDR_PATH_MAX - 1] = 'p';
    s[5 + NETADDR_PATH_MAX] = 0; // 108: no room for the NUL
    bad(s);
}

/* --- Formatting --- */

Test(netaddr, format_ip4) {
    formats("127.0.0.1:8080", "127.0.0.1:8080");
    formats(":80", "0.0.0.0:80");
    formats("localhost:1", "127.0.0.1:1");
    formats("255.255.255.255:65535", "255.255.255.255:65535");
}
Test(netaddr, format_ip6_rfc5952) {
    formats("[::1]:0", "[::1]:0");
    formats("[::]:80", "[::]:80");
    formats("[2001:0DB8:0000:0000:0000:0000:0000:0001]:1", "[2001:db8::1]:1");
    // 4.2.2: one zero group is not compressed.
    formats("[2001:db8:0:1:1:1:1:1]:1", "[2001:db8:0:1:1:1:1:1]:1");
    formats("[2001:db8::1:1:1:1:1]:1", "[2001:db8:0:1:1:1:1:1]:1");
    // 4.2.3: the longest run; the first of equal runs.
    formats("[2001:0:0:1:0:0:0:1]:1", "[2001:0:0:1::1]:1");
    formats("[2001:db8:0:0:1:0:0:1]:1", "[2001:db8::1:0:0:1]:1");
    // Runs at either end.
    formats("[0:0:0:0:0:0:0:8]:1", "[::8]:1");
    formats("[1:0:0:0:0:0:0:0]:1", "[1::]:1");
    formats("[0:0:1:0:0:0:1:0]:1", "[0:0:1::1:0]:1");
    formats("[0:0:3:4:5:6:0:0]:1", "[::3:4:5:6:0:0]:1");
    formats("[1:2:3:4:5:6:7:8]:1", "[1:2:3:4:5:6:7:8]:1");
    formats("[abcd:ef01::ffff]:1", "[abcd:ef01::ffff]:1");
    formats("[0:1:0:1:0:1:0:1]:1", "[0:1:0:1:0:1:0:1]:1");
}
Test(netaddr, format_ip4_mapped) {
    formats("[::ffff:1.2.3.4]:80", "[::ffff:1.2.3.4]:80");
    formats("[0:0:0:0:0:ffff:102:304]:80", "[::ffff:1.2.3.4]:80");
    // Only ::ffff:0:0/96 gets a dotted tail; others are plain hex.
    formats("[::1.2.3.4]:80", "[::102:304]:80");
    formats("[::fffe:1.2.3.4]:80", "[::fffe:102:304]:80");
}
Test(netaddr, format_unix) {
    formats("unix:/run/x.sock", "unix:/run/x.sock");
}
Test(netaddr, format_truncates_like_snprintf) {
    struct netaddr a = parse_ok("[2001:db8::1]:65535");
    char buf[8];
    memset(buf, 'x', sizeof buf);
    size_t len = netaddr_format(&a, buf, sizeof buf);
    cr_assert_eq(len, strlen("[2001:db8::1]:65535"));
    cr_assert_str_eq(buf, "[2001:d");
    cr_assert_eq(netaddr_format(&a, NULL, 0), len);
    char one[1] = {'x'};
    cr_assert_eq(netaddr_format(&a, one, 1), len);
    cr_assert_eq(one[0], 0);
}
Test(netaddr, format_longest_fits) {
    formats("[ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff]:65535",
            "[ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff]:65535");
}
// Every value of one group, at every position, survives a round trip.
Test(netaddr, round_trip_each_group) {
    for (int pos = 0; pos < 8; pos++)
        for (unsigned v = 0; v < 0x10000; v += 0x101) {
            struct netaddr a = {.family = NETADDR_IP6, .port = (uint16_t)v};
            a.ip[2 * pos] = (uint8_t)(v >> 8);
            a.ip[2 * pos + 1] = (uint8_t)v;
            char buf[64];
            netaddr_format(&a, buf, sizeof buf);
            struct netaddr b;
            cr_assert_eq(netaddr_parse(buf, &b), 0, "%s", buf);
            cr_assert(memcmp(&a, &b, sizeof a) == 0, "%s", buf);
        }
}
// Every pattern of zero and non-zero groups: the text is canonical and reads back.
Test(netaddr, round_trip_zero_patterns) {
    for (unsigned mask = 0; mask < 256; mask++) {
        struct netaddr a = {.family = NETADDR_IP6, .port = 7};
        for (int i = 0; i < 8; i++)
            if (mask & (1u << i))
                a.ip[2 * i + 1] = (uint8_t)(i + 1);
        char buf[64];
        netaddr_format(&a, buf, sizeof buf);
        cr_assert(strstr(buf, ":::") == NULL, "%s", buf);
        struct netaddr b;
        cr_assert_eq(netaddr_parse(buf, &b), 0, "%s", buf);
        cr_assert(memcmp(&a, &b, sizeof a) == 0, "%s", buf);
    }
}
