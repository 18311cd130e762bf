// sanitizer.h — what the runtime tells clang's sanitizers: which goroutine stack is live
// (AddressSanitizer's and ThreadSanitizer's fiber interfaces, at every switch) and, for
// ThreadSanitizer, the happens-before edges the runtime itself makes (channel handoff,
// mutex, wait group; goroutine start comes with fiber creation). Every hook compiles to
// nothing unless the runtime is built with -fsanitize=address or -fsanitize=thread.
//
// Under ThreadSanitizer the runtime is compiled with the sanitizer on but its
// instrumentation off (variants/tsan.lua), as Go's runtime is under -race: TSan then sees
// only the user's accesses and the edges below, never the scheduler's own lock-free
// words, whose ordering it could not follow (futexes are raw syscalls here) and which
// would otherwise order every goroutine after every other one through the run queues.
// Goroutine switches are announced without synchronisation for the same reason: two
// goroutines that merely ran one after the other on a thread are not ordered in Go.
#ifndef SANITIZER_H
#define SANITIZER_H

#include "runtime.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RT_ASAN 1
#endif
#if __has_feature(thread_sanitizer)
#define RT_TSAN 1
#endif
#endif

#ifdef RT_ASAN
void __sanitizer_start_switch_fiber(void **fake_stack_save, const void *bottom, size_t size);
void __sanitizer_finish_switch_fiber(void *fake_stack_save, const void **bottom_old,
                                     size_t *size_old);
#endif

#ifdef RT_TSAN
void *__tsan_get_current_fiber(void);
void *__tsan_create_fiber(unsigned flags);
void __tsan_destroy_fiber(void *fiber);
void __tsan_switch_to_fiber(void *fiber, unsigned flags);
void __tsan_set_fiber_name(void *fiber, const char *name);
void __tsan_acquire(void *addr);
void __tsan_release(void *addr);
void __tsan_read_range(void *addr, unsigned long size);
void __tsan_write_range(void *addr, unsigned long size);
void __tsan_ignore_thread_begin(void);
void __tsan_ignore_thread_end(void);
enum { TSAN_SWITCH_NO_SYNC = 1 }; // __tsan_switch_to_fiber_no_sync
#endif

// Switches ---------------------------------------------------------------------------

// Just before leaving the current stack for to's. save keeps the current stack's fake
// frames (ASan) for its return; NULL when the current stack is dead afterwards (g0 in
// gogo, which mcall restarts afresh each time).
static inline void san_switch_begin(void **save, const g *to) {
#ifdef RT_ASAN
    __sanitizer_start_switch_fiber(save, (const void *)to->stack.lo, to->stack.hi - to->stack.lo);
#else
    (void)save;
#endif
#ifdef RT_TSAN
    __tsan_switch_to_fiber(to->san_fiber, TSAN_SWITCH_NO_SYNC);
#else
    (void)to;
#endif
}

// The first thing on the new stack, with what its last san_switch_begin saved.
static inline void san_switch_end(void *saved) {
#ifdef RT_ASAN
    __sanitizer_finish_switch_fiber(saved, NULL, NULL);
#else
    (void)saved;
#endif
}

// Goroutine lifetimes ----------------------------------------------------------------

#ifdef RT_TSAN
// A goroutine is made (or a dead G reused), on its creator: its TSan fiber starts with
// everything the creator did so far (TSan orders a fiber after its creation), which is
// rt_go's edge to the new goroutine.
void san_g_create(g *gp);
// A goroutine is gone (on g0, after the switch away from it): its fiber goes too.
void san_g_free(g *gp);
// An M's g0 is the thread's own context: switches to g0 go back to it. On g0, first.
void san_g0_init(g *g0p);
// A stack is bound to a goroutine: accesses that an earlier goroutine made to the same
// memory are not this one's business (Go's racemalloc of a new stack).
void san_stack_fresh(uintptr_t lo, uintptr_t hi);
#else
static inline void san_g_create(g *gp) {
    (void)gp;
}
static inline void san_g_free(g *gp) {
    (void)gp;
}
static inline void san_g0_init(g *g0p) {
    (void)g0p;
}
static inline void san_stack_fresh(uintptr_t lo, uintptr_t hi) {
    (void)lo;
    (void)hi;
}
#endif

// Happens-before edges, on the goroutine that makes them ------------------------------

#ifdef RT_TSAN
static inline void san_release(void *addr) {
    __tsan_release(addr);
}
static inline void san_acquire(void *addr) {
    __tsan_acquire(addr);
}
// The runtime reads or writes n bytes of the user's memory on the caller's behalf
// (channel elements): TSan checks that access as the caller's.
static inline void san_read(const void *addr, size_t n) {
    if (addr != NULL && n != 0)
        __tsan_read_range((void *)addr, n);
}
static inline void san_write(void *addr, size_t n) {
    if (addr != NULL && n != 0)
        __tsan_write_range(addr, n);
}
// The runtime's own copies (mem_copy, mem_zero) go through libc's memcpy and memset,
// which TSan intercepts; they are the runtime's business, reported by san_read and
// san_write on the goroutine whose operation they are, not on whichever ran them.
static inline void san_ignore_begin(void) {
    __tsan_ignore_thread_begin();
}
static inline void san_ignore_end(void) {
    __tsan_ignore_thread_end();
}
#else
static inline void san_release(void *addr) {
    (void)addr;
}
static inline void san_acquire(void *addr) {
    (void)addr;
}
static inline void san_read(const void *addr, size_t n) {
    (void)addr;
    (void)n;
}
static inline void san_write(void *addr, size_t n) {
    (void)addr;
    (void)n;
}
static inline void san_ignore_begin(void) {}
static inline void san_ignore_end(void) {}
#endif

#endif
