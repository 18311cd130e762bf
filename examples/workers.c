// workers: a worker pool. Jobs go out on a buffered channel, results come back on
// another; a wait group closes the results channel once every worker is done, and a
// mutex guards a shared tally. Run it at several GOMAXPROCS: the answer is the same.
#include <rt.h>

enum { WORKERS = 8, JOBS = 10000 };

struct pool {
    rt_chan *jobs, *results;
    rt_wg done;
    rt_mutex mu;
    long busiest; // most jobs one worker handled
};

// The number of primes below n, by trial division: real work for a job.
static long primes_below(long n) {
    long count = 0;
    for (long k = 2; k < n; k++) {
        bool prime = true;
        for (long d = 2; d * d <= k && prime; d++)
            prime = k % d != 0;
        count += prime;
    }
    return count;
}

static void worker(void *arg) {
    struct pool *p = arg;
    long job, handled = 0;
    while (rt_chan_recv(p->jobs, &job)) {
        long result = primes_below(job % 500);
        rt_chan_send(p->results, &result);
        handled++;
    }
    rt_mutex_lock(&p->mu);
    if (handled > p->busiest)
        p->busiest = handled;
    rt_mutex_unlock(&p->mu);
    rt_wg_done(&p->done);
}

static void closer(void *arg) {
    struct pool *p = arg;
    rt_wg_wait(&p->done);
    rt_chan_close(p->results);
}

static void feeder(void *arg) {
    struct pool *p = arg;
    for (long j = 0; j < JOBS; j++)
        rt_chan_send(p->jobs, &j);
    rt_chan_close(p->jobs);
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    static struct pool p;
    p.jobs = rt_chan_new(sizeof(long), 64);
    p.results = rt_chan_new(sizeof(long), 64);
    rt_wg_add(&p.done, WORKERS);
    for (int i = 0; i < WORKERS; i++)
        rt_go(worker, &p);
    rt_go(closer, &p);
    rt_go(feeder, &p);
    long sum = 0, n = 0, result;
    while (rt_chan_recv(p.results, &result)) {
        sum += result;
        n++;
    }
    rt_print("%ld jobs, %ld primes counted, %d workers\n", n, sum, WORKERS);
    return n == JOBS && p.busiest > 0 ? 0 : 1;
}
