// preempt_fp: floating-point and vector arithmetic gives bit-identical results whether or
// not it was preempted in the middle. Reference values are computed chunk by chunk with a
// yield between chunks (sysmon never sees a quantum pass, and a chunk during which a
// preemption still happened is recomputed); then two goroutines at one P compute every
// chunk again, without a call anywhere in the arithmetic, until thousands of preemptions
// have landed in it (RTDEBUG=preemptns lowers the quantum). The stub must keep every
// register of both goroutines, which interleave at each preemption.
#include <rt.h>
#include <rt_port.h>

typedef float v4sf __attribute__((vector_size(16)));
typedef double v2df __attribute__((vector_size(16)));

enum { CHUNKS = 16, STEPS = 2000, WANT_PREEMPTIONS = 2000 };

static uint64_t reference[CHUNKS];

// Many live vector and scalar values; nothing here calls anything.
static uint64_t chunk(uint32_t seed) {
    v4sf a = {1.0f + seed, 2.0f, 3.0f, 4.0f}, b = {0.5f, 0.25f, 0.125f, seed * 0.01f};
    v4sf c = a * 0.5f, d = b + 1.0f, e = a - b, f = {0};
    v2df x = {seed * 0.001, 1.5}, y = {0.75, -0.5}, z = x * y, w = {0};
    double s = seed, t = 1.0;
    for (int i = 0; i < STEPS; i++) {
        a = a * 0.999f + b;
        b = b * 1.0001f - c * 0.0001f;
        c = c + d * 0.5f - e * 0.25f;
        d = d * 0.9f + a * 0.1f;
        e = e * 0.99f + f;
        f = f + a * 0.0001f - d * 0.0002f;
        x = x * 0.9999 + y * 0.0001;
        y = y * 1.0001 - z * 0.00001;
        z = z + x * y;
        w = w + z * 0.5;
        s = s * 0.99999 + t * 1e-6 + (double)i;
        t = t * 1.000001 + s * 1e-12;
    }
    v4sf sum = a + b + c + d + e + f;
    v2df dsum = x + y + z + w;
    union {
        double d;
        uint64_t u;
    } u = {dsum[0] + dsum[1] + s + t + sum[0] + sum[1] + sum[2] + sum[3]};
    return u.u;
}

static uint64_t preempted(void) {
    static struct rt_preempt_stats st;
    rt_preempt_stats(&st);
    return st.preempted;
}

static volatile int mismatches, workers_done;

static void worker(void *arg) {
    uint32_t first = (uint32_t)(uintptr_t)arg;
    uint64_t start = preempted();
    for (uint32_t i = first; preempted() - start < WANT_PREEMPTIONS; i++) {
        uint32_t k = i % CHUNKS;
        if (chunk(k) != reference[k])
            mismatches++;
    }
    workers_done++;
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    rt_gomaxprocs(1);
    for (uint32_t i = 0; i < CHUNKS; i++) {
        uint64_t before;
        do {
            rt_yield();
            before = preempted();
            reference[i] = chunk(i);
        } while (preempted() != before);
    }
    rt_go(worker, (void *)0);
    rt_go(worker, (void *)(uintptr_t)(CHUNKS / 2));
    while (workers_done < 2)
        rt_sleep(1000 * 1000);
    rt_print("fp: %d mismatches across at least %d preemptions\n", mismatches, WANT_PREEMPTIONS);
    return mismatches != 0;
}
