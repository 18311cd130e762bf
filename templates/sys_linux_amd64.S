// Raw system calls, one stub per syscall in the table. Convention (syscall_abi):
// number in %${syscall_abi.number_reg}, arguments in ${join(syscall_abi.arg_regs, " ")},
// result in %${syscall_abi.ret_reg}, ${syscall_abi.error_min}..${syscall_abi.error_max} is -errno;
// ${join(syscall_abi.clobbers, " and ")} are clobbered by the instruction. C passes the 4th
// argument in %rcx, the kernel wants it in %r10.
#include "zdefs_${os}_${arch}.h"
@@ local A = import("asm.inc")

	.text
@@ for name, s in sorted(syscalls) do
@@ if name ~= "clone" and name ~= "rt_sigreturn" then

// long sys_${name}(${s.nargs} args)
@@ A.fn_begin("sys_" .. name)
@@ if s.nargs >= 4 then
	movq	%rcx, %r10
@@ end
	movl	$${s.nr}, %eax		// SYS_${name}
	${syscall_abi.instruction}
	ret
@@ A.fn_end("sys_" .. name)
@@ end
@@ end
@@ if syscalls.clone then
@@ local tls_reg = syscall_abi.arg_regs[threads.clone_tls_arg]
@@ local ctid_reg = syscall_abi.arg_regs[threads.clone_tls_arg == 4 and 5 or 4]

// long sys_clone_thread(unsigned long flags, void *stack, void *tls, void (*fn)(void *), void *arg)
// clone with the TLS base in argument ${threads.clone_tls_arg} (threads.clone_tls_arg); the child
// starts on the new stack, calls fn(arg) and exits its thread if fn ever returns. fn and arg ride in %r12/%r13, which both
// threads inherit; they are callee-saved, so the parent restores them.
@@ A.fn_begin("sys_clone_thread")
	pushq	%r12
	pushq	%r13
	movq	%rcx, %r12		// fn
	movq	%r8, %r13		// arg
	movq	%rdx, %${tls_reg}		// tls, clone's argument ${threads.clone_tls_arg} (threads.clone_tls_arg)
	movq	$0, %${syscall_abi.arg_regs[3]}		// parent_tid
	movq	$0, %${ctid_reg}		// child_tid
	movl	$${syscalls.clone.nr}, %eax		// SYS_clone
	${syscall_abi.instruction}
	testq	%rax, %rax
	jz	1f
	popq	%r13			// parent (or error): back to the caller
	popq	%r12
	ret
1:	// child: %rsp is the new stack, 16-aligned by the caller
	xorl	%ebp, %ebp		// outermost frame for debuggers
	movq	%r13, %rdi
	call	*%r12
	movl	$0, %edi
	movl	$${syscalls.exit.nr}, %eax		// SYS_exit: this thread only
	${syscall_abi.instruction}
	ud2
@@ A.fn_end("sys_clone_thread")
@@ end
@@ if syscalls.rt_sigreturn then

// void sigreturn_trampoline(void)
// The restorer of every handler (SA_RESTORER): back from a signal into the interrupted code.
@@ A.fn_begin("sigreturn_trampoline")
	movl	$${syscalls.rt_sigreturn.nr}, %eax		// SYS_rt_sigreturn
	${syscall_abi.instruction}
	ud2
@@ A.fn_end("sigreturn_trampoline")
@@ end
@@ A.stack_note()
