// rt0 for ${target}: the process entry and rt0_go, following Go's asm_amd64.s sequence.
// Each step names the bootstrap step it implements; values come from the table.
#include "zdefs_${os}_${arch}.h"
#include "zasm_offsets.h"
@@ local L = asm.local_label_prefix -- assembler-local labels: .L on ELF, L on Mach-O
@@ local A = import("asm.inc")

	.text

@@ if entry.args == "stack" then
// ${entry.symbol}: the kernel starts us with argc at 0(%rsp) and argv at 8(%rsp)
// (entry.args = stack).
@@ A.fn_begin(entry.symbol)
	movq	0(%rsp), %rdi		// argc
	leaq	8(%rsp), %rsi		// argv
	jmp	${sym("rt0_go")}
@@ A.fn_end(entry.symbol)
@@ else
// ${entry.symbol}: called like main(argc, argv, ...) with argc in %rdi and argv in %rsi
// (entry.args = registers).
@@ if entry.load_command == "LC_MAIN" then
// entry.load_command = LC_MAIN: dyld calls it as main(argc, argv, envp, apple); sysargs
// finds envp and the apple strings again past argv's NULL, as Go does.
@@ end
@@ A.fn_begin(entry.symbol)
	jmp	${sym("rt0_go")}
@@ A.fn_end(entry.symbol)
@@ end

// rt0_go(argc in %rdi, argv in %rsi): never returns.
@@ A.fn_begin("rt0_go")
	// Copy argc and argv to a 16-aligned frame: 3 argument slots and 2 locals.
	movq	%rdi, %rax
	movq	%rsi, %rbx
	subq	$${5 * ptr_size}, %rsp
	andq	$${-stack_align}, %rsp
	movq	%rax, 24(%rsp)
	movq	%rbx, 32(%rsp)

	// Carve g0's stack from the OS stack: lo = SP - ${g0.size} + ${g0.slack}, hi = SP,
	// stackguard0 = stackguard1 = lo.
	leaq	${-g0.size + g0.slack}(%rsp), %rbx
	leaq	${sym("g0")}(%rip), %rcx
	movq	%rbx, g_stackguard0(%rcx)
	movq	%rbx, g_stackguard1(%rcx)
	movq	%rbx, g_stack_lo(%rcx)
	movq	%rsp, g_stack_hi(%rcx)

	// CPUID leaf 0: is this GenuineIntel? Record is_intel and lfence_before_rdtsc.
	xorl	%eax, %eax
	cpuid
	testl	%eax, %eax
	jz	${L}nocpuinfo
	cmpl	$${hex(cpuid.intel_ebx)}, %ebx		// "Genu"
	jne	${L}notintel
	cmpl	$${hex(cpuid.intel_edx)}, %edx		// "ineI"
	jne	${L}notintel
	cmpl	$${hex(cpuid.intel_ecx)}, %ecx		// "ntel"
	jne	${L}notintel
	movl	$1, ${sym("is_intel")}(%rip)
	movl	$1, ${sym("lfence_before_rdtsc")}(%rip)
${L}notintel:
	// CPUID leaf 1: processor version information.
	movl	$1, %eax
	cpuid
	movl	%eax, ${sym("processor_version_info")}(%rip)
${L}nocpuinfo:

@@ if tls.method == "arch_prctl" then
	// settls: arch_prctl(ARCH_SET_FS, &m0.tls[0] + ${tls.base_adjust}); ELF wants g at -${tls.base_adjust}(%fs).
	leaq	${sym("m0")}(%rip), %rsi
	addq	$m_tls + ${tls.base_adjust}, %rsi
	movl	$${hex(tls.arch_set_fs)}, %edi		// ARCH_SET_FS
	movl	$${syscalls[tls.settls_syscall].nr}, %eax		// SYS_${tls.settls_syscall}
	${syscall_abi.instruction}
	cmpq	$${syscall_abi.error_min}, %rax
	jae	${L}badtls

	// Check TLS works: store ${hex(tls.check_value)} through %fs and read it back from m0.tls[0].
	movq	$${hex(tls.check_value)}, %fs:${-tls.base_adjust}
	leaq	${sym("m0")}(%rip), %rax
	movq	m_tls(%rax), %rax
	cmpq	$${hex(tls.check_value)}, %rax
	jne	${L}badtls
@@ elseif tls.method == "elf_tls" then
	// elf_tls: libc set the thread pointer up. Check it: store ${hex(tls.check_value)} into tls_g
	// through %fs and read it back through the thread control block's self pointer.
	movq	$${hex(tls.check_value)}, %fs:tls_g@tpoff
	movq	%fs:0, %rax
	movq	tls_g@tpoff(%rax), %rax
	cmpq	$${hex(tls.check_value)}, %rax
	jne	${L}badtls
