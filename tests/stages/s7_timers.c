// Stage 7, timers: the monotonic clock (vDSO or syscall) moves forward at the right
// rate, and the OS layer's timed sleeps (os_usleep, os_futexsleep with a timeout) end.
#include "stage.h"

STAGE_DEFAULT_CHECK
STAGE_DEFAULT_SCHEDINIT
STAGE_DEFAULT_NEWPROC

void args(int argc, char **argv) {
    os_sysargs(argc, argv);
} // finds the vDSO
void osinit(void) {
    os_init();
}

static uint32_t word;

// The generated layer says which clock nanotime reads where it can (os_linux.c); status
// prints it. This weak default (NULL) stands in where the OS layer has none.
__attribute__((weak)) const char *os_clock_source(void);
__attribute__((weak)) const char *os_clock_source(void) {
    return NULL;
}

_Noreturn void mstart(void) {
    int64_t t0 = os_nanotime();
    if (t0 <= 0)
        stage_fail("nanotime is not positive");
    for (int i = 0; i < 1000; i++)
        if (os_nanotime() < t0)
            stage_fail("nanotime went backwards");
    int64_t t1 = os_nanotime();
    os_usleep(20 * 1000);
    int64_t slept = os_nanotime() - t1;
    if (slept < 20 * 1000 * 1000 || slept > 2000LL * 1000 * 1000)
        stage_fail("usleep(20 ms) did not take 20 ms to 2 s");
    int64_t t2 = os_nanotime();
    os_futexsleep(&word, 0, 30 * 1000 * 1000);
    int64_t waited = os_nanotime() - t2;
    if (waited > 2000LL * 1000 * 1000)
        stage_fail("a 30 ms futexsleep did not time out");
    stage_write("timers ok: nanotime, usleep, futexsleep timeout\n");
    const char *clock = os_clock_source();
    if (clock != NULL)
        stage_printf("clock: %s\n", clock);
    stage_exit(0);
}
