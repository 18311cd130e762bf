// sched_init: RT_INIT functions run in link order, in the main goroutine, before rt_main.
#include <rt.h>

static int order[3], n;

static void first(void) {
    order[n++] = 1;
}
static void second(void) {
    order[n++] = 2;
}
RT_INIT(first)
RT_INIT(second)

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    rt_print("inits=%d order=%d,%d\n", n, order[0], order[1]);
    return 0;
}