@@ elseif tls.method == "darwin_tsd" then
	// darwin_tsd: no settls on Darwin. pthread set the gs base up already: it points at
	// the thread's TSD array, the slot of key k at ${ptr_size}*k(%gs).
@@ if tls.tsd_slot == "pthread_key" then
	// tsd_slot = pthread_key: g's slot is a new key, pthread_key_create(&tls_key, NULL).
	leaq	${sym("tls_key")}(%rip), %rdi
	xorl	%esi, %esi
	call	${sym("pthread_key_create")}
	testl	%eax, %eax
	jnz	${L}badtls
	// darwin_tls_check(gs:0, 0): the gs base must be pthread's TSD array (a new key's
	// slot is free by definition). A fatal error that says why if not.
	movq	%gs:0, %rdi
	xorl	%esi, %esi
	call	${sym("darwin_tls_check")}
	movq	${sym("tls_key")}(%rip), %rdi
	movq	$${hex(tls.check_value)}, %gs:(,%rdi,${ptr_size})
@@ else
	// tsd_slot = fixed: g's slot is key ${tls.gs_offset // ptr_size} at ${hex(tls.gs_offset)}(%gs).
	// darwin_tls_check(gs:0, the slot's value): gs must be pthread's TSD array and the slot
	// free, not claimed by another runtime in the process; a fatal error that says why if
	// not. (The store and read-back below cannot tell: both go through the same slot.)
	movq	%gs:0, %rdi
	movq	%gs:${hex(tls.gs_offset)}, %rsi
	call	${sym("darwin_tls_check")}
	movq	$${hex(tls.check_value)}, %gs:${hex(tls.gs_offset)}
	movl	$${tls.gs_offset // ptr_size}, %edi
@@ end
	// Check: ${hex(tls.check_value)} stored through %gs must be what pthread_getspecific(key)
	// reads, so %gs is pthread's TSD array and the slot is the key's.
	call	${sym("pthread_getspecific")}
	cmpq	$${hex(tls.check_value)}, %rax
	jne	${L}badtls
@@ end

	// Bind g0 and m0: g = &g0, m0.g0 = &g0, g0.m = &m0.
	leaq	${sym("g0")}(%rip), %rcx
@@ if tls.method == "arch_prctl" then
	movq	%rcx, %fs:${-tls.base_adjust}
@@ elseif tls.method == "elf_tls" then
	movq	%rcx, %fs:tls_g@tpoff
@@ elseif tls.method == "darwin_tsd" and tls.tsd_slot == "pthread_key" then
	movq	${sym("tls_key")}(%rip), %rdx
	movq	%rcx, %gs:(,%rdx,${ptr_size})
@@ elseif tls.method == "darwin_tsd" then
	movq	%rcx, %gs:${hex(tls.gs_offset)}
@@ end
	leaq	${sym("m0")}(%rip), %rax
	movq	%rcx, m_g0(%rax)
	movq	%rax, g_m(%rcx)

	// The C ABI wants the direction flag clear.
	cld

	call	${sym("check")}			// runtime self-tests
	movl	24(%rsp), %edi			// argc
	movq	32(%rsp), %rsi			// argv
	call	${sym("args")}			// save argv and envp, sysargs
	call	${sym("osinit")}			// ncpu, page sizes
	call	${sym("schedinit")}		// Ps, Ms, stacks, GOMAXPROCS

	// newproc(runtime_main): the main goroutine.
	leaq	${sym("runtime_main")}(%rip), %rdi
	xorl	%esi, %esi
	call	${sym("newproc")}

	call	${sym("mstart")}			// start this M: schedule, never returns
	call	${sym("crash")}			// mstart should never return

${L}badtls:
	call	${sym("crash")}
@@ A.fn_end("rt0_go")

// What the CPUID block records (cpuid.*): facts of this arch, defined here rather than in
// the portable core.
	.data
	.p2align 2
@@ for _, v in ipairs({ "is_intel", "lfence_before_rdtsc", "processor_version_info" }) do
	.globl	${sym(v)}
	${asm.hidden_directive}	${sym(v)}
${sym(v)}:
	.long	0
@@ end
	.text
@@ if tls.method == "elf_tls" then

// tls.method = elf_tls: g of the running thread, an initial-exec TLS variable that
// libc's thread setup allocates for every thread (getg in ztarget.h reaches it local-exec).
	.section .tbss,"awT",@nobits
	.globl	tls_g
	${asm.hidden_directive}	tls_g
	.type	tls_g, @object
	.size	tls_g, 8
	.p2align 3
tls_g:
	.zero	8
	.text
@@ end
@@ A.stack_note()
