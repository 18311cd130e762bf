// sysauxv (generated os_linux.c) on synthetic auxiliary vectors.
#include <criterion/criterion.h>

#include "harness.h"

int sysauxv(const uintptr_t *auxv);

static void reset(void) {
    mem_zero(&osinfo, sizeof osinfo);
}

Test(sysauxv, reads_page_size_and_random_seed) {
    reset();
    static const uint8_t seed[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    uintptr_t v[] = {AT_PAGESZ, 16384, AT_RANDOM, (uintptr_t)seed, AT_NULL, 0};
    cr_assert_eq(sysauxv(v), 2);
    cr_assert_eq(osinfo.page_size, 16384);
    cr_assert(osinfo.have_random);
    cr_assert_arr_eq(osinfo.random, seed, sizeof seed);
}

Test(sysauxv, without_page_size_leaves_it_unset) {
    reset();
    uintptr_t v[] = {AT_HWCAP, 0xbeef, AT_NULL, 0};
    cr_assert_eq(sysauxv(v), 1);
    cr_assert_eq(osinfo.page_size, 0);
    cr_assert_eq(osinfo.hwcap, 0xbeef);
}

Test(sysauxv, without_random_has_no_seed) {
    reset();
    uintptr_t v[] = {AT_PAGESZ, 4096, AT_NULL, 0};
    sysauxv(v);
    cr_assert_not(osinfo.have_random);
}

Test(sysauxv, empty_vector_has_no_pairs) {
    reset();
    uintptr_t v[] = {AT_NULL, 0};
    cr_assert_eq(sysauxv(v), 0);
}

Test(sysauxv, secure_hwcap2_and_vdso) {
    reset();
    uintptr_t v[] = {AT_SECURE, 1, AT_HWCAP2, 2, AT_SYSINFO_EHDR, 0x7000, AT_NULL, 0};
    cr_assert_eq(sysauxv(v), 3);
    cr_assert(osinfo.secure);
    cr_assert_eq(osinfo.hwcap2, 2);
    cr_assert_eq(osinfo.vdso_base, 0x7000);
}

Test(sysauxv, unknown_tags_are_skipped) {
    reset();
    uintptr_t v[] = {999, 1, AT_PAGESZ, 8192, 31, 5, AT_NULL, 0};
    cr_assert_eq(sysauxv(v), 3);
    cr_assert_eq(osinfo.page_size, 8192);
}

Test(sysauxv, secure_zero_is_not_secure) {
    reset();
    uintptr_t v[] = {AT_SECURE, 0, AT_NULL, 0};
    sysauxv(v);
    cr_assert_not(osinfo.secure);
}

// os_sysargs finds the vector after argv and envp, and the real vDSO's clock works.
Test(sysauxv, real_process_vector_gives_page_size_and_vdso_clock) {
    reset();
    os_sysargs(1, (char *[]){"x", NULL, NULL, (char *)AT_PAGESZ, (char *)4096, NULL, NULL});
    cr_assert_eq(osinfo.page_size, 4096);
    int64_t a = os_nanotime(), b = os_nanotime();
    cr_assert(a > 0 && b >= a, "nanotime went %lld then %lld", (long long)a, (long long)b);
}
