// Preemption and quit signals on ${target} (signals.preempt = ${signals.preempt}, signals.quit =
// ${signals.quit}) through libSystem: the handlers, pthread_kill to signal one M, and
// pthread_sigmask around thread creation (runtime-core/os.h). Declares only the
// libSystem functions it calls (they are in libsystem.functions, so the stub has them).
#include "runtime.h"
#include "os.h"
#include "sigctx.h"
#include "rt_port.h"

struct darwin_sigaction { // structs.sigaction, as os_${os}.c has it
    void (*handler)(int, void *, void *);
    uint32_t mask;
    int32_t flags;
};
_Static_assert(sizeof(struct darwin_sigaction) == SIZEOF_sigaction, "structs.sigaction.size");
_Static_assert(offsetof(struct darwin_sigaction, flags) == OFFSET_sigaction_flags,
               "structs.sigaction.fields.flags");

int sigaction(int sig, const struct darwin_sigaction *act, struct darwin_sigaction *old);
int pthread_kill(void *thread, int sig);
int pthread_sigmask(int how, const uint32_t *set, uint32_t *old);
void *pthread_self(void);

// On the M's signal stack, with every signal blocked.
static void sig_preempt(int sig, void *info, void *ctx) {
    (void)sig, (void)info;
    sigpreempt(ctx);
}

static void sig_quit(int sig, void *info, void *ctx) {
    (void)sig, (void)info;
    sigquit(ctx);
}
@@ if sigctx.resume_signal then

// sigctx.resume_signal = ${sigctx.resume_signal}: async_preempt restored every register of the
// goroutine but the PC, lr and sp, which it left as sigctx_push_call made them, and
// trapped at async_preempt_trap. Undoing the push here, the signal return restores all
// of them at once. Any other ${sigctx.resume_signal} is fatal.
extern const char async_preempt_trap[] __asm__("${sym("async_preempt_trap")}");

static void sig_resume(int sig, void *info, void *ctx) {
    if (sigctx_pc(ctx) == (uintptr_t)async_preempt_trap) {
        sigctx_pop_call(ctx);
        return;
    }
    sigfatal(sig, *(uintptr_t *)((char *)info + OFFSET_siginfo_si_addr), ctx);
}
@@ end

void os_initsig_preempt(void) {
    struct darwin_sigaction sa = {sig_preempt, ~(uint32_t)0, SA_SIGINFO | SA_ONSTACK | SA_RESTART};
    if (sigaction(${signals.preempt}, &sa, NULL) != 0)
        fatal("initsig: sigaction(${signals.preempt}) failed");
    struct darwin_sigaction quit = {sig_quit, ~(uint32_t)0, SA_SIGINFO | SA_ONSTACK};
    if (sigaction(${signals.quit}, &quit, NULL) != 0)
        fatal("initsig: sigaction(${signals.quit}) failed");
@@ if sigctx.resume_signal then
    struct darwin_sigaction resume = {sig_resume, ~(uint32_t)0, SA_SIGINFO | SA_ONSTACK};
    if (sigaction(${sigctx.resume_signal}, &resume, NULL) != 0)
        fatal("initsig: sigaction(${sigctx.resume_signal}) failed");
@@ end
}

void os_preempt_m(m *mp) {
    uintptr_t id = atomic_load_relaxed(&mp->procid);
    if (id != 0)
        pthread_kill((void *)id, ${signals.preempt});
}

void rt_raise_quit(void) {
    pthread_kill(pthread_self(), ${signals.quit});
}

uint64_t os_sigblock_all(void) {
    uint32_t all = ~(uint32_t)0, old = 0;
    pthread_sigmask(SIG_SETMASK, &all, &old);
    return old;
}

void os_sigrestore(uint64_t old) {
    uint32_t set = (uint32_t)old;
    pthread_sigmask(SIG_SETMASK, &set, NULL);
}

// A new M, once its g0, TLS and signal stack are set: who to signal, then every signal
// unblocked (os_newosproc ran with them all blocked).
void os_minit_signals(void) {
    atomic_store(&getg()->m->procid, (uintptr_t)pthread_self());
    os_sigrestore(0);
}

int open(const char *path, int flags, ...);
int64_t lseek(int fd, int64_t off, int whence);
void *mmap(void *addr, size_t len, int prot, int flags, int fd, int64_t off);
int close(int fd);

// The running executable (dyld's executable_path), mapped read-only for the traceback's
// symbol lookup (runtime-core/parts/macho_symtab.c reads its LC_SYMTAB). Called once,
// on a fatal path.
const void *os_map_self(size_t *size) {
    if (osinfo.executable_path == NULL)
        return NULL;
    int fd = open(osinfo.executable_path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    int64_t n = lseek(fd, 0, SEEK_END);
    void *p = n > 0 ? mmap(NULL, (size_t)n, PROT_READ, MAP_PRIVATE, fd, 0) : (void *)-1;
    close(fd);
    if (p == (void *)-1)
        return NULL;
    *size = (size_t)n;
    return p;
}

// async_preempt restores the registers itself on amd64: no frame to fix.
void os_preempt_frame_fixup(void *uc) { (void)uc; }
