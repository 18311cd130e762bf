// wg_negative: more Done than Add is a fatal error, as in Go.
#include <rt.h>

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    rt_wg wg = {0};
    rt_wg_add(&wg, 2);
    rt_wg_done(&wg);
    rt_wg_done(&wg);
    rt_wg_done(&wg);
    rt_print("no fatal error\n");
    return 0;
}
