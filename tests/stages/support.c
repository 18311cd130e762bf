// support.c — what rt0 and the generated OS layer need from the core, for the stage
// programs that link only the generated layer: the globals rt0 writes (g0, m0, the CPUID
// results), osinfo, fatal errors, memory helpers, and output that needs no OS layer.
#include <stdarg.h>

#include "stage.h"
#include "fmt.h"

m m0;
g g0;
struct osinfo osinfo;
struct schedt sched;

char stage_calls[128];
int stage_argc;
char **stage_argv;
void (*stage_newproc_fn)(void *);

static size_t length(const char *s) {
    size_t n = 0;
    while (s[n] != 0)
        n++;
    return n;
}

void stage_write(const char *s) {
#ifdef SYS_write
    sys_write(1, (long)s, (long)length(s));
#else
    os_write(1, s, length(s));
#endif
}

_Noreturn void stage_exit(int code) {
#ifdef SYS_exit_group
    for (;;)
        sys_exit_group(code);
#else
    os_exit(code);
#endif
}

void stage_printf(const char *fmt, ...) {
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    fmt_vformat(buf, sizeof buf, fmt, ap);
    va_end(ap);
    stage_write(buf);
}

_Noreturn void stage_fail(const char *why) {
    stage_printf("stage FAIL: %s\n", why);
    stage_exit(1);
}

void stage_called(const char *name) {
    size_t n = length(stage_calls), k = length(name);
    if (n + k + 2 > sizeof stage_calls)
        return;
    mem_copy(stage_calls + n, name, k);
    stage_calls[n + k] = ' ';
}

// The core's versions print through os_write; these need nothing but the stubs.
_Noreturn void fatal(const char *msg) {
    stage_printf("fatal error: %s\n", msg);
    stage_exit(2);
}

_Noreturn void fatalf(const char *fmt, ...) {
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    fmt_vformat(buf, sizeof buf, fmt, ap);
    va_end(ap);
    fatal(buf);
}

// The generated layer's fatal-signal handler reports through this; a hosted link keeps the
// handler (and so needs it) even though no stage installs it.
void sigfatal(int sig, uintptr_t addr, void *ctx) {
    (void)ctx;
    stage_printf("fatal error: signal %d at %p\n", sig, (void *)addr);
    stage_exit(2);
}

_Noreturn void crash(void) {
    __builtin_trap();
}

void mem_zero(void *ptr, size_t n) {
    __builtin_memset(ptr, 0, n);
}
void mem_copy(void *dst, const void *src, size_t n) {
    __builtin_memcpy(dst, src, n);
}

// rt0 passes it to newproc; the stages never run it.
void runtime_main(void *unused) {
    (void)unused;
    stage_fail("runtime_main ran");
}
