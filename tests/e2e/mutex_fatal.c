// mutex_fatal: unlocking an unlocked mutex is a fatal error, as in Go.
#include <rt.h>

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    rt_mutex mu = {0};
    rt_mutex_lock(&mu);
    rt_mutex_unlock(&mu);
    rt_mutex_unlock(&mu);
    rt_print("no fatal error\n");
    return 0;
}
