// atomic.h — the atomics the core uses, on the compiler's __atomic builtins so that
// every arch gets them without per-arch code.
#ifndef ATOMIC_H
#define ATOMIC_H

#include <stdbool.h>
#include <stdint.h>

#define atomic_load(p)             __atomic_load_n((p), __ATOMIC_SEQ_CST)
#define atomic_load_acq(p)         __atomic_load_n((p), __ATOMIC_ACQUIRE)
#define atomic_load_relaxed(p)     __atomic_load_n((p), __ATOMIC_RELAXED)
#define atomic_store(p, v)         __atomic_store_n((p), (v), __ATOMIC_SEQ_CST)
#define atomic_store_rel(p, v)     __atomic_store_n((p), (v), __ATOMIC_RELEASE)
#define atomic_store_relaxed(p, v) __atomic_store_n((p), (v), __ATOMIC_RELAXED)
#define atomic_xadd(p, v)          __atomic_add_fetch((p), (v), __ATOMIC_SEQ_CST)
#define atomic_xchg(p, v)          __atomic_exchange_n((p), (v), __ATOMIC_SEQ_CST)
#define atomic_or(p, v)            __atomic_or_fetch((p), (v), __ATOMIC_SEQ_CST)
#define atomic_and(p, v)           __atomic_and_fetch((p), (v), __ATOMIC_SEQ_CST)
#define atomic_cas(p, old, new)                                                                    \
    __extension__({                                                                                \
        __typeof__(*(p)) expected_ = (old);                                                        \
        __atomic_compare_exchange_n((p), &expected_, (new), false, __ATOMIC_SEQ_CST,               \
                                    __ATOMIC_SEQ_CST);                                             \
    })
#define atomic_cas_rel(p, old, new)                                                                \
    __extension__({                                                                                \
        __typeof__(*(p)) expected_ = (old);                                                        \
        __atomic_compare_exchange_n((p), &expected_, (new), false, __ATOMIC_RELEASE,               \
                                    __ATOMIC_RELAXED);                                             \
    })

#endif
