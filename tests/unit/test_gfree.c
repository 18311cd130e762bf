// gfree: dead Gs move between a P and the global list a chain at a time; none is lost
// or handed out twice, whichever way they travel (P to P through the global list, a P
// going away, chains cut short by a drain).
#include <criterion/criterion.h>

#include "harness.h"

enum { NG = 5 * GFREE_CHAIN + 7 };
static g gs[NG];
static p other;

static void put_all(p *pp, int from, int to) {
    for (int i = from; i < to; i++) {
        gs[i].status = G_DEAD;
        gfput(pp, &gs[i]);
    }
}

// Takes from pp until it has none: every G in [0, NG) must come back exactly once.
static int take_all(p *pp, int *seen) {
    int n = 0;
    g *gp;
    while ((gp = gfget(pp)) != NULL) {
        cr_assert(gp >= gs && gp < gs + NG, "a G that was never freed");
        cr_assert_eq(seen[gp - gs]++, 0, "G %d handed out twice", (int)(gp - gs));
        n++;
    }
    return n;
}

Test(gfree, a_p_gets_back_what_it_freed_and_what_others_spilled) {
    fake_env();
    int seen[NG] = {0};
    put_all(&fake_p, 0, NG / 2);
    put_all(&other, NG / 2, NG);
    // other keeps a chain being filled and one spare; its older full chains spilled.
    cr_assert_leq(other.gfreecnt, GFREE_CHAIN);
    int n = take_all(&fake_p, seen);
    gfree_drain(&other);
    cr_assert_null(other.gfree);
    cr_assert_null(other.gfree_spare);
    n += take_all(&fake_p, seen);
    cr_assert_eq(n, NG);
    cr_assert_null(sched.gfree);
}

Test(gfree, short_chains_from_a_drained_p_are_taken_whole) {
    fake_env();
    int seen[NG] = {0};
    put_all(&other, 0, 3); // a chain of 3, drained as it is
    gfree_drain(&other);
    put_all(&other, 3, 3 + GFREE_CHAIN + 1);
    gfree_drain(&other);
    cr_assert_eq(take_all(&fake_p, seen), 3 + GFREE_CHAIN + 1);
    int again[NG] = {0}; // the counts still seal chains after that
    put_all(&fake_p, 0, NG);
    cr_assert_eq(take_all(&fake_p, again), NG);
}
