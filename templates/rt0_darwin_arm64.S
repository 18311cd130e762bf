// rt0 for ${target}: the entry dyld calls and rt0_go, following Go's rt0_go sequence
// (asm_arm64.s, with TLS as tlsinit in sys_darwin_arm64.go does it) and the steps of the
// other rt0 templates. Values come from the table.
#include "zdefs_${os}_${arch}.h"
#include "zasm_offsets.h"
@@ local L = asm.local_label_prefix
@@ local A = import("asm.inc")
@@ -- Mach-O's page-relative relocations (ELF spells them :lo12:).
@@ local function addr(reg, name)
	adrp	${reg}, ${sym(name)}@PAGE
	add	${reg}, ${reg}, ${sym(name)}@PAGEOFF
@@ end
@@ -- The TSD array of this thread: TPIDRRO_EL0 with its low 3 bits masked (they are not
@@ -- part of the address: Go's tls_arm64.s masks them, "Darwin sometimes returns
@@ -- unaligned pointers").
@@ local function tsd(reg)
	mrs	${reg}, tpidrro_el0
	and	${reg}, ${reg}, #0xfffffffffffffff8
@@ end

	.text

// ${entry.symbol}: dyld calls it like main(argc, argv, envp, apple), argc in x0 and argv
// in x1 (entry.load_command = ${entry.load_command}); sysargs finds envp and the apple
// strings again past argv's NULL, as Go does.
@@ A.fn_begin(entry.symbol)
	b	${sym("rt0_go")}
@@ A.fn_end(entry.symbol)

// rt0_go(argc in x0, argv in x1): never returns. x18 is Apple's platform register: never
// touched here.
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

@@ if tls.method == "darwin_tsd" and tls.tsd_slot == "pthread_key" then
	// darwin_tsd: no settls on Darwin; pthread set up each thread's TSD array already.
	// tsd_slot = pthread_key: g's slot is a new key, pthread_key_create(&tls_key, NULL).
@@ addr("x0", "tls_key")
	mov	x1, #0
	bl	${sym("pthread_key_create")}
	cbnz	w0, ${L}badtls
	// darwin_tls_check(tsd[0], 0): the masked TPIDRRO_EL0 must be pthread's TSD array, whose
	// slot 0 is pthread_self() (a new key's slot is free by definition). A fatal error that
	// says why if not.
@@ tsd("x7")
	ldr	x0, [x7]
	mov	x1, #0
	bl	${sym("darwin_tls_check")}

	// Check: ${hex(tls.check_value)} stored at tsd[key] must be what pthread_getspecific(key)
	// reads, so the masked TPIDRRO_EL0 is pthread's TSD array and the slot is the key's.
	adrp	x21, ${sym("tls_key")}@PAGE
	ldr	x21, [x21, ${sym("tls_key")}@PAGEOFF]
	ldr	x22, =${hex(tls.check_value)}
@@ tsd("x7")
	str	x22, [x7, x21, lsl #3]
	mov	x0, x21
	bl	${sym("pthread_getspecific")}
	cmp	x0, x22
	b.ne	${L}badtls

	// Bind g0 and m0: g = &g0, m0.g0 = &g0, g0.m = &m0.
@@ addr("x3", "g0")
@@ tsd("x7")
	str	x3, [x7, x21, lsl #3]
@@ addr("x5", "m0")
@@ else
@@ error("tls: expected method darwin_tsd with tsd_slot pthread_key (arm64 has no TSD slot reserved for Go); got "
@@   .. tostring(tls.method) .. " with tsd_slot " .. tostring(tls.tsd_slot))
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

${L}badtls:
	bl	${sym("crash")}
	.ltorg
@@ A.fn_end("rt0_go")
@@ A.stack_note()
