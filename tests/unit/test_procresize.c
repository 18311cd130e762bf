// procresize: Ps that go away hand their queued Gs to the global queue.
#include <criterion/criterion.h>

#include "harness.h"

p *procresize_locked(int32_t nprocs);

static g gs[50];

Test(procresize, shrinking_moves_queued_gs_to_the_global_queue) {
    fake_env();
    fake_m.p = NULL;
    sched.gomaxprocs = 0;
    procresize(4);
    cr_assert_eq(sched.gomaxprocs, 4);
    cr_assert_eq(fake_m.p, allp[0]);
    cr_assert_eq(atomic_load(&sched.npidle), 3);
    for (int i = 0; i < 10; i++)
        runqput(allp[3], &gs[i], false);
    for (int i = 10; i < 15; i++)
        runqput(allp[2], &gs[i], i == 14);
    lock(&sched.lock);
    p *runnable = procresize_locked(2);
    unlock(&sched.lock);
    cr_assert_null(runnable);
    cr_assert_eq(sched.gomaxprocs, 2);
    cr_assert_eq(sched.runq.size, 15);
    cr_assert_eq(allp[3]->status, P_DEAD);
    cr_assert_eq(allp[2]->status, P_DEAD);
    cr_assert(runqempty(allp[3]));
}

Test(procresize, growing_reports_ps_with_work) {
    fake_env();
    fake_m.p = NULL;
    sched.gomaxprocs = 0;
    procresize(2);
    runqput(allp[1], &gs[0], false);
    lock(&sched.lock);
    p *runnable = procresize_locked(3);
    unlock(&sched.lock);
    cr_assert_eq(runnable, allp[1]);
    cr_assert_eq(atomic_load(&sched.npidle), 1);
}

Test(procresize, steal_order_visits_every_p_once) {
    fake_env();
    fake_m.p = NULL;
    sched.gomaxprocs = 0;
    procresize(6);
    for (uint32_t k = 0; k < sched.nsteal_coprimes; k++) {
        bool seen[6] = {0};
        uint32_t pos = 1, inc = sched.steal_coprimes[k];
        for (int i = 0; i < 6; i++, pos = (pos + inc) % 6) {
            cr_assert_not(seen[pos]);
            seen[pos] = true;
        }
    }
    cr_assert_eq(sched.nsteal_coprimes, 2); // 1 and 5
}
