// sync_deadlock: a program whose goroutines all wait for each other is reported as
// "fatal error: all goroutines are asleep - deadlock!" (exit 2). argv[1] picks how:
//   recv      main receives on a channel nobody sends to (while others wait too)
//   nil       main receives on a NULL channel
//   select    main runs a select with no cases
//   mutex     main locks a mutex it already holds
//   wg        main waits on a wait group nobody marks done
//   locked    main, locked to its thread, receives on a channel nobody sends to
#include <rt.h>

static bool eq(const char *a, const char *b) {
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}

static rt_chan *c;
static void wait_forever(void *unused) {
    (void)unused;
    rt_chan_recv(c, NULL);
}

int rt_main(int argc, char **argv) {
    const char *what = argc > 1 ? argv[1] : "";
    c = rt_chan_new(sizeof(int), 0);
    if (eq(what, "recv")) {
        for (int i = 0; i < 8; i++)
            rt_go(wait_forever, NULL);
        int v;
        rt_chan_recv(c, &v);
    } else if (eq(what, "nil")) {
        rt_chan_recv(NULL, NULL);
    } else if (eq(what, "select")) {
        rt_select(NULL, 0, true);
    } else if (eq(what, "mutex")) {
        rt_mutex mu = {0};
        rt_mutex_lock(&mu);
        rt_mutex_lock(&mu);
    } else if (eq(what, "locked")) {
        rt_lock_os_thread();
        rt_chan_recv(c, NULL);
    } else if (eq(what, "wg")) {
        rt_wg wg = {0};
        rt_wg_add(&wg, 1);
        rt_wg_wait(&wg);
    } else {
        rt_print("unknown case '%s'\n", what);
        return 1;
    }
    rt_print("no deadlock reported\n");
    return 0;
}
