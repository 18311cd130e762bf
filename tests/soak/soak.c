// soak: the runtime under a long mixed load (driven by `build.lua soak`, tests/harness/soak.lua).
// Rounds of three phases repeat until argv[1] seconds have passed (at least one round):
//   chan   producers and consumers over channels of capacity 0, 1, 64 and 1024; every
//          value carries its producer and sequence number, and the consumers' count, sum
//          and xor of a hash of each value must equal the producers', with each producer's
//          values arriving in order at each consumer: nothing lost, duplicated or reordered;
//   churn  waves of goroutines spawned and joined with a wait group;
//   mixed  workers taking a mutex, selecting over ticker channels and a sink, and sleeping.
// A sampler goroutine prints "sample <ms> <rss_kb> <goroutines>" every second (RSS from
// /proc/self/statm). argv[2] = "smoke" runs one small round (an e2e case).
#include <rt.h>

#include "../support/rawsys.h"

enum { AT_FDCWD = -100 };

// Resident set size in KiB: statm's second field (pages), 4 KiB pages assumed.
static long rss_kb(void) {
    long fd = raw_syscall3(RAW_SYS_OPENAT, AT_FDCWD, (long)"/proc/self/statm", 0);
    if (fd < 0)
        return -1;
    char buf[128];
    long n = raw_syscall3(RAW_SYS_READ, fd, (long)buf, sizeof buf - 1);
    raw_syscall3(RAW_SYS_CLOSE, fd, 0, 0);
    if (n <= 0)
        return -1;
    buf[n] = '\0';
    const char *p = buf;
    while (*p != ' ' && *p != '\0')
        p++;
    long pages = 0;
    for (p++; *p >= '0' && *p <= '9'; p++)
        pages = pages * 10 + (*p - '0');
    return pages * 4;
}

static int64_t start_ns;
// Atomic: goroutines share it (a volatile is a data race, which --variant tsan reports).
static _Atomic int done;

static void sampler(void *arg) {
    (void)arg;
    while (!done) {
        rt_print("sample %ld %ld %d\n", (long)((rt_nanotime() - start_ns) / 1000000), rss_kb(),
                 rt_numgoroutine());
        rt_sleep(1000000000);
    }
}

// --- chan: checksummed values ---------------------------------------------------------

enum { NCHAN = 4, PRODUCERS = 4, CONSUMERS = 4 };

static uint64_t mix(uint64_t v) { // splitmix64's finalizer
    v ^= v >> 30;
    v *= 0xbf58476d1ce4e5b9ull;
    v ^= v >> 27;
    v *= 0x94d049bb133111ebull;
    return v ^ (v >> 31);
}

struct tally {
    uint64_t count, sum, xor;
    uint64_t bad_order;
};

struct lane {
    rt_chan *c;
    long per_producer;
    struct tally sent[PRODUCERS], got[CONSUMERS];
    rt_wg producers, consumers;
    int next_id;
};

static void add(struct tally *t, uint64_t v) {
    uint64_t h = mix(v);
    t->count++;
    t->sum += h;
    t->xor ^= h;
}

static void producer(void *arg) {
    struct lane *l = arg;
    int id = __atomic_fetch_add(&l->next_id, 1, __ATOMIC_RELAXED);
    struct tally *t = &l->sent[id % PRODUCERS];
    for (long s = 0; s < l->per_producer; s++) {
        uint64_t v = ((uint64_t)(id % PRODUCERS) << 40) | (uint64_t)s;
        rt_chan_send(l->c, &v);
        add(t, v);
    }
    rt_wg_done(&l->producers);
}

