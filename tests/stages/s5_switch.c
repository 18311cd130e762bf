// Stage 5, goroutine stacks and the context switch: a stack from the OS layer's mmap
// (with a guard page below it), a first frame from ctx_init, and ctx_switch_call /
// ctx_resume (asm_<arch>.S) between it and g0, many times, with locals surviving; then
// ctx_switch, the direct switch, back and forth between the two stacks, with values
// live across it (held in callee-saved registers at -O2) surviving too.
#include "stage.h"

STAGE_DEFAULT_CHECK
STAGE_DEFAULT_ARGS
STAGE_DEFAULT_OSINIT
STAGE_DEFAULT_SCHEDINIT
STAGE_DEFAULT_NEWPROC

enum { ROUNDS = 1000, STACK = 64 * 1024, GUARD = 4096 };

static uintptr_t main_sp, co_sp, scratch_top, lo, hi;
static int rounds;
static volatile int direct; // the second phase: ctx_switch both ways

// Runs on the scratch stack: resumes the context whose saved sp arg points at.
static void resume(void *arg) {
    ctx_resume(*(uintptr_t *)arg);
}

static void switch_to(uintptr_t *save, uintptr_t *target) {
    ctx_switch_call(save, scratch_top, resume, target);
}

// Where the new context's first ctx_resume lands (through ctx_start).
_Noreturn void gostart(void) {
    volatile uintptr_t here = (uintptr_t)&here;
    if (here < lo || here >= hi)
        stage_fail("the goroutine does not run on its own stack");
    while (!direct) {
        volatile int mark = rounds * 7 + 1;
        rounds++;
        switch_to(&co_sp, &main_sp);
        if (mark != (rounds - 1) * 7 + 1)
            stage_fail("a local of the goroutine changed across a switch");
    }
    for (uintptr_t i = 1;; i++) {
        // Values live across the call, so the compiler keeps them in callee-saved registers.
        uintptr_t a = i * 3, b = i ^ 0x5a5a, c = i << 7, d = ~i, e = i * i, f = i + 11;
        rounds++;
        ctx_switch(&co_sp, main_sp);
        if (a != i * 3 || b != (i ^ 0x5a5a) || c != i << 7 || d != ~i || e != i * i || f != i + 11)
            stage_fail("a callee-saved register of the goroutine changed across ctx_switch");
    }
}

_Noreturn void mstart(void) {
    unsigned char *mem = os_reserve(GUARD + STACK);
    unsigned char *scratch = os_reserve(STACK);
    if (mem == NULL || scratch == NULL)
        stage_fail("os_reserve failed");
    if (!os_guard(mem, GUARD))
        stage_fail("os_guard failed");
    lo = (uintptr_t)mem + GUARD;
    hi = lo + STACK;
    scratch_top = (uintptr_t)scratch + STACK;
    co_sp = ctx_init(hi, ctx_start);
    for (int i = 0; i < ROUNDS; i++) {
        volatile int mine = i * 3;
        switch_to(&main_sp, &co_sp);
        if (mine != i * 3 || rounds != i + 1)
            stage_fail("g0's locals or the round count went wrong across a switch");
    }
    direct = 1;
    for (uintptr_t i = 1; i <= ROUNDS; i++) {
        uintptr_t a = i * 5, b = i ^ 0xa5a5, c = i << 9, d = ~i + 3, e = i * i * i, f = i + 13;
        ctx_switch(&main_sp, co_sp);
        if (a != i * 5 || b != (i ^ 0xa5a5) || c != i << 9 || d != ~i + 3 || e != i * i * i ||
            f != i + 13)
            stage_fail("a callee-saved register of g0 changed across ctx_switch");
    }
    if (rounds != 2 * ROUNDS)
        stage_fail("the direct switches did not alternate");
    stage_printf("switch ok: %d round trips\n", rounds);
    stage_exit(0);
}
