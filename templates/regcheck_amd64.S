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
@@ local tmp = scratch({ "r11", "r10", "r9", "r8" }, 1)
@@ local A = import("asm.inc")

	.text

// uint64_t rt_regcheck(void (*fn)(void *), void *arg)
// Loads a distinct pattern into each of the ${#saved} callee-saved registers, calls fn(arg),
// and returns a mask with bit i set if register i of the list (${join(saved, ", ")})
// came back changed. The caller's own values are kept on the stack.
@@ A.fn_begin("rt_regcheck")
@@ for _, r in ipairs(saved) do
	pushq	%${r}
@@ end
	subq	$8, %rsp			// 16-align for the call
	movq	%rdi, %rax			// fn
	movq	%rsi, %rdi			// arg
@@ for i, r in ipairs(saved) do
	movabsq	$${hex(0x5a5a000000000000 + i)}, %${r}
@@ end
	call	*%rax
	xorl	%eax, %eax
@@ for i, r in ipairs(saved) do
	movabsq	$${hex(0x5a5a000000000000 + i)}, %${tmp}
	cmpq	%${tmp}, %${r}
	je	1f
	orq	$${1 << (i - 1)}, %rax		// ${r} changed
1:
@@ end
	addq	$8, %rsp
@@ for i = #saved, 1, -1 do
	popq	%${saved[i]}
@@ end
	ret
@@ A.fn_end("rt_regcheck")
@@ if syscalls then

// void rt_regcheck_syscalls(void *unused)
// Calls every generated syscall stub that is safe to call with a first argument of -1
// and zeros elsewhere (each fails with EINVAL, EFAULT, EBADF or ESRCH, or does nothing),
// for rt_regcheck to watch. exit, exit_group, clone and rt_sigreturn are left out.
@@ A.fn_begin("rt_regcheck_syscalls")
	subq	$8, %rsp
@@ for name in sorted(syscalls) do
@@ if name ~= "exit" and name ~= "exit_group" and name ~= "clone" and name ~= "rt_sigreturn" then
	movq	$-1, %rdi
	xorl	%esi, %esi
	xorl	%edx, %edx
	xorl	%ecx, %ecx
	xorl	%r8d, %r8d
	xorl	%r9d, %r9d
	call	${sym("sys_" .. name)}
@@ end
@@ end
	addq	$8, %rsp
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
