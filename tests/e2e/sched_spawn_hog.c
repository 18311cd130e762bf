// sched_spawn_hog: a goroutine spawning in a loop is a hog like any other, and a
// preempted hog queues behind the global run queue's work (Go's gopreempt_m), not on the
// local tail. What it spawned so far overflowed to the global queue; once it is behind
// them they all run and exit, and their Gs are reused by the spawns that follow: a spawn
// loop's memory is a quantum's worth of Gs, not one G per spawn. On the local tail it ran
// again after at most 256 of them, and the global queue was served every 61st tick.
#include <rt.h>

enum { N = 500000 };

static _Atomic long ran;
static rt_wg done;

static void child(void *arg) {
    (void)arg;
    ran++;
    rt_wg_done(&done);
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    rt_wg_add(&done, N);
    for (long i = 0; i < N; i++)
        rt_go(child, 0);
    long before_wait = ran;
    rt_wg_wait(&done);
    // With a 1 ms quantum the spawner is preempted many times; everything it spawned
    // before its last preemption has run by the end of the loop.
    if (before_wait < N / 2) {
        rt_print("only %ld of %d children ran while the spawner ran\n", before_wait, N);
        return 1;
    }
    rt_print("ok: the spawner's children ran when it was preempted\n");
    return 0;
}
