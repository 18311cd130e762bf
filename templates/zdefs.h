// Every constant of the ${target} table, for C and assembly.
#ifndef ZDEFS_${upper(os)}_${upper(arch)}_H
#define ZDEFS_${upper(os)}_${upper(arch)}_H

#define TARGET_NAME "${target}"
#define PTR_SIZE ${ptr_size}
#define STACK_ALIGN ${stack_align}
#define CACHELINE_SIZE ${cacheline}
#define LINK_HOSTED ${T.link.mode == "hosted" and 1 or 0}

// g0 of m0, carved from the OS stack at entry.
#define G0_STACK_SIZE ${g0.size}
#define G0_STACK_SLACK ${g0.slack}

// Goroutine and M stacks.
#define STACK_DEFAULT_SIZE ${stacks.default_size}
// The least guard below a stack; the runtime rounds it up to the page size the OS reports
// (STACK_GUARD_SIZE in runtime-core/os.h).
#define STACK_GUARD_MIN ${stacks.guard_size}
#define STACK_GUARD_BUDGET_PERCENT ${stacks.guard_budget_percent}
#define STACK_GUARD ${stacks.stack_guard}
#define M_G0_STACK_SIZE ${stacks.m_g0_size}
#define MAXMCOUNT ${sched.maxmcount}
#define SCHED_PREEMPT_NS ${sched.preempt_ns}
#define SIGNAL_STACK_SIZE ${signals.stack_size}
#define M_STACK_SYSTEM_ALLOCATED ${T.threads.method == "pthread" and 1 or 0}
@@ if runtime_text then

// runtime_text: the bounds of the runtime's code and of the program's, from the linker.
#define RUNTIME_TEXT_START "${runtime_text.start}"
#define RUNTIME_TEXT_STOP "${runtime_text.stop}"
#define PROGRAM_TEXT_START "${runtime_text.exe_start}"
#define PROGRAM_TEXT_STOP "${runtime_text.exe_stop}"
@@ if runtime_text.pragma then
#if !defined(__ASSEMBLER__)
// The runtime's C code in its own section (runtime_text.pragma).
#pragma clang section text = "${runtime_text.pragma}"
#endif
@@ end
@@ end
@@ if debug.checks then

// debug.checks: runtime assertions (runtime-core/debug.c): lock ranks, and canaries at
// both ends of every goroutine stack, checked at each switch.
#define RT_DEBUG 1
@@ end

// Context switch: callee-saved registers kept on the stack.
#define CTX_SAVED_REGS ${#regs.callee_saved}

// OS constants.
@@ for name, value in sorted(constants) do
#define ${name} ${value}
@@ end
@@ if syscalls then

// Syscall numbers.
@@ for name, s in sorted(syscalls) do
#define SYS_${name} ${s.nr}
@@ end
@@ end
@@ if auxv then

// Auxiliary vector tags.
@@ for _, a in ipairs(auxv) do
#define ${a.name} ${a.tag}
@@ end
@@ end

// Kernel struct layouts.
@@ for name, s in sorted(structs) do
#define SIZEOF_${name} ${s.size}
@@ for field, off in sorted(s.fields) do
#define OFFSET_${name}_${field} ${off}
@@ end
@@ end
@@ if syscalls then

#if !defined(__ASSEMBLER__)
// Raw syscall stubs (sys_${os}_${arch}.S): each returns the result or -errno.
@@ for name, s in sorted(syscalls) do
@@ if name ~= "clone" then
@@ local params = {}
@@ for i = 1, s.nargs do params[i] = "long" end
long sys_${name}(${s.nargs > 0 and join(params, ", ") or "void"});
@@ end
@@ end
@@ if syscalls.rt_sigreturn then
void sigreturn_trampoline(void);
@@ end
@@ if syscalls.clone then
long sys_clone_thread(unsigned long flags, void *stack, void *tls, void (*fn)(void *), void *arg);
@@ end
#endif
@@ end

#endif
