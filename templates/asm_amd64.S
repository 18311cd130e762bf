// Context switch for ${arch}, generated from regs.callee_saved: a goroutine's context is
// its stack pointer; everything else the C ABI needs kept lives on its stack.
@@ local saved = regs.callee_saved
@@ local A = import("asm.inc")

	.text

// void ctx_switch_call(uintptr_t *save_sp, uintptr_t new_sp, void (*fn)(void *), void *arg)
// Saves this context (callee-saved registers, then %rsp into *save_sp), moves to new_sp
// and calls fn(arg) there. fn never returns: the context is resumed by ctx_resume.
@@ A.fn_begin("ctx_switch_call")
@@ for _, r in ipairs(saved) do
	pushq	%${r}
@@ end
	movq	%rsp, (%rdi)
	movq	%rsi, %rsp
	movq	%rcx, %rdi
	call	*%rdx
	ud2
@@ A.fn_end("ctx_switch_call")

// void ctx_switch(uintptr_t *save_sp, uintptr_t new_sp)
// Saves this context as ctx_switch_call does and resumes the one at new_sp in the same
// step: a goroutine-to-goroutine switch that never visits g0. Returns when something
// resumes the saved context.
@@ A.fn_begin("ctx_switch")
@@ for _, r in ipairs(saved) do
	pushq	%${r}
@@ end
	movq	%rsp, (%rdi)
	movq	%rsi, %rsp
@@ for i = #saved, 1, -1 do
	popq	%${saved[i]}
@@ end
	ret
@@ A.fn_end("ctx_switch")

// void ctx_resume(uintptr_t sp)
// Resumes a context saved by ctx_switch_call or ctx_switch, or built by ctx_init: pops the
// callee-saved registers in reverse order and returns into it.
@@ A.fn_begin("ctx_resume")
	movq	%rdi, %rsp
@@ for i = #saved, 1, -1 do
	popq	%${saved[i]}
@@ end
	ret
@@ A.fn_end("ctx_resume")

// void ctx_start(void)
// Where a new goroutine's first ctx_resume returns: %rsp is 16-aligned here.
@@ A.fn_begin("ctx_start")
	xorl	%ebp, %ebp		// outermost frame for debuggers
	call	${sym("gostart")}
	ud2
@@ A.fn_end("ctx_start")
@@ A.stack_note()
