// sync_locked: a goroutine locked to its OS thread parks on channels, a mutex, a wait
// group and a timer, and is woken from other threads each time. Every wakeup hands the
// P to the locked thread, which must not look like a deadlock meanwhile.
#include <rt.h>

enum { ROUNDS = 2000 };

static rt_chan *ping, *pong;
static rt_mutex mu;
static rt_wg wg;

static void echo(void *unused) {
    (void)unused;
    long v;
    while (rt_chan_recv(ping, &v))
        rt_chan_send(pong, &v);
}

static void hold_then_release(void *unused) {
    (void)unused;
    rt_mutex_lock(&mu);
    rt_sleep(2000000);
    rt_mutex_unlock(&mu);
    rt_wg_done(&wg);
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    rt_lock_os_thread();
    ping = rt_chan_new(sizeof(long), 0);
    pong = rt_chan_new(sizeof(long), 0);
    rt_go(echo, NULL);
    for (long i = 0; i < ROUNDS; i++) {
        long v = -1;
        rt_chan_send(ping, &i);
        if (!rt_chan_recv(pong, &v) || v != i) {
            rt_print("FAIL: round %ld got %ld\n", i, v);
            return 1;
        }
    }
    rt_chan_close(ping);
    rt_sleep(1000000);
    rt_wg_add(&wg, 1);
    rt_go(hold_then_release, NULL);
    rt_sleep(1000000);
    rt_mutex_lock(&mu); // parks until the holder's sleep ends
    rt_mutex_unlock(&mu);
    rt_wg_wait(&wg);
    rt_unlock_os_thread();
    rt_print("ok sync_locked\n");
    return 0;
}
