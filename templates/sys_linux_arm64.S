// Raw system calls, one stub per syscall in the table. Convention (syscall_abi):
// `${syscall_abi.instruction}` with the number in ${syscall_abi.number_reg}, arguments in ${join(syscall_abi.arg_regs, " ")} — where
// C already put them — and the result in ${syscall_abi.ret_reg}; ${syscall_abi.error_min}..${syscall_abi.error_max} is -errno.
#include "zdefs_${os}_${arch}.h"
@@ local A = import("asm.inc")

	.text
@@ for name, s in sorted(syscalls) do
@@ if name ~= "clone" and name ~= "rt_sigreturn" then

// long sys_${name}(${s.nargs} args)
@@ A.fn_begin("sys_" .. name)
	mov	${syscall_abi.number_reg}, #${s.nr}
	${syscall_abi.instruction}
	ret
@@ A.fn_end("sys_" .. name)
@@ end
@@ end
@@ if syscalls.clone then
@@ local tls_reg = syscall_abi.arg_regs[threads.clone_tls_arg]
@@ local ctid_reg = syscall_abi.arg_regs[threads.clone_tls_arg == 4 and 5 or 4]

// long sys_clone_thread(unsigned long flags, void *stack, void *tls, void (*fn)(void *), void *arg)
// clone with the TLS base in argument ${threads.clone_tls_arg} (threads.clone_tls_arg); the child starts on
// the new stack, calls fn(arg) and exits its thread if fn returns. fn and arg ride in
// x10/x11, which the kernel preserves and both threads inherit.
@@ A.fn_begin("sys_clone_thread")
	mov	x10, x3			// fn
	mov	x11, x4			// arg
	mov	${tls_reg}, x2			// tls
	mov	x2, #0			// parent_tid
	mov	${ctid_reg}, #0			// child_tid
	mov	${syscall_abi.number_reg}, #${syscalls.clone.nr}		// SYS_clone
	${syscall_abi.instruction}
	cbz	x0, 1f
	ret				// parent (or -errno)
1:	// child: sp is the new stack, 16-aligned by the caller
	mov	x29, #0
	mov	x30, #0
	mov	x0, x11
	blr	x10
	mov	x0, #0
	mov	${syscall_abi.number_reg}, #${syscalls.exit.nr}		// SYS_exit: this thread only
	${syscall_abi.instruction}
	brk	#0
@@ A.fn_end("sys_clone_thread")
@@ end
@@ if syscalls.rt_sigreturn then

// void sigreturn_trampoline(void)
// The restorer of every handler (SA_RESTORER): back from a signal into the interrupted code.
@@ A.fn_begin("sigreturn_trampoline")
	mov	${syscall_abi.number_reg}, #${syscalls.rt_sigreturn.nr}		// SYS_rt_sigreturn
	${syscall_abi.instruction}
	brk	#0
@@ A.fn_end("sigreturn_trampoline")
@@ end
@@ A.stack_note()
