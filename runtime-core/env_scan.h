/* Scanners for the text the runtime reads at start-up: environment settings
 * and the kernel's CPU and cgroup files. Generated from env_scan.re by re2c.
 * None of them allocate or touch global state, so they are safe before the
 * allocator and the scheduler exist. Malformed text is never an error here:
 * callers fall back to their defaults. */
#ifndef ENV_SCAN_H
#define ENV_SCAN_H

#include <stddef.h>
#include <stdint.h>

/* A GOMAXPROCS-style count: decimal digits only, 1..2^31-1. Returns the
 * value, or -1 for NULL, empty, zero, signs, spaces, trailing bytes or
 * overflow. */
int64_t env_parse_positive(const char *s);

/* An RTDEBUG-style list "key=value,key2=value2" (GODEBUG syntax). Calls fn
 * (if not NULL) for each pair whose key is [a-zA-Z0-9_]+; the value runs to
 * the next ',' and may be empty or hold '='. Empty items are skipped
 * silently; other items are skipped and counted. Returns the count of
 * malformed items (0 for NULL). */
int env_scan_kvlist(const char *s,
                    void (*fn)(const char *key, size_t keylen, const char *val, size_t vallen,
                               void *ctx),
                    void *ctx);

/* A Linux CPU list ("0-3,8-11\n") as in /sys/devices/system/cpu/online or
 * cpuset.cpus, n bytes, not NUL-terminated. Returns the number of CPUs (0 for
 * an empty list), or -1 if malformed. Ranges must ascend without overlap, as
 * the kernel prints them, so the count is exact without a bitmap. */
int cpulist_count(const char *s, size_t n);

/* cgroup v2 cpu.max: "max 100000\n" or "50000 100000\n". On success stores
 * the quota (-1 for "max") and period in microseconds and returns 0; returns
 * -1 and stores nothing if malformed. Both numbers must be at least 1. */
int cgroup_parse_cpu_max(const char *s, size_t n, int64_t *quota, int64_t *period);

/* A file holding one non-negative decimal number and an optional newline
 * (/proc/sys/vm/max_map_count, hpage_pmd_size). Returns it, or -1. */
int64_t parse_decimal_line(const char *s, size_t n);

#endif
