// Context switch for ${arch}, generated from regs.callee_saved: a goroutine's context is
// its stack pointer r1; the ${#regs.callee_saved} callee-saved registers (${join(regs.callee_saved, " ")})
// and the return address live in a frame on its stack (templates/ppc64le.inc). r2, the
// TOC pointer, is per module: a static ld.lld link has one TOC, so every goroutine
// runs with the same r2 and the switch leaves it alone; r13 is the thread's.
@@ local A = import("asm.inc")
@@ local P = import("ppc64le.inc")
@@ local F = P.frame(regs.callee_saved)
@@ local function save_or_load(store)
@@ for _, s in ipairs(F.slots) do
@@ if s.kind == "r" then
	${store and "std" or "ld"}	${P.r(s.reg)}, ${s.off}(%r1)
@@ elseif s.kind == "f" then
	${store and "stfd" or "lfd"}	${P.r(s.reg)}, ${s.off}(%r1)
@@ else
	li	%r0, ${s.off}
	${store and "stvx" or "lvx"}	${P.r(s.reg)}, %r1, %r0
@@ end
@@ end
@@ end

	.text

// void ctx_switch_call(uintptr_t *save_sp, uintptr_t new_sp, void (*fn)(void *), void *arg)
// Saves this context in a ${F.size}-byte frame and its r1 into *save_sp, moves to new_sp and
// calls fn(arg) there. fn never returns: ctx_resume returns from this call instead.
@@ A.fn_begin("ctx_switch_call")
	mflr	%r0
	stdu	%r1, -${F.size}(%r1)
	std	%r0, ${F.lr}(%r1)
	mfcr	%r0
	std	%r0, ${F.cr}(%r1)
@@ save_or_load(true)
	std	%r1, 0(%r3)
	mr	%r1, %r4
@@ P.outermost_frame(32)
	mr	%r3, %r6
	mr	%r12, %r5			// ELFv2: r12 = the entry of an indirect call
	mtctr	%r12
	bctrl
	trap
@@ A.fn_end("ctx_switch_call")

// void ctx_switch(uintptr_t *save_sp, uintptr_t new_sp)
// Saves this context as ctx_switch_call does and resumes the one at new_sp in the same
// step: a goroutine-to-goroutine switch that never visits g0. Returns when something
// resumes the saved context.
@@ A.fn_begin("ctx_switch")
	mflr	%r0
	stdu	%r1, -${F.size}(%r1)
	std	%r0, ${F.lr}(%r1)
	mfcr	%r0
	std	%r0, ${F.cr}(%r1)
@@ save_or_load(true)
	std	%r1, 0(%r3)
	mr	%r1, %r4
@@ save_or_load(false)
	ld	%r0, ${F.cr}(%r1)
	mtcrf	${hex(F.crmask)}, %r0
	ld	%r0, ${F.lr}(%r1)
	mtlr	%r0
	addi	%r1, %r1, ${F.size}
	blr
@@ A.fn_end("ctx_switch")

// void ctx_resume(uintptr_t sp)
// Resumes a context saved by ctx_switch_call or ctx_switch, or built by ctx_init.
@@ A.fn_begin("ctx_resume")
	mr	%r1, %r3
@@ save_or_load(false)
	ld	%r0, ${F.cr}(%r1)
	mtcrf	${hex(F.crmask)}, %r0
	ld	%r0, ${F.lr}(%r1)
	mtlr	%r0
	addi	%r1, %r1, ${F.size}
	blr
@@ A.fn_end("ctx_resume")

// void ctx_start(void)
// Where a new goroutine's first ctx_resume returns, r1 ${stack_align}-aligned: the first frame sets up
// the TOC pointer itself, then gives gostart an outermost ELFv2 frame.
@@ A.fn_begin("ctx_start")
@@ P.set_toc(".Lctx_start_toc")
@@ P.outermost_frame(32)
	bl	${sym("gostart")}
	nop
	trap
@@ A.fn_end("ctx_start")
@@ A.stack_note()
