// asm_offsets.c — never linked. gen/asm_offsets.lua compiles it with -S and turns each
// marker line `.ascii "->NAME VALUE"` into `#define NAME VALUE` in zasm_offsets.h, so the
// generated assembly and the C structs can never disagree (the Linux kernel's asm-offsets).
#include "runtime.h"

#define DEFINE(name, value)       __asm__ volatile(".ascii \"->" #name " %0\"" : : "i"(value))
#define OFFSET(name, type, field) DEFINE(name, offsetof(struct type, field))

void asm_offsets(void);
void asm_offsets(void) {
    OFFSET(g_stackguard0, g, stackguard0);
    OFFSET(g_stackguard1, g, stackguard1);
    OFFSET(g_stack_lo, g, stack.lo);
    OFFSET(g_stack_hi, g, stack.hi);
    OFFSET(g_sched_sp, g, sched_sp);
    OFFSET(g_m, g, m);
    OFFSET(m_g0, m, g0);
    OFFSET(m_tls, m, tls);
    OFFSET(m_curg, m, curg);
    DEFINE(sizeof_g, sizeof(struct g));
    DEFINE(sizeof_m, sizeof(struct m));
}
