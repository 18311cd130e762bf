// mutex_bank: transfers between accounts, each account under its own rt_mutex (taken
// in index order), while an auditor locks every account and checks the total; plus a
// plain counter under one mutex. Critical sections yield now and then, so the lock is
// contended (and waiters park) even on one P. Also trylock.
#include <rt.h>

enum { ACCOUNTS = 32, WORKERS = 8, TRANSFERS = 100000, START = 1000, AUDITS = 200 };

struct account {
    rt_mutex mu;
    long balance;
};

static struct account accounts[ACCOUNTS];
static rt_mutex counter_mu;
static long counter;
static rt_wg workers;
static int failed;

static uint32_t next_rand(uint32_t *s) {
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

static void transfer(int from, int to, long amount) {
    int lo = from < to ? from : to, hi = from < to ? to : from;
    rt_mutex_lock(&accounts[lo].mu);
    rt_mutex_lock(&accounts[hi].mu);
    accounts[from].balance -= amount;
    accounts[to].balance += amount;
    rt_mutex_unlock(&accounts[hi].mu);
    rt_mutex_unlock(&accounts[lo].mu);
}

static void worker(void *arg) {
    uint32_t seed = (uint32_t)(long)arg * 2654435761u + 1;
    for (int i = 0; i < TRANSFERS; i++) {
        int from = (int)(next_rand(&seed) % ACCOUNTS), to = (int)(next_rand(&seed) % ACCOUNTS);
        if (from != to)
            transfer(from, to, (long)(next_rand(&seed) % 100));
        rt_mutex_lock(&counter_mu);
        long c = counter;
        if (i % 64 == 0)
            rt_yield(); // someone else wants the lock now: they must wait
        counter = c + 1;
        rt_mutex_unlock(&counter_mu);
    }
    rt_wg_done(&workers);
}

static void auditor(void *unused) {
    (void)unused;
    for (int a = 0; a < AUDITS; a++) {
        long total = 0;
        for (int i = 0; i < ACCOUNTS; i++)
            rt_mutex_lock(&accounts[i].mu);
        for (int i = 0; i < ACCOUNTS; i++)
            total += accounts[i].balance;
        rt_yield();
        for (int i = ACCOUNTS - 1; i >= 0; i--)
            rt_mutex_unlock(&accounts[i].mu);
        if (total != (long)ACCOUNTS * START) {
            rt_print("FAIL: audit %d saw total %ld\n", a, total);
            __atomic_store_n(&failed, 1, __ATOMIC_SEQ_CST);
        }
        rt_yield();
    }
    rt_wg_done(&workers);
}

static int test_trylock(void) {
    rt_mutex mu = {0};
    if (!rt_mutex_trylock(&mu) || rt_mutex_trylock(&mu))
        return 1;
    rt_mutex_unlock(&mu);
    if (!rt_mutex_trylock(&mu))
        return 1;
    rt_mutex_unlock(&mu);
    return 0;
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    if (test_trylock()) {
        rt_print("FAIL: trylock\n");
        return 1;
    }
    for (int i = 0; i < ACCOUNTS; i++)
        accounts[i].balance = START;
    rt_wg_add(&workers, WORKERS + 1);
    for (long w = 0; w < WORKERS; w++)
        rt_go(worker, (void *)w);
    rt_go(auditor, NULL);
    rt_wg_wait(&workers);
    long total = 0;
    for (int i = 0; i < ACCOUNTS; i++)
        total += accounts[i].balance;
    if (failed || total != (long)ACCOUNTS * START || counter != (long)WORKERS * TRANSFERS) {
        rt_print("FAIL: total %ld (want %ld), counter %ld (want %ld)\n", total,
                 (long)ACCOUNTS * START, counter, (long)WORKERS * TRANSFERS);
        return 1;
    }
    for (int i = 0; i < ACCOUNTS; i++) {
        if (accounts[i].mu.state != 0) {
            rt_print("FAIL: account %d's mutex left in state %u\n", i, accounts[i].mu.state);
            return 1;
        }
    }
    rt_print("ok mutex_bank\n");
    return 0;
}
