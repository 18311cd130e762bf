// select_random: among ready cases a select picks uniformly at random: with 2, 3 and 12
// always-ready channels, each case's share stays near 1/n.
#include <rt.h>

static int check_uniform(int n, int rounds) {
    rt_chan *ch[16];
    rt_select_case cs[16];
    int hits[16] = {0}, v;
    for (int i = 0; i < n; i++) {
        ch[i] = rt_chan_new(sizeof(int), 1);
        rt_chan_send(ch[i], &i);
        cs[i] = (rt_select_case){RT_SELECT_RECV, ch[i], &v, false};
    }
    for (int r = 0; r < rounds; r++) {
        int i = rt_select(cs, n, false);
        if (i < 0 || v != i) {
            rt_print("FAIL n=%d: select returned %d with value %d\n", n, i, v);
            return 1;
        }
        hits[i]++;
        rt_chan_send(ch[i], &i); // ready again
    }
    // Each share within 20% of 1/n: over 15 standard deviations at these counts.
    int expect = rounds / n, slack = expect / 5;
    for (int i = 0; i < n; i++) {
        if (hits[i] < expect - slack || hits[i] > expect + slack) {
            rt_print("FAIL n=%d: case %d fired %d times of %d (expected about %d)\n", n, i, hits[i],
                     rounds, expect);
            return 1;
        }
        rt_chan_free(ch[i]);
    }
    return 0;
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    if (check_uniform(2, 40000) || check_uniform(3, 60000) || check_uniform(12, 120000))
        return 1;
    rt_print("ok select_random\n");
    return 0;
}
