// rt.h — the public API of the rt0gen goroutine runtime.
//
// A program defines rt_main instead of main; it runs in the main goroutine, and its
// return value is the process's exit code. Build with
//   lua5.4 build.lua cc --target <target> [--variant v] prog.c -o prog
#ifndef RT_H
#define RT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RT_API __attribute__((visibility("default")))

// The user's entry point, run in the main goroutine after every RT_INIT function.
int rt_main(int argc, char **argv);

// Goroutines.
RT_API void rt_go(void (*fn)(void *), void *arg);
RT_API void rt_yield(void);
RT_API void rt_sleep(int64_t ns);
RT_API int64_t rt_nanotime(void);
RT_API int rt_gomaxprocs(int n); // n < 1 only reports; returns the previous value
RT_API int rt_numgoroutine(void);
RT_API _Noreturn void rt_exit(int code);
RT_API void rt_print(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
RT_API void rt_lock_os_thread(void);
RT_API void rt_unlock_os_thread(void);

// Blocking calls made by user code: the P is handed to another M while it blocks.
RT_API void rt_syscall_enter(void);
RT_API void rt_syscall_exit(void);

// RT_INIT(fn) runs fn in the main goroutine, locked to the main thread, before rt_main.
struct rt_init_entry {
    void (*fn)(void);
    struct rt_init_entry *next;
};
RT_API void rt_init_register(struct rt_init_entry *e);
#define RT_INIT(fn)                                                                                \
    static struct rt_init_entry rt_init_entry_##fn = {fn, 0};                                      \
    __attribute__((constructor)) static void rt_init_register_##fn(void) {                         \
        rt_init_register(&rt_init_entry_##fn);                                                     \
    }

// Channels: rt_chan_recv returns false once the channel is closed and drained.
typedef struct rt_chan rt_chan;
RT_API rt_chan *rt_chan_new(size_t elem_size, size_t cap);
RT_API void rt_chan_send(rt_chan *c, const void *elem);
RT_API bool rt_chan_recv(rt_chan *c, void *elem);
RT_API void rt_chan_close(rt_chan *c);
RT_API size_t rt_chan_len(rt_chan *c);
RT_API void rt_chan_free(rt_chan *c);

// rt_select: cases are sends (elem is read) or receives (elem is written, may be NULL).
enum rt_select_dir { RT_SELECT_SEND, RT_SELECT_RECV };
typedef struct rt_select_case {
    enum rt_select_dir dir;
    rt_chan *chan; // NULL: this case never fires
    void *elem;
    bool ok; // receive: false if the channel was closed and drained
} rt_select_case;
// Returns the index of the case that fired; with block == false returns -1 if none was ready.
RT_API int rt_select(rt_select_case *cases, int ncases, bool block);

// Mutex and wait group; zero-initialised values are ready to use.
typedef struct rt_mutex {
    uint32_t state;
    uint32_t sema;
} rt_mutex;
RT_API void rt_mutex_lock(rt_mutex *mu);
RT_API bool rt_mutex_trylock(rt_mutex *mu);
RT_API void rt_mutex_unlock(rt_mutex *mu);

typedef struct rt_wg {
    uint64_t state; // high 32 bits: counter; low 32 bits: waiters
    uint32_t sema;
} rt_wg;
RT_API void rt_wg_add(rt_wg *wg, int delta);
RT_API void rt_wg_done(rt_wg *wg);
RT_API void rt_wg_wait(rt_wg *wg);

// Network I/O: sockets and fds whose waits park only the calling goroutine (one M waits
// in the OS poller for all of them). Results are >= 0 on success, else an error: -errno
// as the OS numbers it, or one of the RT_E* below; rt_strerror names either.
#define RT_ETIMEOUT (-5001) // the fd's deadline passed
#define RT_ECLOSED  (-5002) // the fd was closed, maybe by another goroutine while this one waited
#define RT_EADDR    (-5003) // an address string that does not parse
#define RT_ENOTRT   (-5004) // an fd the runtime did not open (see rt_fd_open)
RT_API const char *rt_strerror(int err);

// Addresses: "127.0.0.1:8080", "[::1]:0", ":8080" (every IPv4 address), "[::]:8080",
// "localhost:80", "unix:/path/to/socket". Port 0 picks a free one (see rt_local_addr).
RT_API int rt_listen(const char *addr, int backlog); // backlog <= 0: the OS's maximum
RT_API int rt_accept(int listen_fd);
RT_API int rt_dial(const char *addr);
// The address an fd is bound to, written as the strings above; returns its length.
RT_API int rt_local_addr(int fd, char *buf, size_t n);

RT_API long rt_read(int fd, void *buf, size_t n);        // 0 at end of file
RT_API long rt_write(int fd, const void *buf, size_t n); // all n bytes, or an error
RT_API int rt_close(int fd);                             // wakes every waiter with RT_ECLOSED
enum rt_shutdown_how { RT_SHUT_RD, RT_SHUT_WR, RT_SHUT_RDWR };
RT_API int rt_shutdown(int fd, enum rt_shutdown_how how);

// Deadlines, absolute on rt_nanotime's clock; 0 clears. A wait past the deadline fails with
// RT_ETIMEOUT, and so does every call until the deadline moves; one in the past fails at once.
enum rt_deadline_which { RT_DEADLINE_READ = 1, RT_DEADLINE_WRITE = 2, RT_DEADLINE_BOTH = 3 };
RT_API int rt_set_deadline(int fd, int64_t abs_ns, int which);

// Hands the runtime an fd opened elsewhere (hosted: with libc). It is made non-blocking;
// one the poller refuses (a regular file) is served by blocking calls with the P handed off.
RT_API int rt_fd_open(int fd);

#endif
