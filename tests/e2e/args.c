// args: argv and the exit code pass through the runtime intact.
#include <rt.h>

int rt_main(int argc, char **argv) {
    rt_print("argc=%d\n", argc);
    for (int i = 1; i < argc; i++)
        rt_print("argv[%d]=%s\n", i, argv[i]);
    return argc + 40;
}
