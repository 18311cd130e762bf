// rt0 for ${target}: the process entry and rt0_go, following Go's asm_amd64.s sequence.
// Each step names the bootstrap step it implements; values come from the table.
#include "zdefs_${os}_${arch}.h"
#include "zasm_offsets.h"
@@ local function fn_begin(name)
	.globl	${sym(name)}
@@ if name ~= entry.symbol then
	${asm.hidden_directive}	${sym(name)}
@@ end
@@ if asm.type_directives then
	.type	${sym(name)}, @function
@@ end
	.p2align 4
${sym(name)}:
@@ end
@@ local function fn_end(name)
@@ if asm.type_directives then
	.size	${sym(name)}, .-${sym(name)}
@@ end
@@ end

	.text

@@ if entry.args == "stack" then
// ${entry.symbol}: the kernel starts us with argc at 0(%rsp) and argv at 8(%rsp)
// (entry.args = stack).
@@ fn_begin(entry.symbol)
	movq	0(%rsp), %rdi		// argc
	leaq	8(%rsp), %rsi		// argv
	jmp	${sym("rt0_go")}
@@ fn_end(entry.symbol)
@@ else
// ${entry.symbol}: called like main(argc, argv, ...) with argc in %rdi and argv in %rsi
// (entry.args = registers).
@@ fn_begin(entry.symbol)
	jmp	${sym("rt0_go")}
@@ fn_end(entry.symbol)
@@ end

// rt0_go(argc in %rdi, argv in %rsi): never returns.
@@ fn_begin("rt0_go")
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
	jz	.Lnocpuinfo
	cmpl	$${hex(cpuid.intel_ebx)}, %ebx		// "Genu"
	jne	.Lnotintel
	cmpl	$${hex(cpuid.intel_edx)}, %edx		// "ineI"
	jne	.Lnotintel
	cmpl	$${hex(cpuid.intel_ecx)}, %ecx		// "ntel"
	jne	.Lnotintel
	movl	$1, ${sym("is_intel")}(%rip)
	movl	$1, ${sym("lfence_before_rdtsc")}(%rip)
.Lnotintel:
	// CPUID leaf 1: processor version information.
	movl	$1, %eax
	cpuid
	movl	%eax, ${sym("processor_version_info")}(%rip)
.Lnocpuinfo:

@@ if tls.method == "arch_prctl" then
	// settls: arch_prctl(ARCH_SET_FS, &m0.tls[0] + ${tls.base_adjust}); ELF wants g at -${tls.base_adjust}(%fs).
	leaq	${sym("m0")}(%rip), %rsi
	addq	$m_tls + ${tls.base_adjust}, %rsi
	movl	$${hex(tls.arch_set_fs)}, %edi		// ARCH_SET_FS
	movl	$${syscalls.arch_prctl.nr}, %eax		// SYS_arch_prctl
	${syscall_abi.instruction}
	cmpq	$${syscall_abi.error_min}, %rax
	jae	.Lbadtls

	// Check TLS works: store ${hex(tls.check_value)} through %fs and read it back from m0.tls[0].
	movq	$${hex(tls.check_value)}, %fs:${-tls.base_adjust}
	leaq	${sym("m0")}(%rip), %rax
	movq	m_tls(%rax), %rax
	cmpq	$${hex(tls.check_value)}, %rax
	jne	.Lbadtls
@@ elseif tls.method == "elf_tls" then
	// elf_tls: libc set the thread pointer up. Check it: store ${hex(tls.check_value)} into tls_g
	// through %fs and read it back through the thread control block's self pointer.
	movq	$${hex(tls.check_value)}, %fs:tls_g@tpoff
	movq	%fs:0, %rax
	movq	tls_g@tpoff(%rax), %rax
	cmpq	$${hex(tls.check_value)}, %rax
	jne	.Lbadtls
@@ elseif tls.method == "darwin_tsd" then
	// darwin_tsd: pthread already set %gs up (no settls on Darwin). Check the slot holds
	// what we store into it.
	movq	$${hex(tls.check_value)}, %gs:${tls.gs_offset}
	movq	%gs:${tls.gs_offset}, %rax
	cmpq	$${hex(tls.check_value)}, %rax
	jne	.Lbadtls
@@ end

	// Bind g0 and m0: g = &g0, m0.g0 = &g0, g0.m = &m0.
	leaq	${sym("g0")}(%rip), %rcx
@@ if tls.method == "arch_prctl" then
	movq	%rcx, %fs:${-tls.base_adjust}
@@ elseif tls.method == "elf_tls" then
	movq	%rcx, %fs:tls_g@tpoff
@@ elseif tls.method == "darwin_tsd" then
	movq	%rcx, %gs:${tls.gs_offset}
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

.Lbadtls:
	call	${sym("crash")}
@@ fn_end("rt0_go")
@@ if asm.gnu_stack_note then

	.section .note.GNU-stack,"",@progbits
@@ end
