// wg_join: a wait group joins 10000 goroutines spread over every P; several goroutines
// can wait on one group at once; a group is reusable once its Wait returned.
#include <rt.h>

enum { N = 10000, WAITERS = 5 };

static rt_wg wg, gate;
static long finished;
static rt_chan *waited;

static void work(void *unused) {
    (void)unused;
    __atomic_add_fetch(&finished, 1, __ATOMIC_SEQ_CST);
    rt_wg_done(&wg);
}

static void wait_at_gate(void *unused) {
    (void)unused;
    rt_wg_wait(&gate);
    rt_chan_send(waited, NULL);
}

static int join_round(int round) {
    __atomic_store_n(&finished, 0, __ATOMIC_SEQ_CST);
    for (int i = 0; i < N; i++) {
        rt_wg_add(&wg, 1);
        rt_go(work, NULL);
    }
    rt_wg_wait(&wg);
    long got = __atomic_load_n(&finished, __ATOMIC_SEQ_CST);
    if (got != N) {
        rt_print("FAIL round %d: Wait returned after %ld of %d goroutines\n", round, got, N);
        return 1;
    }
    return 0;
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    rt_wg_wait(&wg); // zero counter: returns at once
    if (join_round(1) || join_round(2))
        return 1;
    // Many waiters released by one Done.
    waited = rt_chan_new(0, WAITERS);
    rt_wg_add(&gate, 1);
    for (int i = 0; i < WAITERS; i++)
        rt_go(wait_at_gate, NULL);
    rt_sleep(5000000);
    if (rt_chan_len(waited) != 0) {
        rt_print("FAIL: a waiter passed the gate before Done\n");
        return 1;
    }
    rt_wg_done(&gate);
    for (int i = 0; i < WAITERS; i++)
        rt_chan_recv(waited, NULL);
    if (gate.state != 0 || wg.state != 0) {
        rt_print("FAIL: state left at %llu / %llu\n", (unsigned long long)gate.state,
                 (unsigned long long)wg.state);
        return 1;
    }
    rt_print("ok wg_join\n");
    return 0;
}
