// sleep_forever: a deadline past the end of the clock saturates instead of wrapping into
// the past (issue: rt_sleep(INT64_MAX) returned at once), here and wherever a duration
// is added to the clock.
#include <rt.h>

static volatile int woke;

static void sleeper(void *arg) {
    rt_sleep(*(int64_t *)arg);
    woke++;
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    static int64_t durations[] = {INT64_MAX, INT64_MAX - 1, INT64_MAX / 2 + 1};
    for (int i = 0; i < 3; i++)
        rt_go(sleeper, &durations[i]);
    rt_sleep(50 * 1000000);
    rt_print("woke early: %d\n", woke);
    return woke != 0;
}
