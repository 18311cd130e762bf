// syscall_loop: a goroutine looping on short blocking calls must not keep its P for
// good: the timers and run queue of that P still get served (issue: sysmon compared
// only syscalltick, which moves on every call, so it never retook the P, and at one P a
// 1 ms timer ran seconds late). Go runs it within a few ms; the bound here is a second,
// so only a P that is never retaken fails it.
#include "stress.h"

enum { NAPS = 20 };
static const int64_t NAP_NS = 1000000, LATE_NS = 1000000000;

static volatile int done;

static void looper(void *unused) {
    (void)unused;
    while (!done) {
        rt_syscall_enter();
        stress_gettid(); // returns at once: sysmon never sees one call last
        rt_syscall_exit();
    }
}

int rt_main(int argc, char **argv) {
    stress_seed(argc, argv);
    int loopers = 1 + (int)stress_rand((uint32_t)rt_gomaxprocs(0));
    for (int i = 0; i < loopers; i++)
        rt_go(looper, NULL);
    int64_t latest = 0;
    for (int i = 0; i < NAPS; i++) {
        int64_t start = rt_nanotime();
        rt_sleep(NAP_NS);
        int64_t late = rt_nanotime() - start - NAP_NS;
        if (late > latest)
            latest = late;
    }
    done = 1;
    if (latest > LATE_NS) {
        rt_print("FAIL: a 1 ms timer ran %lld ms late beside %d syscall loops\n",
                 (long long)(latest / 1000000), loopers);
        return 1;
    }
    rt_print("ok: timers ran beside %d syscall loops\n", loopers);
    return 0;
}
