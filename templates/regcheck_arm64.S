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
// uint64_t rt_regcheck_preempt(volatile uint32_t *done)
// Loads a distinct pattern into x1-x16, x18-x28 and every q register, spins until *done
// is nonzero (another goroutine sets it once it ran: at one P, only after async_preempt
// stopped this one; x17 is the loop's scratch), then returns a mask: bit n for xn, bit
// 32+j for qj. In its own section, outside the runtime's code, so a preempt signal may
// land in the loop.
	.section ${object_format == "elf" and 'rt0_port_spin,"ax",%progbits' or "__TEXT,__text"}
@@ local xs = {}
@@ for n = 1, 28 do if n ~= 17 then xs[#xs + 1] = n end end
@@ local function pattern(reg, base, n)
	movz	${reg}, #${n}
	movk	${reg}, #${hex(base)}, lsl #48
@@ end
@@ A.fn_begin("rt_regcheck_preempt")
	stp	x29, x30, [sp, #-16]!
	mov	x29, sp
	sub	sp, sp, #160
	stp	x19, x20, [sp, #0]
	stp	x21, x22, [sp, #16]
	stp	x23, x24, [sp, #32]
	stp	x25, x26, [sp, #48]
	stp	x27, x28, [sp, #64]
	stp	d8, d9, [sp, #80]
	stp	d10, d11, [sp, #96]
	stp	d12, d13, [sp, #112]
	stp	d14, d15, [sp, #128]
@@ for j = 0, 31 do
@@ pattern("x1", 0x5c5c, j)
	dup	v${j}.2d, x1
@@ end
@@ for _, n in ipairs(xs) do
@@ pattern("x" .. n, 0x5b5b, n)
@@ end
1:	ldr	w17, [x0]
	cbz	w17, 1b
	sub	sp, sp, #${32 * 16 + 32 * 8}
@@ for j = 0, 30, 2 do
	stp	q${j}, q${j + 1}, [sp, #${16 * j}]
@@ end
@@ for _, n in ipairs(xs) do
	str	x${n}, [sp, #${512 + 8 * n}]
@@ end
	mov	x0, #0
@@ for _, n in ipairs(xs) do
	ldr	x16, [sp, #${512 + 8 * n}]
@@ pattern("x17", 0x5b5b, n)
	cmp	x16, x17
	b.eq	2f
	orr	x0, x0, #${hex(1 << n)}		// x${n} changed
2:
@@ end
@@ for j = 0, 31 do
@@ pattern("x17", 0x5c5c, j)
	ldp	x15, x16, [sp, #${16 * j}]
	cmp	x15, x17
	ccmp	x16, x17, #0, eq
	b.eq	3f
	orr	x0, x0, #${hex(1 << (32 + j))}		// q${j} changed
3:
@@ end
	add	sp, sp, #${32 * 16 + 32 * 8}
	ldp	x19, x20, [sp, #0]
	ldp	x21, x22, [sp, #16]
	ldp	x23, x24, [sp, #32]
	ldp	x25, x26, [sp, #48]
	ldp	x27, x28, [sp, #64]
	ldp	d8, d9, [sp, #80]
	ldp	d10, d11, [sp, #96]
	ldp	d12, d13, [sp, #112]
	ldp	d14, d15, [sp, #128]
	add	sp, sp, #160
	ldp	x29, x30, [sp], #16
	ret
@@ A.fn_end("rt_regcheck_preempt")
	.text

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
