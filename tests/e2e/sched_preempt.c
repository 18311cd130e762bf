// sched_preempt: at one P, a goroutine that runs for 200 ms without blocking is flagged
// by sysmon after 10 ms and yields at its next runtime call (cooperative preemption),
// so another runnable goroutine gets to run in the meantime.
#include <rt.h>

// Atomic: goroutines share it (a volatile is a data race, which --variant tsan reports).
static _Atomic int other_ran;
static _Atomic int other_ran_during_hog;

static void other(void *arg) {
    (void)arg;
    other_ran = 1;
}

static void hog(void *arg) {
    (void)arg;
    int64_t end = rt_nanotime() + 200 * 1000000;
    while (rt_nanotime() < end) // each rt_nanotime is a runtime call: a preemption point
        if (other_ran)
            other_ran_during_hog = 1;
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    rt_go(hog, 0);
    rt_yield(); // the hog starts
    rt_go(other, 0);
    rt_sleep(300 * 1000000);
    rt_print(other_ran_during_hog ? "ok: preempted\n" : "not preempted\n");
    return other_ran_during_hog ? 0 : 1;
}
