// Port diagnostics for ${target} (declared in rt_port.h): rt_regcheck proves that a
// call preserves every register of regs.callee_saved, which the context switch and the
// syscall stubs must honour; a wrong register list in the table shows up here.
@@ local A = import("asm.inc")
@@ local P = import("ppc64le.inc")
@@ local saved = regs.callee_saved
@@ local F = P.frame(saved)
@@ -- Our frame: the switch's layout (it saves the same registers), then a 16-byte slot to
@@ -- move patterns between GPRs and FPRs/VRs, then the call's TOC save; 32-byte header.
@@ local slot = F.size
@@ local frame = F.size + 16
@@ local function pattern(i) return 0x5a5a000000000000 + i end
@@ -- cr fields get a 4-bit pattern each, from i: never 0, so a cleared field shows.
@@ local function crbits(i) return (i % 15) + 1 end
@@ local crpat = 0
@@ for i, r in ipairs(saved) do
@@   local n = r:match("^cr(%d)$")
@@   if n then crpat = crpat | (crbits(i) << (28 - 4 * math.tointeger(tonumber(n)))) end
@@ end
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

// uint64_t rt_regcheck(void (*fn)(void *), void *arg)
// Loads a distinct pattern into each of the ${#saved} callee-saved registers, calls fn(arg),
// and returns a mask with bit i set if register i of the list (${join(saved, ", ")})
// came back changed. The caller's own values are kept on the stack.
@@ A.fn_begin("rt_regcheck")
	mflr	%r0
	stdu	%r1, -${frame}(%r1)
	std	%r0, ${F.lr}(%r1)
	mfcr	%r0
	std	%r0, ${F.cr}(%r1)
	std	%r2, 24(%r1)			// TOC save doubleword
@@ save_or_load(true)
	mr	%r12, %r3			// fn: ELFv2 wants it in r12
	mr	%r3, %r4			// arg
@@ for i, s in ipairs(saved) do
@@ if s:match("^r") then
@@ P.li(s, pattern(i))
@@ elseif s:match("^[fv]") then
@@ P.li("r9", pattern(i))
	std	%r9, ${slot}(%r1)
	std	%r9, ${slot + 8}(%r1)
@@ if s:match("^f") then
	lfd	${P.r(s)}, ${slot}(%r1)
@@ else
	li	%r0, ${slot}
	lvx	${P.r(s)}, %r1, %r0
@@ end
@@ end
@@ end
@@ P.li("r9", crpat)
	mtcrf	${hex(F.crmask)}, %r9
	mtctr	%r12
	bctrl
	ld	%r2, 24(%r1)
	li	%r3, 0				// the mask
	mfcr	%r11
@@ for i, s in ipairs(saved) do
@@ local crn = s:match("^cr(%d)$")
@@ if crn then
	// ${s}: the field's 4 bits, rotated to the low end
	rlwinm	%r10, %r11, ${4 * math.tointeger(tonumber(crn)) + 4}, 28, 31
	cmpdi	%r10, ${crbits(i)}
@@ else
@@ P.li("r9", pattern(i))
@@ if s:match("^r") then
	cmpd	%r9, ${P.r(s)}
@@ elseif s:match("^f") then
	stfd	${P.r(s)}, ${slot}(%r1)
	ld	%r10, ${slot}(%r1)
	cmpd	%r9, %r10
@@ else
	li	%r0, ${slot}
	stvx	${P.r(s)}, %r1, %r0
	ld	%r10, ${slot}(%r1)
	cmpd	%r9, %r10
	bne	1f
	ld	%r10, ${slot + 8}(%r1)
	cmpd	%r9, %r10
@@ end
@@ end
	beq	2f
1:
@@ P.li("r9", 1 << (i - 1))
	or	%r3, %r3, %r9			// ${s} changed
2:
@@ end
@@ save_or_load(false)
	ld	%r0, ${F.cr}(%r1)
	mtcrf	${hex(F.crmask)}, %r0
	ld	%r0, ${F.lr}(%r1)
	mtlr	%r0
	addi	%r1, %r1, ${frame}
	blr
@@ A.fn_end("rt_regcheck")
@@ if syscalls then

// void rt_regcheck_syscalls(void *unused)
// Calls every generated syscall stub that is safe to call with a first argument of -1
// and zeros elsewhere (each fails with EINVAL, EFAULT, EBADF or ESRCH, or does nothing),
// for rt_regcheck to watch. exit, exit_group, clone and rt_sigreturn are left out.
@@ A.fn_begin("rt_regcheck_syscalls")
	mflr	%r0
	std	%r0, 16(%r1)
	stdu	%r1, -32(%r1)
@@ for name in sorted(syscalls) do
@@ if name ~= "exit" and name ~= "exit_group" and name ~= "clone" and name ~= "rt_sigreturn" then
	li	%r3, -1
	li	%r4, 0
	li	%r5, 0
	li	%r6, 0
	li	%r7, 0
	li	%r8, 0
	bl	${sym("sys_" .. name)}
	nop
@@ end
@@ end
	addi	%r1, %r1, 32
	ld	%r0, 16(%r1)
	mtlr	%r0
	blr
@@ A.fn_end("rt_regcheck_syscalls")
@@ else

// void rt_regcheck_syscalls(void *unused)
// ${os} has no raw syscall stubs (its OS services are library calls): nothing to watch.
@@ A.fn_begin("rt_regcheck_syscalls")
	blr
