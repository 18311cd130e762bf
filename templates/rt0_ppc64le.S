// rt0 for ${target}: the process entry and rt0_go, following Go's rt0_go sequence
// (asm_ppc64x.s) with the other templates' steps. Values come from the table. Nothing
// sets the ELFv2 TOC pointer r2 for us: rt0_go computes it before its first C call.
#include "zdefs_${os}_${arch}.h"
#include "zasm_offsets.h"
@@ local A = import("asm.inc")
@@ local P = import("ppc64le.inc")
@@ local tp = P.r(tls.register)

	.text

@@ if entry.args == "stack" then
// ${entry.symbol}: the kernel starts us with argc at 0(r1) and argv at 8(r1)
// (entry.args = stack).
@@ A.fn_begin(entry.symbol)
	ld	%r3, 0(%r1)			// argc
	addi	%r4, %r1, 8			// argv
	b	${sym("rt0_go")}
@@ A.fn_end(entry.symbol)
@@ else
// ${entry.symbol}: called like main(argc, argv, ...) with argc in r3 and argv in r4
// (entry.args = registers).
@@ A.fn_begin(entry.symbol)
	b	${sym("rt0_go")}
@@ A.fn_end(entry.symbol)
@@ end

// rt0_go(argc in r3, argv in r4): never returns.
@@ A.fn_begin("rt0_go")
@@ P.set_toc(".Lrt0_go_toc")
	// Keep argc and argv in callee-saved registers; align r1 to ${stack_align}.
	mr	%r14, %r3
	mr	%r15, %r4
	clrrdi	%r1, %r1, ${math.tointeger(math.log(stack_align, 2))}
	mr	%r4, %r1			// hi of g0's stack

	// Carve g0's stack from the OS stack: lo = SP - ${g0.size} + ${g0.slack}, hi = SP,
	// stackguard0 = stackguard1 = lo.
@@ P.addr("r3", "g0")
@@ P.li("r5", g0.size - g0.slack)
	sub	%r5, %r4, %r5
	std	%r5, g_stackguard0(%r3)
	std	%r5, g_stackguard1(%r3)
	std	%r5, g_stack_lo(%r3)
	std	%r4, g_stack_hi(%r3)
@@ P.outermost_frame(32)

@@ if tls.method == "thread_register" then
	// TLS: the thread pointer ${tls.register} = &m0.tls[0] + ${hex(tls.base_adjust)}; no syscall.
@@ P.addr("r5", "m0")
	addi	${tp}, %r5, m_tls
@@ P.li("r6", tls.base_adjust)
	add	${tp}, ${tp}, %r6

	// Check TLS works: store ${hex(tls.check_value)} through ${tls.register} and read it back
	// from m0.tls[0].
@@ P.li("r6", tls.check_value)
	std	%r6, ${-tls.base_adjust}(${tp})
	ld	%r7, m_tls(%r5)
	cmpd	%r6, %r7
	bne	.Lbadtls

	// Bind g0 and m0: g = &g0, m0.g0 = &g0, g0.m = &m0.
	std	%r3, ${-tls.base_adjust}(${tp})
@@ end
	std	%r3, m_g0(%r5)
	std	%r5, g_m(%r3)

	bl	${sym("check")}			// runtime self-tests
	nop
	mr	%r3, %r14			// argc
	mr	%r4, %r15			// argv
	bl	${sym("args")}			// save argv and envp, sysargs
	nop
	bl	${sym("osinit")}			// ncpu, page sizes
	nop
	bl	${sym("schedinit")}		// Ps, Ms, stacks, GOMAXPROCS
	nop

	// newproc(runtime_main): the main goroutine.
@@ P.addr("r3", "runtime_main")
	li	%r4, 0
	bl	${sym("newproc")}
	nop

	bl	${sym("mstart")}			// start this M: schedule, never returns
	nop
	bl	${sym("crash")}			// mstart should never return
	nop

.Lbadtls:
	bl	${sym("crash")}
	nop
	trap
@@ A.fn_end("rt0_go")
@@ A.stack_note()
