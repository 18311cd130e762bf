// print.c — rt_print and fatal errors: formatted output with no libc (fmt.c), one
// write per call so lines from different goroutines do not interleave.
#include <stdarg.h>

#include "runtime.h"
#include "fmt.h"
#include "os.h"

static void vprint_to(int fd, const char *fmt, va_list ap) {
    char buf[512];
    va_list again;
    va_copy(again, ap);
    size_t n = fmt_vformat(buf, sizeof buf, fmt, ap);
    if (n < sizeof buf) {
        os_write(fd, buf, n);
    } else {
        char *big = rt_alloc(n + 1);
        fmt_vformat(big, n + 1, fmt, again);
        os_write(fd, big, n);
        rt_free(big, n + 1);
    }
    va_end(again);
}

void print_to(int fd, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vprint_to(fd, fmt, ap);
    va_end(ap);
}

void rt_print(const char *fmt, ...) {
    preempt_check();
    va_list ap;
    va_start(ap, fmt);
    vprint_to(1, fmt, ap);
    va_end(ap);
}

_Noreturn void fatal(const char *msg) {
    fatalf("%s", msg);
}

static uint32_t dying;

_Noreturn void fatalf(const char *fmt, ...) {
    // One fatal error per process: another thread that finds one meanwhile (sysmon and
    // the goroutine itself, say) waits for the first to exit the process.
    if (atomic_xchg(&dying, 1) != 0)
        for (;;)
            os_usleep(1000000);
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    size_t n = fmt_format(buf, sizeof buf, "fatal error: ");
    n += fmt_vformat(buf + n, sizeof buf - n - 1, fmt, ap);
    va_end(ap);
    if (n > sizeof buf - 2)
        n = sizeof buf - 2;
    buf[n++] = '\n';
    os_write(2, buf, n);
    if (fatal_sigctx != NULL)
        traceback_signal(fatal_sigctx, false);
    else
        traceback_fatal();
    os_exit(2);
}
