// idle: a program whose goroutines all sleep makes no syscalls until the next timer
// (issue: sysmon woke every 10 ms forever). The harness counts this run's syscalls
// after start-up under strace: one goroutine sleeps 2 s, main waits on a channel.
#include "stress.h"

static void sleeper(void *arg) {
    rt_sleep(2000000000);
    rt_chan_send(arg, &(int){1});
}

int rt_main(int argc, char **argv) {
    stress_seed(argc, argv);
    rt_chan *done = rt_chan_new(sizeof(int), 0);
    rt_go(sleeper, done);
    int v;
    rt_chan_recv(done, &v);
    rt_print("ok: slept\n");
    return 0;
}
