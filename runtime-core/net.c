// net.c — the socket and fd API of rt.h. The runtime keeps a poll descriptor per fd it
// serves, found by fd number; a call that would block parks the goroutine on it
// (netpoll.c). The fd itself is closed only when no call is using it any more, so its
// number cannot be reused under a call still in flight (Go's fdMutex reference count).
#include "netpoll.h"
#include "netaddr.h"
#include "os.h"
#include "misuse.h"
#include "sanitizer.h"

#define FD_CLOSED 0x80000000u // in polldesc.refs: rt_close ran

// A slot whose fd the runtime closed: calls say RT_ECLOSED until the number is reused.
static struct polldesc closed_fd;
// ThreadSanitizer (sanitizer.h): a write to any fd happens before a read that follows it
// (Go's ioSync), since the bytes may carry what the writer did; the buffers are the
// caller's accesses.
static char io_sync;

static struct polldesc **fdtab; // atomic pointer; slots atomic
static uint32_t fdtab_len;      // atomic
static mutex fdtab_lock = MUTEX_RANKED(LOCK_RANK_FDTAB);

static void release(struct polldesc *pd);

static struct polldesc *lookup(int fd) {
    if (fd < 0 || (uint32_t)fd >= atomic_load(&fdtab_len))
        return NULL;
    return atomic_load(&atomic_load(&fdtab)[fd]);
}

// Grows the table to hold fd; old tables stay valid for readers still looking at them.
static void fdtab_put(int fd, struct polldesc *pd) {
    lock(&fdtab_lock);
    uint32_t len = fdtab_len;
    if ((uint32_t)fd >= len) {
        uint32_t grown = len ? len : 64;
        while (grown <= (uint32_t)fd)
            grown *= 2;
        struct polldesc **t = persistentalloc(grown * sizeof *t, 64);
        if (len)
            mem_copy(t, fdtab, len * sizeof *t);
        atomic_store(&fdtab, t);
        atomic_store(&fdtab_len, grown);
    }
    atomic_store(&fdtab[fd], pd);
    unlock(&fdtab_lock);
}

// A call takes a reference for as long as it uses the fd: NULL if the fd is unknown to
// the runtime (*err = RT_ENOTRT) or closed (*err = RT_ECLOSED). Descriptors are recycled,
// so the one looked up may have been closed and handed to a new fd meanwhile: it counts
// only if the number still names it once the reference holds it (else the reference is
// for someone else's fd — dropped, and the number looked up again).
static struct polldesc *acquire(int fd, int *err) {
    for (;;) {
        struct polldesc *pd = lookup(fd);
        if (pd == NULL || pd == &closed_fd) {
            *err = pd == NULL ? RT_ENOTRT : RT_ECLOSED;
            return NULL;
        }
        uint32_t r = atomic_load(&pd->refs);
        if (r & FD_CLOSED) {
            if (lookup(fd) != pd)
                continue;
            *err = RT_ECLOSED;
            return NULL;
        }
        if (!atomic_cas(&pd->refs, r, r + 1))
            continue;
        if (lookup(fd) == pd)
            return pd;
        release(pd);
    }
}

// The last reference after rt_close closes the fd for real.
static void destroy(struct polldesc *pd) {
    int fd = pd->fd;
    lock(&fdtab_lock);
    if (atomic_load(&fdtab[fd]) == pd)
        atomic_store(&fdtab[fd], &closed_fd);
    unlock(&fdtab_lock);
    polldesc_free(pd);
    os_close(fd);
}

// atomic_xadd returns the new count: only closed, with no reference left, destroys.
static void release(struct polldesc *pd) {
    if (atomic_xadd(&pd->refs, -1) == FD_CLOSED)
        destroy(pd);
}

// Takes fd into the runtime's care; on failure fd is closed.
static int adopt(int fd, bool is_socket) {
    int err = 0;
    struct polldesc *pd = polldesc_open(fd, &err);
    if (pd == NULL) {
        os_close(fd);
        return err;
    }
    pd->is_socket = is_socket;
    atomic_store(&pd->refs, 1); // the open reference, dropped by rt_close
    fdtab_put(fd, pd);
    return fd;
}

int rt_fd_open(int fd) {
    check_caller("rt_fd_open");
    int r = os_set_nonblock(fd);
    return r < 0 ? r : adopt(fd, false);
}

int rt_listen(const char *addr, int backlog) {
    check_caller("rt_listen");
    struct netaddr a;
    if (netaddr_parse(addr, &a) != 0)
        return RT_EADDR;
    int fd = os_socket_listen(&a, backlog);
    return fd < 0 ? fd : adopt(fd, true);
}

// Runs op until it stops saying EAGAIN, parking on pd in direction mode meanwhile. A fd
// the poller would not take gets the blocking call, with the P handed off.
static long until_ready(struct polldesc *pd, int32_t mode, long (*op)(struct polldesc *, void *),
                        void *arg) {
    for (;;) {
        long err = polldesc_check(pd, mode);
        if (err != 0)
            return err;
        if (!pd->pollable) {
            entersyscall();
            long r = op(pd, arg);
            exitsyscall();
            if (r != -EINTR)
                return r;
            continue;
        }
        long r = op(pd, arg);
        if (r == -EINTR)
            continue;
        if (r != -EAGAIN)
            return r;
        err = polldesc_wait(pd, mode);
        if (err != 0)
            return err;
    }
}

