// preempt_libc (hosted): a busy goroutine that calls libc in a loop (memcpy, snprintf,
// malloc/free) at one P is preempted only in its own code, never inside libc (a libc
// lock or buffer held across a preemption could be used by the goroutine that runs
// next), and still lets its neighbour run. Every recorded preemption PC is looked up
// with dladdr: it must be in this executable.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <rt.h>
#include <rt_port.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { WANT_PREEMPTIONS = 50, WANT_TICKS = 10 };

static volatile int stop;
static volatile long ticks;
static volatile unsigned long sink;

static void busy(void *arg) {
    (void)arg;
    char src[256], dst[256];
    unsigned long sum = 0;
    memset(src, 'x', sizeof src);
    for (unsigned long i = 0; !stop; i++) {
        memcpy(dst, src, sizeof dst);
        snprintf(dst, sizeof dst, "%lu %s %f", i, src + (i % 200), (double)i * 0.5);
        void *p = malloc(64 + i % 512);
        memset(p, (int)i, 64);
        free(p);
        for (int k = 0; k < 256; k++) // some work of its own between the calls
            sum = sum * 31 + (unsigned char)dst[k];
    }
    sink = sum;
}

static void neighbour(void *arg) {
    (void)arg;
    while (!stop) {
        ticks++;
        rt_sleep(1000 * 1000);
    }
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    rt_gomaxprocs(1);
    Dl_info self;
    if (!dladdr((void *)rt_main, &self)) {
        rt_print("dladdr failed\n");
        return 1;
    }
    rt_go(busy, 0);
    rt_go(neighbour, 0);
    struct rt_preempt_stats s;
    long in_libc = 0, checked = 0;
    uint64_t seen = 0;
    do {
        rt_sleep(5 * 1000 * 1000);
        rt_preempt_stats(&s);
        for (uint64_t n = seen; n < s.preempted; n++) { // the ring's newest entries
            if (s.preempted - n > s.npcs)
                continue;
            Dl_info where;
            uintptr_t pc = s.pcs[n % RT_PREEMPT_PCS];
            if (!dladdr((void *)pc, &where) || where.dli_fbase != self.dli_fbase)
                in_libc++;
            checked++;
        }
        seen = s.preempted;
    } while (s.preempted < WANT_PREEMPTIONS || ticks < WANT_TICKS);
    stop = 1;
    rt_print("preemptions checked: %s, outside the program: %ld, declined: %s, neighbour ran: %s\n",
             checked >= WANT_PREEMPTIONS ? "enough" : "too few", in_libc,
             s.signals > s.preempted ? "some" : "none", ticks >= WANT_TICKS ? "yes" : "no");
    return in_libc != 0;
}
