// use_after_free: a goroutine reads a heap int another goroutine freed, which
// --variant asan must report as a heap-use-after-free (with the goroutine's stack).
#include <rt.h>
#include <stdlib.h>

static rt_chan *handoff;

static __attribute__((noinline)) void uaf_reader(void *arg) {
    (void)arg;
    int *p;
    rt_chan_recv(handoff, &p);
    rt_print("read %d\n", *p); // freed by the sender before it sent p
    rt_exit(0);
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    handoff = rt_chan_new(sizeof(int *), 0);
    rt_go(uaf_reader, NULL);
    int *p = malloc(sizeof *p);
    *p = 42;
    free(p);
    rt_chan_send(handoff, &p);
    rt_sleep(1000000000);
    return 1;
}
