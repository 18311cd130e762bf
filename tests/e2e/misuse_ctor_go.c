// misuse_ctor_go: rt_go from an ordinary constructor, before the runtime has started, is
// a fatal error that says so (it was a SIGSEGV, exit 139).
#include <rt.h>

static void nothing(void *arg) {
    (void)arg;
}

__attribute__((constructor)) static void too_early(void) {
    rt_go(nothing, 0);
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    rt_print("rt_go from a constructor returned\n");
    return 0;
}
