// Where a signal handler finds the interrupted registers on ${target}, and how it makes
// the interrupted code call a function: the core's only view of a signal context
// (runtime-core/preempt.c, traceback.c). Offsets come from structs.* through sigctx.*.
#ifndef SIGCTX_H
#define SIGCTX_H

#include <stdint.h>
@@ local S = sigctx
@@ local sname, sfield = S.mcontext:match("^([%w_]+)%.([%w_]+)$")
@@ local regs_at = 0
@@ if S.regs_at then
@@   local rs, rf = S.regs_at:match("^([%w_]+)%.([%w_]+)$")
@@   regs_at = structs[rs].fields[rf]
@@ end
@@ local function off(ref)
@@   local f, extra = ref:match("^([%w_]+)%+?(%d*)$")
@@   return structs[S.regs].fields[f] + (tonumber(extra) or 0)
@@ end

// sigctx.mcontext = ${S.mcontext}${S.mcontext_pointer and " (a pointer)" or ""}; the registers are
// struct ${S.regs} (${structs[S.regs].size} bytes) at ${regs_at} in it.
#define SIGCTX_MCONTEXT_OFFSET ${structs[sname].fields[sfield]}
#define SIGCTX_REGS_OFFSET ${regs_at}
#define SIGCTX_REGS_SIZE ${structs[S.regs].size}
#define SIGCTX_PC ${off(S.pc)} // ${S.regs}.${S.pc}
#define SIGCTX_SP ${off(S.sp)} // ${S.regs}.${S.sp}
#define SIGCTX_FP ${off(S.fp)} // ${S.regs}.${S.fp}
@@ if S.lr then
#define SIGCTX_LR ${off(S.lr)} // ${S.regs}.${S.lr}
@@ end
// sigctx.async_preempt: whether the preempt handler may redirect into async_preempt.
#define SIGCTX_ASYNC_PREEMPT ${S.async_preempt and 1 or 0}
// Below the interrupted SP: ${red_zone} bytes of red zone leaf code may be using.
#define SIGCTX_RED_ZONE ${red_zone}

static inline uintptr_t *sigctx_reg(void *ctx, int off) {
@@ if S.mcontext_pointer then
    char *mc = *(char **)((char *)ctx + SIGCTX_MCONTEXT_OFFSET);
@@ else
    char *mc = (char *)ctx + SIGCTX_MCONTEXT_OFFSET;
@@ end
    return (uintptr_t *)(mc + SIGCTX_REGS_OFFSET + off);
}
static inline uintptr_t sigctx_pc(void *ctx) { return *sigctx_reg(ctx, SIGCTX_PC); }
static inline uintptr_t sigctx_sp(void *ctx) { return *sigctx_reg(ctx, SIGCTX_SP); }
static inline uintptr_t sigctx_fp(void *ctx) { return *sigctx_reg(ctx, SIGCTX_FP); }
static inline void sigctx_set_pc(void *ctx, uintptr_t v) { *sigctx_reg(ctx, SIGCTX_PC) = v; }
static inline void sigctx_set_sp(void *ctx, uintptr_t v) { *sigctx_reg(ctx, SIGCTX_SP) = v; }
@@ if S.lr then
static inline uintptr_t sigctx_lr(void *ctx) { return *sigctx_reg(ctx, SIGCTX_LR); }
static inline void sigctx_set_lr(void *ctx, uintptr_t v) { *sigctx_reg(ctx, SIGCTX_LR) = v; }

// Makes the interrupted code look as if it had called fn at its PC (Go's pushCall on
// link-register arches): the link register goes to a 16-byte slot below the red zone,
// the PC into the link register. fn (async_preempt) undoes exactly this.
static inline void sigctx_push_call(void *ctx, uintptr_t fn) {
    uintptr_t sp = sigctx_sp(ctx) - SIGCTX_RED_ZONE - 16;
    *(uintptr_t *)sp = sigctx_lr(ctx);
    sigctx_set_sp(ctx, sp);
    sigctx_set_lr(ctx, sigctx_pc(ctx));
    sigctx_set_pc(ctx, fn);
}

