// sysmon.c — the system monitor, on its own M without a P: hands Ps stuck in syscalls to
// other Ms, preempts goroutines that ran over the quantum (sched.preempt_ns: a flag, and
// the preempt signal to their M, preempt.c), gets
// overdue timers run, checks running goroutines' stack canaries, prints schedtrace
// lines, and sleeps while every P is idle.
#include "runtime.h"
#include "netpoll.h"
#include "os.h"
#include "fmt.h"

enum {
    SYSMON_MIN_DELAY_US = 20,
    SYSMON_MAX_DELAY_US = 10 * 1000,
    SYSMON_IDLE_BEFORE_BACKOFF = 50,
    FORCE_PREEMPT_NS = 10 * 1000 * 1000,
    OVERDUE_TIMER_NS = 1000 * 1000,
};

// A P in a syscall is retaken when the call has lasted a sysmon tick (its syscalltick
// did not move) or, like a running P, when one goroutine has held it past the quantum
// (sysretake: a loop of short calls moves syscalltick on every call, but never
// schedtick). Left alone: a short call with nothing queued behind it and someone idle.
static bool retake_syscall(p *pp, int64_t now, bool sysretake) {
    uint32_t tick = pp->syscalltick;
    if (!sysretake && pp->sysmon_syscalltick != tick) {
        pp->sysmon_syscalltick = tick;
        pp->sysmon_syscallwhen = now;
        return false;
    }
    if (runqempty(pp) && atomic_load(&sched.nmspinning) + atomic_load(&sched.npidle) > 0 &&
        pp->sysmon_syscallwhen + FORCE_PREEMPT_NS > now)
        return false;
    // Count sysmon as a running M while the P is in its hands (Go's retake does the
    // same): the M we take it from may leave its call meanwhile, find no P, go idle and
    // run checkdead, which must not see every M idle while this P is on its way.
    incidlelocked(-1);
    bool took = atomic_cas(&pp->status, P_SYSCALL, P_IDLE);
    if (took) {
        pp->syscalltick++;
        handoffp(pp);
    }
    incidlelocked(1);
    return took;
}

// One goroutine has run on pp for a whole quantum: ask it to yield at its next runtime
// call and, if it is running (not in a syscall), signal its M to preempt it where it is;
// if others wait behind it, wake an idle P to steal them meanwhile.
static void preemptone(p *pp, bool running) {
    m *mp = pp->m;
    g *gp = mp != NULL ? mp->curg : NULL;
    if (gp != NULL) {
        gp->preempt = true;
        if (running && !async_preempt_off)
            os_preempt_m(mp);
    }
    if (!runqempty(pp))
        wakep();
}

// Go's retake: both running and syscall Ps are judged by schedtick for preemption.
// *running: some P runs a goroutine, so sysmon keeps looking every quarter quantum (its
// idle backoff would otherwise let a hog run for two, a sleeper beside it waiting as long).
static bool retake(int64_t now, bool *running) {
    bool took = false;
    for (int32_t i = 0; i < sched.gomaxprocs; i++) {
        p *pp = allp[i];
        uint32_t status = atomic_load(&pp->status);
        if (status != P_RUNNING && status != P_SYSCALL)
            continue;
        bool sysretake = false;
        uint32_t tick = atomic_load_relaxed(&pp->schedtick);
        if (pp->sysmon_schedtick != tick) {
            pp->sysmon_schedtick = tick;
            pp->sysmon_schedwhen = now;
        } else if (pp->sysmon_schedwhen + sched.preempt_ns <= now) {
            preemptone(pp, status == P_RUNNING);
            sysretake = true;
        }
        *running |= status == P_RUNNING;
        if (status == P_SYSCALL) {
            took |= retake_syscall(pp, now, sysretake);
        } else {
            m *mp = pp->m;
            g *gp = mp != NULL ? mp->curg : NULL;
            if (gp != NULL)
                stackcheck_running(gp);
        }
    }
    return took;
}

// A timer more than a millisecond overdue: its P may be held by a goroutine that never
// calls the runtime. Whoever schedules next runs it (the flag), and an idle P's M is
// started to do so at once if there is one.
static void check_late_timers(int64_t now) {
    int64_t next = timers_earliest();
    if (next == 0 || next + OVERDUE_TIMER_NS >= now || atomic_load(&sched.gcwaiting))
        return;
    atomic_store(&sched.timers_late, 1);
    if (atomic_load(&sched.npidle) != 0)
        startm(NULL, false);
}

// Goroutines wait on fds but nobody has polled for 10 ms (every M is busy): poll, and
// queue what is ready. Counted as a running M from before the poll: the goroutines it
// takes off their fds are no longer counted as fd waiters, so an M that parks its
// goroutine meanwhile sees none, stops instead of waiting in the poller, and its
// checkdead must see sysmon holding them (else: a false "all goroutines are asleep").
static void poll_if_nobody_has(int64_t now) {
    if (!netpoll_inited() || atomic_load(&sched.wait_in_poll) != 0 ||
        atomic_load(&sched.lastpoll) + FORCE_PREEMPT_NS > now)
        return;
    incidlelocked(-1);
    gqueue ready = {0};
    netpoll(0, &ready);
    injectglist(&ready);
    incidlelocked(1);
}

// Go's sysmonwait: with every P idle (or the world stopped) there is nothing to watch
// until the next timer; an idle program then makes no syscalls. acquirep wakes us.
static bool sysmon_park(int64_t now) {
    if (sched.schedtrace_ms != 0)
        return false;
    lock(&sched.lock);
    bool idle =
        atomic_load(&sched.gcwaiting) || atomic_load(&sched.npidle) == (uint32_t)sched.gomaxprocs;
    int64_t next = timers_earliest();
    if (!idle || (next != 0 && next <= now)) {
        unlock(&sched.lock);
        return false;
    }
    atomic_store(&sched.sysmonword, 0);
    atomic_store(&sched.sysmonwait, 1);
    unlock(&sched.lock);
    wakeword_sleep(&sched.sysmonword, next == 0 ? -1 : next - now);
    atomic_store(&sched.sysmonwait, 0);
    return true;
}

void sysmon(void) {
    lock(&sched.lock);
    sched.nmsys++;
    checkdead();
    unlock(&sched.lock);
    uint32_t idle = 0, delay = SYSMON_MIN_DELAY_US;
    bool running = false;
    for (;;) {
        if (idle == 0)
            delay = SYSMON_MIN_DELAY_US;
        else if (idle > SYSMON_IDLE_BEFORE_BACKOFF)
            delay *= 2;
        if (delay > SYSMON_MAX_DELAY_US)
            delay = SYSMON_MAX_DELAY_US;
        if (running && delay > sched.preempt_ns / 4000)
            delay = (uint32_t)(sched.preempt_ns / 4000);
        os_usleep(delay);
        int64_t now = nanotime();
        atomic_store(&sched.sysmon_now, now);
        if ((atomic_load(&sched.npidle) == (uint32_t)sched.gomaxprocs ||
             atomic_load(&sched.gcwaiting)) &&
            sysmon_park(now)) {
            idle = 0;
            continue;
        }
        poll_if_nobody_has(now);
        running = false;
        idle = retake(now, &running) ? 0 : idle + 1;
        check_late_timers(now);
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
