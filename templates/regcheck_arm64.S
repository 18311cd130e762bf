// Port diagnostics for ${target} (declared in rt_port.h): rt_regcheck proves that a
// call preserves every register of regs.callee_saved, which the context switch and the
// syscall stubs must honour; a wrong register list in the table shows up here.
@@ local saved = regs.callee_saved
@@ local function scratch(avoid, n)
@@   local used, picked = {}, {}
@@   for _, r in ipairs(saved) do used[r] = true end
@@   for _, r in ipairs(avoid) do if not used[r] and #picked < n then picked[#picked + 1] = r end end
@@   return table.unpack(picked)
@@ end
@@ local fnreg, want, got = scratch({ "x9", "x10", "x11", "x12", "x13", "x14", "x15" }, 3)
@@ local frame = #saved * 8 + 16
@@ local A = import("asm.inc")
@@ local function is_fp(r) return r:sub(1, 1) == "d" end

	.text

// uint64_t rt_regcheck(void (*fn)(void *), void *arg)
// Loads a distinct pattern into each of the ${#saved} callee-saved registers except the link
// register, calls fn(arg), and returns a mask with bit i set if register i of the list
// (${join(saved, ", ")}) came back changed. The caller's own values are kept on the stack.
@@ A.fn_begin("rt_regcheck")
	sub	sp, sp, #${frame}
@@ for i = 1, #saved, 2 do
	stp	${saved[i]}, ${saved[i + 1]}, [sp, #${(i - 1) * 8}]
@@ end
	mov	${fnreg}, x0			// fn
	mov	x0, x1				// arg
@@ for i, r in ipairs(saved) do
@@ if r ~= regs.lr then
	ldr	${want}, =${hex(0x5a5a000000000000 + i)}
@@ if is_fp(r) then
	fmov	${r}, ${want}
@@ else
	mov	${r}, ${want}
@@ end
@@ end
@@ end
	blr	${fnreg}
	mov	x0, #0
@@ for i, r in ipairs(saved) do
@@ if r ~= regs.lr then
	ldr	${want}, =${hex(0x5a5a000000000000 + i)}
@@ if is_fp(r) then
	fmov	${got}, ${r}
@@ else
	mov	${got}, ${r}
@@ end
	cmp	${want}, ${got}
	b.eq	1f
	orr	x0, x0, #${hex(1 << (i - 1))}		// ${r} changed
1:
@@ end
@@ end
@@ for i = 1, #saved, 2 do
	ldp	${saved[i]}, ${saved[i + 1]}, [sp, #${(i - 1) * 8}]
@@ end
	add	sp, sp, #${frame}
	ret
	.ltorg
@@ A.fn_end("rt_regcheck")
@@ if syscalls then

// void rt_regcheck_syscalls(void *unused)
// Calls every generated syscall stub that is safe to call with a first argument of -1
// and zeros elsewhere (each fails with EINVAL, EFAULT, EBADF or ESRCH, or does nothing),
// for rt_regcheck to watch. exit, exit_group, clone and rt_sigreturn are left out.
@@ A.fn_begin("rt_regcheck_syscalls")
	stp	x29, x30, [sp, #-16]!
@@ for name in sorted(syscalls) do
@@ if name ~= "exit" and name ~= "exit_group" and name ~= "clone" and name ~= "rt_sigreturn" then
	mov	x0, #-1
	mov	x1, #0
	mov	x2, #0
	mov	x3, #0
	mov	x4, #0
	mov	x5, #0
	bl	${sym("sys_" .. name)}
@@ end
@@ end
	ldp	x29, x30, [sp], #16
	ret
@@ A.fn_end("rt_regcheck_syscalls")
@@ else

// void rt_regcheck_syscalls(void *unused)
// ${os} has no raw syscall stubs (its OS services are library calls): nothing to watch.
@@ A.fn_begin("rt_regcheck_syscalls")
	ret
@@ A.fn_end("rt_regcheck_syscalls")
@@ end
@@ A.stack_note()
