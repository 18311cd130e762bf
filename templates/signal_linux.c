// Preemption and quit signals on ${target} (signals.preempt = ${signals.preempt}, signals.quit =
// ${signals.quit}): the handlers, signalling one M, and the signal masks around thread
// creation (runtime-core/os.h). Raw rt_sigaction/rt_sigprocmask on every link mode;
// hosted, an M is signalled with pthread_kill, freestanding with tgkill.
#include "runtime.h"
#include "os.h"
#include "sigctx.h"
#include "rt_port.h"
@@ if T.link.mode == "hosted" then
#include <pthread.h>
int pthread_kill(pthread_t thread, int sig); // <signal.h>'s, whose macros zdefs.h already has
@@ end

static bool failed(long r) { return r >= ${syscall_abi.error_min} && r <= ${syscall_abi.error_max}; }

// The kernel's sigaction (structs.kernel_sigaction), filled by offset.
static void sigaction_set(int sig, void (*fn)(int, void *, void *), unsigned long flags) {
    uint64_t sa[SIZEOF_kernel_sigaction / 8] = {0};
    char *b = (char *)sa;
    *(void (**)(int, void *, void *))(b + OFFSET_kernel_sigaction_handler) = fn;
@@ if structs.kernel_sigaction.fields.restorer then
    *(unsigned long *)(b + OFFSET_kernel_sigaction_flags) = flags | SA_RESTORER;
    *(void (**)(void))(b + OFFSET_kernel_sigaction_restorer) = sigreturn_trampoline;
@@ else
    *(unsigned long *)(b + OFFSET_kernel_sigaction_flags) = flags;
@@ end
    *(uint64_t *)(b + OFFSET_kernel_sigaction_mask) = ~(uint64_t)0; // nothing nests in them
    if (failed(sys_rt_sigaction(sig, (long)sa, 0, 8)))
        fatalf("initsig: rt_sigaction(%d) failed", sig);
}

// On the M's signal stack, with every signal blocked.
static void sig_preempt(int sig, void *info, void *ctx) {
    (void)sig, (void)info;
    sigpreempt(ctx);
}

static void sig_quit(int sig, void *info, void *ctx) {
    (void)sig, (void)info;
    sigquit(ctx);
}

void os_initsig_preempt(void) {
    sigaction_set(${signals.preempt}, sig_preempt, SA_SIGINFO | SA_ONSTACK | SA_RESTART);
    sigaction_set(${signals.quit}, sig_quit, SA_SIGINFO | SA_ONSTACK);
}

void os_preempt_m(m *mp) {
    uintptr_t id = atomic_load_relaxed(&mp->procid);
    if (id == 0)
        return;
@@ if T.link.mode == "hosted" then
    pthread_kill((pthread_t)id, ${signals.preempt});
@@ else
    static long pid;
    if (pid == 0)
        pid = sys_getpid();
    sys_tgkill(pid, (long)id, ${signals.preempt});
@@ end
}

// Not a tail call: the traceback then finds rt_raise_quit's caller above the stub.
void rt_raise_quit(void) {
    sys_tgkill(sys_getpid(), sys_gettid(), ${signals.quit});
    __asm__ volatile("" ::: "memory");
}

uint64_t os_sigblock_all(void) {
    uint64_t all = ~(uint64_t)0, old = 0;
    sys_rt_sigprocmask(SIG_SETMASK, (long)&all, (long)&old, 8);
    return old;
}

void os_sigrestore(uint64_t old) { sys_rt_sigprocmask(SIG_SETMASK, (long)&old, 0, 8); }

// A new M, once its g0, TLS and signal stack are set: who to signal, then every signal
// unblocked (os_newosproc ran with them all blocked).
void os_minit_signals(void) {
    m *mp = getg()->m;
@@ if T.link.mode == "hosted" then
    atomic_store(&mp->procid, (uintptr_t)pthread_self());
@@ else
    atomic_store(&mp->procid, (uintptr_t)sys_gettid());
@@ end
    os_sigrestore(0);
}

// The running executable, mapped read-only for the traceback's symbol lookup (its
// .symtab is in no loaded segment). Called once, on a fatal path.
const void *os_map_self(size_t *size) {
    long fd = sys_openat(AT_FDCWD, (long)"/proc/self/exe", O_RDONLY | O_CLOEXEC, 0);
    if (failed(fd))
        return NULL;
    long n = sys_lseek(fd, 0, SEEK_END);
    long p = failed(n) || n <= 0 ? -1 : sys_mmap(0, n, PROT_READ, MAP_PRIVATE, fd, 0);
    sys_close(fd);
    if (failed(p))
        return NULL;
    *size = (size_t)n;
    return (const void *)p;
}

// The frame async_preempt resumes from with rt_sigreturn (NULL where the stub restores
// the registers itself): the kernel also restores the signal stack and mask from it, so
// they must be those of the M the goroutine resumes on, not the one it was preempted on.
void os_preempt_frame_fixup(void *uc) {
    if (uc == NULL)
        return;
    char *stack = (char *)uc + OFFSET_ucontext_uc_stack;
    *(uintptr_t *)(stack + OFFSET_sigaltstack_ss_sp) = getg()->m->sigstack;
    *(int32_t *)(stack + OFFSET_sigaltstack_ss_flags) = 0;
    *(size_t *)(stack + OFFSET_sigaltstack_ss_size) = SIGNAL_STACK_SIZE;
    uint64_t cur = 0;
    sys_rt_sigprocmask(SIG_BLOCK, 0, (long)&cur, 8);
    *(uint64_t *)((char *)uc + OFFSET_ucontext_uc_sigmask) = cur;
}
