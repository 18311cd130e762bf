// rt_select: readiness, the non-blocking form, and a uniform choice among ready cases
// (chi-square bound).
#include <criterion/criterion.h>

#include "harness.h"

enum { ROUNDS = 40000, CASES = 4 };
static long hits[CASES];
static int result;
static bool ok;

static void fairness(void *unused) {
    (void)unused;
    rt_chan *cs[CASES];
    rt_select_case sc[CASES];
    int v = 7;
    for (int i = 0; i < CASES; i++) {
        cs[i] = rt_chan_new(sizeof(int), 1);
        sc[i] = (rt_select_case){RT_SELECT_RECV, cs[i], NULL, false};
    }
    for (int r = 0; r < ROUNDS; r++) {
        for (int i = 0; i < CASES; i++)
            if (rt_chan_len(cs[i]) == 0)
                rt_chan_send(cs[i], &v);
        int k = rt_select(sc, CASES, true);
        hits[k]++;
    }
}

Test(select, chooses_uniformly_among_ready_cases) {
    run_in_runtime(fairness, NULL, 1);
    // Chi-square with 3 degrees of freedom: 21.11 is the 0.9999 quantile (a fair choice
    // fails this one run in ten thousand).
    double expected = (double)ROUNDS / CASES, chi2 = 0;
    for (int i = 0; i < CASES; i++)
        chi2 += (hits[i] - expected) * (hits[i] - expected) / expected;
    cr_assert_lt(chi2, 21.11, "chi2 = %f (hits %ld %ld %ld %ld)", chi2, hits[0], hits[1], hits[2],
                 hits[3]);
}

static void nonblocking(void *unused) {
    (void)unused;
    rt_chan *c = rt_chan_new(sizeof(int), 0);
    int v;
    rt_select_case sc[] = {{RT_SELECT_RECV, c, &v, false}, {RT_SELECT_SEND, c, &v, false}};
    result = rt_select(sc, 2, false);
}

Test(select, non_blocking_returns_minus_one_when_nothing_is_ready) {
    run_in_runtime(nonblocking, NULL, 1);
    cr_assert_eq(result, -1);
}

static void send_later(void *arg) {
    int v = 5;
    rt_sleep(1000000);
    rt_chan_send(arg, &v);
}

static void blocking(void *unused) {
    (void)unused;
    rt_chan *a = rt_chan_new(sizeof(int), 0), *b = rt_chan_new(sizeof(int), 0);
    int v = 0;
    rt_select_case sc[] = {{RT_SELECT_RECV, a, &v, false}, {RT_SELECT_RECV, b, &v, false}};
    rt_go(send_later, b);
    result = rt_select(sc, 2, true);
    ok = sc[1].ok && v == 5;
}

Test(select, blocks_until_a_case_fires) {
    run_in_runtime(blocking, NULL, 2);
    cr_assert_eq(result, 1);
    cr_assert(ok);
}

static void closed_case(void *unused) {
    (void)unused;
    rt_chan *c = rt_chan_new(sizeof(int), 0);
    rt_chan_close(c);
    int v = 3;
    rt_select_case sc[] = {{RT_SELECT_RECV, NULL, &v, false}, {RT_SELECT_RECV, c, &v, true}};
    result = rt_select(sc, 2, true);
    ok = !sc[1].ok && v == 0;
}

Test(select, closed_channel_is_ready_and_nil_channel_never_is) {
    run_in_runtime(closed_case, NULL, 1);
    cr_assert_eq(result, 1);
    cr_assert(ok);
}
