// asan.h — telling AddressSanitizer about goroutine switches (its fiber interface), so
// that it knows which stack is live and reports no false stack errors. Compiles to
// nothing unless the runtime is built with -fsanitize=address.
#ifndef ASAN_H
#define ASAN_H

#include "runtime.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RT_ASAN 1
#endif
#endif

#ifdef RT_ASAN
void __sanitizer_start_switch_fiber(void **fake_stack_save, const void *bottom, size_t size);
void __sanitizer_finish_switch_fiber(void *fake_stack_save, const void **bottom_old,
                                     size_t *size_old);

// Just before leaving the current stack for to's. save keeps the current stack's fake
// frames for its return; NULL when the current stack is dead afterwards (g0 in gogo,
// which mcall restarts afresh each time).
static inline void asan_switch_begin(void **save, const g *to) {
    __sanitizer_start_switch_fiber(save, (const void *)to->stack.lo, to->stack.hi - to->stack.lo);
}
// The first thing on the new stack, with what its last asan_switch_begin saved.
static inline void asan_switch_end(void *saved) {
    __sanitizer_finish_switch_fiber(saved, NULL, NULL);
}
#else
static inline void asan_switch_begin(void **save, const g *to) {
    (void)save;
    (void)to;
}
static inline void asan_switch_end(void *saved) {
    (void)saved;
}
#endif

#endif
