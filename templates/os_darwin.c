// The Darwin OS layer of ${target}: the hooks of runtime-core/os.h on libSystem
// (${libsystem.dylib}). macOS has no stable syscall ABI, so nothing here traps into
// the kernel itself. Link mode ${T.link.mode}; threads: ${threads.method}; sleep: ${sleep.method};
// clock: ${clock.method}. Built without SDK headers (-ffreestanding): the libSystem
// functions and types this file uses are declared below from the table
// (libsystem.functions, structs).
#include "runtime.h"
#include "os.h"
#include "os_darwin_logic.h"

// libSystem's types, laid out as the table says; the pthread ones are opaque.
struct darwin_timespec {
    int64_t tv_sec;
    int64_t tv_nsec;
};
struct darwin_timebase {
    uint32_t numer;
    uint32_t denom;
};
// sigaction and sigaltstack's structs (the libc ones).
struct darwin_sigaction {
    void (*handler)(int, void *, void *);
    uint32_t mask;
    int32_t flags;
};
_Static_assert(sizeof(struct darwin_sigaction) == SIZEOF_sigaction, "structs.sigaction.size");
_Static_assert(offsetof(struct darwin_sigaction, flags) == OFFSET_sigaction_flags,
               "structs.sigaction.fields.flags");

struct darwin_stack {
    void *ss_sp;
    size_t ss_size;
    int32_t ss_flags;
};
_Static_assert(sizeof(struct darwin_stack) == SIZEOF_sigaltstack, "structs.sigaltstack.size");
_Static_assert(offsetof(struct darwin_stack, ss_flags) == OFFSET_sigaltstack_ss_flags,
               "structs.sigaltstack.fields.ss_flags");

@@ for _, t in ipairs({ "attr", "mutex", "cond" }) do
struct darwin_${t} {
    long sig;
    char opaque[SIZEOF_pthread_${t} - sizeof(long)];
};
@@ end
_Static_assert(sizeof(struct darwin_timespec) == SIZEOF_timespec, "structs.timespec.size");
_Static_assert(offsetof(struct darwin_timespec, tv_nsec) == OFFSET_timespec_tv_nsec,
               "structs.timespec.fields.tv_nsec");
_Static_assert(sizeof(struct darwin_timebase) == SIZEOF_mach_timebase_info, "structs.mach_timebase_info.size");
_Static_assert(offsetof(struct darwin_timebase, denom) == OFFSET_mach_timebase_info_denom,
               "structs.mach_timebase_info.fields.denom");
@@ for _, t in ipairs({ "attr", "mutex", "cond" }) do
_Static_assert(sizeof(struct darwin_${t}) == SIZEOF_pthread_${t}, "structs.pthread_${t}.size");
@@ end

// libSystem functions (libsystem.functions); gen/darwin.lua's link stub exports the same list.
// Structs that only other files of this layer define are declared first.
@@ local mentioned = {}
@@ for _, f in ipairs(libsystem.functions) do
@@ for s in f.params:gmatch("struct (darwin_[%w_]+)") do mentioned[s] = true end
@@ end
@@ for name in sorted(mentioned) do
struct ${name};
@@ end
// sleep.fallback = ${sleep.fallback or "none"}: with a fallback, __ulock_wait and __ulock_wake are weak
// imports, which dyld binds to NULL where libSystem lacks them (private SPI), so the
// fallback can run; a hard import would stop the program at load time instead.
@@ local weak = sleep.fallback == "pthread_cond" and { __ulock_wait = true, __ulock_wake = true } or {}
@@ for _, f in ipairs(libsystem.functions) do
${f.ret}${f.ret:sub(-1) == "*" and "" or " "}${f.name}(${f.params})${weak[f.name] and " __attribute__((weak_import))" or ""};
@@ end

#define darwin_errno (*__error())
@@ if tls.tsd_slot == "pthread_key" then

// tls.tsd_slot = pthread_key: the key rt0 got from pthread_key_create; g is in its slot.
uintptr_t tls_key;
@@ end

