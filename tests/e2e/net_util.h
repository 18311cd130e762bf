// net_util.h — helpers for the network e2e tests: they run a server from examples/ and
// its clients as goroutines of one process, with the runtime's own socket API.
#ifndef NET_UTIL_H
#define NET_UTIL_H

#include <rt.h>

#define MS 1000000LL

// Reads exactly n bytes; returns n, or what rt_read returned (0 at end of file).
static inline long read_full(int fd, void *buf, size_t n) {
    size_t got = 0;
    while (got < n) {
        long r = rt_read(fd, (char *)buf + got, n - got);
        if (r <= 0)
            return r;
        got += (size_t)r;
    }
    return (long)n;
}

// Reads until end of file or an error, up to n bytes; returns how many it read.
static inline size_t read_all(int fd, char *buf, size_t n) {
    size_t got = 0;
    while (got < n) {
        long r = rt_read(fd, buf + got, n - got);
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    return got;
}

static inline bool has_prefix(const char *s, size_t n, const char *p) {
    size_t i = 0;
    for (; p[i]; i++)
        if (i >= n || s[i] != p[i])
            return false;
    return true;
}

static inline size_t slen(const char *s) {
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

// A listener on a free loopback port; its address into addr.
static inline int listen_any(char *addr, size_t n) {
    int lfd = rt_listen("127.0.0.1:0", 0);
    if (lfd < 0) {
        rt_print("listen: %s\n", rt_strerror(lfd));
        rt_exit(1);
    }
    rt_local_addr(lfd, addr, n);
    return lfd;
}

// xorshift: deterministic test data without libc.
static inline uint64_t next_rand(uint64_t *s) {
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

#endif
