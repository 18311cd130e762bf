/* Formatted output into a buffer without libc, for rt_print and fatal
 * errors, which must work on a freestanding target and on any stack. */
#ifndef FMT_H
#define FMT_H

#include <stdarg.h>
#include <stddef.h>

/* A printf subset: %d %i %u %x %X with l, ll or z, %s ("(null)" for NULL),
 * %c, %p ("0x" and lowercase hex), %%; the '-' and '0' flags, a width and a
 * precision, each decimal or '*' (an int argument). Precision is the least
 * number of digits of an integer and the most bytes of a string, as in C.
 * Anything else after '%' is copied through as written. Like
 * snprintf: writes at most cap bytes including the NUL (always there when
 * cap > 0) and returns the length the whole output needed, excluding the
 * NUL, so a return >= cap means it was truncated. buf may be NULL if cap is
 * 0. Uses no locks and no memory but a few dozen bytes of stack. */
size_t fmt_vformat(char *buf, size_t cap, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));
size_t fmt_format(char *buf, size_t cap, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
