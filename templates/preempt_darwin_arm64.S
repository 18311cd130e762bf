// Asynchronous preemption for ${target}: not yet. Resuming interrupted arm64 code needs
// either a register free to jump through (C code has none; Go reserves R27) or the
// kernel's sigreturn on a frame of our own (Linux's rt_sigreturn, preempt_linux_arm64.S);
// Darwin's sigreturn is private. sigctx.async_preempt = false, so the preempt signal
// only flags the goroutine and it yields at its next runtime call; these symbols keep
// the core's references satisfied.
@@ local A = import("asm.inc")
	.text

// void preempt_init(void): nothing to learn.
@@ A.fn_begin("preempt_init")
	ret
@@ A.fn_end("preempt_init")

// void async_preempt(void): never entered (SIGCTX_ASYNC_PREEMPT is 0).
@@ A.fn_begin("async_preempt")
	brk	#0
@@ A.fn_end("async_preempt")

	.section __DATA,__const
	.p2align 2
	.globl	${sym("preempt_save_size")}
	${asm.hidden_directive}	${sym("preempt_save_size")}
${sym("preempt_save_size")}:
	.long	0
@@ A.stack_note()
