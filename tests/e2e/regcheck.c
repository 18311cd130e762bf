// regcheck: every callee-saved register of the target table survives a context switch
// (yield, sleep with a possible move to another thread) and every syscall stub; every
// general and vector register survives an asynchronous preemption (async_preempt). The
// switches cover both ways between goroutines: through g0 (ctx_switch_call, ctx_resume)
// and direct (ctx_switch: a yield to a queued goroutine, a receive that parks right after
// its send readied the partner, a wait whose goroutines exit into one another).
#include <rt.h>
#include <rt_port.h>

static void yield_a_few(void *arg) {
    (void)arg;
    for (int i = 0; i < 10; i++)
        rt_yield();
}

static void sleep_briefly(void *arg) {
    (void)arg;
    rt_sleep(1000000);
}

static void spin(void *arg) {
    (void)arg;
    for (int i = 0; i < 1000; i++)
        rt_yield();
}

static rt_chan *ping, *pong;

static void echo(void *arg) {
    (void)arg;
    long v;
    while (rt_chan_recv(ping, &v))
        rt_chan_send(pong, &v);
}

static void pingpong_a_few(void *arg) {
    (void)arg;
    for (long i = 0; i < 10; i++) {
        long v = i;
        rt_chan_send(ping, &v); // readies echo into runnext
        rt_chan_recv(pong, &v); // parks: switches straight to echo
    }
}

static rt_wg children;

static void child(void *arg) {
    (void)arg;
    rt_wg_done(&children); // then exits into the next child
}

static void spawn_and_wait(void *arg) {
    (void)arg;
    rt_wg_add(&children, 10);
    for (int i = 0; i < 10; i++)
        rt_go(child, 0);
    rt_wg_wait(&children); // parks: switches straight to a child
}

static volatile uint32_t done;

static void set_done(void *arg) {
    (void)arg;
    done = 1;
}

// At one P, set_done runs only once async_preempt has stopped the spinning loop.
static uint64_t across_preemption(void) {
    if (!rt_async_preempt_available())
        return 0; // the target only flags goroutines (sigctx.async_preempt = false)
    int procs = rt_gomaxprocs(1);
    struct rt_preempt_stats before, after;
    rt_preempt_stats(&before);
    rt_go(set_done, 0);
    uint64_t bad = rt_regcheck_preempt(&done);
    rt_preempt_stats(&after);
    rt_gomaxprocs(procs);
    if (after.preempted == before.preempted) {
        rt_print("the spinning loop was never preempted\n");
        bad |= 1;
    }
    return bad;
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    rt_go(spin, 0); // someone to switch to
    ping = rt_chan_new(sizeof(long), 0);
    pong = rt_chan_new(sizeof(long), 0);
    rt_go(echo, 0);
    uint64_t bad = rt_regcheck(yield_a_few, 0) | rt_regcheck(sleep_briefly, 0) |
                   rt_regcheck(pingpong_a_few, 0) | rt_regcheck(spawn_and_wait, 0) |
                   rt_regcheck(rt_regcheck_syscalls, 0) | across_preemption();
    rt_chan_close(ping);
    rt_print("clobbered mask: %llx\n", (unsigned long long)bad);
    return bad != 0;
}
