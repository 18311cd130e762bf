// The target's view for the core on arm64: its constants, how to reach g (the thread
// register, or pthread's TSD on Darwin), how a new goroutine's first frame looks, and
// how to spin politely. Included by runtime.h.
#ifndef ZTARGET_H
#define ZTARGET_H

#include "zdefs_${os}_${arch}.h"

#ifndef __ASSEMBLER__
#include <stdint.h>

struct g;

@@ if tls.method == "tpidr_el0" then
// tls.method = tpidr_el0: the thread register points at m.tls[0], which holds g.
// volatile: g must be re-read after every switch (a goroutine may move threads).
static inline struct g *getg(void) {
    struct g *gp;
    __asm__ volatile("mrs %0, tpidr_el0\n\tldr %0, [%0, #${tls.base_adjust}]" : "=r"(gp));
    return gp;
}
static inline void setg(struct g *gp) {
    uintptr_t tp;
    __asm__ volatile("mrs %0, tpidr_el0\n\tstr %1, [%0, #${tls.base_adjust}]"
                     : "=&r"(tp)
                     : "r"(gp)
                     : "memory");
}
@@ elseif tls.method == "darwin_tsd" and tls.tsd_slot == "pthread_key" then
// tls.method = darwin_tsd, tsd_slot = pthread_key: TPIDRRO_EL0 (read-only to user code)
// points at the thread's TSD array, its low 3 bits masked off (Go's tls_arm64.s), and g
// is in the slot of the key rt0 got from pthread_key_create (os_${os}.c).
// volatile: g must be re-read after every switch (a goroutine may move threads).
extern uintptr_t tls_key;
static inline struct g *getg(void) {
    struct g *gp;
    __asm__ volatile("mrs %0, tpidrro_el0\n\t"
                     "and %0, %0, #0xfffffffffffffff8\n\t"
                     "ldr %0, [%0, %1, lsl #3]"
                     : "=&r"(gp)
                     : "r"(tls_key));
    return gp;
}
static inline void setg(struct g *gp) {
    uintptr_t tsd;
    __asm__ volatile("mrs %0, tpidrro_el0\n\t"
                     "and %0, %0, #0xfffffffffffffff8\n\t"
                     "str %1, [%0, %2, lsl #3]"
                     : "=&r"(tsd)
                     : "r"(gp), "r"(tls_key)
                     : "memory");
}
@@ end

// A new goroutine's stack holds the ${#regs.callee_saved} callee-saved registers that
// ctx_resume loads (${join(regs.callee_saved, ", ")}), all zero but the link register
// ${regs.lr}, which is ctx_start: ctx_resume "returns" there with sp 16-aligned. top is
// the highest address the frame may use.
static inline uintptr_t ctx_init(uintptr_t top, void (*start)(void)) {
    uintptr_t final_sp = top & ~(uintptr_t)${stack_align - 1};
    uintptr_t *sp = (uintptr_t *)final_sp - ${#regs.callee_saved};
    for (int i = 0; i < ${#regs.callee_saved}; i++)
        sp[i] = 0;
@@ for i, r in ipairs(regs.callee_saved) do
@@ if r == regs.lr then
    sp[${i - 1}] = (uintptr_t)start; // ${r}
@@ end
@@ end
    return (uintptr_t)sp;
}

static inline void cpu_relax(void) { __asm__ volatile("yield"); }

// The virtual counter, for cheap entropy.
static inline uint64_t cputicks(void) {
    uint64_t t;
    __asm__ volatile("mrs %0, cntvct_el0" : "=r"(t));
    return t;
}
#endif

#endif