static void consumer(void *arg) {
    struct lane *l = arg;
    int id = __atomic_fetch_add(&l->next_id, 1, __ATOMIC_RELAXED) - PRODUCERS;
    struct tally *t = &l->got[id];
    int64_t last[PRODUCERS];
    for (int i = 0; i < PRODUCERS; i++)
        last[i] = -1;
    uint64_t v;
    while (rt_chan_recv(l->c, &v)) {
        int p = (int)(v >> 40);
        int64_t s = (int64_t)(v & ((1ull << 40) - 1));
        if (p >= PRODUCERS || s <= last[p])
            t->bad_order++;
        else
            last[p] = s;
        add(t, v);
    }
    rt_wg_done(&l->consumers);
}

// Returns the number of values that went through all lanes, or -1 on a mismatch.
static long chan_round(long values) {
    static const size_t caps[NCHAN] = {0, 1, 64, 1024};
    static struct lane lanes[NCHAN];
    for (int k = 0; k < NCHAN; k++) {
        struct lane *l = &lanes[k];
        *l = (struct lane){.c = rt_chan_new(sizeof(uint64_t), caps[k]),
                           .per_producer = values / NCHAN / PRODUCERS};
        rt_wg_add(&l->producers, PRODUCERS);
        rt_wg_add(&l->consumers, CONSUMERS);
        // Ids are taken in start order: producers first, then consumers.
        l->next_id = 0;
    }
    for (int k = 0; k < NCHAN; k++)
        for (int i = 0; i < PRODUCERS; i++)
            rt_go(producer, &lanes[k]);
    for (int k = 0; k < NCHAN; k++)
        while (__atomic_load_n(&lanes[k].next_id, __ATOMIC_RELAXED) < PRODUCERS)
            rt_yield();
    for (int k = 0; k < NCHAN; k++)
        for (int i = 0; i < CONSUMERS; i++)
            rt_go(consumer, &lanes[k]);
    long total = 0;
    for (int k = 0; k < NCHAN; k++) {
        struct lane *l = &lanes[k];
        rt_wg_wait(&l->producers);
        rt_chan_close(l->c);
        rt_wg_wait(&l->consumers);
        struct tally s = {0}, g = {0};
        for (int i = 0; i < PRODUCERS; i++) {
            s.count += l->sent[i].count;
            s.sum += l->sent[i].sum;
            s.xor ^= l->sent[i].xor ;
        }
        for (int i = 0; i < CONSUMERS; i++) {
            g.count += l->got[i].count;
            g.sum += l->got[i].sum;
            g.xor ^= l->got[i].xor ;
            g.bad_order += l->got[i].bad_order;
        }
        if (s.count != g.count || s.sum != g.sum || s.xor != g.xor || g.bad_order != 0) {
            rt_print("FAIL chan cap %zu: sent %lu got %lu, sums %s, %lu out of order\n", caps[k],
                     (unsigned long)s.count, (unsigned long)g.count,
                     s.sum == g.sum && s.xor == g.xor ? "equal" : "differ",
                     (unsigned long)g.bad_order);
            return -1;
        }
        total += (long)g.count;
        rt_chan_free(l->c);
    }
    return total;
}

// --- churn: waves of goroutines -------------------------------------------------------

static long churned;
static rt_wg wave_wg;

static void churner(void *arg) {
    __atomic_fetch_add(&churned, (long)(uintptr_t)arg, __ATOMIC_RELAXED);
    rt_wg_done(&wave_wg);
}

static long churn_phase(long waves, long per_wave) {
    churned = 0;
    for (long w = 0; w < waves; w++) {
        rt_wg_add(&wave_wg, (int)per_wave);
        for (long i = 0; i < per_wave; i++)
            rt_go(churner, (void *)1);
        rt_wg_wait(&wave_wg);
    }
    return churned == waves * per_wave ? churned : -1;
}

// --- mixed: timers, a mutex and select ------------------------------------------------

enum { WORKERS = 64, TICKERS = 4 };
static rt_mutex mu;
static long guarded, mixed_ops;
static rt_chan *ticks[TICKERS], *sink;
static rt_wg mixed_wg, ticker_wg;
static _Atomic int mixed_stop;

