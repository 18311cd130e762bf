// Asynchronous preemption for ${target}: the stub a preempt signal redirects a goroutine
// into. sigctx_push_call (sigctx.h) left the interrupted PC in x30 and the interrupted
// x30 at [sp]; the interrupted sp is sp + 16 + ${red_zone} (the slot, then the red zone).
// Every other register is as the code left it.
//
// The stub saves all of them in an mcontext64 of its own (structs.mcontext64: regs64 with
// x0-x28, fp, lr, sp, pc and cpsr's NZCV; neon64 with q0-q31, FPSR and FPCR), yields, and
// restores them. Going back is the hard part: arm64 jumps only through a register, C code
// may have a live value in any of them (x30 in a leaf, x16/x17 between a veneer's uses;
// Go keeps R27 free for this, C does not), and Darwin's sigreturn is private (libSystem's
// signal trampoline passes it a token only the kernel knows). So the stub restores every
// register but the PC, x30 and sp, leaves x30 and sp exactly as sigctx_push_call made
// them, and traps at async_preempt_trap: the ${sigctx.resume_signal} handler (signal_darwin.c)
// undoes the pushed call in the signal context, and the ordinary signal return restores
// every register at once. Its cost, a second signal per preemption, is paid once a
// quantum at most.
@@ local A = import("asm.inc")
@@ local ss = 16 + structs.mcontext64.fields.ss
@@ local ns = 16 + structs.mcontext64.fields.ns
@@ local R = structs.regs64.fields
@@ local N = structs.neon64.fields
@@ local frame = (16 + structs.mcontext64.size + 15) // 16 * 16
@@ if runtime_text and runtime_text.pragma then
	.section ${runtime_text.pragma}
@@ else
	.text
@@ end

// void async_preempt(void)
// The frame: a frame record {fp, interrupted PC} for frame-pointer walks, then the
// mcontext64 (${structs.mcontext64.size} bytes; its exception state is left unused).
@@ A.fn_begin("async_preempt")
	sub	sp, sp, #${frame}
	stp	x0, x1, [sp, #${ss + R.x}]
	add	x0, sp, #${ss}
@@ for i = 2, 28, 2 do
	stp	x${i}, x${i + 1}, [x0, #${R.x + 8 * i}]
@@ end
	ldr	x1, [sp, #${frame}]		// the interrupted x30, pushed by sigctx_push_call
	stp	x29, x1, [x0, #${R.fp}]		// fp, lr
	add	x1, sp, #${frame + 16 + red_zone}	// the interrupted sp
	stp	x1, x30, [x0, #${R.sp}]		// sp, pc
	mrs	x1, nzcv
	str	w1, [x0, #${R.cpsr}]
	add	x0, sp, #${ns}
@@ for i = 0, 30, 2 do
	stp	q${i}, q${i + 1}, [x0, #${N.v + 16 * i}]
@@ end
	mrs	x1, fpsr
	mrs	x2, fpcr
	str	w1, [x0, #${N.fpsr}]
	str	w2, [x0, #${N.fpcr}]
	stp	x29, x30, [sp]		// the frame record
	mov	x29, sp
	mov	x0, x30			// async_preempt_yield(pc, frame = NULL)
	mov	x1, #0
	bl	${sym("async_preempt_yield")}
	add	x0, sp, #${ns}
	ldr	w1, [x0, #${N.fpsr}]
	ldr	w2, [x0, #${N.fpcr}]
	msr	fpsr, x1
	msr	fpcr, x2
@@ for i = 0, 30, 2 do
	ldp	q${i}, q${i + 1}, [x0, #${N.v + 16 * i}]
@@ end
	add	x0, sp, #${ss}
	ldr	w1, [x0, #${R.cpsr}]
	msr	nzcv, x1
@@ for i = 2, 28, 2 do
	ldp	x${i}, x${i + 1}, [x0, #${R.x + 8 * i}]
@@ end
	ldr	x30, [x0, #${R.pc}]		// x30: the interrupted PC, as sigctx_push_call left it
	ldr	x1, [x0, #${R.x + 8}]
	ldr	x0, [x0, #${R.x}]
	add	sp, sp, #${frame}			// sp: the pushed slot, as sigctx_push_call left it
@@ A.data_label("async_preempt_trap")
	brk	#0xf00d			// -> ${sigctx.resume_signal}: the handler pops the call
@@ A.fn_end("async_preempt")

// void preempt_init(void): nothing to learn at start-up on arm64.
@@ A.fn_begin("preempt_init")
	ret
@@ A.fn_end("preempt_init")

	.section __DATA,__const
	.p2align 2
@@ A.data_label("preempt_save_size")
	.long	${frame}			// the frame async_preempt puts on the goroutine's stack
@@ A.stack_note()
