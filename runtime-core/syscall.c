// syscall.c — blocking calls. entersyscall leaves the P in P_SYSCALL so that sysmon can
// hand it to another M if the call blocks; exitsyscall takes the P back (fast path),
// or any idle P, or else queues the goroutine and parks the M.
#include "runtime.h"

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
        casgstatus(gp, G_RUNNABLE, G_RUNNING);
        mp->curg = gp;
        gp->m = mp;
        gogo(gp);
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
        casgstatus(gp, G_SYSCALL, G_RUNNING);
        return;
    }
    if (atomic_load_relaxed(&sched.npidle) != 0 && !atomic_load(&sched.gcwaiting)) {
        lock(&sched.lock);
        p *pp = pidleget();
        unlock(&sched.lock);
        if (pp != NULL) {
            acquirep(pp);
            casgstatus(gp, G_SYSCALL, G_RUNNING);
            return;
        }
    }
    mcall(exitsyscall0);
}

void rt_syscall_enter(void) {
    entersyscall();
}
void rt_syscall_exit(void) {
    exitsyscall();
}
