// locked_exit: a goroutine that exits while locked to its thread takes the thread with
// it, as in Go: no later goroutine runs on that thread (issue: the thread went back to
// the pool with whatever per-thread state the goroutine had changed). Linux targets.
#include "../stress/stress.h"

enum { LOCKED = 8, LATER = 2000 };

static rt_chan *tids;

static void exit_locked(void *unused) {
    (void)unused;
    rt_lock_os_thread();
    long tid = stress_gettid();
    rt_chan_send(tids, &tid);
}

static void report_tid(void *arg) {
    long tid = stress_gettid();
    rt_chan_send(arg, &tid);
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    long dead[LOCKED];
    tids = rt_chan_new(sizeof(long), 0);
    for (int i = 0; i < LOCKED; i++) {
        rt_go(exit_locked, NULL);
        rt_chan_recv(tids, &dead[i]);
        rt_sleep(1000000); // let it exit
    }
    rt_chan *later = rt_chan_new(sizeof(long), 16);
    int reused = 0;
    for (int i = 0; i < LATER; i++) {
        rt_go(report_tid, later);
        if (i % 16 == 15)
            rt_yield();
    }
    for (int i = 0; i < LATER; i++) {
        long tid;
        rt_chan_recv(later, &tid);
        for (int k = 0; k < LOCKED; k++)
            reused += tid == dead[k];
    }
    rt_print("goroutines on an exited locked thread: %d\n", reused);
    return reused != 0;
}
