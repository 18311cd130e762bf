/* A printf subset that needs no libc; see fmt.h for what it accepts. */
#include "fmt.h"

#include <stdbool.h>
#include <stdint.h>

/* %zd takes the signed type that matches size_t, which C names only through
 * ptrdiff_t; every target we build for has them the same width. */
_Static_assert(sizeof(ptrdiff_t) == sizeof(size_t), "%zd reads a ptrdiff_t");

/* len counts every byte asked for, written or not, which is what the
 * snprintf-style return value reports. */
struct out {
    char *buf;
    size_t cap;
    size_t len;
};

struct spec {
    bool left;     /* '-': pad on the right */
    bool zero;     /* '0': pad numbers with zeros after the sign or 0x */
    int32_t width; /* minimum field width */
    int32_t prec;  /* precision: minimum digits, or most bytes of a string; -1: none */
    char len;      /* length modifier: 0, 'l', 'L' for ll, 'z' */
    char conv;     /* conversion character, or '\0' if fmt ended first */
};

static void put(struct out *o, char c) {
    /* Keep the last byte of buf for the terminating NUL. */
    if (o->len + 1 < o->cap)
        o->buf[o->len] = c;
    o->len++;
}

static void put_n(struct out *o, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        put(o, s[i]);
}

static void repeat(struct out *o, char c, size_t n) {
    for (size_t i = 0; i < n; i++)
        put(o, c);
}

static size_t cstrlen(const char *s) {
    size_t n = 0;
    while (s[n] != '\0')
        n++;
    return n;
}

/* At most max bytes of s: a precision may cut a string that has no NUL. */
static size_t cstrnlen(const char *s, size_t max) {
    size_t n = 0;
    while (n < max && s[n] != '\0')
        n++;
    return n;
}

/* A field is [spaces] prefix [zeros] body [spaces]; the prefix is the sign
 * or 0x, which zero padding must follow rather than precede. A precision
 * longer than a number's digits adds zeros of its own, and turns the '0'
 * flag off, as in C. */
static void field(struct out *o, const struct spec *sp, const char *prefix, const char *body,
                  size_t n) {
    size_t plen = cstrlen(prefix);
    size_t width = (size_t)sp->width;
    size_t digits0 = sp->prec > 0 && (size_t)sp->prec > n ? (size_t)sp->prec - n : 0;
    size_t fill = width > plen + digits0 + n ? width - plen - digits0 - n : 0;
    bool zero = sp->zero && sp->prec < 0;
    if (!sp->left && !zero)
        repeat(o, ' ', fill);
    put_n(o, prefix, plen);
    if (!sp->left && zero)
        repeat(o, '0', fill);
    repeat(o, '0', digits0);
    put_n(o, body, n);
    if (sp->left)
        repeat(o, ' ', fill);
}

/* Writes the digits backwards ending at end and returns where they start. */
static char *digits(uintmax_t v, unsigned base, bool upper, char *end) {
    const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    do {
        *--end = set[v % base];
        v /= base;
    } while (v != 0);
    return end;
}

/* The argument must be fetched at its promoted type, or va_arg misreads it
 * and every later argument. */
static intmax_t arg_signed(va_list *ap, char len) {
    switch (len) {
    case 'l':
        return va_arg(*ap, long);
    case 'L':
        return va_arg(*ap, long long);
    case 'z':
        return va_arg(*ap, ptrdiff_t);
    default:
        return va_arg(*ap, int);
    }
}

static uintmax_t arg_unsigned(va_list *ap, char len) {
    switch (len) {
    case 'l':
        return va_arg(*ap, unsigned long);
    case 'L':
        return va_arg(*ap, unsigned long long);
    case 'z':
        return va_arg(*ap, size_t);
    default:
        return va_arg(*ap, unsigned);
    }
}

/* Enough for any uintmax_t in base 8 or up: three digits per byte. */
#define DIGITS_MAX (sizeof(uintmax_t) * 3)

static void integer(struct out *o, const struct spec *sp, va_list *ap) {
    char tmp[DIGITS_MAX];
    char *end = tmp + sizeof tmp, *d;
    if (sp->conv == 'd' || sp->conv == 'i') {
        intmax_t v = arg_signed(ap, sp->len);
        /* Negate in unsigned arithmetic so INTMAX_MIN does not overflow. */
        uintmax_t mag = v < 0 ? 0 - (uintmax_t)v : (uintmax_t)v;
        d = mag == 0 && sp->prec == 0 ? end : digits(mag, 10, false, end);
        field(o, sp, v < 0 ? "-" : "", d, (size_t)(end - d));
        return;
    }
    uintmax_t v = arg_unsigned(ap, sp->len);
    d = v == 0 && sp->prec == 0 ? end : digits(v, sp->conv == 'u' ? 10 : 16, sp->conv == 'X', end);
    field(o, sp, "", d, (size_t)(end - d));
}

