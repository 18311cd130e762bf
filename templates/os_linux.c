// The Linux OS layer of ${target}: the hooks of runtime-core/os.h on raw syscalls
// (sys_${os}_${arch}.S), link mode ${T.link.mode}, threads by ${threads.method}.
#include "runtime.h"
#include "os.h"
#include "env_scan.h"
#include "vdso_elf.h"
#include "cgroup.h"
@@ if T.link.mode == "hosted" then

// Hosted: libc owns the process; its declarations, not ours.
#include <pthread.h>
#include <stdlib.h>
@@ end

// Syscall results in ${syscall_abi.error_min}..${syscall_abi.error_max} are -errno.
static bool sys_failed(long r) { return r >= ${syscall_abi.error_min} && r <= ${syscall_abi.error_max}; }

struct timespec_k {
    int64_t tv_sec;
    int64_t tv_nsec;
};
_Static_assert(sizeof(struct timespec_k) == SIZEOF_timespec, "structs.timespec.size");
_Static_assert(offsetof(struct timespec_k, tv_nsec) == OFFSET_timespec_tv_nsec,
               "structs.timespec.fields.tv_nsec");

// vDSO clock_gettime, found through AT_SYSINFO_EHDR; NULL until then.
static long (*vdso_clock_gettime)(long clockid, struct timespec_k *ts);

// sysauxv acts on each (tag, value) pair of an auxiliary vector up to AT_NULL and
// returns how many pairs it saw. Runs at start-up on g0, before any allocation.
int sysauxv(const uintptr_t *auxv);
int sysauxv(const uintptr_t *auxv) {
    int pairs = 0;
    for (; auxv[0] != ${auxv[1].name}; auxv += 2, pairs++) {
        uintptr_t value = auxv[1];
        switch (auxv[0]) {
@@ for _, a in ipairs(auxv) do
@@ if a.action == "page_size" then
        case ${a.name}: // ${a.action}
            osinfo.page_size = value;
            break;
@@ elseif a.action == "hwcap" then
        case ${a.name}: // ${a.action}
            osinfo.hwcap = value;
            break;
@@ elseif a.action == "hwcap2" then
        case ${a.name}: // ${a.action}
            osinfo.hwcap2 = value;
            break;
@@ elseif a.action == "secure" then
        case ${a.name}: // ${a.action}: setuid and the like; the environment is not trusted
            osinfo.secure = value == 1;
            break;
@@ elseif a.action == "random_seed" then
        case ${a.name}: // ${a.action}: 16 random bytes from the kernel seed fastrand
            mem_copy(osinfo.random, (const void *)value, sizeof osinfo.random);
            osinfo.have_random = true;
            break;
@@ elseif a.action == "vdso_base" then
        case ${a.name}: // ${a.action}
            osinfo.vdso_base = value;
            break;
@@ end
@@ end
        default:
            break;
        }
    }
    return pairs;
}

