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
@@ local gprs = { "rax", "rbx", "rcx", "rdx", "rsi", "rbp", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15" }
@@ local regcheck_spin_section = object_format == "elf" and 'rt0_port_spin,"ax",@progbits' or "__TEXT,__text"

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

// uint64_t rt_regcheck_preempt(volatile uint32_t *done)
// Loads a distinct pattern into every general register but %rdi and %rsp and into both
// halves of every xmm register, spins until *done is nonzero (another goroutine sets it
// once it ran: at one P, only after async_preempt stopped this one), then returns a mask:
// bit k-1 for the k-th of ${join(gprs, ", ")} that changed, bit 16+j for xmm j.
// In its own section, outside the runtime's code: a preempt signal may land in the loop.
	.section ${regcheck_spin_section}
@@ A.fn_begin("rt_regcheck_preempt")
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
@@ for j = 0, 15 do
	movabsq	$${hex(0x5c5c000000000000 + j)}, %rax
	movq	%rax, %xmm${j}
	punpcklqdq %xmm${j}, %xmm${j}
@@ end
@@ for k, r in ipairs(gprs) do
	movabsq	$${hex(0x5b5b000000000000 + k)}, %${r}
@@ end
1:	pause
	cmpl	$0, (%rdi)
	je	1b
	subq	$256, %rsp
@@ for j = 0, 15 do
	movdqu	%xmm${j}, ${16 * j}(%rsp)
@@ end
@@ for _, r in ipairs(gprs) do
	pushq	%${r}
@@ end
	xorl	%eax, %eax
@@ for k, r in ipairs(gprs) do
	movabsq	$${hex(0x5b5b000000000000 + k)}, %rdi
	cmpq	%rdi, ${(#gprs - k) * 8}(%rsp)
	je	2f
	orq	$${1 << (k - 1)}, %rax		// ${r} changed
2:
@@ end
@@ for j = 0, 15 do
	movabsq	$${hex(0x5c5c000000000000 + j)}, %rdi
	cmpq	%rdi, ${#gprs * 8 + 16 * j}(%rsp)
	jne	3f
	cmpq	%rdi, ${#gprs * 8 + 16 * j + 8}(%rsp)
	je	4f
3:	btsq	$${16 + j}, %rax		// xmm${j} changed
4:
@@ end
	addq	$${#gprs * 8 + 256}, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	ret
@@ A.fn_end("rt_regcheck_preempt")
	.text
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
