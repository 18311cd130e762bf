// netaddr.h — socket addresses as the core sees them, OS-neutral: the generated layer
// turns them into the OS's sockaddr structs (whose layouts are table facts).
#ifndef NETADDR_H
#define NETADDR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum netaddr_family { NETADDR_IP4 = 1, NETADDR_IP6, NETADDR_UNIX };

#define NETADDR_PATH_MAX 108 // sun_path's size on Linux; Darwin's 104 is checked by its layer

struct netaddr {
    uint8_t family;              // enum netaddr_family
    uint8_t ip[16];              // network byte order; an IPv4 address in ip[0..3]
    uint16_t port;               // host byte order
    char path[NETADDR_PATH_MAX]; // unix: NUL-terminated
};

// Parses "127.0.0.1:8080", "[::1]:0", ":8080" (IPv4 any), "[::]:80", "localhost:80",
// "unix:/path" (addr_scan.re). Returns 0, or RT_EADDR for anything else: a port over
// 65535, an octet over 255, a malformed IPv6 literal, an empty or too long path.
int netaddr_parse(const char *s, struct netaddr *out);

// Writes a in the form netaddr_parse reads (IPv6 compressed as RFC 5952 says) and NUL;
// returns the length it needed (like snprintf), writing at most n bytes.
size_t netaddr_format(const struct netaddr *a, char *buf, size_t n);

// The OS's sockaddrs (generated net_sockaddr.c, from the table's layouts).
#define SOCKADDR_MAX 128
uint32_t sockaddr_from(const struct netaddr *a, unsigned char *buf); // returns its length
int sockaddr_to(const unsigned char *buf, uint32_t len, struct netaddr *a);

#endif
