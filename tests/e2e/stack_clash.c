// stack_clash: a frame larger than the guard below a goroutine's stack must not jump it
// into the stack below (another goroutine's). The neighbour runs first, so its stack is
// carved right below the next one, fills a buffer with a pattern and parks. Then a
// goroutine recurses to a legal depth (about 2 KiB of its stack left, more than the
// runtime's slack) and calls a function with an 8 KiB local buffer that writes only its
// lowest KiB: without stack probes those writes skip the 4 KiB guard and land in the
// neighbour's buffer, which then reports what changed. With -fstack-clash-protection
// (or, where the compiler has none, a guard larger than any frame it accepts) the
// frame's allocation touches the guard and the program dies with a stack overflow.
#include <rt.h>
#include <stdatomic.h>

enum { STACK = 64 * 1024, LEFT = 2 * 1024, PATTERN = 0x5a };

static rt_chan *wake;
static atomic_int neighbour_ready; // atomic: a plain flag is a race TSan reports
static char *top;                  // a local near the top of the deep goroutine's stack

static void neighbour(void *arg) {
    (void)arg;
    char buf[4096];
    for (unsigned i = 0; i < sizeof buf; i++)
        buf[i] = PATTERN;
    __asm__ volatile("" : : "r"(buf) : "memory");
    atomic_store(&neighbour_ready, 1);
    int v;
    rt_chan_recv(wake, &v);
    int changed = 0;
    for (unsigned i = 0; i < sizeof buf; i++)
        changed += buf[i] != PATTERN;
    rt_print("neighbour's locals: %d of %d bytes changed\n", changed, (int)sizeof buf);
    rt_exit(changed != 0); // its own frames above buf may be gone too: never return
}

__attribute__((noinline)) static void big_frame(void) {
    char buf[8192];
    for (int i = 0; i < 1024; i++) // the lowest KiB only, as a partly used buffer is
        buf[i] = (char)i;
    __asm__ volatile("" : : "r"(buf) : "memory");
}

__attribute__((noinline)) static int descend(int n) {
    char frame[256];
    frame[0] = (char)n;
    __asm__ volatile("" : : "r"(frame) : "memory");
    if (top - frame < STACK - LEFT)
        return descend(n + 1) + frame[0];
    big_frame();
    return frame[0];
}

static void deep(void *arg) {
    (void)arg;
    char here;
    top = &here;
    descend(0);
    int v = 1;
    rt_chan_send(wake, &v);
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    wake = rt_chan_new(sizeof(int), 1);
    rt_go(neighbour, 0);
    while (!atomic_load(&neighbour_ready))
        rt_yield();
    rt_go(deep, 0);
    rt_sleep(10 * 1000 * 1000000LL);
    return 3;
}
