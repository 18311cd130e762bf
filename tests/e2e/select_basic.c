// select_basic: a non-blocking select returns -1 when nothing is ready; a ready case
// fires with ok set; NULL channels never fire; a blocked select is woken by a send, by a
// receive (send case), and by close (ok false, zero value); a channel may appear twice;
// selects over more cases than fit on the stack work.
#include "park_util.h"

static void test_nonblocking(void) {
    rt_chan *a = rt_chan_new(sizeof(int), 0), *b = rt_chan_new(sizeof(int), 1);
    int va = 0, vb = 0, out = 5;
    rt_select_case cs[] = {
        {RT_SELECT_RECV, a, &va, false},
        {RT_SELECT_RECV, b, &vb, false},
        {RT_SELECT_SEND, a, &out, false}, // nobody receives on a
        {RT_SELECT_RECV, NULL, &va, false},
    };
    CHECK(rt_select(cs, 4, false) == -1);
    CHECK(rt_select(cs, 0, false) == -1);
    rt_chan_send(b, &(int){3});
    CHECK(rt_select(cs, 4, false) == 1);
    CHECK(vb == 3 && cs[1].ok);
    // A send case into a buffered channel with room.
    rt_select_case snd[] = {{RT_SELECT_SEND, b, &out, false}, {RT_SELECT_SEND, NULL, &out, false}};
    CHECK(rt_select(snd, 2, true) == 0);
    CHECK(rt_chan_recv(b, &vb) && vb == 5);
    rt_chan_free(a);
    rt_chan_free(b);
}

struct blocked {
    rt_select_case cs[3];
    int va, vb;
    rt_chan *done;
};

static void select_and_report(void *arg) {
    struct blocked *s = arg;
    arrive();
    int i = rt_select(s->cs, 3, true);
    rt_chan_send(s->done, &i);
}

static struct blocked *blocked_on(struct blocked *s, rt_chan *a, rt_chan *b, rt_chan *c) {
    s->va = s->vb = -1;
    s->cs[0] = (rt_select_case){RT_SELECT_RECV, a, &s->va, false};
    s->cs[1] = (rt_select_case){RT_SELECT_RECV, b, &s->vb, false};
    s->cs[2] = (rt_select_case){RT_SELECT_RECV, c, NULL, false};
    s->done = rt_chan_new(sizeof(int), 1);
    go_parked(select_and_report, s); // parked on every channel
    return s;
}

static void test_wakeups(void) {
    rt_chan *a = rt_chan_new(sizeof(int), 0), *b = rt_chan_new(sizeof(int), 0);
    struct blocked s;
    int fired;
    // A send wakes it, and only that case fires.
    blocked_on(&s, a, b, NULL);
    rt_chan_send(b, &(int){77});
    CHECK(rt_chan_recv(s.done, &fired) && fired == 1 && s.vb == 77 && s.cs[1].ok && s.va == -1);
    // Its sudog on a is gone: a later send on a finds no receiver.
    int x = 1;
    rt_select_case try_a = {RT_SELECT_SEND, a, &x, false};
    CHECK(rt_select(&try_a, 1, false) == -1);
    // Close wakes it with ok false and a zero value.
    blocked_on(&s, a, b, NULL);
    rt_chan_close(a);
    CHECK(rt_chan_recv(s.done, &fired) && fired == 0 && !s.cs[0].ok && s.va == 0);
    // The same channel twice: one send wakes it once.
    blocked_on(&s, b, b, b);
    rt_chan_send(b, &(int){8});
    CHECK(rt_chan_recv(s.done, &fired) && fired >= 0 && fired <= 2 && s.cs[fired].ok);
    rt_select_case try_b = {RT_SELECT_SEND, b, &x, false};
    CHECK(rt_select(&try_b, 1, false) == -1); // all three sudogs left b's queue
    rt_chan_free(b);
}

struct send_select {
    rt_chan *sink, *never, *done;
};

static void select_send(void *arg) {
    struct send_select *s = arg;
    int v = 21, dummy;
    rt_select_case cs[] = {{RT_SELECT_RECV, s->never, &dummy, false},
                           {RT_SELECT_SEND, s->sink, &v, false}};
    arrive();
    int i = rt_select(cs, 2, true);
    rt_chan_send(s->done, &i);
}

// A select blocked on a send case is woken by a receiver.
static void test_blocked_send(void) {
    struct send_select s = {rt_chan_new(sizeof(int), 0), rt_chan_new(sizeof(int), 0),
                            rt_chan_new(sizeof(int), 1)};
    go_parked(select_send, &s);
    int v, fired;
    CHECK(rt_chan_recv(s.sink, &v) && v == 21);
    CHECK(rt_chan_recv(s.done, &fired) && fired == 1);
    rt_chan_free(s.never);
    rt_chan_free(s.sink);
    rt_chan_free(s.done);
}

// More cases than SMALL_SELECT: the scratch space is allocated.
static void test_many_cases(void) {
    enum { N = 40 };
    rt_chan *cs_chan[N];
    rt_select_case cs[N];
    int vals[N];
    for (int i = 0; i < N; i++) {
        cs_chan[i] = rt_chan_new(sizeof(int), 1);
        cs[i] = (rt_select_case){RT_SELECT_RECV, cs_chan[i], &vals[i], false};
    }
    CHECK(rt_select(cs, N, false) == -1);
    rt_chan_send(cs_chan[33], &(int){33});
    CHECK(rt_select(cs, N, true) == 33 && vals[33] == 33);
    for (int i = 0; i < N; i++)
        rt_chan_send(cs_chan[i], &i);
    bool seen[N] = {false};
    for (int k = 0; k < N; k++) {
        int i = rt_select(cs, N, true);
        CHECK(i >= 0 && vals[i] == i && !seen[i]);
        seen[i] = true;
    }
    CHECK(rt_select(cs, N, false) == -1);
    for (int i = 0; i < N; i++)
        rt_chan_free(cs_chan[i]);
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    test_nonblocking();
    test_wakeups();
    test_blocked_send();
    test_many_cases();
    rt_print("ok select_basic\n");
    return 0;
}