static long accept_op(struct polldesc *pd, void *unused) {
    (void)unused;
    for (;;) {
        int fd = os_socket_accept(pd->fd);
        if (fd != -ECONNABORTED)
            return fd; // a connection that went away before we took it: try the next
    }
}

int rt_accept(int listen_fd) {
    check_caller("rt_accept");
    int err;
    struct polldesc *pd = acquire(listen_fd, &err);
    if (pd == NULL)
        return err;
    rt_mutex_lock(&pd->rmu);
    long fd = until_ready(pd, NETPOLL_READ, accept_op, NULL);
    rt_mutex_unlock(&pd->rmu);
    release(pd);
    return fd < 0 ? (int)fd : adopt((int)fd, true);
}

int rt_dial(const char *addr) {
    check_caller("rt_dial");
    struct netaddr a;
    if (netaddr_parse(addr, &a) != 0)
        return RT_EADDR;
    bool in_progress = false;
    int fd = os_socket_connect(&a, &in_progress);
    if (fd < 0)
        return fd;
    fd = adopt(fd, true);
    if (fd < 0 || !in_progress)
        return fd;
    int err;
    struct polldesc *pd = acquire(fd, &err);
    err = pd == NULL ? err : polldesc_wait(pd, NETPOLL_WRITE);
    if (err == 0)
        err = os_socket_error(fd);
    if (pd != NULL)
        release(pd);
    if (err != 0) {
        rt_close(fd);
        return err;
    }
    return fd;
}

struct io {
    void *buf;
    size_t n;
};

static long read_op(struct polldesc *pd, void *arg) {
    struct io *io = arg;
    return os_read(pd->fd, io->buf, io->n);
}

long rt_read(int fd, void *buf, size_t n) {
    check_caller("rt_read");
    int err;
    struct polldesc *pd = acquire(fd, &err);
    if (pd == NULL)
        return err;
    struct io io = {buf, n};
    rt_mutex_lock(&pd->rmu);
    long r = until_ready(pd, NETPOLL_READ, read_op, &io);
    rt_mutex_unlock(&pd->rmu);
    release(pd);
    if (r > 0)
        san_write(buf, (size_t)r);
    san_acquire(&io_sync);
    return r;
}

static long write_op(struct polldesc *pd, void *arg) {
    struct io *io = arg;
    return pd->is_socket ? os_send(pd->fd, io->buf, io->n) : os_write(pd->fd, io->buf, io->n);
}

long rt_write(int fd, const void *buf, size_t n) {
    check_caller("rt_write");
    int err;
    struct polldesc *pd = acquire(fd, &err);
    if (pd == NULL)
        return err;
    san_read(buf, n);
    san_release(&io_sync);
    rt_mutex_lock(&pd->wmu);
    size_t done = 0;
    long r = 0;
    while (done < n) {
        struct io io = {(char *)buf + done, n - done};
        r = until_ready(pd, NETPOLL_WRITE, write_op, &io);
        if (r < 0)
            break;
        done += (size_t)r;
    }
    rt_mutex_unlock(&pd->wmu);
    release(pd);
    return r < 0 ? r : (long)done;
}

// Marks the fd closed through a reference of its own (a bare lookup could close a
// recycled descriptor's new fd) and drops the open reference with it.
int rt_close(int fd) {
    check_caller("rt_close");
    int err;
    struct polldesc *pd = acquire(fd, &err);
    if (pd == NULL)
        return err;
    for (;;) {
        uint32_t r = atomic_load(&pd->refs);
        if (r & FD_CLOSED) {
            release(pd);
            return RT_ECLOSED;
        }
        if (atomic_cas(&pd->refs, r, (r | FD_CLOSED) - 1))
            break;
    }
    polldesc_unblock(pd); // every waiter wakes with RT_ECLOSED
    release(pd);          // the last reference closes the fd
    return 0;
}

int rt_shutdown(int fd, enum rt_shutdown_how how) {
    int err;
    struct polldesc *pd = acquire(fd, &err);
    if (pd == NULL)
        return err;
    err = os_shutdown(fd, how == RT_SHUT_RD ? 0 : how == RT_SHUT_WR ? 1 : 2);
    release(pd);
    return err;
}

int rt_set_deadline(int fd, int64_t abs_ns, int which) {
    check_caller("rt_set_deadline");
    int err;
    struct polldesc *pd = acquire(fd, &err);
    if (pd == NULL)
        return err;
    polldesc_set_deadline(pd, abs_ns,
                          ((which & RT_DEADLINE_READ) ? NETPOLL_READ : 0) |
                              ((which & RT_DEADLINE_WRITE) ? NETPOLL_WRITE : 0));
    release(pd);
    return 0;
}

int rt_local_addr(int fd, char *buf, size_t n) {
    int err;
    struct polldesc *pd = acquire(fd, &err);
    if (pd == NULL)
        return err;
    struct netaddr a;
    err = os_socket_local(fd, &a);
    release(pd);
    if (err < 0)
        return err;
    return (int)netaddr_format(&a, buf, n);
}

const char *rt_strerror(int err) {
    switch (err) {
    case 0:
        return "no error";
    case RT_ETIMEOUT:
        return "i/o timeout (the deadline passed)";
    case RT_ECLOSED:
        return "use of a closed fd";
    case RT_EADDR:
        return "malformed address";
    case RT_ENOTRT:
        return "fd not opened through the runtime (see rt_fd_open)";
    }
    const char *s = err < 0 ? os_strerror(-err) : NULL;
    return s != NULL ? s : "unknown error";
}
