// Run queues: local ring with runnext, overflow to the global queue, steal-half.
#include <criterion/criterion.h>

#include "harness.h"

static g gs[600];
static p victim;

static void setup(void) {
    fake_env();
    mem_zero(&fake_p, sizeof fake_p);
    fake_p.m = &fake_m;
    fake_p.status = P_RUNNING;
    mem_zero(&victim, sizeof victim);
    mem_zero(&sched.runq, sizeof sched.runq);
    for (int i = 0; i < 600; i++)
        gs[i].goid = i;
}

TestSuite(runq, .init = setup);

Test(runq, fifo_order) {
    bool inherit;
    for (int i = 0; i < 10; i++)
        runqput(&fake_p, &gs[i], false);
    cr_assert_eq(runqlen(&fake_p), 10);
    for (int i = 0; i < 10; i++)
        cr_assert_eq(runqget(&fake_p, &inherit), &gs[i]);
    cr_assert_null(runqget(&fake_p, &inherit));
    cr_assert(runqempty(&fake_p));
}

Test(runq, runnext_runs_first_and_inherits) {
    bool inherit;
    runqput(&fake_p, &gs[0], false);
    runqput(&fake_p, &gs[1], true);
    cr_assert_eq(runqget(&fake_p, &inherit), &gs[1]);
    cr_assert(inherit);
    cr_assert_eq(runqget(&fake_p, &inherit), &gs[0]);
    cr_assert_not(inherit);
}

Test(runq, new_runnext_kicks_old_one_to_the_tail) {
    bool inherit;
    runqput(&fake_p, &gs[0], true);
    runqput(&fake_p, &gs[1], true);
    cr_assert_eq(runqget(&fake_p, &inherit), &gs[1]);
    cr_assert_eq(runqget(&fake_p, &inherit), &gs[0]);
}

Test(runq, overflow_moves_half_plus_one_to_global_queue) {
    for (int i = 0; i < RUNQ_SIZE; i++)
        runqput(&fake_p, &gs[i], false);
    cr_assert_eq(runqlen(&fake_p), RUNQ_SIZE);
    runqput(&fake_p, &gs[RUNQ_SIZE], false);
    cr_assert_eq(runqlen(&fake_p), RUNQ_SIZE / 2);
    cr_assert_eq(sched.runq.size, RUNQ_SIZE / 2 + 1);
    // The oldest half went first, in order, and the new G last.
    g *order[RUNQ_SIZE / 2 + 1];
    int n = 0;
    for (struct gseg *s = sched.runq.head; s != NULL; s = s->next)
        for (uint32_t i = s->head; i < s->tail; i++)
            order[n++] = s->gs[i];
    cr_assert_eq(n, RUNQ_SIZE / 2 + 1);
    for (int i = 0; i < RUNQ_SIZE / 2; i++)
        cr_assert_eq(order[i], &gs[i]);
    cr_assert_eq(order[RUNQ_SIZE / 2], &gs[RUNQ_SIZE]);
    bool inherit;
    cr_assert_eq(runqget(&fake_p, &inherit), &gs[RUNQ_SIZE / 2]);
}

Test(runq, steal_takes_half_rounded_up) {
    for (int i = 0; i < 7; i++)
        runqput(&victim, &gs[i], false);
    g *got = runqsteal(&fake_p, &victim, false);
    // 4 stolen: one returned to run, three queued locally.
    cr_assert_eq(got, &gs[3]);
    cr_assert_eq(runqlen(&fake_p), 3);
    cr_assert_eq(runqlen(&victim), 3);
    bool inherit;
    cr_assert_eq(runqget(&victim, &inherit), &gs[4]);
}

Test(runq, steal_from_empty_queue_gets_nothing) {
    cr_assert_null(runqsteal(&fake_p, &victim, false));
}

Test(runq, last_steal_attempt_may_take_runnext) {
    runqput(&victim, &gs[5], true);
    cr_assert_null(runqsteal(&fake_p, &victim, false));
    cr_assert_eq(runqsteal(&fake_p, &victim, true), &gs[5]);
    cr_assert(runqempty(&victim));
}

Test(runq, global_queue_share_is_bounded) {
    sched.gomaxprocs = 2;
    lock(&sched.lock);
    for (int i = 0; i < 10; i++)
        globrunqput(&gs[i]);
    g *gp = globrunqget(&fake_p, 0);
    unlock(&sched.lock);
    // size/gomaxprocs + 1 = 6: one to run, five into the local queue.
    cr_assert_eq(gp, &gs[0]);
    cr_assert_eq(runqlen(&fake_p), 5);
    cr_assert_eq(sched.runq.size, 4);
}

// globrunqget runs under sched.lock: filling a nearly full local ring must not spill back
// to the global queue, which takes sched.lock again (before the fix: a self-deadlock).
Test(runq, global_get_into_a_nearly_full_ring_never_spills, .timeout = 10) {
    sched.gomaxprocs = 1;
    for (int i = 0; i < 250; i++)
        runqput(&fake_p, &gs[i], false);
    lock(&sched.lock);
    for (int i = 250; i < 350; i++)
        globrunqput(&gs[i]);
    g *gp = globrunqget(&fake_p, 0);
    unlock(&sched.lock);
    cr_assert_eq(gp, &gs[250]);
    cr_assert_eq(runqlen(&fake_p), RUNQ_SIZE);
    cr_assert_eq(sched.runq.size, 100 - 1 - (RUNQ_SIZE - 250));
}

// The global queue is segments of GSEG_LEN pointers: order holds across their boundaries,
// and emptied segments are reused rather than allocated again.
Test(runq, global_queue_keeps_order_across_segments) {
    enum { N = 2 * GSEG_LEN + 3, NSEG = 3 };
    struct gseg *segs[2][NSEG];
    sched.gomaxprocs = 1;
    for (int round = 0; round < 2; round++) {
        lock(&sched.lock);
        for (int i = 0; i < N; i++)
            globrunqput(&gs[i]);
        unlock(&sched.lock);
        cr_assert_eq(sched.runq.size, N);
        int nseg = 0;
        for (struct gseg *s = sched.runq.head; s != NULL; s = s->next, nseg++)
            if (nseg < NSEG)
                segs[round][nseg] = s;
        cr_assert_eq(nseg, NSEG);
        int next = 0;
        bool inherit;
        while (sched.runq.size != 0) {
            lock(&sched.lock);
            g *gp = globrunqget(&fake_p, 0);
            unlock(&sched.lock);
            cr_assert_eq(gp, &gs[next++]);
            while ((gp = runqget(&fake_p, &inherit)) != NULL)
                cr_assert_eq(gp, &gs[next++]);
        }
        cr_assert_eq(next, N);
        cr_assert_null(sched.runq.head);
        cr_assert_null(sched.runq.tail);
    }
    // The second round ran on the first round's segments, off the free list.
    for (int i = 0; i < NSEG; i++) {
        bool reused = false;
        for (int j = 0; j < NSEG; j++)
            reused |= segs[1][i] == segs[0][j];
        cr_assert(reused, "segment %d of the second round is new memory", i);
    }
}
