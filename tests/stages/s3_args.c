// Stage 3, argv and auxv: argc and argv arrive where entry.args says, and the generated
// sysargs (os_<os>.c) finds what follows envp — on Linux the auxv, with the page size and
// AT_RANDOM's 16 bytes — using the table's tags.
#include "stage.h"

STAGE_DEFAULT_CHECK
STAGE_DEFAULT_OSINIT
STAGE_DEFAULT_SCHEDINIT
STAGE_DEFAULT_NEWPROC

void args(int argc, char **argv) {
    stage_argc = argc;
    stage_argv = argv;
    os_sysargs(argc, argv);
}

_Noreturn void mstart(void) {
    stage_printf("argc=%d\n", stage_argc);
    for (int i = 1; i < stage_argc; i++)
        stage_printf("argv[%d]=%s\n", i, stage_argv[i]);
    if (stage_argv[stage_argc] != NULL)
        stage_fail("argv is not NULL-terminated");
    uintptr_t ps = osinfo.page_size;
    if (ps < 4096 || (ps & (ps - 1)) != 0)
        stage_fail("sysargs found no page size (a power of two >= 4096)");
    stage_printf("page size ok\n");
    bool random = false;
    for (int i = 0; i < 16; i++)
        random |= osinfo.random[i] != 0;
    if (!osinfo.have_random || !random)
        stage_fail("sysargs found no random seed");
    stage_printf("random seed ok\n");
    stage_exit(0);
}
