// sched_syscall: a goroutine blocked in a system call does not hold up the others. At
// one P, sysmon hands the P to another M while the call blocks (rt_syscall_enter /
// rt_syscall_exit), so the counter moves while the blocker sleeps. The blocker itself
// looks, still inside its blocking section, so no clock decides the verdict: it sleeps
// 10 ms at a time until the counter has moved, for up to 5 s (a window of 250 ms by the
// clock failed once under qemu on a loaded machine, the process starved, not stuck).
#include <rt.h>

// Atomic: goroutines share it (a volatile is a data race, which --variant tsan reports).
static _Atomic long ticks;
static _Atomic long ticks_in_syscall;
static _Atomic int blocked_done;

// A raw nanosleep: this test is freestanding too, so no libc.
static void os_sleep_ms(long ms) {
    struct {
        long sec, nsec;
    } ts = {ms / 1000, (ms % 1000) * 1000000};
#if defined(__x86_64__)
    long ret;
    __asm__ volatile("syscall" : "=a"(ret) : "a"(35), "D"(&ts), "S"(0) : "rcx", "r11", "memory");
#elif defined(__aarch64__)
    register long x0 __asm__("x0") = (long)&ts;
    register long x1 __asm__("x1") = 0;
    register long x8 __asm__("x8") = 101;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x1), "r"(x8) : "memory");
#elif defined(__powerpc64__)
    // sc: number in r0, arguments in r3 and r4; the kernel may clobber r0 and r3-r12,
    // cr0, ctr and xer.
    register long r0 __asm__("r0") = 162;
    register long r3 __asm__("r3") = (long)&ts;
    register long r4 __asm__("r4") = 0;
    __asm__ volatile("sc"
                     : "+r"(r0), "+r"(r3), "+r"(r4)
                     :
                     : "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12", "cr0", "ctr", "xer",
                       "memory");
#else
#error "no raw nanosleep for this arch"
#endif
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
