// sched_syscall: a goroutine blocked in a system call does not hold up the others. At
// one P, sysmon hands the P to another M while the call blocks (rt_syscall_enter /
// rt_syscall_exit), so the counter moves while the blocker sleeps. The blocker itself
// looks, still inside its blocking section, so no clock decides the verdict: it sleeps
// 10 ms at a time until the counter has moved, for up to 5 s (a window of 250 ms by the
// clock failed once under qemu on a loaded machine, the process starved, not stuck).
#include <rt.h>

#include "../support/rawsys.h"

// Atomic: goroutines share it (a volatile is a data race, which --variant tsan reports).
static _Atomic long ticks;
static _Atomic long ticks_in_syscall;
static _Atomic int blocked_done;

static void os_sleep_ms(long ms) {
    raw_nanosleep(ms * 1000000);
}

static void blocker(void *arg) {
    (void)arg;
    rt_syscall_enter();
    long before = ticks;
    for (int i = 0; i < 500 && ticks == before; i++)
        os_sleep_ms(10);
    ticks_in_syscall = ticks - before; // still without a P: only the others moved it
    rt_syscall_exit();
    blocked_done = 1;
}

static void ticker(void *arg) {
    (void)arg;
    while (!blocked_done) {
        ticks++;
        rt_yield();
    }
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    rt_go(blocker, 0);
    rt_yield(); // let the blocker enter its syscall
    rt_go(ticker, 0);
    while (!blocked_done)
        rt_sleep(20 * 1000000);
    long seen = ticks_in_syscall;
    rt_print(seen > 0 ? "ok: others ran while a goroutine was in a syscall\n"
                      : "no progress while a goroutine was in a syscall\n");
    return seen > 0 ? 0 : 1;
}
