// Asynchronous preemption for ${arch}: the stub a preempt signal redirects a goroutine
// into (sigctx_push_call in sigctx.h pushed the interrupted PC below the ${red_zone}-byte
// red zone). It saves every register the interrupted code may be using, yields, and
// restores them all: the general registers and flags on the stack, the FP/vector state
// with xsave (every component XCR0 enables, in the size CPUID leaf 0xD reports) or,
// where the OS has not enabled XSAVE, fxsave (x87, MMX, SSE and MXCSR).
@@ local A = import("asm.inc")
@@ local gprs = { "rax", "rbx", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15" }
@@ if runtime_text and runtime_text.pragma then
	.section ${runtime_text.pragma}
@@ else
	.text
@@ end

// void preempt_init(void)
// At start-up, on m0: how large the FP/vector save area is, and how to save it.
// CPUID.1:ECX bit 27 (OSXSAVE) says the OS enabled XSAVE; then CPUID.(0xD,0):EBX is the
// size of the XSAVE area for the features enabled in XCR0.
@@ A.fn_begin("preempt_init")
	pushq	%rbx			// cpuid clobbers rbx, which is callee-saved
	movl	$1, %eax
	xorl	%ecx, %ecx
	cpuid
	btl	$27, %ecx
	jnc	1f
	movl	$0xd, %eax
	xorl	%ecx, %ecx
	cpuid
	movl	%ebx, ${sym("preempt_save_size")}(%rip)
	movb	$1, ${sym("preempt_use_xsave")}(%rip)
1:
	popq	%rbx
	ret
@@ A.fn_end("preempt_init")

// void async_preempt(void)
// Entered, not called: (%rsp) is the interrupted PC and the interrupted %rsp is
// %rsp + 8 + ${red_zone}. Builds a normal frame first, so frame-pointer walks go through it.
@@ A.fn_begin("async_preempt")
	pushq	%rbp
	movq	%rsp, %rbp		// (%rbp): the interrupted rbp; 8(%rbp): the interrupted PC
	pushfq
@@ for _, r in ipairs(gprs) do
	pushq	%${r}
@@ end
	movl	${sym("preempt_save_size")}(%rip), %eax
	subq	%rax, %rsp
	andq	$-64, %rsp		// xsave and fxsave want 64- and 16-byte alignment
	// XRSTOR faults unless the XSAVE header's reserved bytes are zero; xsave leaves them.
	xorl	%eax, %eax
	movq	%rax, 512(%rsp)
	movq	%rax, 520(%rsp)
	movq	%rax, 528(%rsp)
	movq	%rax, 536(%rsp)
	movq	%rax, 544(%rsp)
	movq	%rax, 552(%rsp)
	movq	%rax, 560(%rsp)
	movq	%rax, 568(%rsp)
	cmpb	$0, ${sym("preempt_use_xsave")}(%rip)
	je	1f
	movl	$-1, %eax		// every component XCR0 enables
	movl	$-1, %edx
	xsave64	(%rsp)
	jmp	2f
1:	fxsave64 (%rsp)
2:	cld				// the C ABI wants DF clear; popfq restores it
	movq	8(%rbp), %rdi		// async_preempt_yield(pc, frame = NULL)
	xorl	%esi, %esi
	call	${sym("async_preempt_yield")}
	cmpb	$0, ${sym("preempt_use_xsave")}(%rip)
	je	3f
	movl	$-1, %eax
	movl	$-1, %edx
	xrstor64 (%rsp)
	jmp	4f
3:	fxrstor64 (%rsp)
4:	leaq	-${8 + 8 * #gprs}(%rbp), %rsp
@@ for i = #gprs, 1, -1 do
	popq	%${gprs[i]}
@@ end
	popfq
	popq	%rbp
	ret	$${red_zone}		// to the interrupted PC, skipping the red zone
@@ A.fn_end("async_preempt")

	.data
	.p2align 2
@@ A.data_label("preempt_save_size")
	.long	512			// fxsave's area until preempt_init knows better
@@ A.data_label("preempt_use_xsave")
	.byte	0
@@ A.stack_note()
