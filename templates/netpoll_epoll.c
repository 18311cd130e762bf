// The network poller of ${target}: epoll (poller.method), on raw syscalls. Every fd is
// added once, edge-triggered, for reading and writing, tagged with its poll descriptor;
// an eventfd in the same set breaks a blocked epoll_pwait (Go's netpoll_epoll.go).
#include "runtime.h"
#include "netpoll.h"
#include "os.h"

// Syscall results in ${syscall_abi.error_min}..${syscall_abi.error_max} are -errno.
static bool sys_failed(long r) { return r >= ${syscall_abi.error_min} && r <= ${syscall_abi.error_max}; }

// struct epoll_event as structs.epoll_event lays it out (packed on some arches).
@@ local ev = structs.epoll_event
struct epoll_event_k {
    uint32_t events;
@@ if ev.fields.data > 4 then
    char pad[${ev.fields.data - 4}];
@@ end
    uint64_t data;
} __attribute__((packed, aligned(4)));
_Static_assert(sizeof(struct epoll_event_k) == SIZEOF_epoll_event, "structs.epoll_event.size");
_Static_assert(offsetof(struct epoll_event_k, data) == OFFSET_epoll_event_data,
               "structs.epoll_event.fields.data");

static int epfd = -1, breakfd = -1;

int os_netpoll_init(void) {
    long r = sys_epoll_create1(EPOLL_CLOEXEC);
    if (sys_failed(r))
        return (int)r;
    epfd = (int)r;
    r = sys_eventfd2(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (sys_failed(r))
        return (int)r;
    breakfd = (int)r;
    struct epoll_event_k ev = {.events = EPOLLIN, .data = (uintptr_t)&breakfd};
    r = sys_epoll_ctl(epfd, EPOLL_CTL_ADD, breakfd, (long)&ev);
    return sys_failed(r) ? (int)r : 0;
}

int os_netpoll_open(int fd, struct polldesc *pd) {
    struct epoll_event_k ev = {.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET, .data = (uintptr_t)pd};
    long r = sys_epoll_ctl(epfd, EPOLL_CTL_ADD, fd, (long)&ev);
    if (r == -EPERM)
        return 1; // epoll does not take regular files: they are always "ready"
    return sys_failed(r) ? (int)r : 0;
}

int os_netpoll_close(int fd) {
    struct epoll_event_k ev = {0};
    long r = sys_epoll_ctl(epfd, EPOLL_CTL_DEL, fd, (long)&ev);
    return sys_failed(r) ? (int)r : 0;
}

// An eventfd write; a full counter (EAGAIN) means a wakeup is pending already.
void os_netpoll_break(void) {
    uint64_t one = 1;
    for (;;) {
        long r = sys_write(breakfd, (long)&one, sizeof one);
        if (r == sizeof one || r == -EAGAIN)
            return;
        if (r != -EINTR)
            fatalf("netpoll: eventfd write failed: errno %ld", -r);
    }
}

// ns < 0 blocks, 0 only looks; epoll counts milliseconds, so a wait under one rounds up.
void os_netpoll(int64_t ns, gqueue *ready) {
    long ms = ns < 0 ? -1 : ns == 0 ? 0 : ns < 1000000 ? 1 : ns < 1000000000000000 ? ns / 1000000 : 1000000000;
    struct epoll_event_k evs[${poller.max_events}];
    long n = sys_epoll_pwait(epfd, (long)evs, ${poller.max_events}, ms, 0, 8);
    if (sys_failed(n)) {
        if (n != -EINTR)
            fatalf("netpoll: epoll_pwait failed: errno %ld", -n);
        return; // a signal: the caller looks at its timers and comes back
    }
    for (long i = 0; i < n; i++) {
        uint32_t events = evs[i].events;
        uint64_t data = evs[i].data;
        if (data == (uintptr_t)&breakfd) {
            if (ns != 0) { // a blocking poll drains the break; a look leaves it for that one
                uint64_t v;
                sys_read(breakfd, (long)&v, sizeof v);
                netpoll_break_done();
            }
            continue;
        }
        int32_t mode = 0;
        if (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))
            mode |= NETPOLL_READ;
        if (events & (EPOLLOUT | EPOLLHUP | EPOLLERR))
            mode |= NETPOLL_WRITE;
        if (mode != 0)
            netpoll_ready((struct polldesc *)(uintptr_t)data, mode, ready);
    }
}
