// Stage 4, TLS: rt0 set the thread's g up (its own store-and-read-back check passed, or
// it would have crashed) and bound g0; getg/setg (ztarget.h) reach the same slot.
#include "stage.h"

STAGE_DEFAULT_CHECK
STAGE_DEFAULT_ARGS
STAGE_DEFAULT_OSINIT
STAGE_DEFAULT_SCHEDINIT
STAGE_DEFAULT_NEWPROC

static g other;

_Noreturn void mstart(void) {
    if (getg() != &g0)
        stage_fail("getg() is not g0 after rt0");
    setg(&other);
    if (getg() != &other)
        stage_fail("setg then getg does not round-trip");
    setg(&g0);
    if (getg() != &g0 || getg()->m != &m0)
        stage_fail("g0 lost after setg");
    stage_write("tls ok\n");
    stage_exit(0);
}
