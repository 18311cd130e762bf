// Stage 2, write to stdout: the syscall stubs (or the OS layer's write) reach the kernel.
#include "stage.h"

STAGE_DEFAULT_CHECK
STAGE_DEFAULT_ARGS
STAGE_DEFAULT_OSINIT
STAGE_DEFAULT_SCHEDINIT
STAGE_DEFAULT_NEWPROC

_Noreturn void mstart(void) {
    stage_write("hello from rt0\n");
    stage_exit(0);
}
