// rt_mutex and rt_wg under contention across Ps.
#include <criterion/criterion.h>

#include "harness.h"

enum { WORKERS = 16, ITERS = 5000 };
static rt_mutex mu;
static rt_wg wg;
static long counter;
static bool trylock_seen_locked, trylock_got_free;

static void add(void *unused) {
    (void)unused;
    for (int i = 0; i < ITERS; i++) {
        rt_mutex_lock(&mu);
        long v = counter;
        if (i % 64 == 0)
            rt_yield(); // hold the lock across a switch now and then
        counter = v + 1;
        rt_mutex_unlock(&mu);
    }
    rt_wg_done(&wg);
}

static void contended(void *unused) {
    (void)unused;
    rt_wg_add(&wg, WORKERS);
    for (int i = 0; i < WORKERS; i++)
        rt_go(add, NULL);
    rt_wg_wait(&wg);
}

Test(sync, mutex_serialises_increments_across_ps) {
    run_in_runtime(contended, NULL, 4);
    cr_assert_eq(counter, WORKERS * ITERS);
}

static void trylock(void *unused) {
    (void)unused;
    rt_mutex_lock(&mu);
    trylock_seen_locked = !rt_mutex_trylock(&mu);
    rt_mutex_unlock(&mu);
    trylock_got_free = rt_mutex_trylock(&mu);
    rt_mutex_unlock(&mu);
}

Test(sync, trylock_fails_only_while_locked) {
    run_in_runtime(trylock, NULL, 1);
    cr_assert(trylock_seen_locked);
    cr_assert(trylock_got_free);
}

static void unlock_unlocked(void *unused) {
    (void)unused;
    rt_mutex_unlock(&mu);
}

Test(sync, unlocking_an_unlocked_mutex_is_fatal, .exit_code = 2) {
    run_in_runtime(unlock_unlocked, NULL, 1);
}

static void done_once(void *unused) {
    (void)unused;
    rt_sleep(1000000);
    __atomic_add_fetch(&counter, 1, __ATOMIC_SEQ_CST);
    rt_wg_done(&wg);
}

static void wait_group(void *unused) {
    (void)unused;
    rt_wg_add(&wg, 100);
    for (int i = 0; i < 100; i++)
        rt_go(done_once, NULL);
    rt_wg_wait(&wg);
    trylock_got_free = __atomic_load_n(&counter, __ATOMIC_SEQ_CST) == 100;
    rt_wg_wait(&wg); // a zero counter does not block
}

Test(sync, wait_group_waits_for_every_done) {
    run_in_runtime(wait_group, NULL, 2);
    cr_assert(trylock_got_free);
}

static void negative(void *unused) {
    (void)unused;
    rt_wg_done(&wg);
}

Test(sync, negative_wait_group_counter_is_fatal, .exit_code = 2) {
    run_in_runtime(negative, NULL, 1);
}