// Without an auxv (some loaders drop it), read ${auxv_fallback.file}, and failing that
// probe the page size: the first power of two from ${auxv_fallback.probe_first_page} at
// which mincore accepts an address inside a fresh mapping (Go's os_linux.go sysargs).
static void auxv_fallback(void) {
    static uintptr_t buf[128];
    long n = os_read_file("${auxv_fallback.file}", (char *)buf, sizeof buf - 2 * sizeof buf[0]);
    if (n > 0) {
        buf[n / sizeof buf[0]] = ${auxv[1].name};
        if (sysauxv(buf) > 0)
            return;
    }
    size_t size = ${auxv_fallback.probe_mapping_size};
    long p = sys_mmap(0, (long)size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (sys_failed(p))
        return;
    unsigned char vec[1];
    for (size_t step = ${auxv_fallback.probe_first_page}; step < size; step <<= 1) {
        if (sys_mincore(p + (long)step, 1, (long)vec) == 0) {
            osinfo.page_size = step;
            break;
        }
    }
    if (osinfo.page_size == 0)
        osinfo.page_size = size;
    sys_munmap(p, (long)size);
}

void os_sysargs(int argc, char **argv) {
    char **envp_end = argv + argc + 1;
    while (*envp_end != NULL)
        envp_end++;
    if (sysauxv((const uintptr_t *)(envp_end + 1)) == 0)
        auxv_fallback();
    if (osinfo.vdso_base != 0)
        vdso_clock_gettime = (long (*)(long, struct timespec_k *))vdso_lookup(
            osinfo.vdso_base, "${vdso.version}", "${vdso.clock_gettime}");
}

static int64_t read_number_file(const char *path) {
    char buf[32];
    long n = os_read_file(path, buf, sizeof buf);
    return n > 0 ? parse_decimal_line(buf, (size_t)n) : -1;
}

// ncpu is the popcount of the affinity mask (${osinit.affinity_mask_bytes} bytes), as Go's
// getCPUCount; 1 if the call fails.
static int32_t cpu_count(void) {
    static uint64_t mask[${osinit.affinity_mask_bytes} / 8];
    long r = sys_sched_getaffinity(0, sizeof mask, (long)mask);
    if (sys_failed(r) || r == 0)
        return 1;
    int32_t n = 0;
    for (long i = 0; i < r / 8; i++)
        n += __builtin_popcountll(mask[i]);
    return n > 0 ? n : 1;
}

@@ if osinit.cgroup then
// The GOMAXPROCS a cgroup CPU quota allows (osinit.cgroup), 0 if none: the mount from
// ${osinit.cgroup.mountinfo}, the leaf cgroup from ${osinit.cgroup.self}, then the limit files.
static int32_t cgroup_cpu_limit(void) {
    static char text[64 * 1024];
    char mount[256], root[256], path[512], dir[1024], file[1100];
    long n = os_read_file("${osinit.cgroup.mountinfo}", text, sizeof text);
    int version = n > 0 ? cgroup_mount(text, (size_t)n, mount, root, sizeof mount) : 0;
    if (version == 0)
        return 0;
    n = os_read_file("${osinit.cgroup.self}", text, sizeof text);
    if (n <= 0 || !cgroup_path(text, (size_t)n, version, path, sizeof path) ||
        !cgroup_dir(mount, root, path, dir, sizeof dir))
        return 0;
    int64_t quota = -1, period = 0;
    if (version == 2) {
        n = cgroup_dir(dir, "/", "/${osinit.cgroup.v2_file}", file, sizeof file)
                ? os_read_file(file, text, 64)
                : -1;
        if (n <= 0 || cgroup_parse_cpu_max(text, (size_t)n, &quota, &period) != 0)
            return 0;
    } else {
        if (cgroup_dir(dir, "/", "/${osinit.cgroup.v1_quota_file}", file, sizeof file))
            quota = read_number_file(file);
        if (cgroup_dir(dir, "/", "/${osinit.cgroup.v1_period_file}", file, sizeof file))
            period = read_number_file(file);
    }
    return cgroup_procs(quota, period, ${osinit.cgroup.min_procs});
}

@@ end
void os_init(void) {
    osinfo.ncpu = cpu_count();
@@ if osinit.cgroup then
    osinfo.cpu_quota_procs = cgroup_cpu_limit();
@@ end
@@ if osinit.huge_pages then
    int64_t huge = read_number_file("${osinit.huge_page_file}");
    osinfo.huge_page_size = huge > 0 && (huge & (huge - 1)) == 0 ? (uintptr_t)huge : 0;
@@ end
    int64_t maps = read_number_file("${osinit.max_map_count_file}");
    osinfo.max_map_count = maps > 0 ? maps : ${osinit.max_map_count_default};
    if (osinfo.page_size == 0)
        fatal("failed to get system page size");
}

@@ if T.link.mode == "freestanding" then
// Freestanding: no libc runs the constructors that RT_INIT uses to register.
extern void (*__init_array_start[])(void) __attribute__((weak));
extern void (*__init_array_end[])(void) __attribute__((weak));

void os_run_constructors(void) {
    for (void (**f)(void) = __init_array_start; f < __init_array_end; f++)
        (*f)();
}
@@ else
// Hosted: libc ran the constructors before main.
void os_run_constructors(void) {}
@@ end

@@ if threads.method == "clone" then
// threads.method = clone: the thread runs on the g0 stack the core allocated.
static void thread_start(void *arg) {
    m *mp = arg;
    setg(mp->g0);
    mstart();
}

void os_newosproc(m *mp) {
    unsigned long flags = ${join(threads.clone_flags, " | ")};
@@ if threads.clone_tls_arg then
    // clone sets the new thread's thread pointer (threads.clone_tls_arg = ${threads.clone_tls_arg}):
    // &m.tls[0] + tls.base_adjust, as rt0 set m0's.
    flags |= CLONE_SETTLS;
    void *tls = (char *)&mp->tls[0] + ${tls.base_adjust or 0};
@@ else
    void *tls = NULL;
@@ end
    uintptr_t top = ALIGN_DOWN(mp->g0->stack.hi, STACK_ALIGN);
    long r = sys_clone_thread(flags, (void *)top, tls, thread_start, mp);
    if (sys_failed(r))
        fatalf("newosproc: clone failed: errno %ld", -r);
}

@@ else
// threads.method = pthread: pthread owns the thread's stack; g0 takes its bounds.
static void *thread_start(void *arg) {
    m *mp = arg;
    uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
    mp->g0->stack.hi = sp;
    mp->g0->stack.lo = sp - ${stacks.m_g0_size} + 2 * STACK_GUARD;
    mp->g0->stackguard0 = mp->g0->stackguard1 = mp->g0->stack.lo;
    setg(mp->g0);
    mstart();
}

void os_newosproc(m *mp) {
    pthread_attr_t attr;
    pthread_t tid;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, ${stacks.m_g0_size});
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    int err = pthread_create(&tid, &attr, thread_start, mp);
    if (err != 0)
        fatalf("newosproc: pthread_create failed: errno %d", err);
    mp->thread = (uintptr_t)tid;
}

