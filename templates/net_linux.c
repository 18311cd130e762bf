// Sockets of ${target} on raw syscalls: every fd non-blocking and close-on-exec from the
// start (SOCK_NONBLOCK | SOCK_CLOEXEC), writes through sendto with MSG_NOSIGNAL so a
// vanished peer is EPIPE, not a SIGPIPE that ends the process. Addresses go through
// net_sockaddr.c. Results are an fd, 0, or -errno.
#include "runtime.h"
#include "netaddr.h"
#include "os.h"

// Syscall results in ${syscall_abi.error_min}..${syscall_abi.error_max} are -errno.
static bool sys_failed(long r) { return r >= ${syscall_abi.error_min} && r <= ${syscall_abi.error_max}; }

static int domain_of(const struct netaddr *a) {
    return a->family == NETADDR_IP4 ? AF_INET : a->family == NETADDR_IP6 ? AF_INET6 : AF_UNIX;
}

static long new_socket(const struct netaddr *a) {
    return sys_socket(domain_of(a), SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
}

static void set_int_option(long fd, int level, int name, int value) {
    sys_setsockopt(fd, level, name, (long)&value, sizeof value);
}

int os_socket_listen(const struct netaddr *a, int backlog) {
    long fd = new_socket(a);
    if (sys_failed(fd))
        return (int)fd;
    if (a->family != NETADDR_UNIX)
        set_int_option(fd, SOL_SOCKET, SO_REUSEADDR, 1); // rebind while old connections linger
    unsigned char sa[SOCKADDR_MAX];
    uint32_t len = sockaddr_from(a, sa);
    long r = sys_bind(fd, (long)sa, len);
    if (!sys_failed(r))
        r = sys_listen(fd, backlog > 0 ? backlog : SOMAXCONN);
    if (sys_failed(r)) {
        sys_close(fd);
        return (int)r;
    }
    return (int)fd;
}

int os_socket_connect(const struct netaddr *a, bool *in_progress) {
    long fd = new_socket(a);
    if (sys_failed(fd))
        return (int)fd;
    if (a->family != NETADDR_UNIX)
        set_int_option(fd, IPPROTO_TCP, TCP_NODELAY, 1); // as Go's net does
    unsigned char sa[SOCKADDR_MAX];
    uint32_t len = sockaddr_from(a, sa);
    long r;
    do
        r = sys_connect(fd, (long)sa, len);
    while (r == -EINTR);
    *in_progress = r == -EINPROGRESS || r == -EAGAIN; // EAGAIN: a unix socket's full backlog
    if (sys_failed(r) && !*in_progress) {
        sys_close(fd);
        return (int)r;
    }
    return (int)fd;
}

int os_socket_accept(int listen_fd) {
    long fd = sys_accept4(listen_fd, 0, 0, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (!sys_failed(fd))
        set_int_option(fd, IPPROTO_TCP, TCP_NODELAY, 1); // fails harmlessly on a unix socket
    return (int)fd;
}

int os_socket_error(int fd) {
    int err = 0;
    uint32_t len = sizeof err;
    long r = sys_getsockopt(fd, SOL_SOCKET, SO_ERROR, (long)&err, (long)&len);
    return sys_failed(r) ? (int)r : -err;
}

int os_socket_local(int fd, struct netaddr *a) {
    unsigned char sa[SOCKADDR_MAX];
    uint32_t len = sizeof sa;
    long r = sys_getsockname(fd, (long)sa, (long)&len);
    return sys_failed(r) ? (int)r : sockaddr_to(sa, len, a);
}

int os_shutdown(int fd, int how) {
    return (int)sys_shutdown(fd, how == 0 ? SHUT_RD : how == 1 ? SHUT_WR : SHUT_RDWR);
}

long os_read(int fd, void *buf, size_t n) {
    return sys_read(fd, (long)buf, (long)n);
}

long os_send(int fd, const void *buf, size_t n) {
    return sys_sendto(fd, (long)buf, (long)n, MSG_NOSIGNAL, 0, 0);
}

int os_close(int fd) {
    return (int)sys_close(fd);
}

int os_set_nonblock(int fd) {
    long fl = sys_fcntl(fd, F_GETFL, 0);
    if (sys_failed(fl))
        return (int)fl;
    long r = sys_fcntl(fd, F_SETFL, fl | O_NONBLOCK);
    return sys_failed(r) ? (int)r : 0;
}

// The soft limit on open fds up to the hard one, so that 10k connections work out of
// the box (Go's os init does the same).
void os_raise_nofile(void) {
@@ if net.raise_nofile then
    struct {
        uint64_t cur, max;
    } lim;
    _Static_assert(sizeof lim == SIZEOF_rlimit, "structs.rlimit.size");
    if (sys_failed(sys_prlimit64(0, RLIMIT_NOFILE, 0, (long)&lim)) || lim.cur >= lim.max)
        return;
@@ if net.nofile_cap > 0 then
    lim.cur = lim.max < ${net.nofile_cap} ? lim.max : ${net.nofile_cap};
@@ else
    lim.cur = lim.max;
@@ end
    sys_prlimit64(0, RLIMIT_NOFILE, (long)&lim, 0);
@@ end
}