// rt0, on m0 before it has TLS (no g: may not lock or allocate), with the word in slot 0
// of the thread's TSD array and the value of g's slot before rt0 writes it: the slot must
// be pthread's and free. A failure is a fatal error that says why, where a failed
// store-and-read-back would be a bare trap before any signal handler exists. Every Darwin
// arch calls it (the TSD base is gs on amd64), so the messages name no register.
void darwin_tls_check(uintptr_t gs_self, uintptr_t slot);
void darwin_tls_check(uintptr_t gs_self, uintptr_t slot) {
    switch (darwin_tsd_check(gs_self, (uintptr_t)pthread_self(), slot)) {
    case DARWIN_TSD_OK:
        return;
    case DARWIN_TSD_NOT_PTHREAD:
        fatalf("TLS: slot 0 of the TSD array holds %p, not pthread_self() %p: the thread's "
               "TSD base is not pthread's (tls.method = ${tls.method})",
               (void *)gs_self, pthread_self());
    case DARWIN_TSD_SLOT_IN_USE:
        fatalf("TLS: pthread TSD slot ${(tls.gs_offset or 0) // ptr_size} (offset ${hex(tls.gs_offset or 0)}) already "
               "holds %p: another runtime in this process (a Go runtime, Wine) uses it "
               "(tls.gs_offset)",
               (void *)slot);
    }
}

// Clock: the timebase of mach_absolute_time, read once at start-up.
static struct darwin_timebase timebase;

// Start-up, on m0's g0, the first hook rt0 reaches (via args): the clock is set up here so
// that nothing can read it before. There is no auxv on Darwin: the executable path comes
// from the apple strings after envp, the seed from arc4random_buf and the secure bit from
// issetugid (Go's readRandom and initSecureMode).
void os_sysargs(int argc, char **argv) {
    if (mach_timebase_info(&timebase) != 0 || !darwin_timebase_ok(timebase.numer, timebase.denom))
        fatal("mach_timebase_info failed");
    osinfo.executable_path = darwin_executable_path(darwin_apple_strings(argv, argc));
    arc4random_buf(osinfo.random, sizeof osinfo.random);
    osinfo.have_random = true;
    osinfo.secure = issetugid() != 0;
}

// sysctl of an integer at a two-level MIB; returns sysctl's result, *len the bytes written.
static int sysctl_int(int top, int second, uint64_t *buf, size_t *len) {
    int mib[2] = {top, second};
    *buf = 0;
    *len = sizeof *buf;
    return sysctl(mib, 2, buf, len, NULL, 0);
}

// Start-up, after sysargs: ncpu and the page size from sysctl (osinit.ncpu_method =
// ${osinit.ncpu_method}); no huge pages; a mapping budget of ${osinit.max_map_count_default}.
void os_init(void) {
    uint64_t buf;
    size_t len;
    int rc = sysctl_int(${join(osinit.sysctl_ncpu, ", ")}, &buf, &len);
    osinfo.ncpu = darwin_cpu_count(rc, &buf, len);
    rc = sysctl_int(${join(osinit.sysctl_pagesize, ", ")}, &buf, &len);
    osinfo.page_size = darwin_page_size(rc, &buf, len);
    osinfo.huge_page_size = 0;
    osinfo.max_map_count = ${osinit.max_map_count_default};
    if (osinfo.page_size == 0)
        fatal("failed to get system page size");
}

// Hosted: dyld ran the constructors (RT_INIT registrations) before it called main.
void os_run_constructors(void) {}

// threads.method = pthread: the new thread runs on pthread's own stack (stacks.m_g0_size
// = ${stacks.m_g0_size}: its default size), and g0 takes that stack's bounds. Runs on the new
// thread, before it has a g: must not lock or allocate.
static void *thread_start(void *arg) {
    m *mp = arg;
    void *self = pthread_self();
    uintptr_t top = (uintptr_t)pthread_get_stackaddr_np(self); // Darwin: the high end
    uintptr_t size = pthread_get_stacksize_np(self);
    uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
    if (sp > top || sp < top - size)
        fatal("newosproc: the thread runs outside its pthread stack");
    // mcall restarts g0 at stack.hi: below this frame, so pthread's start frames survive.
    mp->g0->stack.hi = sp;
    mp->g0->stack.lo = top - size;
    mp->g0->stackguard0 = mp->g0->stackguard1 = mp->g0->stack.lo;
    setg(mp->g0);
    mstart();
}

