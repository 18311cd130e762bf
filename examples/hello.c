// hello: the smallest rt0gen program. rt_main runs in the main goroutine; its return
// value is the exit code.
#include <rt.h>

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    rt_print("hello, world\n");
    return 0;
}
