// stage.h — what the stage programs share. A port comes up in stages (docs/porting.md);
// the early stages link only the generated layer (rt0, syscall stubs, context switch,
// os_<os>.c) with support.c and one stage file, which provides the bootstrap functions
// rt0 calls — check, args, osinit, schedinit, newproc, mstart — as small test bodies.
// The core's types come from runtime.h; none of the core's code is linked.
#ifndef STAGE_H
#define STAGE_H

#include "runtime.h"
#include "os.h"

// Output and exit for stages that come before the OS layer works: the raw syscall stubs
// where the table has them (Linux), else the OS layer's hooks.
void stage_write(const char *s);
void stage_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void stage_exit(int code);
// Prints "stage <name>: FAIL: <why>" and exits 1.
_Noreturn void stage_fail(const char *why);

// The order rt0 called the bootstrap functions in: "check args osinit schedinit newproc mstart ".
extern char stage_calls[128];
void stage_called(const char *name);
extern int stage_argc;
extern char **stage_argv;
extern void (*stage_newproc_fn)(void *);

// Bootstrap bodies that only record the call (args also keeps argc and argv); a stage
// defines the ones it tests itself and uses these for the rest.
#define STAGE_DEFAULT_CHECK                                                                        \
    void check(void) {                                                                             \
        stage_called("check");                                                                     \
    }
#define STAGE_DEFAULT_ARGS                                                                         \
    void args(int argc, char **argv) {                                                             \
        stage_called("args");                                                                      \
        stage_argc = argc;                                                                         \
        stage_argv = argv;                                                                         \
    }
#define STAGE_DEFAULT_OSINIT                                                                       \
    void osinit(void) {                                                                            \
        stage_called("osinit");                                                                    \
    }
#define STAGE_DEFAULT_SCHEDINIT                                                                    \
    void schedinit(void) {                                                                         \
        stage_called("schedinit");                                                                 \
    }
#define STAGE_DEFAULT_NEWPROC                                                                      \
    void newproc(void (*fn)(void *), void *arg) {                                                  \
        (void)arg;                                                                                 \
        stage_called("newproc");                                                                   \
        stage_newproc_fn = fn;                                                                     \
    }

#endif
