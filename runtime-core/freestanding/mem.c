// mem.c — the four functions a C compiler may call on its own (struct copies, zeroing)
// even with -ffreestanding. Only linked in freestanding mode; hosted uses libc's.
// Portable C: -ffreestanding keeps clang from turning these loops back into calls.
#include <stddef.h>
#include <stdint.h>

#define RT_EXPORT __attribute__((visibility("default")))

RT_EXPORT void *memcpy(void *restrict dst, const void *restrict src, size_t n);
RT_EXPORT void *memmove(void *dst, const void *src, size_t n);
RT_EXPORT void *memset(void *dst, int c, size_t n);
RT_EXPORT int memcmp(const void *a, const void *b, size_t n);

typedef uint64_t __attribute__((may_alias, aligned(1))) word_t;

RT_EXPORT void *memcpy(void *restrict dst, const void *restrict src, size_t n) {
    unsigned char *d = dst;
    const unsigned char *s = src;
    for (; n >= 8; n -= 8, d += 8, s += 8)
        *(word_t *)d = *(const word_t *)s;
    while (n-- > 0)
        *d++ = *s++;
    return dst;
}

RT_EXPORT void *memmove(void *dst, const void *src, size_t n) {
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (d <= s || d >= s + n)
        return memcpy(dst, src, n);
    while (n-- > 0)
        d[n] = s[n];
    return dst;
}

RT_EXPORT void *memset(void *dst, int c, size_t n) {
    unsigned char *d = dst;
    word_t w = (unsigned char)c * 0x0101010101010101ULL;
    for (; n >= 8; n -= 8, d += 8)
        *(word_t *)d = w;
    while (n-- > 0)
        *d++ = (unsigned char)c;
    return dst;
}

RT_EXPORT int memcmp(const void *a, const void *b, size_t n) {
    const unsigned char *x = a, *y = b;
    for (size_t i = 0; i < n; i++)
        if (x[i] != y[i])
            return x[i] < y[i] ? -1 : 1;
    return 0;
}
