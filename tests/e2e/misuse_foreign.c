// misuse_foreign (hosted only): a thread made with pthread_create, not by the runtime,
// calls rt_print; it is told it is a foreign thread.
#include <pthread.h>
#include <rt.h>

static void *foreign(void *arg) {
    (void)arg;
    rt_print("hello from a foreign thread\n");
    return NULL;
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    pthread_t t;
    rt_syscall_enter(); // pthread_join blocks
    pthread_create(&t, NULL, foreign, NULL);
    pthread_join(t, NULL);
    rt_syscall_exit();
    return 0;
}
