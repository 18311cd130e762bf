// check.c — start-up self-tests of what the compiler and CPU promise (Go's runtime.check):
// every later assumption about sizes, atomics and floating point is tested here first.
#include "runtime.h"

static void check_sizes(void) {
    if (sizeof(int8_t) != 1 || sizeof(int16_t) != 2 || sizeof(int32_t) != 4 ||
        sizeof(int64_t) != 8 || sizeof(uintptr_t) != PTR_SIZE || sizeof(void *) != PTR_SIZE)
        fatal("check: bad type sizes");
    struct x1 {
        uint8_t a;
        uint64_t b;
    };
    if (offsetof(struct x1, b) != 8)
        fatal("check: bad struct offset");
}

static void check_cas(void) {
    uint32_t z = 1;
    if (!atomic_cas(&z, 1, 2) || z != 2)
        fatal("check: cas1");
    if (atomic_cas(&z, 5, 6) || z != 2)
        fatal("check: cas2");
    z = 4;
    if (atomic_cas(&z, 5, 6) || z != 4)
        fatal("check: cas3");
    z = 0xffffffff;
    if (!atomic_cas(&z, 0xffffffff, 0xfffffffe) || z != 0xfffffffe)
        fatal("check: cas4");
    uint64_t z64 = 1;
    if (!atomic_cas(&z64, 1, 2) || z64 != 2)
        fatal("check: cas5");
    void *ptr = (void *)0x10;
    if (!atomic_cas(&ptr, (void *)0x10, (void *)0x20) || ptr != (void *)0x20)
        fatal("check: cas6");
}

// or8/and8 must touch only their own byte of a 4-byte array.
static void check_or_and8(void) {
    uint8_t bytes[4] = {0xff, 0x00, 0xff, 0x00};
    atomic_or(&bytes[1], 0x0f);
    atomic_and(&bytes[2], 0xf0);
    if (bytes[0] != 0xff || bytes[1] != 0x0f || bytes[2] != 0xf0 || bytes[3] != 0x00)
        fatal("check: atomic or8/and8");
}

static void check_nan(void) {
    volatile double zero = 0.0;
    double nan = zero / zero;
    if (nan == nan || !(nan != nan) || nan < nan || nan > nan || nan <= nan || nan >= nan)
        fatal("check: float NaN");
    volatile float fzero = 0.0f;
    float fnan = fzero / fzero;
    if (fnan == fnan || !(fnan != fnan))
        fatal("check: float32 NaN");
}

// timediv divides a 64-bit nanosecond count by 1e9 without a 128-bit division routine.
static int32_t timediv(int64_t v, int32_t div, int32_t *rem) {
    int32_t res = 0;
    for (int bit = 30; bit >= 0; bit--) {
        if (v >= (int64_t)div << bit) {
            v -= (int64_t)div << bit;
            res |= 1 << bit;
        }
    }
    if (v >= div) {
        if (rem)
            *rem = 0;
        return 0x7fffffff;
    }
    if (rem)
        *rem = (int32_t)v;
    return res;
}

static void check_timediv(void) {
    int32_t rem;
    if (timediv(12345LL * 1000000000 + 54321, 1000000000, &rem) != 12345 || rem != 54321)
        fatal("check: timediv");
}

void check(void) {
    check_sizes();
    check_cas();
    check_or_and8();
    check_nan();
    check_timediv();
}
