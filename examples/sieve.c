// sieve: the concurrent prime sieve, Go's classic pipeline. A generator sends 2, 3, 4,
// ... down an unbuffered channel; each prime found adds a filter goroutine that drops
// its multiples, so the number at the end of the chain is always the next prime.
// Prints the first N primes (argv[1], default 100), one per line.
#include <rt.h>

enum { DEFAULT_N = 100, MAX_N = 100000 };

struct filter {
    rt_chan *in, *out;
    long prime;
};

// No malloc without libc: each filter's arguments come from a static pool.
static struct filter filters[MAX_N];

static void generate(void *arg) {
    rt_chan *ch = arg;
    for (long i = 2;; i++)
        rt_chan_send(ch, &i);
}

static void filter(void *arg) {
    struct filter *f = arg;
    long i;
    while (rt_chan_recv(f->in, &i))
        if (i % f->prime != 0)
            rt_chan_send(f->out, &i);
}

static long parse_count(const char *s) {
    long n = 0;
    for (; *s >= '0' && *s <= '9'; s++)
        if ((n = n * 10 + (*s - '0')) > MAX_N)
            return MAX_N;
    return n;
}

int rt_main(int argc, char **argv) {
    long n = argc > 1 ? parse_count(argv[1]) : DEFAULT_N;
    rt_chan *ch = rt_chan_new(sizeof(long), 0);
    rt_go(generate, ch);
    for (long k = 0; k < n; k++) {
        long prime;
        rt_chan_recv(ch, &prime);
        rt_print("%ld\n", prime);
        struct filter *f = &filters[k];
        *f = (struct filter){ch, rt_chan_new(sizeof(long), 0), prime};
        rt_go(filter, f);
        ch = f->out;
    }
    return 0;
}
