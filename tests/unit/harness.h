// harness.h — white-box unit tests of the runtime core. The test build renames the
// hosted rt0 entry to rt_unit_entry (tests/unit/unit_entry.lua), so Criterion keeps
// main. Two ways to test:
//   - fake_env(): a g/m/p on the test thread, enough for queue and timer code that
//     looks at getg()->m->p, without starting any scheduler;
//   - run_in_runtime(body, arg, procs): boots the real runtime on a thread of its own
//     and runs body in a goroutine; returns once body has returned. Each Criterion test
//     runs in its own process, so each gets a fresh runtime.
#ifndef HARNESS_H
#define HARNESS_H

#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <unistd.h>

#include "runtime.h"
#include "os.h"
#include "misuse.h"

void rt_unit_entry(int argc, char **argv);

static struct {
    void (*body)(void *);
    void *arg;
    sem_t done;
    char procs_env[32];
    char *argv[6];
} harness;

static g fake_g;
static m fake_m;
static p fake_p;

static inline void fake_env(void) {
    fake_g.m = &fake_m;
    fake_m.curg = &fake_g;
    fake_m.g0 = &fake_g;
    fake_m.p = &fake_p;
    fake_p.m = &fake_m;
    fake_p.status = P_RUNNING;
    setg(&fake_g);
    sched.gomaxprocs = 1;
    runtime_booted = true; // as if schedinit had run: the public calls check it
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    harness.body(harness.arg);
    sem_post(&harness.done);
    rt_syscall_enter(); // blocked for good, but not deadlocked
    for (;;)
        pause();
}

static void *harness_thread(void *unused) {
    (void)unused;
    rt_unit_entry(1, harness.argv);
    return NULL;
}

// argv, envp and an empty auxv laid out as the kernel would (sysargs falls back to
// /proc/self/auxv when the vector is empty).
static inline void run_in_runtime(void (*body)(void *), void *arg, int procs) {
    harness.body = body;
    harness.arg = arg;
    sem_init(&harness.done, 0, 0);
    snprintf(harness.procs_env, sizeof harness.procs_env, "GOMAXPROCS=%d", procs);
    harness.argv[0] = "unit";
    harness.argv[1] = NULL;
    harness.argv[2] = harness.procs_env;
    harness.argv[3] = NULL;
    harness.argv[4] = NULL; // AT_NULL
    harness.argv[5] = NULL;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 8 << 20);
    pthread_t t;
    pthread_create(&t, &attr, harness_thread, NULL);
    while (sem_wait(&harness.done) != 0)
        ;
}

#endif
