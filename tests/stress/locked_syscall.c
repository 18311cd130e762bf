// locked_syscall: a goroutine locked to its thread makes blocking calls while every
// other P is busy, so sysmon retakes its P during each call and it leaves the call the
// slow way with no P to go to. It must come back to its own thread every time (issue:
// exitsyscall0 queued it globally and parked the locked M as an ordinary idle M).
#include "stress.h"

enum { CALLS = 200 };

static volatile int done;

static void busy(void *unused) {
    (void)unused;
    while (!done) {
        stress_spin_us(50 + stress_rand(200));
        rt_yield();
    }
}

static void locked(void *arg) {
    rt_wg *wg = arg;
    rt_lock_os_thread();
    long tid = stress_gettid();
    for (int i = 0; i < CALLS; i++) {
        stress_blocking_sleep(20000 + stress_rand(100000));
        if (stress_gettid() != tid) {
            rt_print("FAIL: locked goroutine moved to another thread\n");
            rt_exit(1);
        }
    }
    rt_unlock_os_thread();
    rt_wg_done(wg);
}

int rt_main(int argc, char **argv) {
    stress_seed(argc, argv);
    int procs = rt_gomaxprocs(0);
    rt_wg wg = {0};
    for (int i = 0; i < procs + 1; i++)
        rt_go(busy, NULL);
    rt_wg_add(&wg, 2);
    rt_go(locked, &wg);
    rt_go(locked, &wg);
    rt_wg_wait(&wg);
    done = 1;
    rt_print("ok: %d locked calls each\n", CALLS);
    return 0;
}
