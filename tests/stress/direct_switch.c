// direct_switch: every kind of direct goroutine-to-goroutine switch at once, while
// thieves on other Ps take from the queues they switch through: pairs ping-ponging over
// unbuffered channels (a send readies the partner, then the receive parks and switches
// to it), yielders, goroutines that exit into the next one, wait groups and a mutex in
// starvation handoff. A goroutine made runnable or woken before its switch saved it
// would run on a half-saved stack: a lost or doubled value, a wrong checksum, or (debug
// variant) a status or queue check firing.
#include "stress.h"

enum { PAIRS = 16, ROUNDS = 2000, YIELDERS = 8, YIELDS = 3000, SPAWNS = 20000, LOCKERS = 8 };

struct pair {
    rt_chan *ping, *pong;
    long sum;
};

static struct pair pairs[PAIRS];
static rt_wg done;
static rt_mutex mu;
static long counter;
static long spawned_sum;
static rt_mutex spawned_mu;

static void pinger(void *arg) {
    struct pair *pp = arg;
    for (long i = 1; i <= ROUNDS; i++) {
        long v = i, back;
        rt_chan_send(pp->ping, &v);
        rt_chan_recv(pp->pong, &back);
        if (back != i + 1) {
            rt_print("FAIL: pair %ld round %ld came back as %ld\n", (long)(pp - pairs), i, back);
            rt_exit(1);
        }
        pp->sum += back;
    }
    rt_wg_done(&done);
}

static void ponger(void *arg) {
    struct pair *pp = arg;
    for (long i = 1; i <= ROUNDS; i++) {
        long v;
        rt_chan_recv(pp->ping, &v);
        v++;
        if (stress_rand(16) == 0)
            rt_yield();
        rt_chan_send(pp->pong, &v);
    }
    rt_wg_done(&done);
}

static void yielder(void *arg) {
    (void)arg;
    long local = 0;
    for (int i = 0; i < YIELDS; i++) {
        local += i;
        rt_yield();
    }
    if (local != (long)YIELDS * (YIELDS - 1) / 2) {
        rt_print("FAIL: a yielder's local changed across switches\n");
        rt_exit(1);
    }
    rt_wg_done(&done);
}

static void locker(void *arg) {
    (void)arg;
    for (int i = 0; i < 500; i++) {
        rt_mutex_lock(&mu);
        long c = counter;
        if (stress_rand(8) == 0)
            rt_yield(); // hold it across a switch: the others park, then take handoffs
        counter = c + 1;
        rt_mutex_unlock(&mu);
    }
    rt_wg_done(&done);
}

static rt_wg children;

static void child(void *arg) {
    rt_mutex_lock(&spawned_mu);
    spawned_sum += (long)arg;
    rt_mutex_unlock(&spawned_mu);
    rt_wg_done(&children);
}

static void spawner(void *arg) {
    (void)arg;
    for (long i = 1; i <= SPAWNS; i++) {
        rt_wg_add(&children, 1);
        rt_go(child, (void *)i);
        if (i % 1000 == 0)
            rt_wg_wait(&children); // parks; the children exit into one another
    }
    rt_wg_wait(&children);
    rt_wg_done(&done);
}

int rt_main(int argc, char **argv) {
    stress_seed(argc, argv);
    rt_wg_add(&done, 2 * PAIRS + YIELDERS + LOCKERS + 1);
    for (int i = 0; i < PAIRS; i++) {
        pairs[i].ping = rt_chan_new(sizeof(long), 0);
        pairs[i].pong = rt_chan_new(sizeof(long), 0);
        rt_go(ponger, &pairs[i]);
        rt_go(pinger, &pairs[i]);
    }
    for (int i = 0; i < YIELDERS; i++)
        rt_go(yielder, 0);
    for (int i = 0; i < LOCKERS; i++)
        rt_go(locker, 0);
    rt_go(spawner, 0);
    rt_wg_wait(&done);
    long want = (long)ROUNDS * (ROUNDS + 1) / 2 + ROUNDS;
    for (int i = 0; i < PAIRS; i++) {
        if (pairs[i].sum != want) {
            rt_print("FAIL: pair %d summed %ld, want %ld\n", i, pairs[i].sum, want);
            return 1;
        }
    }
    if (counter != LOCKERS * 500 || spawned_sum != (long)SPAWNS * (SPAWNS + 1) / 2) {
        rt_print("FAIL: counter %ld, spawned sum %ld\n", counter, spawned_sum);
        return 1;
    }
    rt_print("ok\n");
    return 0;
}
