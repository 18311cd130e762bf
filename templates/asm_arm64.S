// Context switch for ${arch}, generated from regs.callee_saved: a goroutine's context is
// its stack pointer; the callee-saved registers (${#regs.callee_saved} of them, ${#regs.callee_saved * 8} bytes)
// live on its stack, the link register among them.
@@ local saved = regs.callee_saved
@@ local frame = #saved * 8
@@ local A = import("asm.inc")
@@ local function pairs_of(op)
@@ for i = 1, #saved, 2 do
	${op}	${saved[i]}, ${saved[i + 1]}, [sp, #${(i - 1) * 8}]
@@ end
@@ end

	.text

// void ctx_switch_call(uintptr_t *save_sp, uintptr_t new_sp, void (*fn)(void *), void *arg)
// Saves this context on the stack and its sp into *save_sp, moves to new_sp and calls
// fn(arg) there. fn never returns: ctx_resume returns from this call instead.
@@ A.fn_begin("ctx_switch_call")
	sub	sp, sp, #${frame}
@@ pairs_of("stp")
	mov	x9, sp
	str	x9, [x0]
	mov	sp, x1
	mov	x0, x3
	mov	x29, #0			// outermost frame on the new stack
	blr	x2
	brk	#0
@@ A.fn_end("ctx_switch_call")

// void ctx_switch(uintptr_t *save_sp, uintptr_t new_sp)
// Saves this context as ctx_switch_call does and resumes the one at new_sp in the same
// step: a goroutine-to-goroutine switch that never visits g0. Returns when something
// resumes the saved context.
@@ A.fn_begin("ctx_switch")
	sub	sp, sp, #${frame}
@@ pairs_of("stp")
	mov	x9, sp
	str	x9, [x0]
	mov	sp, x1
@@ pairs_of("ldp")
	add	sp, sp, #${frame}
	ret
@@ A.fn_end("ctx_switch")

// void ctx_resume(uintptr_t sp)
// Resumes a context saved by ctx_switch_call or ctx_switch, or built by ctx_init.
@@ A.fn_begin("ctx_resume")
	mov	sp, x0
@@ pairs_of("ldp")
	add	sp, sp, #${frame}
	ret
@@ A.fn_end("ctx_resume")

// void ctx_start(void)
// Where a new goroutine's first ctx_resume returns: sp is 16-aligned here.
@@ A.fn_begin("ctx_start")
	mov	x29, #0			// outermost frame for debuggers
	bl	${sym("gostart")}
	brk	#0
@@ A.fn_end("ctx_start")
@@ A.stack_note()
