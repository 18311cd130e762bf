// os.h — the fixed set of hooks the generated layer (out/<target>/os_<os>.c) provides.
// The core calls only these for OS services; each says the context it runs in.
#ifndef OS_H
#define OS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct m;

// Start-up, on m0's g0, single-threaded, before any allocation.
// Walks what follows envp (auxv on Linux, apple strings on Darwin) into osinfo.
void os_sysargs(int argc, char **argv);
// Fills osinfo.ncpu, page_size, huge_page_size, max_map_count.
void os_init(void);
// Runs the program's constructors where no libc does it (RT_INIT registrations).
void os_run_constructors(void);
// Per-thread set-up, on the new M's g0 before it schedules: installs m->sigstack as the
// thread's signal stack.
void os_minit(void);
// On m0 before it first schedules: the handlers of the table's fatal signals, which run
// on the signal stack and call sigfatal.
void os_initsig(void);

// Preemption and quit signals (signal_<os>.c). os_initsig_preempt: on m0 before it
// first schedules, the handlers of signals.preempt (calls sigpreempt) and signals.quit
// (calls sigquit), on the signal stack. os_preempt_m: from sysmon, sends signals.preempt
// to mp's thread (nothing before that thread ran os_minit_signals). os_sigblock_all /
// os_sigrestore: around thread creation, so a new thread starts with every signal
// blocked; os_minit_signals: on the new M after os_minit, records its thread and
// unblocks them. os_preempt_frame_fixup: in async_preempt_yield, on the M the goroutine
// resumes on, makes a resume frame (NULL: none) carry that M's signal stack and mask.
void os_initsig_preempt(void);
void os_preempt_m(struct m *mp);
uint64_t os_sigblock_all(void);
void os_sigrestore(uint64_t old);
void os_minit_signals(void);
void os_preempt_frame_fixup(void *frame);
// The running executable's file, mapped read-only (NULL if it cannot be), for symbols.
const void *os_map_self(size_t *size);

// Starts an OS thread that runs mstart with getg() == mp->g0. Any M, holds no locks.
void os_newosproc(struct m *mp);

// Sleep and wakeup on a 32-bit word: sleeps while *addr == val, at most ns (< 0: forever).
void os_futexsleep(uint32_t *addr, uint32_t val, int64_t ns);
void os_futexwakeup(uint32_t *addr, uint32_t cnt);
void os_osyield(void);
void os_usleep(uint32_t usec);

// Memory: whole pages, anonymous and private. os_reserve returns NULL on failure.
void *os_reserve(size_t n);
void os_release(void *ptr, size_t n);
bool os_guard(void *ptr, size_t n);  // make pages inaccessible (PROT_NONE)
void os_unused(void *ptr, size_t n); // contents may be dropped (MADV_DONTNEED)
// The guard below a stack (goroutine or M g0): stacks.guard_size rounded up to
// osinfo.page_size by stackinit, so a guard is whole pages whatever the page size.
extern uintptr_t stack_guard_size;
#define STACK_GUARD_SIZE stack_guard_size

// Files: small reads of /proc and /sys style files. os_read_file returns bytes read or -1.
long os_read_file(const char *path, char *buf, size_t n);
long os_write(int fd, const void *buf, size_t n);

// Clocks, in nanoseconds.
int64_t os_nanotime(void);

// Network poller (the table's poller.*), from any M; results are 0 or -errno.
struct polldesc;
struct gqueue;
struct netaddr;
int os_netpoll_init(void);
// Registers fd edge-triggered for reading and writing, with pd as its events' tag.
// Returns 1 when the poller refuses that kind of fd (a regular file).
int os_netpoll_open(int fd, struct polldesc *pd);
int os_netpoll_close(int fd);
// Waits at most ns (< 0: until an event or a break, 0: not at all), calling netpoll_ready
// for each event (netpoll.h) and netpoll_break_done when it drained a break.
void os_netpoll(int64_t ns, struct gqueue *ready);
void os_netpoll_break(void); // wakes os_netpoll; async-signal-safe
// Sockets, non-blocking and close-on-exec; results are an fd, 0, or -errno.
int os_socket_listen(const struct netaddr *a, int backlog); // bound, listening
int os_socket_connect(const struct netaddr *a, bool *in_progress);
int os_socket_accept(int listen_fd); // -EAGAIN when nobody waits to be accepted
int os_socket_error(int fd);         // the pending error of a connect (SO_ERROR)
int os_socket_local(int fd, struct netaddr *a);
int os_shutdown(int fd, int how); // how: 0 read, 1 write, 2 both
long os_read(int fd, void *buf, size_t n);
long os_send(int fd, const void *buf, size_t n); // a socket: no SIGPIPE, EPIPE instead
int os_close(int fd);
int os_set_nonblock(int fd);
const char *os_strerror(int errnum); // the table's name and text for an errno, or NULL
void os_raise_nofile(void);          // at osinit: soft RLIMIT_NOFILE up to the hard one

_Noreturn void os_exit(int code);
// Ends the calling thread (an M whose goroutine exited locked to it); holds no locks.
_Noreturn void os_exitthread(void);
// The exit of a fatal error, from any thread or signal handler: it must not run atexit
// handlers or flush stdio. The core's weak default (print.c) is os_exit, right where
// os_exit is a bare system call; a layer whose os_exit is libc's exit defines its own.
_Noreturn void os_fatal_exit(int code);

#endif
