// sysmon.c — the system monitor, on its own M without a P: hands Ps stuck in syscalls to
// other Ms, flags goroutines that ran over 10 ms for (cooperative) preemption, checks
// running goroutines' stack canaries, and prints schedtrace lines.
#include "runtime.h"
#include "os.h"
#include "fmt.h"

enum {
    SYSMON_MIN_DELAY_US = 20,
    SYSMON_MAX_DELAY_US = 10 * 1000,
    SYSMON_IDLE_BEFORE_BACKOFF = 50,
    FORCE_PREEMPT_NS = 10 * 1000 * 1000,
    OVERDUE_TIMER_NS = 1000 * 1000,
};

static bool retake_syscall(p *pp, int64_t now) {
    uint32_t tick = pp->syscalltick;
    if (pp->sysmon_syscalltick != tick) {
        pp->sysmon_syscalltick = tick;
        pp->sysmon_syscallwhen = now;
        return false;
    }
    // Leave it if there is nothing else to run and someone could pick work up, unless
    // it has been blocked for long.
    if (runqempty(pp) && atomic_load(&sched.nmspinning) + atomic_load(&sched.npidle) > 0 &&
        pp->sysmon_syscallwhen + FORCE_PREEMPT_NS > now)
        return false;
    if (!atomic_cas(&pp->status, P_SYSCALL, P_IDLE))
        return false;
    pp->syscalltick++;
    handoffp(pp);
    return true;
}

static void retake_running(p *pp, int64_t now) {
    uint32_t tick = pp->schedtick;
    if (pp->sysmon_schedtick != tick) {
        pp->sysmon_schedtick = tick;
        pp->sysmon_schedwhen = now;
        return;
    }
    m *mp = pp->m;
    g *gp = mp != NULL ? mp->curg : NULL;
    if (gp == NULL)
        return;
    stackcheck_running(gp);
    if (pp->sysmon_schedwhen + FORCE_PREEMPT_NS <= now)
        gp->preempt = true;
}

static bool retake(int64_t now) {
    bool took = false;
    for (int32_t i = 0; i < sched.gomaxprocs; i++) {
        p *pp = allp[i];
        uint32_t status = atomic_load(&pp->status);
        if (status == P_SYSCALL)
            took |= retake_syscall(pp, now);
        else if (status == P_RUNNING)
            retake_running(pp, now);
    }
    return took;
}

// A safety net like Go's sysmon: if every P is idle and a timer is more than a
// millisecond overdue, no M is looking after it; start one (it steals the timers).
static void wake_for_overdue_timers(int64_t now) {
    int64_t next = timers_earliest();
    if (next != 0 && next + OVERDUE_TIMER_NS < now &&
        atomic_load(&sched.npidle) == (uint32_t)sched.gomaxprocs && !atomic_load(&sched.gcwaiting))
        startm(NULL, false);
}

void sysmon(void) {
    lock(&sched.lock);
    sched.nmsys++;
    checkdead();
    unlock(&sched.lock);
    uint32_t idle = 0, delay = SYSMON_MIN_DELAY_US;
    for (;;) {
        if (idle == 0)
            delay = SYSMON_MIN_DELAY_US;
        else if (idle > SYSMON_IDLE_BEFORE_BACKOFF)
            delay *= 2;
        if (delay > SYSMON_MAX_DELAY_US)
            delay = SYSMON_MAX_DELAY_US;
        os_usleep(delay);
        int64_t now = nanotime();
        idle = retake(now) ? 0 : idle + 1;
        wake_for_overdue_timers(now);
        if (sched.schedtrace_ms != 0 &&
            now - sched.last_trace >= (int64_t)sched.schedtrace_ms * 1000000) {
            sched.last_trace = now;
            schedtrace();
        }
    }
}

// One line like Go's GODEBUG=schedtrace.
void schedtrace(void) {
    static int64_t start;
    int64_t now = nanotime();
    if (start == 0)
        start = now;
    lock(&sched.lock);
    char line[1024];
    size_t n = 0;
    n += (size_t)fmt_format(line + n, sizeof line - n,
                            "SCHED %lldms: gomaxprocs=%d idleprocs=%u threads=%lld "
                            "spinningthreads=%u idlethreads=%d runqueue=%d [",
                            (long long)((now - start) / 1000000), sched.gomaxprocs,
                            atomic_load(&sched.npidle), (long long)sched.mnext,
                            atomic_load(&sched.nmspinning), sched.nmidle, sched.runq.size);
    for (int32_t i = 0; i < sched.gomaxprocs && n < sizeof line - 16; i++)
        n += fmt_format(line + n, sizeof line - n, i ? " %u" : "%u", runqlen(allp[i]));
    unlock(&sched.lock);
    if (n < sizeof line - 2) {
        line[n++] = ']';
        line[n++] = '\n';
    }
    os_write(2, line, n);
}