@@ end

// Fatal signals (signals.fatal): sig_entry runs on the M's signal stack and never
// returns. The kernel's sigaction layout is the arch's (structs.kernel_sigaction): where it
// has a restorer, SA_RESTORER and the trampoline fill it (x86-64 refuses a handler without).
@@ local ksa = structs.kernel_sigaction
struct sigaction_k {
    void (*handler)(int, void *, void *);
    unsigned long flags;
@@ if ksa.fields.restorer then
    void (*restorer)(void);
@@ end
    uint64_t mask;
};
_Static_assert(sizeof(struct sigaction_k) == SIZEOF_kernel_sigaction, "structs.kernel_sigaction.size");
@@ for _, f in ipairs({ "handler", "flags", "restorer", "mask" }) do
@@ if ksa.fields[f] then
_Static_assert(offsetof(struct sigaction_k, ${f}) == OFFSET_kernel_sigaction_${f},
               "structs.kernel_sigaction.fields.${f}");
@@ end
@@ end

struct sigaltstack_k {
    void *ss_sp;
    int32_t ss_flags;
    size_t ss_size;
};
_Static_assert(sizeof(struct sigaltstack_k) == SIZEOF_sigaltstack, "structs.sigaltstack.size");
_Static_assert(offsetof(struct sigaltstack_k, ss_size) == OFFSET_sigaltstack_ss_size,
               "structs.sigaltstack.fields.ss_size");

static void sig_entry(int sig, void *info, void *context) {
    sigfatal(sig, *(uintptr_t *)((char *)info + OFFSET_siginfo_si_addr), context);
}

void os_initsig(void) {
@@ if ksa.fields.restorer then
    struct sigaction_k sa = {.handler = sig_entry,
                             .flags = SA_SIGINFO | SA_ONSTACK | SA_RESTORER,
                             .restorer = sigreturn_trampoline,
                             .mask = ~(uint64_t)0};
@@ else
    struct sigaction_k sa = {.handler = sig_entry, .flags = SA_SIGINFO | SA_ONSTACK, .mask = ~(uint64_t)0};
@@ end
@@ for _, name in ipairs(signals.fatal) do
    if (sys_failed(sys_rt_sigaction(${name}, (long)&sa, 0, sizeof sa.mask)))
        fatal("initsig: rt_sigaction(${name}) failed");
@@ end
}

