// The OS-independent part of the Darwin layer of ${target}: pure functions over what
// libSystem hands back, no calls into it, so tests/unit/test_os_darwin.c compiles them
// on Linux. os_${os}.c calls them; each is safe on any stack and never allocates.
#ifndef OS_DARWIN_LOGIC_H
#define OS_DARWIN_LOGIC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// The apple strings: dyld's NULL-terminated list after envp's terminating NULL.
char **darwin_apple_strings(char **argv, int argc);
// The value of the first apple string starting with prefix, or NULL.
const char *darwin_apple_value(char *const *apple, const char *prefix);
// The executable path: the "${apple.executable_path_prefix}" string without its prefix;
// failing that apple[0] as it is (before OS X 10.11 it was the bare path); else NULL.
const char *darwin_executable_path(char *const *apple);

// A sysctl integer result of len bytes (XNU writes 4 or 8 as the buffer allows).
bool darwin_sysctl_value(const void *buf, size_t len, uint64_t *out);
// ncpu from sysctl ${join(osinit.sysctl_ncpu, ".")}'s return code and result: 1 when unusable.
int32_t darwin_cpu_count(int rc, const void *buf, size_t len);
// The page size from sysctl ${join(osinit.sysctl_pagesize, ".")}: 0 unless a power of two.
uintptr_t darwin_page_size(int rc, const void *buf, size_t len);

// mach_absolute_time ticks to nanoseconds, ticks * numer / denom without overflow for
// any realistic uptime. A timebase is usable when neither part is 0.
bool darwin_timebase_ok(uint32_t numer, uint32_t denom);
int64_t darwin_ticks_to_ns(uint64_t ticks, uint32_t numer, uint32_t denom);

// __ulock_wait's timeout for a futexsleep of ns (< 0: forever): microseconds rounded up,
// 1..UINT32_MAX, or 0 (ulock's "no timeout") for forever. ns == 0 must not wait at all.
uint32_t darwin_ulock_timeout_us(int64_t ns);
// A relative timeout of ns > 0 as seconds and nanoseconds.
void darwin_ns_to_timespec(int64_t ns, int64_t *sec, int64_t *nsec);
// The pthread_cond sleep bucket of a word: nbuckets is a power of two.
uint32_t darwin_sleep_bucket(const void *addr, uint32_t nbuckets);

// What rt0 finds before it claims g's TSD slot: gs_self is the word at gs:0 (pthread's
// TSD slot 0 holds the thread's own pthread_t), self what pthread_self() returns, slot
// the slot's current value. A fresh slot is 0; anything else means another runtime in
// the process (an in-process Go runtime, Wine) has claimed it, and both would break.
enum darwin_tsd_status { DARWIN_TSD_OK, DARWIN_TSD_NOT_PTHREAD, DARWIN_TSD_SLOT_IN_USE };
enum darwin_tsd_status darwin_tsd_check(uintptr_t gs_self, uintptr_t self, uintptr_t slot);

// The network poller: what one kevent result means, as netpoll_ready's mode bits (1 read,
// 2 write): the filter picks the direction, and an error (EV_ERROR) wakes both, so each
// waiter's call sees it. The break event (EVFILT_USER) is 0 with *is_break set.
int32_t darwin_kevent_mode(int16_t filter, uint16_t flags, bool *is_break);
// kevent's timeout for a poll of ns: false for ns < 0 (no timeout: block), else sec and
// nsec, the seconds kept below the 1e8 kevent accepts.
bool darwin_kevent_timeout(int64_t ns, int64_t *sec, int64_t *nsec);

#endif
