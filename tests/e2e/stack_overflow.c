// stack_overflow: a goroutine that recurses past the end of its stack is reported as a
// stack overflow, by whichever check caught it: the guard page (a fault, turned into a
// fatal error by the signal handler), or the canary (checked at the next switch). A
// plain bad pointer is an unexpected signal. All exit 2 with `fatal error: ...` and a
// traceback, which a corrupt frame chain ends with a note.
#include <rt.h>

static int depth(int n, int yield_at_bottom) {
    char frame[1024];
    frame[0] = (char)n;
    // The whole frame escapes, so no optimizer can shrink or reuse it.
    __asm__ volatile("" : : "r"(frame) : "memory");
    if (n == 0) {
        if (yield_at_bottom)
            rt_yield();
        return frame[0];
    }
    return depth(n - 1, yield_at_bottom) + frame[0];
}

static const char *mode;

// Overwrites its own frame record's link to the caller, then faults: the traceback must
// end the walk with a note at the bad link, not fault again.
__attribute__((noinline)) static void corrupt_chain(void) {
    uintptr_t *fp = __builtin_frame_address(0);
    fp[0] = (uintptr_t)0x10; // below any stack
    __asm__ volatile("" : : : "memory");
    *(volatile int *)0 = 2;
}

static void run(void *arg) {
    (void)arg;
    if (mode[0] == 'g') // guard: 96 KiB of frames on a 64 KiB stack, no switch on the way
        depth(96, 0);
    else if (mode[0] == 'c' && mode[1] == 'a') // canary: 8 KiB past the end, then a switch
        depth(72, 1);
    else if (mode[0] == 'c') // corrupt: a frame chain that leads nowhere, then a fault
        corrupt_chain();
    else // nil: an unexpected signal
        *(volatile int *)0 = 1;
    rt_print("survived\n");
}

int rt_main(int argc, char **argv) {
    mode = argc > 1 ? argv[1] : "guard";
    rt_go(run, 0);
    rt_sleep(1000 * 1000000LL);
    return 1;
}
