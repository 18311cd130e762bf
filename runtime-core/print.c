// print.c — rt_print and fatal errors: formatted output with no libc (fmt.c). Every byte
// is written: partial writes continue, a full non-blocking fd is waited on (sleeping, not
// spinning), and a write that fails for good is reported once on stderr.
#include <stdarg.h>

#include "runtime.h"
#include "fmt.h"
#include "os.h"
#include "misuse.h"

// How long to wait for a full non-blocking fd to drain: a sleep that doubles from 20 µs to
// 5 ms, so a slow reader costs no CPU and a fast one little latency.
#define WAIT_FIRST_NS 20000
#define WAIT_MAX_NS   5000000

typedef void (*wait_fn)(int64_t ns);

static void wait_thread(int64_t ns) {
    os_usleep((uint32_t)(ns / 1000));
}

// A goroutine waits parked, so the reader may be another goroutine on this very P.
static void wait_goroutine(int64_t ns) {
    rt_sleep(ns);
}

static uint32_t write_failed;

// A write that failed for good (EPIPE, EBADF, ...): said once per process, on stderr
// unless that is the fd that failed, since output that cannot arrive must not vanish
// without a word.
static void report_write_error(int fd, long err) {
    if (atomic_xchg(&write_failed, 1) != 0 || fd == 2)
        return;
    char line[128];
    size_t n = fmt_format(line, sizeof line,
                          "rt: write to fd %d failed (errno %ld); output to it is lost\n", fd, err);
    if (n >= sizeof line)
        n = sizeof line - 1;
    os_write(2, line, n);
}

// Writes all n bytes of p to fd: 0, or the -errno of a write that failed for good.
static long write_all(int fd, const char *p, size_t n, wait_fn wait) {
    int64_t pause = WAIT_FIRST_NS;
    while (n > 0) {
        long r = os_write(fd, p, n);
        if (r == -EAGAIN) {
            wait(pause);
            pause = pause * 2 > WAIT_MAX_NS ? WAIT_MAX_NS : pause * 2;
            continue;
        }
        if (r < 0)
            return r;
        if (r == 0) // no progress and no error: not a file we can write
            return -1;
        p += r;
        n -= (size_t)r;
        pause = WAIT_FIRST_NS;
    }
    return 0;
}

static void vprint_to(int fd, wait_fn wait, const char *fmt, va_list ap) {
    char buf[512];
    va_list again;
    va_copy(again, ap);
    size_t n = fmt_vformat(buf, sizeof buf, fmt, ap);
    long r;
    if (n < sizeof buf) {
        r = write_all(fd, buf, n, wait);
    } else {
        char *big = rt_alloc(n + 1);
        fmt_vformat(big, n + 1, fmt, again);
        r = write_all(fd, big, n, wait);
        rt_free(big, n + 1);
    }
    va_end(again);
    if (r < 0)
        report_write_error(fd, -r);
}

// For the runtime's own messages, from any stack: waits by sleeping the thread.
void print_to(int fd, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vprint_to(fd, wait_thread, fmt, ap);
    va_end(ap);
}

// Held across one rt_print: a print that must wait for a slow reader parks, and another
// goroutine's line must not land in the middle of it.
static rt_mutex printlock;

void rt_print(const char *fmt, ...) {
    check_caller("rt_print");
    preempt_check();
    va_list ap;
    va_start(ap, fmt);
    rt_mutex_lock(&printlock);
    vprint_to(1, wait_goroutine, fmt, ap);
    rt_mutex_unlock(&printlock);
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
    write_all(2, buf, n, wait_thread);
    if (fatal_sigctx != NULL)
        traceback_signal(fatal_sigctx, false);
    else
        traceback_fatal();
    os_fatal_exit(2);
}

// Weak: a generated layer whose os_exit runs libc's exit replaces it with _exit.
__attribute__((weak)) _Noreturn void os_fatal_exit(int code) {
    os_exit(code);
}
