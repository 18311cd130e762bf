// bench.h — what every rt0gen benchmark shares: the iteration count from argv, and the
// one machine-readable result line that bench/bench.lua parses:
//   RESULT <name> <key>=<value> [<key>=<value>...]
// Values are printed with one decimal by hand (rt_print has no %f).
// The peers in bench/peers/*.go take the same argument and print the same line.
#ifndef BENCH_H
#define BENCH_H

#include <rt.h>

// argv[1] as a positive decimal count, or dflt if absent or malformed.
static inline long bench_count(int argc, char **argv, long dflt) {
    if (argc < 2 || argv[1][0] == '\0')
        return dflt;
    long n = 0;
    for (const char *s = argv[1]; *s; s++) {
        if (*s < '0' || *s > '9')
            return dflt;
        n = n * 10 + (*s - '0');
    }
    return n > 0 ? n : dflt;
}

// Prints "RESULT name key=<num/den with one decimal>".
static inline void bench_result(const char *name, const char *key, long long num, long long den) {
    long long tenths = (num * 10 + den / 2) / den;
    rt_print("RESULT %s %s=%lld.%lld\n", name, key, tenths / 10, tenths % 10);
}

#endif
