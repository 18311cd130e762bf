// regcheck: every callee-saved register of the target table survives a context switch
// (yield, sleep with a possible move to another thread) and every syscall stub.
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

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    rt_go(spin, 0); // someone to switch to
    uint64_t bad = rt_regcheck(yield_a_few, 0) | rt_regcheck(sleep_briefly, 0) |
                   rt_regcheck(rt_regcheck_syscalls, 0);
    rt_print("clobbered mask: %llx\n", (unsigned long long)bad);
    return bad != 0;
}
