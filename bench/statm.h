// statm.h — resident set size from /proc/self/statm with raw x86-64 Linux syscalls, so
// that a freestanding benchmark (no libc) can measure memory. openat(257), read(0),
// close(3); the file's second field is resident pages.
#ifndef BENCH_STATM_H
#define BENCH_STATM_H

#if !defined(__x86_64__) || !defined(__linux__)
#error "statm.h: raw syscalls are written for x86-64 Linux only"
#endif

enum { STATM_PAGE_SIZE = 4096, STATM_AT_FDCWD = -100 };

static inline long statm_syscall4(long nr, long a, long b, long c, long d) {
    long ret;
    register long r10 __asm__("r10") = d;
    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "a"(nr), "D"(a), "S"(b), "d"(c), "r"(r10)
                     : "rcx", "r11", "memory");
    return ret;
}

// Resident bytes, or -1 if /proc/self/statm cannot be read.
static inline long long statm_rss_bytes(void) {
    long fd = statm_syscall4(257, STATM_AT_FDCWD, (long)"/proc/self/statm", 0 /*O_RDONLY*/, 0);
    if (fd < 0)
        return -1;
    char buf[128];
    long n = statm_syscall4(0, fd, (long)buf, sizeof buf - 1, 0);
    statm_syscall4(3, fd, 0, 0, 0);
    if (n <= 0)
        return -1;
    buf[n] = '\0';
    const char *s = buf;
    while (*s && *s != ' ') // skip "size"
        s++;
    while (*s == ' ')
        s++;
    long long pages = 0;
    for (; *s >= '0' && *s <= '9'; s++)
        pages = pages * 10 + (*s - '0');
    return pages * STATM_PAGE_SIZE;
}

#endif
