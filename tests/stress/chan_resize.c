// chan_resize: channel traffic while the P count flips between one and several. At one
// P a channel's lock takes no atomic instruction (chan.h's chan_lock): that is sound only
// if no other M can be inside a channel operation then, and the flips are where that
// premise would break first. Checksums catch a lost or doubled value; a corrupted wait
// queue hangs or dies.
#include "stress.h"

enum { PAIRS = 6, VALUES = 100000 };

static _Atomic int producing;
static rt_wg consumers;
static long sums[PAIRS + 1];
static long flips;

static void producer(void *arg) {
    rt_chan *c = arg;
    for (long v = 1; v <= VALUES; v++) {
        rt_chan_send(c, &v);
        if (stress_rand(64) == 0)
            rt_yield();
    }
    producing--;
}

static void consumer(void *arg) {
    long i = (long)arg;
    rt_chan *c = rt_chan_new(sizeof(long), i % 2 ? 0 : 3);
    rt_go(producer, c);
    long v, sum = 0;
    for (long n = 0; n < VALUES; n++) {
        rt_chan_recv(c, &v);
        sum += v;
    }
    sums[i] = sum;
    rt_wg_done(&consumers);
}

// Two producers into one select: the multi-channel lock order under the flips too.
static void select_consumer(void *unused) {
    (void)unused;
    rt_chan *a = rt_chan_new(sizeof(long), 0), *b = rt_chan_new(sizeof(long), 2);
    rt_go(producer, a);
    rt_go(producer, b);
    long va, vb, sum = 0;
    for (long n = 0; n < 2 * VALUES; n++) {
        rt_select_case cs[2] = {{.chan = a, .dir = RT_SELECT_RECV, .elem = &va},
                                {.chan = b, .dir = RT_SELECT_RECV, .elem = &vb}};
        int i = rt_select(cs, 2, true);
        sum += i == 0 ? va : vb;
    }
    sums[PAIRS] = sum;
    rt_wg_done(&consumers);
}

static void resizer(void *unused) {
    (void)unused;
    while (producing != 0) {
        rt_gomaxprocs(1);
        rt_sleep(stress_rand(20000));
        rt_gomaxprocs(2 + (int)stress_rand(7));
        rt_sleep(stress_rand(20000));
        flips++;
    }
    rt_wg_done(&consumers);
}

int rt_main(int argc, char **argv) {
    stress_seed(argc, argv);
    rt_wg_add(&consumers, PAIRS + 2);
    producing = PAIRS + 2; // producers still sending: the resizer runs until none is
    for (long i = 0; i < PAIRS; i++)
        rt_go(consumer, (void *)i);
    rt_go(select_consumer, NULL);
    rt_go(resizer, NULL);
    rt_wg_wait(&consumers);
    long want = (long)VALUES * (VALUES + 1) / 2;
    for (int i = 0; i <= PAIRS; i++)
        if (sums[i] != (i == PAIRS ? 2 * want : want)) {
            rt_print("consumer %d summed %ld, want %ld\n", i, sums[i],
                     i == PAIRS ? 2 * want : want);
            return 1;
        }
    rt_print("ok: %d values through channels across %ld flips to one P and back\n",
             (PAIRS + 2) * VALUES, flips);
    return 0;
}
