// name_clash: a program may use the names the runtime uses inside (check, args, lock,
// schedule, sched, fatal, ...): the library keeps its internal symbols to itself
// (localized on ELF, renamed with a private prefix on Mach-O).
#include <rt.h>

int sched = 1;
const char *fatal = "mine";
static int locked;

int check(int x) {
    return x + 1;
}
int args(void) {
    return 2;
}
void lock(void) {
    locked = 1;
}
void unlock(void) {
    locked = 0;
}
int schedule(void) {
    return 3;
}
void crash(void) {}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    lock();
    crash();
    int sum = check(sched) + args() + schedule() + locked + (fatal[0] == 'm');
    unlock();
    rt_print("sum=%d\n", sum);
    return sum == 9 ? 0 : 1;
}