void os_newosproc(m *mp) {
    struct darwin_attr attr;
    void *tid;
    if (pthread_attr_init(&attr) != 0 || pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED) != 0)
        fatal("newosproc: pthread_attr_init failed");
    int err = pthread_create(&tid, &attr, thread_start, mp);
    if (err != 0)
        fatalf("newosproc: pthread_create failed: errno %d", err);
    mp->thread = (uintptr_t)tid;
}

// Fatal signals (signals.fatal), through libSystem's sigaction: sig_entry runs on the
// M's signal stack and never returns.
static void sig_entry(int sig, void *info, void *context) {
    sigfatal(sig, *(uintptr_t *)((char *)info + OFFSET_siginfo_si_addr), context);
}

void os_initsig(void) {
    struct darwin_sigaction sa = {sig_entry, ~(uint32_t)0, SA_SIGINFO | SA_ONSTACK};
@@ for _, name in ipairs(signals.fatal) do
    if (sigaction(${name}, &sa, NULL) != 0)
        fatal("initsig: sigaction(${name}) failed");
@@ end
}

void os_minit(void) {
    struct darwin_stack ss = {(void *)getg()->m->sigstack, SIGNAL_STACK_SIZE, 0};
    if (sigaltstack(&ss, NULL) != 0)
        fatal("minit: sigaltstack failed");
}
@@ local cond = sleep.method == "pthread_cond" or sleep.fallback == "pthread_cond"
@@ if cond then

// pthread_cond sleep: ${sleep.buckets} mutex + condition variable pairs, a word's bucket chosen by
// its address. The sleeper checks the word under the bucket's mutex and the waker
// broadcasts under it after changing the word, so no wakeup is lost; a broadcast may wake
// sleepers on other words of the bucket, which re-check (futexsleep may wake spuriously).
// Statically initialized (PTHREAD_*_INITIALIZER's signatures): usable before any hook runs.
static struct sleep_bucket {
    struct darwin_mutex mu;
    struct darwin_cond cv;
} sleep_buckets[${sleep.buckets}] = {
@@ for i = 1, sleep.buckets do
    {{PTHREAD_MUTEX_SIG_init, {0}}, {PTHREAD_COND_SIG_init, {0}}},
@@ end
};

static void cond_sleep(uint32_t *addr, uint32_t val, int64_t ns) {
    struct sleep_bucket *b = &sleep_buckets[darwin_sleep_bucket(addr, ${sleep.buckets})];
    pthread_mutex_lock(&b->mu);
    if (atomic_load(addr) == val) {
        if (ns < 0) {
            pthread_cond_wait(&b->cv, &b->mu);
        } else {
            struct darwin_timespec rel;
            darwin_ns_to_timespec(ns, &rel.tv_sec, &rel.tv_nsec);
            pthread_cond_timedwait_relative_np(&b->cv, &b->mu, &rel);
        }
    }
    pthread_mutex_unlock(&b->mu);
}

static void cond_wake(uint32_t *addr) {
    struct sleep_bucket *b = &sleep_buckets[darwin_sleep_bucket(addr, ${sleep.buckets})];
    pthread_mutex_lock(&b->mu);
    pthread_cond_broadcast(&b->cv);
    pthread_mutex_unlock(&b->mu);
}
@@ end
@@ if sleep.method == "ulock" then

// sleep.method = ulock: __ulock_wait sleeps while the 32-bit word equals val, like a
// futex; ULF_NO_ERRNO makes it return -errno instead of setting errno.
@@ if sleep.fallback == "pthread_cond" then
// sleep.fallback = pthread_cond: the first ENOSYS (private SPI gone) switches for good.
static uint32_t ulock_missing;
@@ end
void os_futexsleep(uint32_t *addr, uint32_t val, int64_t ns) {
    if (ns == 0)
        return; // a zero timeout has already expired; ulock's 0 would mean forever
@@ if sleep.fallback == "pthread_cond" then
    if (__ulock_wait == NULL || __ulock_wake == NULL) // weak imports dyld could not bind
        atomic_store(&ulock_missing, 1);
    if (!atomic_load(&ulock_missing)) {
        int r = __ulock_wait(UL_COMPARE_AND_WAIT | ULF_NO_ERRNO, addr, val, darwin_ulock_timeout_us(ns));
        if (r != -ENOSYS)
            return; // woken, timed out, interrupted or *addr != val: the caller re-checks
        atomic_store(&ulock_missing, 1);
    }
    cond_sleep(addr, val, ns);
@@ else
    __ulock_wait(UL_COMPARE_AND_WAIT | ULF_NO_ERRNO, addr, val, darwin_ulock_timeout_us(ns));
@@ end
}

