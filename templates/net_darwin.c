// The network poller and sockets of ${target} on libSystem: kqueue (poller.method) with
// EVFILT_READ and EVFILT_WRITE added once per fd with EV_CLEAR (edge-triggered, tagged
// with the poll descriptor), and an EVFILT_USER event that breaks a blocked kevent (Go's
// netpoll_kqueue.go). Sockets are made non-blocking and close-on-exec with fcntl, and
// SO_NOSIGPIPE keeps a vanished peer from raising SIGPIPE. Results are an fd, 0, or -errno.
#include "runtime.h"
#include "netaddr.h"
#include "netpoll.h"
#include "os.h"
#include "os_darwin_logic.h"

// libSystem's types this file passes, as structs.* lay them out.
struct darwin_timespec {
    int64_t tv_sec;
    int64_t tv_nsec;
};
struct darwin_kevent {
    uintptr_t ident;
    int16_t filter;
    uint16_t flags;
    uint32_t fflags;
    intptr_t data;
    void *udata;
};
_Static_assert(sizeof(struct darwin_kevent) == SIZEOF_kevent, "structs.kevent.size");
_Static_assert(offsetof(struct darwin_kevent, filter) == OFFSET_kevent_filter, "structs.kevent.fields.filter");
_Static_assert(offsetof(struct darwin_kevent, flags) == OFFSET_kevent_flags, "structs.kevent.fields.flags");
_Static_assert(offsetof(struct darwin_kevent, fflags) == OFFSET_kevent_fflags, "structs.kevent.fields.fflags");
_Static_assert(offsetof(struct darwin_kevent, data) == OFFSET_kevent_data, "structs.kevent.fields.data");
_Static_assert(offsetof(struct darwin_kevent, udata) == OFFSET_kevent_udata, "structs.kevent.fields.udata");
struct darwin_rlimit {
    uint64_t cur, max;
};
_Static_assert(sizeof(struct darwin_rlimit) == SIZEOF_rlimit, "structs.rlimit.size");

// The libSystem functions this file calls, declared from libsystem.functions (os_darwin.c
// declares the rest; a second, plain declaration of a weak import would make it strong).
@@ local uses = { __error = true, accept = true, bind = true, close = true, connect = true, fcntl = true,
@@   getrlimit = true, getsockname = true, getsockopt = true, kevent = true, kqueue = true, listen = true,
@@   read = true, send = true, setrlimit = true, setsockopt = true, shutdown = true, socket = true }
@@ for _, f in ipairs(libsystem.functions) do
@@ if uses[f.name] then
${f.ret}${f.ret:sub(-1) == "*" and "" or " "}${f.name}(${f.params});
@@ end
@@ end

#define darwin_errno (*__error())

static long result(long r) {
    return r < 0 ? -(long)darwin_errno : r;
}

// The poller ---------------------------------------------------------------------------

static int kq = -1;
enum { BREAK_IDENT = 0 }; // the EVFILT_USER event's ident

int os_netpoll_init(void) {
    kq = (int)result(kqueue());
    if (kq < 0)
        return kq;
    fcntl(kq, F_SETFD, FD_CLOEXEC);
    struct darwin_kevent ev = {.ident = BREAK_IDENT, .filter = EVFILT_USER, .flags = EV_ADD | EV_CLEAR};
    return (int)result(kevent(kq, &ev, 1, NULL, 0, NULL)) < 0 ? -(int)darwin_errno : 0;
}

int os_netpoll_open(int fd, struct polldesc *pd) {
    struct darwin_kevent ev[2] = {
        {.ident = (uintptr_t)fd, .filter = EVFILT_READ, .flags = EV_ADD | EV_CLEAR, .udata = pd},
        {.ident = (uintptr_t)fd, .filter = EVFILT_WRITE, .flags = EV_ADD | EV_CLEAR, .udata = pd},
    };
    long r = result(kevent(kq, ev, 2, NULL, 0, NULL));
    return r < 0 ? (int)r : 0;
}

int os_netpoll_close(int fd) {
    (void)fd; // closing the fd removes its kevents
    return 0;
}

void os_netpoll_break(void) {
    struct darwin_kevent ev = {.ident = BREAK_IDENT, .filter = EVFILT_USER, .fflags = NOTE_TRIGGER};
    for (;;) {
        if (kevent(kq, &ev, 1, NULL, 0, NULL) >= 0)
            return;
        if (darwin_errno != EINTR)
            fatalf("netpoll: kevent (break) failed: errno %d", darwin_errno);
    }
}

