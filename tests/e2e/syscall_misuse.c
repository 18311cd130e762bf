// syscall_misuse: rt_syscall_enter/rt_syscall_exit used wrongly get a fatal error in the
// user's words, not the scheduler's internals (issue: "acquirep: invalid p state",
// "casgstatus: ..."). argv[1] picks the misuse.
#include <rt.h>

static bool streq(const char *a, const char *b) {
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}

int rt_main(int argc, char **argv) {
    const char *what = argc > 1 ? argv[1] : "";
    if (streq(what, "twice")) {
        rt_syscall_enter();
        rt_syscall_enter();
    } else if (streq(what, "exit")) {
        rt_syscall_exit();
    } else if (streq(what, "sleep")) {
        rt_syscall_enter();
        rt_sleep(1000);
    } else if (streq(what, "go")) {
        rt_syscall_enter();
        rt_go((void (*)(void *))rt_yield, NULL);
    } else if (streq(what, "yield")) {
        rt_syscall_enter();
        rt_yield();
    } else if (streq(what, "chan")) {
        // A send that would not block: without a P, it would race the M that holds it.
        rt_chan *c = rt_chan_new(sizeof(int), 1);
        int v = 1;
        rt_syscall_enter();
        rt_chan_send(c, &v);
    }
    rt_print("no misuse named\n");
    return 0;
}
