// Raw system calls, one stub per syscall in the table. Convention (syscall_abi):
// `${syscall_abi.instruction}` with the number in ${syscall_abi.number_reg}, arguments in ${join(syscall_abi.arg_regs, " ")} — where
// C already put them — and the result in ${syscall_abi.ret_reg}. Failure is CR0.SO set with a positive
// errno in ${syscall_abi.ret_reg} (syscall_abi.error = ${syscall_abi.error}): each stub negates it, so the C layer sees
// ${syscall_abi.error_min}..${syscall_abi.error_max} as -errno, as on every Linux. ${join(syscall_abi.clobbers, " ")} are volatile.
#include "zdefs_${os}_${arch}.h"
@@ local A = import("asm.inc")
@@ local P = import("ppc64le.inc")
@@ local nr, ret = P.r(syscall_abi.number_reg), P.r(syscall_abi.ret_reg)
@@ local function arg(i) return P.r(syscall_abi.arg_regs[i]) end

	.text
@@ for name, s in sorted(syscalls) do
@@ if name ~= "clone" and name ~= "rt_sigreturn" then

// long sys_${name}(${s.nargs} args)
@@ A.fn_begin("sys_" .. name)
	li	${nr}, ${s.nr}
	${syscall_abi.instruction}
	bnslr+				// CR0.SO clear: the result
	neg	${ret}, ${ret}			// -errno
	blr
@@ A.fn_end("sys_" .. name)
@@ end
@@ end
@@ if syscalls.clone then
@@ local tls_arg = threads.clone_tls_arg
@@ local ctid_arg = tls_arg == 4 and 5 or 4

// long sys_clone_thread(unsigned long flags, void *stack, void *tls, void (*fn)(void *), void *arg)
// clone with the TLS base in argument ${tls_arg} (threads.clone_tls_arg); the child starts on
// the new stack, calls fn(arg) and exits its thread if fn returns. fn and arg ride on the
// new stack just below its top (as Go's clone does), where only the child looks.
@@ A.fn_begin("sys_clone_thread")
	std	%r6, -8(%r4)			// fn
	std	%r7, -16(%r4)			// arg
	mr	${arg(tls_arg)}, %r5			// tls
	li	${arg(3)}, 0			// parent_tid
	li	${arg(ctid_arg)}, 0			// child_tid
	li	${nr}, ${syscalls.clone.nr}		// SYS_clone
	${syscall_abi.instruction}
	bns+	1f
	neg	${ret}, ${ret}			// parent: -errno
	blr
1:	cmpdi	${ret}, 0
	bnelr				// parent: the child's tid
	// child: r1 is the new stack, ${stack_align}-aligned by the caller; r2 and r13 (tls) are set.
	ld	%r12, -8(%r1)
	ld	%r3, -16(%r1)
@@ P.outermost_frame(32)
	mtctr	%r12			// ELFv2: r12 = the entry of an indirect call
	bctrl
	li	%r3, 0
	li	${nr}, ${syscalls.exit.nr}		// SYS_exit: this thread only
	${syscall_abi.instruction}
	trap
@@ A.fn_end("sys_clone_thread")
@@ end
@@ if syscalls.rt_sigreturn then

// void sigreturn_trampoline(void)
// The restorer of every handler (SA_RESTORER): back from a signal into the interrupted code.
@@ A.fn_begin("sigreturn_trampoline")
	li	${nr}, ${syscalls.rt_sigreturn.nr}		// SYS_rt_sigreturn
	${syscall_abi.instruction}
	trap
@@ A.fn_end("sigreturn_trampoline")
@@ end
@@ A.stack_note()
