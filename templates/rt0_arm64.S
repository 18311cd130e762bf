// rt0 for ${target}: the process entry and rt0_go, following Go's rt0_go sequence
// (asm_arm64.s) with the amd64 template's steps. Values come from the table.
#include "zdefs_${os}_${arch}.h"
#include "zasm_offsets.h"
@@ local A = import("asm.inc")
@@ local function addr(reg, name)
	adrp	${reg}, ${sym(name)}
	add	${reg}, ${reg}, :lo12:${sym(name)}
@@ end

	.text

@@ if entry.args == "stack" then
// ${entry.symbol}: the kernel starts us with argc at 0(sp) and argv at 8(sp)
// (entry.args = stack).
@@ A.fn_begin(entry.symbol)
	ldr	x0, [sp]			// argc
	add	x1, sp, #8			// argv
	b	${sym("rt0_go")}
@@ A.fn_end(entry.symbol)
@@ else
// ${entry.symbol}: called like main(argc, argv, ...) with argc in x0 and argv in x1
// (entry.args = registers).
@@ A.fn_begin(entry.symbol)
	b	${sym("rt0_go")}
@@ A.fn_end(entry.symbol)
@@ end

// rt0_go(argc in x0, argv in x1): never returns.
@@ A.fn_begin("rt0_go")
	// Keep argc and argv in callee-saved registers; align sp to ${stack_align}.
	mov	x19, x0
	mov	x20, x1
	mov	x2, sp
	and	x2, x2, #${-stack_align}
	mov	sp, x2
	mov	x29, #0			// outermost frame

	// Carve g0's stack from the OS stack: lo = SP - ${g0.size} + ${g0.slack}, hi = SP,
	// stackguard0 = stackguard1 = lo.
@@ addr("x3", "g0")
	ldr	x4, =${g0.size - g0.slack}
	sub	x4, x2, x4
	str	x4, [x3, #g_stackguard0]
	str	x4, [x3, #g_stackguard1]
	str	x4, [x3, #g_stack_lo]
	str	x2, [x3, #g_stack_hi]

@@ if tls.method == "tpidr_el0" then
	// TLS: the thread register points at m0.tls[0] (+${tls.base_adjust}); no syscall.
@@ addr("x5", "m0")
	add	x5, x5, #m_tls
	msr	tpidr_el0, x5

	// Check TLS works: store ${hex(tls.check_value)} through tpidr_el0 and read it back
	// from m0.tls[0].
	ldr	x6, =${hex(tls.check_value)}
	mrs	x7, tpidr_el0
	str	x6, [x7, #${tls.base_adjust}]
@@ addr("x5", "m0")
	ldr	x7, [x5, #m_tls]
	cmp	x6, x7
	b.ne	.Lbadtls

	// Bind g0 and m0: g = &g0, m0.g0 = &g0, g0.m = &m0.
	mrs	x7, tpidr_el0
	str	x3, [x7, #${tls.base_adjust}]
@@ end
	str	x3, [x5, #m_g0]
	str	x5, [x3, #g_m]

	bl	${sym("check")}			// runtime self-tests
	mov	x0, x19				// argc
	mov	x1, x20				// argv
	bl	${sym("args")}			// save argv and envp, sysargs
	bl	${sym("osinit")}			// ncpu, page sizes
	bl	${sym("schedinit")}		// Ps, Ms, stacks, GOMAXPROCS

	// newproc(runtime_main): the main goroutine.
@@ addr("x0", "runtime_main")
	mov	x1, #0
	bl	${sym("newproc")}

	bl	${sym("mstart")}			// start this M: schedule, never returns
	bl	${sym("crash")}			// mstart should never return

.Lbadtls:
	bl	${sym("crash")}
	.ltorg
@@ A.fn_end("rt0_go")
@@ A.stack_note()
