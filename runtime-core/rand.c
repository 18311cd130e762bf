// rand.c — fastrand, per M so it needs no lock: wyrand seeded from the kernel's
// AT_RANDOM bytes (or the cycle counter where there are none) mixed with the M's id.
#include "runtime.h"

static uint64_t seed_base(void) {
    uint64_t s = 0;
    if (osinfo.have_random)
        mem_copy(&s, osinfo.random, sizeof s);
    return s ^ cputicks();
}

void fastrand_seed(m *mp) {
    uint64_t s = seed_base() ^ ((uint64_t)mp->id * 0x9e3779b97f4a7c15ULL);
    mp->fastrand[0] = (uint32_t)s;
    mp->fastrand[1] = (uint32_t)(s >> 32) | 1;
}

uint32_t fastrand(void) {
    m *mp = getg()->m;
    uint64_t s = ((uint64_t)mp->fastrand[1] << 32 | mp->fastrand[0]) + 0xa0761d6478bd642fULL;
    mp->fastrand[0] = (uint32_t)s;
    mp->fastrand[1] = (uint32_t)(s >> 32);
    __uint128_t t = (__uint128_t)s * (s ^ 0xe7037ed1a0b428dbULL);
    return (uint32_t)((uint64_t)(t >> 64) ^ (uint64_t)t);
}

// Uniform in [0, n) without division (Lemire's multiply-shift).
uint32_t fastrandn(uint32_t n) {
    return (uint32_t)(((uint64_t)fastrand() * n) >> 32);
}
