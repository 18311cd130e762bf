// misuse.h — checks at the public entry points that turn a call the runtime cannot serve
// into a fatal error in the user's words, instead of a crash in its internals.
#ifndef MISUSE_H
#define MISUSE_H

#include <stdbool.h>

#include "runtime.h"

// Set once schedinit has made the Ps: from then on a goroutine may call the runtime.
extern bool runtime_booted;

_Noreturn void misuse_caller(const char *api);

// The caller must be a goroutine of a started runtime: not a constructor that runs before
// it (getg() is NULL, or g0 with no P yet) and not a thread the runtime did not start.
static inline void check_caller(const char *api) {
    if (__builtin_expect(!__atomic_load_n(&runtime_booted, __ATOMIC_RELAXED) || getg() == NULL, 0))
        misuse_caller(api);
}

#endif
