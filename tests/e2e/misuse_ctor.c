// misuse_ctor: an ordinary constructor runs before the runtime has started; a runtime
// call from it is a fatal error that says so, not a crash.
#include <rt.h>

static rt_chan *early;

__attribute__((constructor)) static void too_early(void) {
    early = rt_chan_new(sizeof(int), 1);
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    rt_print("made %p before the runtime started\n", (void *)early);
    return 0;
}
