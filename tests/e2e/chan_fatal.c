// chan_fatal: misuse of a channel is a fatal error (exit 2), as in Go. argv[1] picks it:
//   send-closed   send on a closed channel
//   send-blocked  a sender parked on a full channel when it is closed
//   close-closed  close a channel twice
//   close-nil     close a NULL channel
#include <rt.h>

static bool eq(const char *a, const char *b) {
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}

static rt_chan *c;
static void send_blocked(void *unused) {
    (void)unused;
    rt_chan_send(c, &(int){2});
}

int rt_main(int argc, char **argv) {
    const char *what = argc > 1 ? argv[1] : "";
    c = rt_chan_new(sizeof(int), 1);
    if (eq(what, "send-closed")) {
        rt_chan_close(c);
        rt_chan_send(c, &(int){1});
    } else if (eq(what, "send-blocked")) {
        rt_chan_send(c, &(int){1});
        rt_go(send_blocked, NULL);
        rt_sleep(5000000);
        rt_chan_close(c);
        rt_sleep(1000000000);
    } else if (eq(what, "close-closed")) {
        rt_chan_close(c);
        rt_chan_close(c);
    } else if (eq(what, "close-nil")) {
        rt_chan_close(NULL);
    } else {
        rt_print("unknown case '%s'\n", what);
        return 1;
    }
    rt_print("no fatal error\n");
    return 0;
}
