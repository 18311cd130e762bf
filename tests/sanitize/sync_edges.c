// sync_edges: every happens-before edge the runtime makes, each guarding a plain int that
// one goroutine writes and another then reads and writes. Correctly synchronised, so
// --variant tsan must report nothing; drop one of the runtime's annotations
// (runtime-core/sanitizer.h) and TSan reports a race here.
#include <rt.h>

static int data[16];
static rt_wg all;

// goroutine start: what the parent did before rt_go, the child sees.
static void child(void *arg) {
    data[0]++;
    rt_wg_done(arg);
}

// unbuffered send -> receive, and receive -> completion of the send.
static void unbuf_sender(void *c) {
    data[1] = 1;
    int v = 1;
    rt_chan_send(c, &v);
    data[2]++; // after the receiver's write (the receive happens before the send completes)
    rt_wg_done(&all);
}
static void unbuf_receiver(void *c) {
    data[2] = 1;
    int v;
    rt_chan_recv(c, &v);
    data[1]++;
    rt_wg_done(&all);
}

// buffered send -> receive; close -> the receive that sees it.
static void buf_sender(void *c) {
    data[3] = 1;
    int v = 3;
    rt_chan_send(c, &v);
    data[4] = 1;
    rt_chan_close(c);
    rt_wg_done(&all);
}
static void buf_receiver(void *c) {
    int v;
    rt_chan_recv(c, &v);
    data[3]++;
    while (rt_chan_recv(c, &v)) {
    }
    data[4]++;
    rt_wg_done(&all);
}

// a buffered channel as a semaphore: the k-th receive happens before the (k+cap)-th send
// completes.
static rt_chan *sem;
static void sem_user(void *arg) {
    int one = 1;
    rt_chan_send(sem, &one);
    data[5]++;
    int v;
    rt_chan_recv(sem, &v);
    rt_wg_done(arg);
}

// mutex unlock -> lock.
static rt_mutex mu;
static void locker(void *arg) {
    rt_mutex_lock(&mu);
    data[6]++;
    rt_mutex_unlock(&mu);
    rt_wg_done(arg);
}

// wait group Done -> Wait.
static void wg_worker(void *wg) {
    data[7]++; // one worker only: the waiter reads it after Wait
    rt_wg_done(wg);
}

// select: a fired send case -> the receive; a fired receive case -> after it.
static void select_sender(void *c) {
    data[8] = 1;
    int v = 8;
    rt_select_case cs[2] = {{RT_SELECT_SEND, c, &v, false}, {RT_SELECT_RECV, NULL, NULL, false}};
    rt_select(cs, 2, true);
    rt_wg_done(&all);
}
static void select_receiver(void *c) {
    int v, w;
    rt_chan *other = rt_chan_new(sizeof(int), 0);
    rt_select_case cs[2] = {{RT_SELECT_RECV, c, &v, false}, {RT_SELECT_RECV, other, &w, false}};
    rt_select(cs, 2, true);
    data[8]++;
    rt_chan_free(other);
    rt_wg_done(&all);
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    rt_wg start = {0};
    data[0] = 1;
    rt_wg_add(&start, 1);
    rt_go(child, &start);
    rt_wg_wait(&start);

    rt_chan *unbuf = rt_chan_new(sizeof(int), 0), *buf = rt_chan_new(sizeof(int), 4);
    rt_chan *sel = rt_chan_new(sizeof(int), 0);
    rt_wg_add(&all, 6);
    rt_go(unbuf_receiver, unbuf);
    rt_go(unbuf_sender, unbuf);
    rt_go(buf_receiver, buf);
    rt_go(buf_sender, buf);
    rt_go(select_receiver, sel);
    rt_go(select_sender, sel);
    rt_wg_wait(&all);

    rt_wg group = {0};
    sem = rt_chan_new(sizeof(int), 1);
    rt_wg_add(&group, 8);
    for (int i = 0; i < 4; i++)
        rt_go(sem_user, &group);
    for (int i = 0; i < 4; i++)
        rt_go(locker, &group);
    rt_wg_wait(&group);

    rt_wg one = {0};
    rt_wg_add(&one, 1);
    rt_go(wg_worker, &one);
    rt_wg_wait(&one);
    data[7]++;

    int sum = 0;
    for (int i = 0; i < 9; i++)
        sum += data[i];
    rt_print("sum %d\n", sum);
    rt_chan_free(unbuf);
    rt_chan_free(buf);
    rt_chan_free(sel);
    rt_chan_free(sem);
    return 0;
}
