// The OS-independent part of the Darwin layer of ${target} (see os_darwin_logic.h):
// what os_${os}.c does with apple strings, sysctl results, the timebase and timeouts.
#include "os_darwin_logic.h"

char **darwin_apple_strings(char **argv, int argc) {
    char **p = argv + argc + 1; // envp
    while (*p != NULL)
        p++;
    return p + 1;
}

static bool has_prefix(const char *s, const char *prefix, size_t *n) {
    size_t i = 0;
    while (prefix[i] != '\0' && s[i] == prefix[i])
        i++;
    *n = i;
    return prefix[i] == '\0';
}

const char *darwin_apple_value(char *const *apple, const char *prefix) {
    for (; *apple != NULL; apple++) {
        size_t n;
        if (has_prefix(*apple, prefix, &n))
            return *apple + n;
    }
    return NULL;
}

const char *darwin_executable_path(char *const *apple) {
    const char *path = darwin_apple_value(apple, "${apple.executable_path_prefix}");
    if (path != NULL)
        return path;
    // Before OS X 10.11 apple[0] was the bare path; a key=value string is not a path.
    const char *s = apple[0];
    if (s == NULL || s[0] != '/')
        return NULL;
    return s;
}

bool darwin_sysctl_value(const void *buf, size_t len, uint64_t *out) {
    if (len == sizeof(uint32_t)) {
        uint32_t v;
        __builtin_memcpy(&v, buf, sizeof v);
        *out = v;
        return true;
    }
    if (len == sizeof(uint64_t)) {
        __builtin_memcpy(out, buf, sizeof *out);
        return true;
    }
    return false;
}

// Go's getCPUCount: a failed call or a count that is not positive means 1. The kernel
// writes an int, so the low 32 bits are read as signed.
int32_t darwin_cpu_count(int rc, const void *buf, size_t len) {
    uint64_t v;
    if (rc != 0 || !darwin_sysctl_value(buf, len, &v))
        return 1;
    int32_t n = (int32_t)(uint32_t)v;
    return n > 0 ? n : 1;
}

uintptr_t darwin_page_size(int rc, const void *buf, size_t len) {
    uint64_t v;
    if (rc != 0 || !darwin_sysctl_value(buf, len, &v))
        return 0;
    if (v == 0 || (v & (v - 1)) != 0 || v > ((uint64_t)1 << 30))
        return 0;
    return (uintptr_t)v;
}

bool darwin_timebase_ok(uint32_t numer, uint32_t denom) { return numer != 0 && denom != 0; }

// ticks * numer / denom, split into whole denominators and a remainder: ticks * numer
// alone overflows once ticks pass 2^64 / numer, this only when the result itself does
// (r * numer < denom * numer < 2^64). Intel Macs report 1/1: no arithmetic at all.
int64_t darwin_ticks_to_ns(uint64_t ticks, uint32_t numer, uint32_t denom) {
    if (numer == denom)
        return (int64_t)ticks;
    uint64_t q = ticks / denom, r = ticks % denom;
    return (int64_t)(q * numer + r * numer / denom);
}

// gs:0 first: if gs is not pthread's TSD array, the slot's value says nothing.
enum darwin_tsd_status darwin_tsd_check(uintptr_t gs_self, uintptr_t self, uintptr_t slot) {
    if (gs_self != self || self == 0)
        return DARWIN_TSD_NOT_PTHREAD;
    return slot != 0 ? DARWIN_TSD_SLOT_IN_USE : DARWIN_TSD_OK;
}

uint32_t darwin_ulock_timeout_us(int64_t ns) {
    if (ns < 0)
        return 0;
    uint64_t us = ((uint64_t)ns + 999) / 1000;
    if (us == 0)
        return 1;
    return us > UINT32_MAX ? UINT32_MAX : (uint32_t)us;
}

void darwin_ns_to_timespec(int64_t ns, int64_t *sec, int64_t *nsec) {
    *sec = ns / 1000000000;
    *nsec = ns % 1000000000;
}

// MurmurHash3's 64-bit finalizer: every address bit reaches the low bits, so words at
// any common stride (notes and mutexes sit 64 bytes or a struct apart) spread out.
uint32_t darwin_sleep_bucket(const void *addr, uint32_t nbuckets) {
    uint64_t h = (uintptr_t)addr;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return (uint32_t)h & (nbuckets - 1);
}

int32_t darwin_kevent_mode(int16_t filter, uint16_t flags, bool *is_break) {
    *is_break = filter == ${constants.EVFILT_USER};
    if (flags & ${hex(constants.EV_ERROR)})
        return *is_break ? 0 : 3;
    if (filter == ${constants.EVFILT_READ})
        return 1;
    if (filter == ${constants.EVFILT_WRITE})
        return 2;
    return 0;
}

bool darwin_kevent_timeout(int64_t ns, int64_t *sec, int64_t *nsec) {
    if (ns < 0)
        return false;
    if (ns >= 100000000LL * 1000000000) {
        *sec = 100000000 - 1;
        *nsec = 0;
        return true;
    }
    darwin_ns_to_timespec(ns, sec, nsec);
    return true;
}
