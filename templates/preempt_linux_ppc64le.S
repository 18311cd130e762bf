// Asynchronous preemption for ${target}: the stub a preempt signal redirects a goroutine
// into. sigctx_push_call (sigctx.h) left the interrupted PC in lr and the interrupted lr
// at 0(r1); the interrupted r1 is r1 + 16 + ${red_zone} (the slot, then the red zone).
// Every other register is as the code left it.
//
// The stub writes all of them into a ucontext of its own, laid out as the kernel's
// (structs.ucontext, structs.sigcontext): r0-r31, NIP, LR, CTR, XER, CR, f0-f31 and
// FPSCR, v0-v31 with VSCR and VRSAVE, and the second doublewords of vs0-vs31 (the first
// ones are f0-f31). After the yield it resumes through the swapcontext syscall
// (swapcontext(NULL, uc, sizeof uc), what glibc's setcontext does on ppc64), which
// restores every register at once, the PC, lr and ctr included: ppc64 can only jump
// through lr, ctr or tar, C code may have live values in lr and ctr (a leaf's return
// address, a bdnz loop count), and tar is the system's (ELFv2 2.2.1.1).
//
// Why not rt_sigreturn on that frame, as on arm64: on ppc64 it finds the ucontext at r1
// by a convention of the signal trampoline (the kernel's pops __SIGNAL_FRAMESIZE before
// the syscall, qemu-user's does not and reads 128 bytes above r1), while swapcontext
// takes the ucontext's address as an argument. Two things swapcontext leaves to the
// caller, set here before it: qemu keeps the live r2 and the live VSCR, the kernel the
// live r13 (the thread pointer, which must be this M's anyway).
@@ local A = import("asm.inc")
@@ local P = import("ppc64le.inc")
@@ local r = P.r
@@ local K = constants
@@ -- Our frame: the ELFv2 header (back chain, CR, LR and TOC doublewords), a 16-byte
@@ -- frame record {interrupted r1, -, interrupted PC} the back chain points to (so a
@@ -- walk from the yield goes through the interrupted PC), then the ucontext.
@@ local rec = 32
@@ local uc = 64
@@ local sc = uc + structs.ucontext.fields.uc_mcontext
@@ local f = structs.sigcontext.fields
@@ local gp, fp = sc + f.gp_regs, sc + f.fp_regs
@@ local vr = (sc + f.vmx_reserve + 15) // 16 * 16
@@ local vsx = vr + 34 * 16
@@ local frame = (uc + structs.ucontext.size + 15) // 16 * 16
@@ assert(vsx + 32 * 8 <= uc + structs.ucontext.size, "the VSX halves must fit vmx_reserve")
@@ assert(frame < 0x8000, "offsets must fit a 16-bit displacement")
@@ local function g(n) return gp + 8 * n end
	.text

// void async_preempt(void)
@@ A.fn_begin("async_preempt")
	stdu	%r1, -${frame}(%r1)		// the back chain is set below
	std	%r0, ${g(0)}(%r1)			// sigcontext.gp_regs[0]
@@ for n = 2, 31 do
	std	${r("r" .. n)}, ${g(n)}(%r1)
@@ end
	mflr	%r3				// the interrupted PC
	std	%r3, ${g(K.PT_NIP)}(%r1)
	std	%r3, ${rec + 16}(%r1)			// the record's return address
	ld	%r4, ${frame}(%r1)			// the interrupted lr, pushed by sigctx_push_call
	std	%r4, ${g(K.PT_LNK)}(%r1)
	addi	%r5, %r1, ${frame + 16 + red_zone}	// the interrupted r1
	std	%r5, ${g(1)}(%r1)
	std	%r5, ${rec}(%r1)
	addi	%r5, %r1, ${rec}
	std	%r5, 0(%r1)			// back chain: the record
	mfctr	%r5
	std	%r5, ${g(K.PT_CTR)}(%r1)
	mfxer	%r5
	std	%r5, ${g(K.PT_XER)}(%r1)
	mfcr	%r5
	std	%r5, ${g(K.PT_CCR)}(%r1)
	// MSR: which register sets the frame holds (the kernel restores VMX and VSX only if
	// its bits are set); the rest of gp_regs (orig_r3, softe, trap, dar, ...) is zero.
@@ P.li("r5", K.MSR_FP | K.MSR_VEC | K.MSR_VSX)
	std	%r5, ${g(K.PT_MSR)}(%r1)
	li	%r5, 0
@@ for n = K.PT_MSR + 1, structs.sigcontext.fields.fp_regs // 8 - f.gp_regs // 8 - 1 do
@@   if n ~= K.PT_CTR and n ~= K.PT_LNK and n ~= K.PT_XER and n ~= K.PT_CCR then
	std	%r5, ${g(n)}(%r1)
@@   end
@@ end
	std	%r5, ${uc + structs.ucontext.fields.uc_flags}(%r1)
	std	%r5, ${uc + structs.ucontext.fields.uc_link}(%r1)
@@ for n = 0, 31 do
	stfd	${r("f" .. n)}, ${fp + 8 * n}(%r1)
@@ end
	// The second doubleword of vs0-vs31 at ${vsx - vr} past v_regs, one per register:
	// stxvd2x writes both doublewords, so each store goes 8 bytes low and the next one
	// down overwrites the first doubleword it left (vs0's lands in entry 33's unused half).
@@ for n = 31, 0, -1 do
	li	%r0, ${vsx + 8 * n - 8}
	stxvd2x	${r("vs" .. n)}, %r1, %r0
@@ end
	mffs	%f0				// FPSCR, once f0 and vs0 are saved
	stfd	%f0, ${fp + 256}(%r1)
	// v0-v31 at v_regs (16-aligned in vmx_reserve), VSCR in entry 32, VRSAVE in 33
@@ for n = 0, 31 do
	li	%r0, ${vr + 16 * n}
	stvx	${r("v" .. n)}, %r1, %r0
@@ end
	mfvscr	%v0				// once v0 is saved
	li	%r0, ${vr + 16 * 32}
	stvx	%v0, %r1, %r0
	mfspr	%r5, 256			// VRSAVE
	stw	%r5, ${vr + 16 * 33}(%r1)
	addi	%r5, %r1, ${vr}
	std	%r5, ${sc + f.v_regs}(%r1)		// v_regs
@@ P.set_toc("async_preempt_toc")
	ld	%r3, ${g(K.PT_NIP)}(%r1)	// async_preempt_yield(pc, frame): fills uc_stack, uc_sigmask
	addi	%r4, %r1, ${uc}
	bl	${sym("async_preempt_yield")}
	nop
	std	%r13, ${g(13)}(%r1)		// the thread pointer of the M it resumes on
	li	%r0, ${vr + 16 * 32}
	lvx	%v0, %r1, %r0
	mtvscr	%v0
	ld	%r2, ${g(2)}(%r1)
	li	%r0, ${syscalls.swapcontext.nr}		// swapcontext(NULL, uc, sizeof uc)
	li	%r3, 0
	addi	%r4, %r1, ${uc}
	li	%r5, ${structs.ucontext.size}
	sc
	trap					// swapcontext failed: there is no way back
@@ A.fn_end("async_preempt")

// void preempt_init(void): nothing to learn at start-up on ppc64le.
@@ A.fn_begin("preempt_init")
	blr
@@ A.fn_end("preempt_init")

	.section .rodata
	.p2align 2
@@ A.data_label("preempt_save_size")
	.long	${frame}			// the frame async_preempt puts on the goroutine's stack
@@ A.stack_note()
