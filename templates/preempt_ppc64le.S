// Asynchronous preemption for ${target}: not yet. Resuming interrupted ppc64 code needs
// every register back at once, through rt_sigreturn on a signal frame of the stub's own
// (as preempt_linux_arm64.S does), which is not written for ppc64 yet.
// sigctx.async_preempt = false, so the preempt signal only flags the goroutine and it
// yields at its next runtime call; these symbols keep the core's references satisfied.
@@ local A = import("asm.inc")
	.text

// void preempt_init(void): nothing to learn.
@@ A.fn_begin("preempt_init")
	blr
@@ A.fn_end("preempt_init")

// void async_preempt(void): never entered (SIGCTX_ASYNC_PREEMPT is 0).
@@ A.fn_begin("async_preempt")
	trap
@@ A.fn_end("async_preempt")

	.section .rodata
	.p2align 2
	.globl	${sym("preempt_save_size")}
	${asm.hidden_directive}	${sym("preempt_save_size")}
${sym("preempt_save_size")}:
	.long	0
@@ A.stack_note()
