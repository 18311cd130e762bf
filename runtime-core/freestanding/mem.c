// mem.c — the four functions a C compiler may call on its own (struct copies, zeroing)
// even with -ffreestanding. Only linked in freestanding mode; hosted uses libc's.
#include <stddef.h>

#define RT_EXPORT __attribute__((visibility("default")))

RT_EXPORT void *memcpy(void *restrict dst, const void *restrict src, size_t n);
RT_EXPORT void *memmove(void *dst, const void *src, size_t n);
RT_EXPORT void *memset(void *dst, int c, size_t n);
RT_EXPORT int memcmp(const void *a, const void *b, size_t n);

// The loops are written so the compiler cannot turn them back into calls to themselves.
RT_EXPORT void *memcpy(void *restrict dst, const void *restrict src, size_t n) {
    unsigned char *d = dst;
    const unsigned char *s = src;
    __asm__ volatile("rep movsb" : "+D"(d), "+S"(s), "+c"(n) : : "memory");
    return dst;
}

RT_EXPORT void *memmove(void *dst, const void *src, size_t n) {
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (d <= s || d >= s + n)
        return memcpy(dst, src, n);
    while (n-- > 0) {
        d[n] = s[n];
        __asm__ volatile("" ::: "memory");
    }
    return dst;
}

RT_EXPORT void *memset(void *dst, int c, size_t n) {
    unsigned char *d = dst;
    __asm__ volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(c) : "memory");
    return dst;
}

RT_EXPORT int memcmp(const void *a, const void *b, size_t n) {
    const unsigned char *x = a, *y = b;
    for (size_t i = 0; i < n; i++) {
        if (x[i] != y[i])
            return x[i] < y[i] ? -1 : 1;
        __asm__ volatile("" ::: "memory");
    }
    return 0;
}
