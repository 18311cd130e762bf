// Asynchronous preemption for ${target}: the stub a preempt signal redirects a goroutine
// into. sigctx_push_call (sigctx.h) left the interrupted PC in x30 and the interrupted
// x30 at [sp]; the interrupted sp is sp + 16. Every other register is as the code left it.
//
// The stub writes all of them into a signal frame of its own, laid out as the kernel's
// (siginfo, then ucontext: structs.ucontext, structs.sigcontext, structs.fpsimd_context):
// x0-x30, sp, pc, NZCV, q0-q31, FPSR and FPCR. After the yield it resumes with
// rt_sigreturn on that frame, so the kernel restores every register at once, the PC and
// x30 included: arm64 has no way to jump to the interrupted PC without a register, and
// C code may have a live value in any of them (Go keeps R27 free for this; C does not).
@@ local A = import("asm.inc")
@@ local uc = structs.siginfo.size
@@ local mc = uc + structs.ucontext.fields.uc_mcontext
@@ local sc = structs.sigcontext.fields
@@ local regs = mc + sc.regs
@@ local fp = mc + sc.__reserved
@@ local fx = structs.fpsimd_context.fields
@@ local frame = (uc + structs.ucontext.size + 15) // 16 * 16
@@ assert(regs <= 504, "x0/x1 must be reachable with one stp")
@@ -- add/sub immediates are 12 bits, optionally shifted by 12: bigger ones take two.
@@ local function addsub(op, dst, src, n)
@@   if n >= 4096 then
	${op}	${dst}, ${src}, #${n >> 12}, lsl #12
@@     src = dst
@@   end
@@   if n & 0xfff ~= 0 then
	${op}	${dst}, ${src}, #${n & 0xfff}
@@   end
@@ end
	.text

// void async_preempt(void)
@@ A.fn_begin("async_preempt")
	// the frame: siginfo (${uc} bytes, unused), then the ucontext (${frame} bytes in all)
@@ addsub("sub", "sp", "sp", frame)
	stp	x0, x1, [sp, #${regs}]		// sigcontext.regs[0..1]
	add	x0, sp, #${regs}
@@ for i = 2, 28, 2 do
	stp	x${i}, x${i + 1}, [x0, #${8 * i}]
@@ end
	ldr	x1, [sp, #${frame}]		// the interrupted x30, pushed by sigctx_push_call
	stp	x29, x1, [x0, #${8 * 29}]
@@ addsub("add", "x1", "sp", frame + 16)
	// x1: the interrupted sp
	str	x1, [x0, #${sc.sp - sc.regs}]
	str	x30, [x0, #${sc.pc - sc.regs}]		// the interrupted PC
	mrs	x1, nzcv
	str	x1, [x0, #${sc.pstate - sc.regs}]		// pstate: the flags; EL0t mode bits are 0
	str	xzr, [x0, #${sc.fault_address - sc.regs}]
	add	x0, sp, #${fp}		// sigcontext.__reserved: the fpsimd_context record
	movz	w1, #${hex(constants.FPSIMD_MAGIC & 0xffff)}
	movk	w1, #${hex(constants.FPSIMD_MAGIC >> 16)}, lsl #16
	mov	w2, #${structs.fpsimd_context.size}
	stp	w1, w2, [x0, #${fx.head}]
	mrs	x1, fpsr
	mrs	x2, fpcr
	stp	w1, w2, [x0, #${fx.fpsr}]
@@ for i = 0, 30, 2 do
	stp	q${i}, q${i + 1}, [x0, #${fx.vregs + 16 * i}]
@@ end
	str	xzr, [x0, #${structs.fpsimd_context.size}]	// the terminating record: magic 0, size 0
	stp	xzr, xzr, [sp, #${uc + structs.ucontext.fields.uc_flags}]	// uc_flags, uc_link
	stp	x29, x30, [sp]		// a frame record {fp, interrupted PC} for frame-pointer walks
	mov	x29, sp
	mov	x0, x30			// async_preempt_yield(pc, frame): fills uc_stack and uc_sigmask
	add	x1, sp, #${uc}
	bl	${sym("async_preempt_yield")}
	// sp is the frame again: the kernel reads siginfo and ucontext there and restores all.
	mov	${syscall_abi.number_reg}, #${syscalls.rt_sigreturn.nr}	// SYS_rt_sigreturn
	${syscall_abi.instruction}
	brk	#0
@@ A.fn_end("async_preempt")

// void preempt_init(void): nothing to learn at start-up on arm64.
@@ A.fn_begin("preempt_init")
	ret
@@ A.fn_end("preempt_init")

	.section .rodata
	.p2align 2
@@ A.data_label("preempt_save_size")
	.long	${frame}			// the frame async_preempt puts on the goroutine's stack
@@ A.stack_note()
