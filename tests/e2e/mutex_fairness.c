// mutex_fairness: one goroutine holds the mutex almost all the time (sleeping inside
// it); another must still get it, ten times, promptly, thanks to starvation mode (Go's
// TestMutexFairness). Fails if that takes over 5 seconds.
#include <rt.h>

enum { US = 1000, SECOND = 1000000000 };

static rt_mutex mu;
static rt_chan *stop, *done;

static void hog(void *unused) {
    (void)unused;
    for (;;) {
        rt_mutex_lock(&mu);
        rt_sleep(100 * US);
        rt_mutex_unlock(&mu);
        rt_select_case sc = {RT_SELECT_RECV, stop, NULL, false};
        if (rt_select(&sc, 1, false) == 0)
            break;
    }
    rt_chan_send(done, NULL);
}

static void polite(void *unused) {
    (void)unused;
    for (int i = 0; i < 10; i++) {
        rt_sleep(100 * US);
        rt_mutex_lock(&mu);
        rt_mutex_unlock(&mu);
    }
    rt_chan_send(done, NULL);
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    stop = rt_chan_new(0, 0);
    done = rt_chan_new(0, 2);
    int64_t start = rt_nanotime();
    rt_go(hog, NULL);
    rt_go(polite, NULL);
    rt_chan_recv(done, NULL);
    int64_t took = rt_nanotime() - start;
    rt_chan_close(stop);
    rt_chan_recv(done, NULL);
    if (took > 5 * (int64_t)SECOND) {
        rt_print("FAIL: the polite goroutine needed %lld ms\n", (long long)(took / 1000000));
        return 1;
    }
    rt_print("ok mutex_fairness\n");
    return 0;
}
