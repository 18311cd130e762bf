// Context switch for ${arch}, generated from regs.callee_saved: a goroutine's context is
// its stack pointer; the callee-saved registers (${#regs.callee_saved} of them, ${#regs.callee_saved * 8} bytes)
// live on its stack, the link register among them.
@@ local saved = regs.callee_saved
@@ local frame = #saved * 8
@@ local function fn_begin(name)
	.globl	${sym(name)}
	${asm.hidden_directive}	${sym(name)}
@@ if asm.type_directives then
	.type	${sym(name)}, %function
@@ end
	.p2align 4
${sym(name)}:
@@ end
@@ local function fn_end(name)
@@ if asm.type_directives then
	.size	${sym(name)}, .-${sym(name)}
@@ end
@@ end
@@ local function pairs_of(op)
@@ for i = 1, #saved, 2 do
	${op}	${saved[i]}, ${saved[i + 1]}, [sp, #${(i - 1) * 8}]
@@ end
@@ end

	.text

// void ctx_switch_call(uintptr_t *save_sp, uintptr_t new_sp, void (*fn)(void *), void *arg)
// Saves this context on the stack and its sp into *save_sp, moves to new_sp and calls
// fn(arg) there. fn never returns: ctx_resume returns from this call instead.
@@ fn_begin("ctx_switch_call")
	sub	sp, sp, #${frame}
@@ pairs_of("stp")
	mov	x9, sp
	str	x9, [x0]
	mov	sp, x1
	mov	x0, x3
	mov	x29, #0			// outermost frame on the new stack
	blr	x2
	brk	#0
@@ fn_end("ctx_switch_call")

// void ctx_resume(uintptr_t sp)
// Resumes a context saved by ctx_switch_call or built by ctx_init.
@@ fn_begin("ctx_resume")
	mov	sp, x0
@@ pairs_of("ldp")
	add	sp, sp, #${frame}
	ret
@@ fn_end("ctx_resume")

// void ctx_start(void)
// Where a new goroutine's first ctx_resume returns: sp is 16-aligned here.
@@ fn_begin("ctx_start")
	mov	x29, #0			// outermost frame for debuggers
	bl	${sym("gostart")}
	brk	#0
@@ fn_end("ctx_start")
@@ if asm.gnu_stack_note then

	.section .note.GNU-stack,"",%progbits
@@ end
