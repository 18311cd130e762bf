// Stage 1, exit code: rt0 is the entry, carves g0's stack from the OS stack, calls the
// bootstrap functions in order, and this program can leave with a chosen exit code.
// No output yet: the exit code says what failed (42 = all good).
#include "stage.h"

STAGE_DEFAULT_CHECK
STAGE_DEFAULT_ARGS
STAGE_DEFAULT_OSINIT
STAGE_DEFAULT_SCHEDINIT
STAGE_DEFAULT_NEWPROC

static bool same(const char *a, const char *b) {
    while (*a != 0 && *a == *b)
        a++, b++;
    return *a == *b;
}

_Noreturn void mstart(void) {
    stage_called("mstart");
    if (!same(stage_calls, "check args osinit schedinit newproc mstart "))
        stage_exit(10); // bootstrap calls out of order or missing
    if (stage_newproc_fn != runtime_main)
        stage_exit(11); // newproc was not given runtime_main
    if (stage_argc < 1 || stage_argv == NULL || stage_argv[0] == NULL)
        stage_exit(12); // argc/argv did not arrive
    uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
    if (g0.stack.hi == 0 || g0.stack.lo != g0.stack.hi - G0_STACK_SIZE + G0_STACK_SLACK)
        stage_exit(13); // g0 not carved as lo = SP - size + slack
    if (g0.stackguard0 != g0.stack.lo || g0.stackguard1 != g0.stack.lo)
        stage_exit(14); // stack guards not at lo
    if (sp <= g0.stack.lo || sp > g0.stack.hi)
        stage_exit(15); // not running on g0's stack
    if (m0.g0 != &g0 || g0.m != &m0)
        stage_exit(16); // m0 and g0 not bound
    stage_exit(42);
}
