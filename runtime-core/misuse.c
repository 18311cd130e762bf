// misuse.c — what a call from the wrong place is told (see misuse.h).
#include "misuse.h"

bool runtime_booted;

_Noreturn void misuse_caller(const char *api) {
    if (!__atomic_load_n(&runtime_booted, __ATOMIC_RELAXED))
        fatalf("%s called before the runtime started (from a constructor?): call it from "
               "rt_main or an RT_INIT function",
               api);
    fatalf("%s called on a thread the runtime did not start (a foreign thread): only "
           "goroutines may call the runtime",
           api);
}
