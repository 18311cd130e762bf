// The target's view for the core on ppc64le: its constants, how to reach g through the
// thread pointer, how a new goroutine's first frame looks, and how to spin politely.
// Included by runtime.h.
@@ local P = import("ppc64le.inc")
@@ local F = P.frame(regs.callee_saved)
@@ local tp = P.n(tls.register)
#ifndef ZTARGET_H
#define ZTARGET_H

#include "zdefs_${os}_${arch}.h"

#ifndef __ASSEMBLER__
#include <stdint.h>

struct g;

// tls.method = thread_register: ${tls.register} is the thread pointer, ${hex(tls.base_adjust)} (tls.base_adjust) past
// m.tls[0], which holds g. volatile: g must be re-read after every switch (a goroutine may
// move threads).
static inline struct g *getg(void) {
    struct g *gp;
    __asm__ volatile("ld %0, ${-tls.base_adjust}(${tp})" : "=r"(gp));
    return gp;
}
static inline void setg(struct g *gp) {
    __asm__ volatile("std %0, ${-tls.base_adjust}(${tp})" : : "r"(gp) : "memory");
}

// A new goroutine's stack holds the ${F.size}-byte frame ctx_resume loads (asm_${arch}.S): the
// callee-saved registers (${join(regs.callee_saved, ", ")}) and CR all zero, the return
// address at ${F.lr} ctx_start, which ctx_resume "returns" to with r1 ${stack_align}-aligned. top is
// the highest address the frame may use.
static inline uintptr_t ctx_init(uintptr_t top, void (*start)(void)) {
    uintptr_t final_sp = top & ~(uintptr_t)${stack_align - 1};
    uintptr_t *sp = (uintptr_t *)(final_sp - ${F.size});
    for (int i = 0; i < ${F.size // 8}; i++)
        sp[i] = 0;
    sp[${F.lr // 8}] = (uintptr_t)start; // the return address
    return (uintptr_t)sp;
}

// Go's procyield: "or 27,27,27" is the yield hint (lower this thread's priority briefly).
static inline void cpu_relax(void) { __asm__ volatile("or 27,27,27"); }

// The time base register, for cheap entropy.
static inline uint64_t cputicks(void) {
    uint64_t t;
    __asm__ volatile("mftb %0" : "=r"(t));
    return t;
}
#endif

#endif