static bool is_integer(char conv) {
    return conv == 'd' || conv == 'i' || conv == 'u' || conv == 'x' || conv == 'X';
}

/* Returns false for a conversion it does not know, which the caller then
 * copies through; such a conversion consumes no argument. */
static bool convert(struct out *o, const struct spec *sp, va_list *ap) {
    struct spec text = *sp;
    text.zero = false; /* zeros before text would only garble it */
    text.prec = -1;    /* a string's precision cuts it; it never pads */
    if (is_integer(sp->conv)) {
        integer(o, sp, ap);
        return true;
    }
    if (sp->len != 0)
        return false; /* %lc and %ls would want wide characters */
    switch (sp->conv) {
    case 'p': {
        char tmp[DIGITS_MAX];
        char *end = tmp + sizeof tmp;
        char *d = digits((uintptr_t)va_arg(*ap, void *), 16, false, end);
        field(o, sp, "0x", d, (size_t)(end - d));
        return true;
    }
    case 's': {
        const char *s = va_arg(*ap, const char *);
        if (s == NULL)
            s = "(null)";
        field(o, &text, "", s, sp->prec >= 0 ? cstrnlen(s, (size_t)sp->prec) : cstrlen(s));
        return true;
    }
    case 'c': {
        char c = (char)va_arg(*ap, int);
        field(o, &text, "", &c, 1);
        return true;
    }
    case '%':
        put(o, '%');
        return true;
    default:
        return false;
    }
}

/* Decimal digits, saturating like an int would have to; nobody pads to 2 GiB. */
static const char *number(const char *f, int32_t *v) {
    for (*v = 0; *f >= '0' && *f <= '9'; f++) {
        int d = *f - '0';
        *v = *v > (INT32_MAX - d) / 10 ? INT32_MAX : *v * 10 + d;
    }
    return f;
}

/* Parses what follows a '%' and returns a pointer to the conversion
 * character (the terminating NUL if fmt ends early). A '*' width or
 * precision takes an int argument, as in C: a negative width means '-',
 * a negative precision means none. */
static const char *parse_spec(const char *f, struct spec *sp, va_list *ap) {
    *sp = (struct spec){.prec = -1};
    for (;; f++) {
        if (*f == '-')
            sp->left = true;
        else if (*f == '0')
            sp->zero = true;
        else
            break;
    }
    if (*f == '*') {
        int w = va_arg(*ap, int);
        sp->left |= w < 0;
        sp->width = w < 0 ? (w < -INT32_MAX ? INT32_MAX : -w) : w;
        f++;
    } else {
        f = number(f, &sp->width);
    }
    if (*f == '.') {
        f++;
        if (*f == '*') {
            int p = va_arg(*ap, int);
            sp->prec = p < 0 ? -1 : p;
            f++;
        } else {
            f = number(f, &sp->prec);
        }
    }
    if (*f == 'l' && f[1] == 'l') {
        sp->len = 'L';
        f += 2;
    } else if (*f == 'l' || *f == 'z') {
        sp->len = *f++;
    }
    sp->conv = *f;
    return f;
}

size_t fmt_vformat(char *buf, size_t cap, const char *fmt, va_list ap) {
    struct out o = {buf, cap, 0};
    struct spec sp;
    va_list aq;
    /* A copy, because &ap of a parameter is not a va_list * on every ABI. */
    va_copy(aq, ap);
    while (*fmt != '\0') {
        if (*fmt != '%') {
            put(&o, *fmt++);
            continue;
        }
        const char *start = fmt;
        fmt = parse_spec(fmt + 1, &sp, &aq);
        if (*fmt != '\0' && convert(&o, &sp, &aq)) {
            fmt++;
            continue;
        }
        if (*fmt != '\0')
            fmt++;
        put_n(&o, start, (size_t)(fmt - start));
    }
    va_end(aq);
    if (cap > 0)
        buf[o.len < cap ? o.len : cap - 1] = '\0';
    return o.len;
}

size_t fmt_format(char *buf, size_t cap, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    size_t n = fmt_vformat(buf, cap, fmt, ap);
    va_end(ap);
    return n;
}