static void ticker(void *arg) {
    rt_chan *c = arg;
    long n = 0;
    while (!mixed_stop) {
        rt_sleep(100000 + (n++ % 7) * 50000); // 100-400 µs
        rt_select_case sc = {RT_SELECT_SEND, c, &n, false};
        rt_select(&sc, 1, false);
    }
    rt_wg_done(&ticker_wg);
}

static void drain(void *arg) {
    (void)arg;
    long v;
    while (rt_chan_recv(sink, &v))
        ;
}

static void worker(void *arg) {
    long iters = (long)(uintptr_t)arg;
    for (long i = 0; i < iters; i++) {
        rt_mutex_lock(&mu);
        guarded++;
        rt_mutex_unlock(&mu);
        long v = i, got;
        rt_select_case sc[TICKERS + 1];
        for (int k = 0; k < TICKERS; k++)
            sc[k] = (rt_select_case){RT_SELECT_RECV, ticks[k], &got, false};
        sc[TICKERS] = (rt_select_case){RT_SELECT_SEND, sink, &v, false};
        rt_select(sc, TICKERS + 1, true);
        if (i % 16 == 0)
            rt_sleep(20000);
        __atomic_fetch_add(&mixed_ops, 1, __ATOMIC_RELAXED);
    }
    rt_wg_done(&mixed_wg);
}

static long mixed_phase(long iters) {
    guarded = mixed_ops = 0;
    mixed_stop = 0;
    sink = rt_chan_new(sizeof(long), 16);
    for (int k = 0; k < TICKERS; k++)
        ticks[k] = rt_chan_new(sizeof(long), 1);
    rt_wg_add(&ticker_wg, TICKERS);
    for (int k = 0; k < TICKERS; k++)
        rt_go(ticker, ticks[k]);
    rt_go(drain, 0);
    rt_wg_add(&mixed_wg, WORKERS);
    for (int i = 0; i < WORKERS; i++)
        rt_go(worker, (void *)(uintptr_t)iters);
    rt_wg_wait(&mixed_wg);
    mixed_stop = 1;
    rt_wg_wait(&ticker_wg);
    rt_chan_close(sink);
    for (int k = 0; k < TICKERS; k++)
        rt_chan_free(ticks[k]);
    long want = WORKERS * iters;
    return guarded == want && mixed_ops == want ? want : -1;
}

static long parse(const char *s) {
    long v = 0;
    for (; *s >= '0' && *s <= '9'; s++)
        v = v * 10 + (*s - '0');
    return v;
}

int rt_main(int argc, char **argv) {
    long seconds = argc > 1 ? parse(argv[1]) : 10;
    int smoke = argc > 2 && argv[2][0] == 's';
    // A round: 2e7 values (4e7 channel operations), 10 waves of 1e5 goroutines, 64 x 2000
    // mixed iterations. smoke: a hundredth of each.
    long values = smoke ? 200000 : 20000000, waves = 10, per_wave = smoke ? 1000 : 100000,
         iters = smoke ? 20 : 2000;
    start_ns = rt_nanotime();
    if (!smoke)
        rt_go(sampler, 0);
    long ops = 0, spawned = 0, mixed = 0;
    int round = 0;
    do {
        long c = chan_round(values), s = churn_phase(waves, per_wave), m = mixed_phase(iters);
        round++;
        if (c < 0 || s < 0 || m < 0) {
            rt_print("FAIL round %d: chan %ld, churn %ld, mixed %ld\n", round, c, s, m);
            return 1;
        }
        ops += 2 * c;
        spawned += s;
        mixed += m;
        if (!smoke)
            rt_print("round %d ok %ld ms\n", round, (long)((rt_nanotime() - start_ns) / 1000000));
    } while (!smoke && rt_nanotime() - start_ns < seconds * 1000000000);
    done = 1;
    rt_print("ok: %d round(s), %ld channel ops, %ld goroutines churned, %ld mixed ops\n", round,
             ops, spawned, mixed);
    return 0;
}