void os_netpoll(int64_t ns, gqueue *ready) {
    struct darwin_timespec ts;
    struct darwin_timespec *timeout = darwin_kevent_timeout(ns, &ts.tv_sec, &ts.tv_nsec) ? &ts : NULL;
    struct darwin_kevent evs[${poller.max_events}];
    int n = kevent(kq, NULL, 0, evs, ${poller.max_events}, timeout);
    if (n < 0) {
        if (darwin_errno != EINTR && darwin_errno != ETIMEDOUT)
            fatalf("netpoll: kevent failed: errno %d", darwin_errno);
        return;
    }
    for (int i = 0; i < n; i++) {
        struct darwin_kevent *ev = &evs[i];
        bool is_break;
        int32_t mode = darwin_kevent_mode(ev->filter, ev->flags, &is_break);
        if (is_break) {
            if (ns != 0) // EV_CLEAR reset it; a look leaves it for the blocking poll
                netpoll_break_done();
            continue;
        }
        if (mode != 0 && ev->udata != NULL)
            netpoll_ready(ev->udata, mode, ready);
    }
}

// Sockets ------------------------------------------------------------------------------

static int domain_of(const struct netaddr *a) {
    return a->family == NETADDR_IP4 ? AF_INET : a->family == NETADDR_IP6 ? AF_INET6 : AF_UNIX;
}

static void set_int_option(int fd, int level, int name, int value) {
    setsockopt(fd, level, name, &value, sizeof value);
}

// Non-blocking, close-on-exec, no SIGPIPE.
static int prepare(int fd) {
    if (fd < 0)
        return -(int)darwin_errno;
    fcntl(fd, F_SETFD, FD_CLOEXEC);
    int fl = fcntl(fd, F_GETFL, 0);
    if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0) {
        int err = darwin_errno;
        close(fd);
        return -err;
    }
    set_int_option(fd, SOL_SOCKET, SO_NOSIGPIPE, 1);
    return fd;
}

int os_socket_listen(const struct netaddr *a, int backlog) {
    int fd = prepare(socket(domain_of(a), SOCK_STREAM, 0));
    if (fd < 0)
        return fd;
    if (a->family != NETADDR_UNIX)
        set_int_option(fd, SOL_SOCKET, SO_REUSEADDR, 1);
    unsigned char sa[SOCKADDR_MAX];
    uint32_t len = sockaddr_from(a, sa);
    if (bind(fd, sa, len) < 0 || listen(fd, backlog > 0 ? backlog : SOMAXCONN) < 0) {
        int err = darwin_errno;
        close(fd);
        return -err;
    }
    return fd;
}

int os_socket_connect(const struct netaddr *a, bool *in_progress) {
    int fd = prepare(socket(domain_of(a), SOCK_STREAM, 0));
    if (fd < 0)
        return fd;
    if (a->family != NETADDR_UNIX)
        set_int_option(fd, IPPROTO_TCP, TCP_NODELAY, 1);
    unsigned char sa[SOCKADDR_MAX];
    uint32_t len = sockaddr_from(a, sa);
    int r;
    do
        r = connect(fd, sa, len);
    while (r < 0 && darwin_errno == EINTR);
    *in_progress = r < 0 && darwin_errno == EINPROGRESS;
    if (r < 0 && !*in_progress) {
        int err = darwin_errno;
        close(fd);
        return -err;
    }
    return fd;
}

int os_socket_accept(int listen_fd) {
    int fd = accept(listen_fd, NULL, NULL);
    if (fd < 0)
        return -(int)darwin_errno;
    fd = prepare(fd);
    if (fd >= 0)
        set_int_option(fd, IPPROTO_TCP, TCP_NODELAY, 1);
    return fd;
}

int os_socket_error(int fd) {
    int err = 0;
    uint32_t len = sizeof err;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0)
        return -(int)darwin_errno;
    return -err;
}

int os_socket_local(int fd, struct netaddr *a) {
    unsigned char sa[SOCKADDR_MAX];
    uint32_t len = sizeof sa;
    if (getsockname(fd, sa, &len) < 0)
        return -(int)darwin_errno;
    return sockaddr_to(sa, len, a);
}

int os_shutdown(int fd, int how) {
    return (int)result(shutdown(fd, how == 0 ? SHUT_RD : how == 1 ? SHUT_WR : SHUT_RDWR));
}

long os_read(int fd, void *buf, size_t n) {
    return result(read(fd, buf, n));
}

long os_send(int fd, const void *buf, size_t n) {
    return result(send(fd, buf, n, 0));
}

int os_close(int fd) {
    return (int)result(close(fd));
}

int os_set_nonblock(int fd) {
    int fl = fcntl(fd, F_GETFL, 0);
    if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0)
        return -(int)darwin_errno;
    return 0;
}

void os_raise_nofile(void) {
@@ if net.raise_nofile then
    struct darwin_rlimit lim;
    if (getrlimit(RLIMIT_NOFILE, &lim) != 0 || lim.cur >= lim.max)
        return;
@@ if net.nofile_cap > 0 then
    lim.cur = lim.max < ${net.nofile_cap} ? lim.max : ${net.nofile_cap};
@@ else
    lim.cur = lim.max;
@@ end
    setrlimit(RLIMIT_NOFILE, &lim);
@@ end
}
