// Timer heap: sleepers become runnable in deadline order, not before their time.
#include <criterion/criterion.h>

#include "harness.h"

static g gs[100];
static p *ps[1];

static void setup(void) {
    fake_env();
    ps[0] = &fake_p;
    allp = ps;
    for (int i = 0; i < 100; i++) {
        gs[i].goid = i;
        gs[i].status = G_WAITING;
    }
}

TestSuite(timers, .init = setup);

Test(timers, due_timers_ready_in_deadline_order) {
    int64_t when[] = {50, 10, 40, 20, 30};
    for (int i = 0; i < 5; i++)
        timers_add(&fake_p, &gs[i], when[i]);
    cr_assert_eq(fake_p.timer0when, 10);
    cr_assert_eq(timers_check(&fake_p, 35), 40);
    bool inherit;
    // goready puts each on runnext, kicking the previous one to the tail.
    cr_assert_eq(runqget(&fake_p, &inherit), &gs[4]); // when=30, readied last
    cr_assert_eq(runqget(&fake_p, &inherit), &gs[1]); // when=10
    cr_assert_eq(runqget(&fake_p, &inherit), &gs[3]); // when=20
    cr_assert_null(runqget(&fake_p, &inherit));
    cr_assert_eq(gs[1].status, G_RUNNABLE);
    cr_assert_eq(gs[0].status, G_WAITING);
}

Test(timers, nothing_before_its_time) {
    timers_add(&fake_p, &gs[0], 1000);
    cr_assert_eq(timers_check(&fake_p, 999), 1000);
    cr_assert(runqempty(&fake_p));
    cr_assert_eq(timers_check(&fake_p, 1000), 0);
    cr_assert_eq(fake_p.timer0when, 0);
}

Test(timers, heap_keeps_order_across_many_inserts) {
    for (int i = 0; i < 100; i++)
        timers_add(&fake_p, &gs[i], (i * 37) % 100 + 1);
    int64_t prev = 0;
    for (int64_t t = 1; t <= 100; t++) {
        int64_t next = timers_check(&fake_p, t);
        cr_assert(next == 0 || next > t);
        cr_assert(next == 0 || next >= prev);
        prev = next;
        bool inherit;
        while (runqget(&fake_p, &inherit) != NULL)
            ;
    }
    cr_assert_eq(fake_p.timer0when, 0);
}

Test(timers, earliest_looks_at_every_p) {
    sched.gomaxprocs = 1;
    timers_add(&fake_p, &gs[0], 77);
    cr_assert_eq(timers_earliest(), 77);
}

// Function timers (a poll descriptor's deadlines): re-arming replaces the old arming,
// stopping removes it, and the heap stays ordered around removals from its middle.
static int fired[8];
static uintptr_t fired_seq[8];

static void record(void *arg, uintptr_t seq) {
    int i = (int)(intptr_t)arg;
    fired[i]++;
    fired_seq[i] = seq;
}

Test(timers, a_function_timer_fires_once_at_its_time) {
    sched.gomaxprocs = 1;
    struct ftimer ft = {.fn = record, .arg = (void *)0};
    ftimer_set(&ft, 100, 7);
    cr_assert_eq(fake_p.timer0when, 100);
    timers_check(&fake_p, 99);
    cr_assert_eq(fired[0], 0);
    timers_check(&fake_p, 100);
    cr_assert_eq(fired[0], 1);
    cr_assert_eq(fired_seq[0], 7);
    cr_assert_not(ftimer_stop(&ft)); // it fired: nothing to stop
    timers_check(&fake_p, 1000);
    cr_assert_eq(fired[0], 1);
}

Test(timers, rearming_moves_a_function_timer_and_stop_removes_it) {
    sched.gomaxprocs = 1;
    struct ftimer a = {.fn = record, .arg = (void *)1}, b = {.fn = record, .arg = (void *)2};
    for (int i = 0; i < 20; i++)
        timers_add(&fake_p, &gs[i], 50 + i * 10);
    ftimer_set(&a, 120, 1);
    ftimer_set(&b, 130, 1);
    ftimer_set(&a, 300, 2); // later: the 120 arming is gone
    cr_assert(ftimer_stop(&b));
    timers_check(&fake_p, 299);
    cr_assert_eq(fired[1], 0);
    cr_assert_eq(fired[2], 0);
    timers_check(&fake_p, 300);
    cr_assert_eq(fired[1], 1);
    cr_assert_eq(fired_seq[1], 2);
    cr_assert_eq(fired[2], 0);
    bool inherit;
    int n = 0;
    while (runqget(&fake_p, &inherit) != NULL)
        n++;
    cr_assert_eq(n, 20); // every sleeper still woke, none twice
}
