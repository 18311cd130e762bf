// boot.c — the bootstrap after rt0: args, osinit, schedinit, runtime_main. rt0 calls
// check, args, osinit, schedinit, newproc(runtime_main) and mstart, in that order.
#include "runtime.h"
#include "os.h"
#include "env_scan.h"
#include "misuse.h"

struct schedt sched;
struct osinfo osinfo;
m m0;
g g0;
int32_t argc_saved;
char **argv_saved;
char **envp_saved;

static struct rt_init_entry *init_head, **init_tail = &init_head;

// Called from constructors, before the runtime runs: no locks needed, keeps link order.
void rt_init_register(struct rt_init_entry *e) {
    e->next = NULL;
    *init_tail = e;
    init_tail = &e->next;
}

_Noreturn void crash(void) {
    __builtin_trap();
}

void args(int argc, char **argv) {
    argc_saved = argc;
    argv_saved = argv;
    envp_saved = argv + argc + 1;
    os_sysargs(argc, argv);
}

void osinit(void) {
    os_init();
    os_raise_nofile();
}

// GOMAXPROCS: a positive decimal integer; anything else is ignored and the default is
// ncpu, capped by a cgroup CPU quota where there is one.
static int32_t initial_procs(void) {
    int32_t procs = osinfo.ncpu;
    if (osinfo.cpu_quota_procs > 0 && osinfo.cpu_quota_procs < procs)
        procs = osinfo.cpu_quota_procs;
    int64_t n = env_parse_positive(rt_getenv("GOMAXPROCS"));
    if (n > 0)
        procs = n > 1024 ? 1024 : (int32_t)n;
    return procs;
}

void schedinit(void) {
    sched.maxmcount = MAXMCOUNT;
    sched.preempt_ns = SCHED_PREEMPT_NS;
    os_run_constructors();
    stackinit();
    fastrand_seed(&m0);
    mcommoninit(&m0);
    debugvars_init();
    procresize(initial_procs());
    __atomic_store_n(&runtime_booted, true, __ATOMIC_RELEASE); // rt_go and friends may run now
}

// The main goroutine: start sysmon, run RT_INIT functions locked to m0, then rt_main.
void runtime_main(void *unused) {
    (void)unused;
    newm(sysmon, NULL, false);
    rt_lock_os_thread();
    for (struct rt_init_entry *e = init_head; e != NULL; e = e->next)
        e->fn();
    rt_unlock_os_thread();
    sched.main_started = true;
    int code = rt_main(argc_saved, argv_saved);
    rt_exit(code);
}

_Noreturn void rt_exit(int code) {
    os_exit(code);
}

// A clock read is a runtime call like any other: a goroutine that sysmon flagged for
// running too long yields here (cooperative preemption of time-polling loops).
int64_t rt_nanotime(void) {
    preempt_check();
    return os_nanotime();
}
int64_t nanotime(void) {
    return os_nanotime();
}