// Undoes sigctx_push_call on a context whose sp and link register are as the push left
// them (sigctx.resume_signal: async_preempt restored them so, then trapped).
static inline void sigctx_pop_call(void *ctx) {
    uintptr_t sp = sigctx_sp(ctx);
    sigctx_set_pc(ctx, sigctx_lr(ctx));
    sigctx_set_lr(ctx, *(uintptr_t *)sp);
    sigctx_set_sp(ctx, sp + 16 + SIGCTX_RED_ZONE);
}
@@ else

// Makes the interrupted code look as if it had called fn at its PC: the return address
// goes below the red zone, which the callee must skip on return (async_preempt's
// `ret $${red_zone}`).
static inline void sigctx_push_call(void *ctx, uintptr_t fn) {
    uintptr_t sp = sigctx_sp(ctx) - SIGCTX_RED_ZONE - sizeof(uintptr_t);
    *(uintptr_t *)sp = sigctx_pc(ctx);
    sigctx_set_sp(ctx, sp);
    sigctx_set_pc(ctx, fn);
}

// Undoes sigctx_push_call on a context whose sp is as the push left it.
static inline void sigctx_pop_call(void *ctx) {
    uintptr_t sp = sigctx_sp(ctx);
    sigctx_set_pc(ctx, *(uintptr_t *)sp);
    sigctx_set_sp(ctx, sp + sizeof(uintptr_t) + SIGCTX_RED_ZONE);
}
@@ end

// How frames chain (regs.frame_return): a frame's first word is the caller's frame
// pointer, and its return address is ${regs.frame_return and regs.frame_return.offset or ptr_size} bytes into ${(regs.frame_return and regs.frame_return.in_caller) and "the caller's frame" or "the frame itself"}.
#define FRAME_RET_IN_CALLER ${(regs.frame_return and regs.frame_return.in_caller) and 1 or 0}
#define FRAME_RET_OFFSET ${regs.frame_return and regs.frame_return.offset or ptr_size}

// A goroutine that is not running: its context is the stack pointer ctx_switch_call saved
// (asm_${arch}.S), above which lie the ${#regs.callee_saved} callee-saved registers
// (${join(regs.callee_saved, ", ")}).
// Where it will resume and its frame pointer (${regs.fp}), for a traceback.
@@ local saved = regs.callee_saved
@@ local function index(r) for i, x in ipairs(saved) do if x == r then return i end end end
@@ if regs.ctx_frame then
@@ -- the switch frame's own layout (regs.ctx_frame)
static inline void ctx_saved_frame(uintptr_t sp, uintptr_t *pc, uintptr_t *fp) {
    *pc = ((uintptr_t *)sp)[${regs.ctx_frame.pc}]; // the resume address
    *fp = ((uintptr_t *)sp)[${regs.ctx_frame.fp}]; // ${regs.fp}
}
@@ elseif regs.lr then
@@ -- stored in pairs upwards from sp, the link register among them
static inline void ctx_saved_frame(uintptr_t sp, uintptr_t *pc, uintptr_t *fp) {
    *pc = ((uintptr_t *)sp)[${index(regs.lr) - 1}]; // ${regs.lr}
    *fp = ((uintptr_t *)sp)[${index(regs.fp) - 1}]; // ${regs.fp}
}
@@ else
@@ -- pushed in list order (the last at sp), above them the return address of the call
static inline void ctx_saved_frame(uintptr_t sp, uintptr_t *pc, uintptr_t *fp) {
    *pc = ((uintptr_t *)sp)[${#saved}]; // the return address
    *fp = ((uintptr_t *)sp)[${#saved - index(regs.fp)}]; // ${regs.fp}
}
@@ end

#endif
