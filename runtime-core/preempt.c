// preempt.c — asynchronous preemption (Go 1.14's): sysmon flags a goroutine that held
// its P for a whole quantum and sends its M the preempt signal; the handler here, on the
// M's signal stack, redirects the goroutine into the generated async_preempt stub, which
// saves every register, yields through async_preempt_yield and restores them. Only at a
// safe point; anywhere else the flag stays and the next runtime call yields (as before).
//
// A safe point: the M runs its current goroutine (not g0, not the scheduler), holds no
// runtime lock, and the PC is in the program's own code — neither in the runtime's
// (which may hold state a yield would break) nor outside the executable (libc, the
// vDSO, any shared object: their locks and stacks are not ours to suspend).
#include "runtime.h"
#include "rt_port.h"
#include "os.h"
#include "sigctx.h"

bool async_preempt_off;

// The linker's bounds of the runtime's and the program's code (runtime_text.*). Weak:
// absent (unit tests link raw objects) they are NULL and nothing is preempted.
extern const char runtime_text_start[] __asm__(RUNTIME_TEXT_START) __attribute__((weak));
extern const char runtime_text_stop[] __asm__(RUNTIME_TEXT_STOP) __attribute__((weak));
extern const char program_text_start[] __asm__(PROGRAM_TEXT_START) __attribute__((weak));
extern const char program_text_stop[] __asm__(PROGRAM_TEXT_STOP) __attribute__((weak));

#define PC_RING RT_PREEMPT_PCS

// What rt_preempt_stats reports.
static struct {
    uint64_t signals;   // preempt signals handled
    uint64_t preempted; // of them, redirected into async_preempt
    uint64_t pcs[PC_RING];
} stats;

static bool pc_in_program(uintptr_t pc) {
    uintptr_t lo = (uintptr_t)program_text_start, hi = (uintptr_t)program_text_stop;
    uintptr_t rlo = (uintptr_t)runtime_text_start, rhi = (uintptr_t)runtime_text_stop;
    if (lo == 0 || hi == 0 || rlo == 0 || rhi == 0)
        return false;
    return pc >= lo && pc < hi && !(pc >= rlo && pc < rhi);
}

// Enough stack below the interrupted SP for the red zone, the stub's frame (registers
// and FP/vector state) and the yield's own frames, above the overflow guard.
static bool room_to_preempt(const g *gp, uintptr_t sp) {
    uintptr_t need = SIGCTX_RED_ZONE + 256 + preempt_save_size + 64 + 2048 + STACK_GUARD;
    return sp > gp->stack.lo && sp - gp->stack.lo > need;
}

static bool safe_point(g *gp, void *ctx) {
    m *mp = gp->m;
    if (mp == NULL || gp == mp->g0 || gp != mp->curg || mp->p == NULL || mp->locks != 0)
        return false;
#ifdef RT_DEBUG
    if (mp->debug.nheld != 0)
        return false;
#endif
    if (atomic_load_relaxed(&gp->status) != G_RUNNING || !gp->preempt)
        return false;
    return pc_in_program(sigctx_pc(ctx)) && room_to_preempt(gp, sigctx_sp(ctx));
}

void sigpreempt(void *ctx) {
    g *gp = getg();
    if (gp == NULL || async_preempt_off || !SIGCTX_ASYNC_PREEMPT)
        return;
    atomic_xadd(&stats.signals, 1);
    if (safe_point(gp, ctx))
        sigctx_push_call(ctx, (uintptr_t)async_preempt);
}

// On the goroutine's own stack, every register of the interrupted code saved by the
// stub: a plain yield. The goroutine goes back on a run queue as runnable, so the
// deadlock check and schedtrace count it as such. It may resume on another M.
void async_preempt_yield(uintptr_t pc, void *frame) {
    uint64_t n = atomic_xadd(&stats.preempted, 1) - 1;
    stats.pcs[n % PC_RING] = pc;
    g *gp = getg();
    if (gp->m->locks != 0)
        fatalf("async preemption of goroutine %lld while its M holds %u runtime locks",
               (long long)gp->goid, gp->m->locks);
#ifdef RT_DEBUG
    if (gp->m->debug.nheld != 0)
        fatalf("async preemption of goroutine %lld while its M holds %u ranked locks",
               (long long)gp->goid, gp->m->debug.nheld);
#endif
    preempt_yield();
    os_preempt_frame_fixup(frame);
}

bool rt_async_preempt_available(void) {
    return SIGCTX_ASYNC_PREEMPT && !async_preempt_off;
}

void rt_preempt_stats(struct rt_preempt_stats *s) {
    s->signals = atomic_load(&stats.signals);
    s->preempted = atomic_load(&stats.preempted);
    uint64_t n = s->preempted < PC_RING ? s->preempted : PC_RING;
    s->npcs = (uint32_t)n;
    for (uint64_t i = 0; i < n; i++)
        s->pcs[i] = (uintptr_t)stats.pcs[i];
}