void os_futexwakeup(uint32_t *addr, uint32_t cnt) {
@@ if sleep.fallback == "pthread_cond" then
    if (__ulock_wait == NULL || __ulock_wake == NULL)
        atomic_store(&ulock_missing, 1);
    if (!atomic_load(&ulock_missing)) {
@@ end
        uint32_t op = UL_COMPARE_AND_WAIT | ULF_NO_ERRNO | (cnt > 1 ? ULF_WAKE_ALL : 0);
        int r;
        do
            r = __ulock_wake(op, addr, 0);
        while (r == -EINTR);
        if (r >= 0 || r == -ENOENT) // ENOENT: nobody was waiting
            return;
@@ if sleep.fallback == "pthread_cond" then
        if (r != -ENOSYS)
            fatalf("futexwakeup addr=%p returned %d", (void *)addr, r);
        atomic_store(&ulock_missing, 1);
    }
    cond_wake(addr);
@@ else
        fatalf("futexwakeup addr=%p returned %d", (void *)addr, r);
@@ end
}
@@ else

// sleep.method = pthread_cond.
void os_futexsleep(uint32_t *addr, uint32_t val, int64_t ns) {
    if (ns != 0)
        cond_sleep(addr, val, ns);
}

void os_futexwakeup(uint32_t *addr, uint32_t cnt) {
    (void)cnt;
    cond_wake(addr);
}
@@ end

void os_osyield(void) { sched_yield(); }

void os_usleep(uint32_t usec) { usleep(usec); }

void *os_reserve(size_t n) {
    void *p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return p == (void *)-1 ? NULL : p; // MAP_FAILED
}

void os_release(void *ptr, size_t n) { munmap(ptr, n); }

bool os_guard(void *ptr, size_t n) { return mprotect(ptr, n, PROT_NONE) == 0; }

// Go's sysUnusedOS on darwin: reusable, and the kernel's accounting knows it.
void os_unused(void *ptr, size_t n) { madvise(ptr, n, MADV_FREE_REUSABLE); }

long os_read_file(const char *path, char *buf, size_t n) {
    int fd;
    do
        fd = open(path, O_RDONLY | O_CLOEXEC);
    while (fd < 0 && darwin_errno == EINTR);
    if (fd < 0)
        return -1;
    long total = 0;
    while ((size_t)total < n) {
        long r = read(fd, buf + total, n - (size_t)total);
        if (r < 0 && darwin_errno == EINTR)
            continue;
        if (r <= 0)
            break;
        total += r;
    }
    close(fd);
    return total;
}

// Returns bytes written or -errno, as on Linux.
long os_write(int fd, const void *buf, size_t n) {
    long r;
    do
        r = write(fd, buf, n);
    while (r < 0 && darwin_errno == EINTR);
    return r < 0 ? -(long)darwin_errno : r;
}

int64_t os_nanotime(void) { return darwin_ticks_to_ns(mach_absolute_time(), timebase.numer, timebase.denom); }

// Ends the calling thread only; pthread frees its stack, the signal stack stays mapped.
_Noreturn void os_exitthread(void) {
    pthread_exit(NULL);
}

_Noreturn void os_exit(int code) {
    exit(code); // libSystem's exit: runs atexit handlers, flushes the user's stdio
}

// Fatal errors leave through _exit, as Go's exit does: they may come from a signal
// handler, where atexit handlers and a stdio flush could fault again or deadlock (a
// fault inside malloc, say) instead of exiting 2.
_Noreturn void os_fatal_exit(int code) { _exit(code); }
