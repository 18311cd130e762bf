// syscall.c — blocking calls. entersyscall leaves the P in P_SYSCALL so that sysmon can
// hand it to another M if the call blocks; exitsyscall takes the P back (fast path),
// or any idle P, or else queues the goroutine and parks the M (a locked goroutine's M
// waits for it instead: only that thread may run it).
#include "runtime.h"
#include "misuse.h"

// Runtime calls that need a P, made between rt_syscall_enter and rt_syscall_exit.
_Noreturn void fatal_in_syscall(const char *what) {
    fatalf("a goroutine tried to %s between rt_syscall_enter and rt_syscall_exit "
           "(leave the blocking section first)",
           what);
}

void entersyscall(void) {
    g *gp = getg();
    m *mp = gp->m;
    p *pp = mp->p;
    casgstatus(gp, G_RUNNING, G_SYSCALL);
    pp->syscalltick++;
    pp->m = NULL;
    mp->oldp = pp;
    mp->p = NULL;
    atomic_store(&pp->status, P_SYSCALL);
    if (atomic_load(&sched.gcwaiting) && atomic_cas(&pp->status, P_SYSCALL, P_STOP)) {
        lock(&sched.lock);
        if (--sched.stopwait == 0)
            notewakeup(&sched.stopnote);
        unlock(&sched.lock);
    }
}

// Runs gp, which just left its call, on this M (which now holds a P).
static _Noreturn void resume(g *gp) {
    m *mp = getg()->m;
    casgstatus(gp, G_RUNNABLE, G_RUNNING);
    mp->curg = gp;
    gp->m = mp;
    gogo(gp);
}

static void exitsyscall0(g *gp) {
    m *mp = getg()->m;
    casgstatus(gp, G_SYSCALL, G_RUNNABLE);
    mp->curg = NULL;
    gp->m = NULL;
    lock(&sched.lock);
    p *pp = atomic_load(&sched.gcwaiting) ? NULL : pidleget();
    if (pp == NULL)
        globrunqput(gp);
    unlock(&sched.lock);
    if (pp != NULL) {
        acquirep(pp);
        resume(gp);
    }
    if (mp->lockedg != NULL) {
        // Only this M may run gp: wait until whoever takes gp off the global queue hands
        // us a P (startlockedm), rather than going idle where anyone could use us (Go's
        // exitsyscall0 calls stoplockedm here).
        stoplockedm();
        resume(gp);
    }
    stopm();
    schedule();
}

void exitsyscall(void) {
    g *gp = getg();
    m *mp = gp->m;
    p *oldp = mp->oldp;
    mp->oldp = NULL;
    if (oldp != NULL && atomic_cas(&oldp->status, P_SYSCALL, P_IDLE)) {
        acquirep(oldp);
        oldp->syscalltick++; // tells sysmon this call is over
        casgstatus(gp, G_SYSCALL, G_RUNNING);
        if (gp->preempt)
            rt_yield(); // sysmon flagged a goroutine that keeps its P through short calls
        return;
    }
    if (atomic_load_relaxed(&sched.npidle) != 0 && !atomic_load(&sched.gcwaiting)) {
        lock(&sched.lock);
        p *pp = pidleget();
        unlock(&sched.lock);
        if (pp != NULL) {
            acquirep(pp);
            pp->syscalltick++;
            casgstatus(gp, G_SYSCALL, G_RUNNING);
            return;
        }
    }
    mcall(exitsyscall0);
}

void rt_syscall_enter(void) {
    check_caller("rt_syscall_enter");
    g *gp = getg();
    if (gp == NULL || gp->m == NULL || gp == gp->m->g0)
        fatal("rt_syscall_enter called outside a goroutine");
    if (atomic_load(&gp->status) == G_SYSCALL)
        fatal("rt_syscall_enter called twice without rt_syscall_exit");
    entersyscall();
}

void rt_syscall_exit(void) {
    check_caller("rt_syscall_exit");
    g *gp = getg();
    if (gp == NULL || gp->m == NULL || gp == gp->m->g0)
        fatal("rt_syscall_exit called outside a goroutine");
    if (atomic_load(&gp->status) != G_SYSCALL)
        fatal("rt_syscall_exit without rt_syscall_enter");
    exitsyscall();
}
