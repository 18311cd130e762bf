// The target's view for the core on amd64: its constants, how to reach g through TLS, how a new
// goroutine's first frame looks, and how to spin politely. Included by runtime.h.
#ifndef ZTARGET_H
#define ZTARGET_H

#include "zdefs_${os}_${arch}.h"

#ifndef __ASSEMBLER__
#include <stdint.h>

struct g;

@@ if tls.method == "arch_prctl" then
// tls.method = arch_prctl: the thread base points just past m.tls[0], so g is at
// ${hex(-tls.base_adjust)}(%fs). volatile: g must be re-read after every switch.
static inline struct g *getg(void) {
    struct g *gp;
    __asm__ volatile("movq %%fs:${-tls.base_adjust}, %0" : "=r"(gp));
    return gp;
}
static inline void setg(struct g *gp) {
    __asm__ volatile("movq %0, %%fs:${-tls.base_adjust}" : : "r"(gp) : "memory");
}
@@ elseif tls.method == "elf_tls" then
// tls.method = elf_tls: g is a compiler TLS variable (defined in os_${os}.c), reached with
// the local-exec model. Accessed through asm so the compiler never caches the thread
// pointer across a switch: a goroutine may resume on another thread.
extern __thread struct g *tls_g;
static inline struct g *getg(void) {
    struct g *gp;
    __asm__ volatile("movq %%fs:tls_g@tpoff, %0" : "=r"(gp));
    return gp;
}
static inline void setg(struct g *gp) {
    __asm__ volatile("movq %0, %%fs:tls_g@tpoff" : : "r"(gp) : "memory");
}
@@ elseif tls.method == "darwin_tsd" and tls.tsd_slot == "fixed" then
// tls.method = darwin_tsd, tsd_slot = fixed: the gs base is pthread's TSD array, and g is
// in slot ${tls.gs_offset // ptr_size} at ${hex(tls.gs_offset)}(%gs), which every thread has: nothing to set up.
static inline struct g *getg(void) {
    struct g *gp;
    __asm__ volatile("movq %%gs:${hex(tls.gs_offset)}, %0" : "=r"(gp));
    return gp;
}
static inline void setg(struct g *gp) {
    __asm__ volatile("movq %0, %%gs:${hex(tls.gs_offset)}" : : "r"(gp) : "memory");
}
@@ elseif tls.method == "darwin_tsd" then
// tls.method = darwin_tsd, tsd_slot = pthread_key: g is in the TSD slot of the key rt0 got
// from pthread_key_create (os_${os}.c), at ${ptr_size}*key(%gs): one more load than a fixed slot.
extern uintptr_t tls_key;
static inline struct g *getg(void) {
    struct g *gp;
    __asm__ volatile("movq %%gs:(,%1,${ptr_size}), %0" : "=r"(gp) : "r"(tls_key));
    return gp;
}
static inline void setg(struct g *gp) {
    __asm__ volatile("movq %0, %%gs:(,%1,${ptr_size})" : : "r"(gp), "r"(tls_key) : "memory");
}
@@ end

// A new goroutine's stack holds ${#regs.callee_saved} zeroed callee-saved registers
// (${join(regs.callee_saved, ", ")}) and the return address ctx_start, so ctx_resume
// "returns" into it with %rsp 16-aligned, as the psABI wants before a call. top is the
// highest address the frame may use.
static inline uintptr_t ctx_init(uintptr_t top, void (*start)(void)) {
    uintptr_t final_sp = top & ~(uintptr_t)${stack_align - 1};
    uintptr_t *sp = (uintptr_t *)final_sp - ${#regs.callee_saved + 1};
    for (int i = 0; i < ${#regs.callee_saved}; i++)
        sp[i] = 0;
    sp[${#regs.callee_saved}] = (uintptr_t)start;
    return (uintptr_t)sp;
}

static inline void cpu_relax(void) { __asm__ volatile("pause"); }

// Cycle counter for cheap entropy; Go fences rdtsc with lfence on Intel.
static inline uint64_t cputicks(void) {
    uint32_t lo, hi;
    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}
#endif

#endif
