// env.c — the environment: rt_getenv over the envp rt0 handed to args, and RTDEBUG
// (Go's GODEBUG style, key=value,...) read by the re2c scanner.
#include "runtime.h"
#include "env_scan.h"
#include "os.h"

const char *rt_getenv(const char *name) {
    if (envp_saved == NULL)
        return NULL;
    for (char **e = envp_saved; *e != NULL; e++) {
        const char *s = *e, *n = name;
        while (*n != '\0' && *s == *n) {
            s++;
            n++;
        }
        if (*n == '\0' && *s == '=')
            return s + 1;
    }
    return NULL;
}

static bool key_is(const char *key, size_t len, const char *want) {
    size_t i = 0;
    for (; i < len && want[i] != '\0'; i++)
        if (key[i] != want[i])
            return false;
    return i == len && want[i] == '\0';
}

static void debugvar(const char *key, size_t keylen, const char *val, size_t vallen, void *ctx) {
    (void)ctx;
    char buf[24];
    size_t n = vallen < sizeof buf - 1 ? vallen : sizeof buf - 1;
    mem_copy(buf, val, n);
    buf[n] = '\0';
    if (key_is(key, keylen, "schedtrace")) {
        int64_t ms = env_parse_positive(buf);
        sched.schedtrace_ms = ms > 0 ? (uint32_t)ms : 0;
        return;
    }
    if (key_is(key, keylen, "traceback")) {
        static const char *const levels[] = {"none", "single", "all"};
        for (uint32_t i = 0; i < 3; i++)
            if (key_is(val, vallen, levels[i]))
                traceback_level = i;
        return;
    }
    if (key_is(key, keylen, "preemptns")) {
        int64_t ns = env_parse_positive(buf);
        if (ns >= 100000)
            sched.preempt_ns = ns;
        return;
    }
    if (key_is(key, keylen, "asyncpreemptoff")) {
        async_preempt_off = env_parse_positive(buf) > 0;
        return;
    }
    char name[64];
    size_t k = keylen < sizeof name - 1 ? keylen : sizeof name - 1;
    mem_copy(name, key, k);
    name[k] = '\0';
    print_to(2, "rt: RTDEBUG: unknown setting '%s' ignored\n", name);
}

// RTDEBUG=schedtrace=N prints a scheduler line every N ms; asyncpreemptoff=1 leaves
// preemption cooperative (Go's GODEBUG=asyncpreemptoff=1); preemptns=N sets the quantum
// (at least 100 µs; the table's sched.preempt_ns by default), for tests. Unknown keys get one
// warning line each; malformed items are skipped. Ignored in secure mode (AT_SECURE).
void debugvars_init(void) {
    const char *s = rt_getenv("RTDEBUG");
    if (s == NULL || osinfo.secure)
        return;
    env_scan_kvlist(s, debugvar, NULL);
}
