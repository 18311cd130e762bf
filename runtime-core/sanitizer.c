// sanitizer.c — the ThreadSanitizer side of sanitizer.h that needs more than a call: a
// fiber per goroutine, and fresh shadow memory for a reused stack. Empty unless the
// runtime is built with -fsanitize=thread (variants/tsan.lua), which implies hosted.
#include "sanitizer.h"

#ifdef RT_TSAN
#include <sys/mman.h>
#include "fmt.h"
#include "os.h"

void san_g_create(g *gp) {
    gp->san_fiber = __tsan_create_fiber(0);
    char name[32];
    fmt_format(name, sizeof name, "goroutine %lld", (long long)gp->goid);
    __tsan_set_fiber_name(gp->san_fiber, name);
}

void san_g_free(g *gp) {
    if (gp->san_fiber != NULL)
        __tsan_destroy_fiber(gp->san_fiber);
    gp->san_fiber = NULL;
}

void san_g0_init(g *g0p) {
    g0p->san_fiber = __tsan_get_current_fiber();
}

// TSan forgets a range's history when it is mapped afresh while the thread ignores
// accesses (its mmap interceptor then resets the shadow instead of recording a write).
// Mapping anonymous pages over the stack is what os_unused's MADV_DONTNEED does to it;
// the flags are os_reserve's, so the kernel merges the mapping back into its arena's.
void san_stack_fresh(uintptr_t lo, uintptr_t hi) {
    uintptr_t a = ALIGN_UP(lo, osinfo.page_size), b = ALIGN_DOWN(hi, osinfo.page_size);
    if (b <= a)
        return;
    __tsan_ignore_thread_begin();
    void *p = mmap((void *)a, b - a, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1, 0);
    __tsan_ignore_thread_end();
    if (p != (void *)a)
        fatal("tsan: remapping a goroutine stack failed");
}
#else
// Nothing to do without ThreadSanitizer (sanitizer.h has the empty hooks); ISO C wants
// a declaration in every file.
typedef int sanitizer_c_is_empty_without_tsan;
#endif
