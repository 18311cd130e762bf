// checkdead: when every M sleeps, a queued goroutine is the runtime's lost wakeup and
// says so; the program's deadlock message is kept for real deadlocks.
#include <criterion/criterion.h>

#include "harness.h"

// <sys/wait.h> brings <signal.h>, whose SA_* clash with the table's: declared by hand.
pid_t waitpid(pid_t pid, int *status, int options);

static g queued;

// Runs fn in a child process and returns its exit status and the first line it wrote
// on stderr.
static int in_child(void (*fn)(void), char *line, size_t n) {
    int fds[2];
    cr_assert_eq(pipe(fds), 0);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], 2);
        traceback_level = 0; // RTDEBUG=traceback=none: the fatal line alone
        fn();
        _exit(0);
    }
    close(fds[1]);
    ssize_t got = read(fds[0], line, n - 1);
    line[got > 0 ? got : 0] = 0;
    close(fds[0]);
    int status;
    waitpid(pid, &status, 0);
    return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1; // exited: its code
}

// One P, one M, and that M going idle.
static void every_m_asleep(void) {
    fake_env();
    fake_m.p = NULL;
    sched.gomaxprocs = 0;
    procresize(1);
    releasep();
    sched.mnext = 1;
    sched.nmidle = 1;
}

static void lost_wakeup(void) {
    every_m_asleep();
    queued.status = G_RUNNABLE;
    lock(&sched.lock);
    globrunqput(&queued);
    checkdead();
    unlock(&sched.lock);
}

static void real_deadlock(void) {
    every_m_asleep();
    lock(&sched.lock);
    checkdead();
    unlock(&sched.lock);
}

static void waiting_for_a_timer(void) {
    every_m_asleep();
    allp[0]->timer0when = 12345;
    lock(&sched.lock);
    checkdead();
    unlock(&sched.lock);
}

Test(checkdead, a_queued_goroutine_with_every_m_asleep_is_a_runtime_error) {
    char line[256];
    cr_assert_eq(in_child(lost_wakeup, line, sizeof line), 2);
    cr_assert_str_eq(line, "fatal error: checkdead: runnable g\n");
}

Test(checkdead, nothing_runnable_and_no_timer_is_the_programs_deadlock) {
    char line[256];
    cr_assert_eq(in_child(real_deadlock, line, sizeof line), 2);
    cr_assert_str_eq(line, "fatal error: all goroutines are asleep - deadlock!\n");
}

Test(checkdead, a_pending_timer_is_not_a_deadlock) {
    char line[256];
    cr_assert_eq(in_child(waiting_for_a_timer, line, sizeof line), 0);
    cr_assert_str_eq(line, "");
}