@@ A.fn_end("rt_regcheck_syscalls")
@@ end

// uint64_t rt_regcheck_preempt(volatile uint32_t *done)
// Loads a distinct pattern into r4-r12, r14-r31, all 64 VSX registers (f0-f31 and
// v0-v31 are halves of them), lr, ctr, XER and CR fields 1-7, spins until *done is
// nonzero (another goroutine sets it once it ran: at one P, only after async_preempt
// stopped this one; r0 and cr0 are the loop's), then returns a mask: bit n for rn, bit 1
// for lr, ctr, XER or CR (r1 is never patterned), bit 32+j for vsj or vs(32+j). In its
// own section, outside the runtime's code, so a preempt signal may land in the loop.
	.section ${object_format == "elf" and 'rt0_port_spin,"ax",%progbits' or "__TEXT,__text"}
@@ local gprs = {}
@@ for n = 4, 31 do if n ~= 13 then gprs[#gprs + 1] = n end end
@@ -- Frame: header, r14-r31, f14-f31, v20-v31, CR, a 16-byte staging slot, then the dump
@@ -- of every register after the loop: vs0-vs63, r0-r31, then lr, ctr, XER, CR.
@@ local sg, sf, sv, scr, stage = 32, 176, 320, 512, 528
@@ local dvs, dgp, dmisc = 544, 544 + 1024, 544 + 1024 + 256
@@ local fr = dmisc + 32
@@ local function A64(j) return 0x5c5c000000000000 + j end
@@ local function B64(j) return 0x5d5d000000000000 + j end
@@ local function G64(n) return 0x5b5b000000000000 + n end
@@ local misc = { { "lr", 0x5e5e000000000001 }, { "ctr", 0x5e5e000000000002 }, { "xer", 0x20000000 },
@@   { "cr", 0x01234567 } }
@@ A.fn_begin("rt_regcheck_preempt")
	mflr	%r0
	std	%r0, 16(%r1)
	stdu	%r1, -${fr}(%r1)
@@ for i = 14, 31 do
	std	${P.r("r" .. i)}, ${sg + 8 * (i - 14)}(%r1)
	stfd	${P.r("f" .. i)}, ${sf + 8 * (i - 14)}(%r1)
@@ end
@@ for i = 20, 31 do
	li	%r0, ${sv + 16 * (i - 20)}
	stvx	${P.r("v" .. i)}, %r1, %r0
@@ end
	mfcr	%r0
	std	%r0, ${scr}(%r1)
@@ for j = 0, 63 do
@@ P.li("r5", A64(j))
	std	%r5, ${stage}(%r1)
@@ P.li("r5", B64(j))
	std	%r5, ${stage + 8}(%r1)
	li	%r0, ${stage}
	lxvd2x	${P.r("vs" .. j)}, %r1, %r0
@@ end
@@ for _, x in ipairs(misc) do
@@ P.li("r5", x[2])
@@ if x[1] == "cr" then
	mtcrf	0x7f, %r5			// fields 1-7; cr0 is the loop's
@@ else
	mt${x[1]}	%r5
@@ end
@@ end
@@ for _, n in ipairs(gprs) do
@@ P.li("r" .. n, G64(n))
@@ end
1:	lwz	%r0, 0(%r3)
	cmpwi	%r0, 0
	beq	1b
@@ for j = 0, 63 do
	li	%r0, ${dvs + 16 * j}
	stxvd2x	${P.r("vs" .. j)}, %r1, %r0
@@ end
@@ for _, n in ipairs(gprs) do
	std	${P.r("r" .. n)}, ${dgp + 8 * n}(%r1)
@@ end
@@ for i, x in ipairs(misc) do
	mf${x[1]}	%r5
	std	%r5, ${dmisc + 8 * (i - 1)}(%r1)
@@ end
	li	%r3, 0				// the mask
@@ local function check(off, want, bit, mask)
@@ P.li("r6", want)
	ld	%r7, ${off}(%r1)
@@ if mask then
@@ P.li("r8", mask)
	and	%r7, %r7, %r8
@@ end
	cmpd	%r6, %r7
	beq	2f
@@ P.li("r7", bit)
	or	%r3, %r3, %r7
2:
@@ end
@@ for _, n in ipairs(gprs) do
@@ check(dgp + 8 * n, G64(n), 1 << n)
@@ end
@@ for j = 0, 63 do
@@ check(dvs + 16 * j, A64(j), 1 << (32 + j % 32))
@@ check(dvs + 16 * j + 8, B64(j), 1 << (32 + j % 32))
@@ end
@@ for i, x in ipairs(misc) do
@@ check(dmisc + 8 * (i - 1), x[2], 2, x[1] == "cr" and 0x0fffffff or (x[1] == "xer" and 0x20000000 or nil))
@@ end
@@ for i = 14, 31 do
	ld	${P.r("r" .. i)}, ${sg + 8 * (i - 14)}(%r1)
	lfd	${P.r("f" .. i)}, ${sf + 8 * (i - 14)}(%r1)
@@ end
@@ for i = 20, 31 do
	li	%r0, ${sv + 16 * (i - 20)}
	lvx	${P.r("v" .. i)}, %r1, %r0
@@ end
	ld	%r0, ${scr}(%r1)
	mtcrf	0xff, %r0
	addi	%r1, %r1, ${fr}
	ld	%r0, 16(%r1)
	mtlr	%r0
	blr
@@ A.fn_end("rt_regcheck_preempt")
	.text
@@ A.stack_note()
