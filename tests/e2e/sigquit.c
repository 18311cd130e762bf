// sigquit: the quit signal (SIGQUIT) prints every goroutine, like Go: main (running,
// the one the signal interrupted), one blocked in a channel receive, one asleep while
// locked to its thread; then the process exits 2.
#include <rt.h>
#include <rt_port.h>

static rt_chan *never;
// Atomic: goroutines share it (a volatile is a data race, which --variant tsan reports).
static _Atomic int ready;

static void blocker(void *arg) {
    (void)arg;
    int v;
    ready++;
    rt_chan_recv(never, &v);
    rt_print("blocker woke\n"); // not a tail call: blocker's frame stays on the stack
}

static void sleeper(void *arg) {
    (void)arg;
    rt_lock_os_thread();
    ready++;
    rt_sleep(3600LL * 1000 * 1000 * 1000);
    rt_print("sleeper woke\n");
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    never = rt_chan_new(sizeof(int), 0);
    rt_go(blocker, 0);
    rt_go(sleeper, 0);
    while (ready < 2)
        rt_sleep(1000 * 1000);
    rt_sleep(10 * 1000 * 1000); // both are parked now
    rt_raise_quit();
    rt_print("still alive after the quit signal\n");
    return 0;
}