void os_minit(void) {
    struct sigaltstack_k ss = {(void *)getg()->m->sigstack, 0, SIGNAL_STACK_SIZE};
    if (sys_failed(sys_sigaltstack((long)&ss, 0)))
        fatal("minit: sigaltstack failed");
}

void os_futexsleep(uint32_t *addr, uint32_t val, int64_t ns) {
    struct timespec_k ts, *tsp = NULL;
    if (ns >= 0) {
        ts.tv_sec = ns / 1000000000;
        ts.tv_nsec = ns % 1000000000;
        tsp = &ts;
    }
    sys_futex((long)addr, ${sleep.wait_op}, (long)val, (long)tsp, 0, 0);
}

void os_futexwakeup(uint32_t *addr, uint32_t cnt) {
    long r = sys_futex((long)addr, ${sleep.wake_op}, (long)cnt, 0, 0, 0);
    if (sys_failed(r))
        fatalf("futexwakeup addr=%p returned %ld", (void *)addr, r);
}

void os_osyield(void) { sys_sched_yield(); }

void os_usleep(uint32_t usec) {
    struct timespec_k ts = {usec / 1000000, (int64_t)(usec % 1000000) * 1000};
    sys_nanosleep((long)&ts, 0);
}

void *os_reserve(size_t n) {
    long p = sys_mmap(0, (long)n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                      -1, 0);
    return sys_failed(p) ? NULL : (void *)p;
}

void os_release(void *ptr, size_t n) { sys_munmap((long)ptr, (long)n); }

bool os_guard(void *ptr, size_t n) { return sys_mprotect((long)ptr, (long)n, PROT_NONE) == 0; }

void os_unused(void *ptr, size_t n) { sys_madvise((long)ptr, (long)n, MADV_DONTNEED); }

long os_read_file(const char *path, char *buf, size_t n) {
    long fd = sys_openat(AT_FDCWD, (long)path, O_RDONLY | O_CLOEXEC, 0);
    if (sys_failed(fd))
        return -1;
    long total = 0;
    while ((size_t)total < n) {
        long r = sys_read(fd, (long)(buf + total), (long)(n - (size_t)total));
        if (r == -EINTR)
            continue;
        if (r <= 0)
            break;
        total += r;
    }
    sys_close(fd);
    return total;
}

long os_write(int fd, const void *buf, size_t n) {
    long r;
    do
        r = sys_write(fd, (long)buf, (long)n);
    while (r == -EINTR);
    return r;
}

// What nanotime reads, for build.lua status (stage 7): the vDSO function when sysargs found
// it, else the clock_gettime syscall.
const char *os_clock_source(void);
const char *os_clock_source(void) {
    return vdso_clock_gettime != NULL ? "vDSO ${vdso.clock_gettime} (${vdso.version}) found"
                                      : "syscall fallback: no vDSO ${vdso.clock_gettime}";
}

int64_t os_nanotime(void) {
    struct timespec_k ts;
    if (vdso_clock_gettime != NULL)
        vdso_clock_gettime(${clock.monotonic}, &ts);
    else
        sys_clock_gettime(${clock.monotonic}, (long)&ts);
    return ts.tv_sec * 1000000000 + ts.tv_nsec;
}

// Ends the calling thread only. Its g0 and signal stacks stay mapped: the thread runs
// on them until the kernel has it gone, so nothing can free them from here. Hosted, too,
// the thread leaves by the raw syscall: pthread_exit would unwind to a start frame that
// g0 has long overwritten, so libc keeps that thread's stack.
_Noreturn void os_exitthread(void) {
    for (;;)
        sys_exit(0);
}

@@ if T.link.mode == "hosted" then
// A fatal error leaves without libc's atexit handlers or stdio flush: it may come from a
// signal handler, or with libc's own locks held (freestanding, os_exit is this already).
_Noreturn void os_fatal_exit(int code) {
    for (;;)
        sys_exit_group(code);
}

@@ end
_Noreturn void os_exit(int code) {
@@ if T.link.mode == "hosted" then
    exit(code); // libc's exit: flushes the user's stdio
@@ else
    for (;;)
        sys_exit_group(code);
@@ end
}
