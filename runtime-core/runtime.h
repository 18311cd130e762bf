// runtime.h — the core's structures (G, M, P, sched) and its internal functions.
// Portable: everything OS- or arch-specific comes from the generated ztarget.h and os.h.
#ifndef RUNTIME_H
#define RUNTIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rt.h"
#include "ztarget.h"
#include "atomic.h"

typedef struct g g;
typedef struct m m;
typedef struct p p;

// Runtime-internal lock: futex (or ulock) backed, never parks a goroutine.
typedef struct mutex {
    uint32_t key; // 0 unlocked, 1 locked, 2 locked with sleepers
#ifdef RT_DEBUG
    uint32_t rank; // enum lock_rank, checked by debug.c
#endif
} mutex;

// Lock ranks: an M takes a ranked runtime lock only while the locks it holds rank lower.
// Checked in the debug variant (debug.c); lockinit and MUTEX_RANKED cost nothing otherwise.
enum lock_rank {
    LOCK_RANK_NONE,       // unranked: checked only for self-deadlock and ownership
    LOCK_RANK_POLLDESC,   // a poll descriptor (arms its deadline timers, readies waiters)
    LOCK_RANK_FDTAB,      // net.c's fd table
    LOCK_RANK_SEMA_ROOT,  // a semaphore root (readying a waiter takes sched.lock)
    LOCK_RANK_CHAN,       // a channel (select holds several, in address order)
    LOCK_RANK_SCHED,      // sched.lock
    LOCK_RANK_GFREE,      // sched.gflock
    LOCK_RANK_TIMERS,     // a P's timers (procresize holds two)
    LOCK_RANK_STACK,      // free stacks and arenas
    LOCK_RANK_ALLOC,      // rt_alloc's size classes
    LOCK_RANK_PERSISTENT, // persistentalloc
};
#ifdef RT_DEBUG
#define DEBUG_MAX_HELD 16
struct debug_m {
    struct mutex *held[DEBUG_MAX_HELD]; // in the order taken
    uint32_t nheld;
    // A select locks every channel it names, in address order: more than fit in held.
    // Those past the table fold into its last entry (the highest address so far, against
    // which the next one is still ordered), and are counted here until unlocked.
    uint32_t nfolded;
};
#define MUTEX_RANKED(r)                                                                            \
    { .rank = (r) }
static inline void lockinit(mutex *l, uint32_t rank) {
    __atomic_store_n(&l->rank, rank, __ATOMIC_RELAXED);
}
#else
#define MUTEX_RANKED(r)                                                                            \
    { 0 }
static inline void lockinit(mutex *l, uint32_t rank) {
    (void)l, (void)rank;
}
#endif

// One-shot sleep/wakeup between Ms.
typedef struct note {
    uint32_t key;
} note;

enum gstatus {
    G_IDLE,     // just allocated, or on a free list
    G_RUNNABLE, // on a run queue
    G_RUNNING,  // owns an M and a P
    G_SYSCALL,  // in a blocking call, owns an M but maybe not a P
    G_WAITING,  // parked
    G_DEAD,     // finished
};

enum pstatus { P_IDLE, P_RUNNING, P_SYSCALL, P_STOP, P_DEAD };

struct stack {
    uintptr_t lo, hi;
};

// A goroutine. Kept small: a parked goroutine costs this plus its stack's touched pages.
// stackguard0/1, stack and sched_sp come first because the generated asm reaches them
// through zasm_offsets.h. Everything a direct switch and the stack check at every switch
// touch sits in the first 64 bytes (Gs are 16-byte aligned, not 64, which would cost 40
// bytes a G: so one or two cache lines of each G, where the old order spread it over two
// or three).
struct g {
    uintptr_t stackguard0;
    uintptr_t stackguard1;
    struct stack stack; // lo == 0: no stack bound yet
    uintptr_t sched_sp; // saved context while not running
    m *m;
    m *lockedm;
    uint32_t status; // enum gstatus, atomic
    bool preempt;    // cooperative preemption requested
    bool selectdone;
    uint8_t waitreason; // enum waitreason
#ifdef RT_DEBUG
    // Set while it runs, cleared once a switch away has saved its context: the debug
    // variant's proof that nobody queues a goroutine whose stack is still in use.
    bool ctx_live;
#endif
    // -- 64 bytes --
    g *schedlink;
    void *param; // passed by whoever readies a parked goroutine
    void (*fn)(void *);
    void *arg;
    int64_t goid;
    struct sudog *waiting;
    union {
        void *asan_fake_stack; // AddressSanitizer's fake frames of this stack (sanitizer.h)
        void *san_fiber;       // ThreadSanitizer's context of this goroutine (sanitizer.h)
    };
    uint32_t lockedcnt; // rt_lock_os_thread nesting
    uint32_t waitsince; // when it parked, sysmon's clock >> 30 (~s, 0: unknown), for tracebacks
};

// Two cache lines, no more: a million queued goroutines are a million Gs in fresh memory,
// and every byte of them is a page fault's share and a cache miss's share when each runs.
// Fields go in the padding or out of the G (a sleep's deadline is on the sleeper's stack,
// allgs is a list of allocation batches); ASan and TSan builds are never the same build.
_Static_assert(sizeof(struct g) <= 128, "struct g outgrew two cache lines");

#define TLS_SLOTS 6

// What the goroutine a direct switch resumed does with the one it left (sched.c).
enum switch_after {
    SWITCH_YIELD, // queue it as runnable
    SWITCH_PARK,  // gopark's commit: its unlockf
    SWITCH_EXIT,  // its stack to the P's cache, the G to the free list
};

// A machine: an OS thread. tls[0] holds g where the TLS method points the thread base at it.
struct m {
    g *g0;
    uintptr_t tls[TLS_SLOTS];
    g *curg;
    p *p;     // attached P, NULL if none
    p *nextp; // P to acquire on wakeup
    p *oldp;  // P held before a syscall
    int64_t id;
    bool spinning;
    bool sysmon;
    note park;
    m *schedlink; // on sched.midle
    m *alllink;
    g *lockedg;
    uint32_t fastrand[2];
    void (*startfn)(void);
    uintptr_t thread; // OS handle (pthread_t or tid)
    void (*mcallfn)(g *);
    bool (*waitunlockf)(g *, void *);
    void *waitlock;
    uint32_t locks;        // > 0: holds runtime locks, must not be preempted
    uintptr_t sigstack;    // lo of the SIGNAL_STACK_SIZE bytes fatal signals are handled on
    uintptr_t procid;      // atomic: what os_preempt_m signals (tid or pthread_t); 0 until known
    g *switch_prev;        // the goroutine a direct switch left, for switch_finish
    uint32_t switch_after; // enum switch_after: what switch_finish does with it
#ifdef RT_DEBUG
    struct debug_m debug; // the runtime locks this M holds, for the lock-rank checks
#endif
};

#define RUNQ_SIZE       256
#define GFREE_CHAIN     32 // dead Gs move between a P and the global list a chain at a time
#define STACK_CACHE_MAX 32

// A processor: what an M needs to run Go code — a run queue, free lists, timers.
struct p {
    int32_t id;
    uint32_t status; // enum pstatus
    p *link;
    uint32_t schedtick;
    uint32_t syscalltick;
    m *m;
    uint32_t runqhead; // atomic; consumers (owner and thieves) CAS it
    uint32_t runqtail; // atomic; only the owner writes it
    g *runq[RUNQ_SIZE];
    g *runnext;       // atomic
    g *gfree;         // dead Gs: the chain being filled, LIFO through schedlink
    int32_t gfreecnt; // its length (at most GFREE_CHAIN)
    g *gfree_spare;   // a full chain, or NULL (proc.c's gfput)
    g *gnew;          // the never-used rest of this P's last batch of Gs (proc.c's galloc)
    int32_t ngnew;
    // Goroutines started minus ended on this P: only its owner writes it (relaxed, no
    // locked add per spawn and exit); rt_numgoroutine sums every P's.
    int64_t ngoroutines;
    int64_t goidcache, goidcacheend;
    uintptr_t stackcache[STACK_CACHE_MAX]; // lo addresses of free stacks
    int32_t nstackcache;
    struct timers *timers;
    int64_t timer0when; // atomic: earliest timer, 0 if none
    bool preempt;
    // sysmon's view of this P
    uint32_t sysmon_schedtick;
    int64_t sysmon_schedwhen;
    uint32_t sysmon_syscalltick;
    int64_t sysmon_syscallwhen;
};

// A queue of Gs linked through schedlink.
typedef struct gqueue {
    g *head, *tail;
    int32_t size;
} gqueue;

// The global run queue holds G pointers in segments, not a list through the Gs: taking a
// batch reads one array instead of chasing a chain of cold Gs, one cache miss each.
// Emptied segments are kept on a free list for reuse (sched.lock guards all of it).
enum { GSEG_LEN = 126 }; // a segment is 1 KiB
struct gseg {
    struct gseg *next;
    uint32_t head, tail; // gs[head..tail) are queued
    g *gs[GSEG_LEN];
};
typedef struct globq {
    struct gseg *head, *tail, *free;
    int32_t size;
} globq;

struct schedt {
    mutex lock;
    uint64_t goidgen; // atomic
    m *midle;
    int32_t nmidle;
    int32_t nmidlelocked;
    int64_t mnext; // number of Ms created; also the next M id
    int32_t maxmcount;
    int64_t preempt_ns; // the quantum (sched.preempt_ns; RTDEBUG=preemptns=N)
    int64_t sysmon_now; // atomic: sysmon's last clock reading (goroutines' wait times)
    int32_t nmsys;      // Ms not counted by the deadlock check (sysmon)
    p *pidle;
    uint32_t npidle;     // atomic
    uint32_t nmspinning; // atomic
    globq runq;
    mutex gflock;
    g *gfree;           // dead Gs: a stack of chains, linked through each chain's first G's param
    uint32_t gcwaiting; // atomic: a stop-the-world is pending
    int32_t stopwait;
    note stopnote;
    uint32_t worldsema; // 1 while nobody stops the world: callers take turns (Go's worldsema)
    int32_t nmfreed;    // Ms whose thread exited (a goroutine exited while locked to it)
    // The one M that waits for the next timer while no P needs it (idle.c; Go: the M
    // blocked in netpoll). It is on no idle list, so nobody hands it other work.
    uint32_t waiting;      // atomic: 1 while an M holds that role
    int64_t wait_until;    // atomic: when it wakes, 0 while it is deciding
    uint32_t waitword;     // wakeword the waiter sleeps on
    uint32_t timers_late;  // atomic: sysmon saw a timer overdue; whoever schedules runs it
    uint32_t wait_in_poll; // atomic: the waiter blocks in the network poller, not waitword
    int64_t lastpoll;      // atomic: when the network poller was last polled
    // sysmon parks while every P is idle (or the world is stopped) until the next timer.
    uint32_t sysmonwait; // atomic: 1 while sysmon sleeps on sysmonword
    uint32_t sysmonword;
    int32_t gomaxprocs;
    bool main_started;
    uint32_t schedtrace_ms;
    int64_t last_trace;
    uint32_t *steal_coprimes; // stealOrder: the numbers coprime with gomaxprocs
    uint32_t nsteal_coprimes;
};

// What osinit and sysargs learn about the machine.
struct osinfo {
    int32_t ncpu;
    int32_t cpu_quota_procs; // GOMAXPROCS a cgroup CPU quota allows; 0: no quota
    uintptr_t page_size;
    uintptr_t huge_page_size;
    int64_t max_map_count;
    bool secure;
    bool have_random;
    uint8_t random[16];
    uint64_t hwcap, hwcap2;
    uintptr_t vdso_base;
    const char *executable_path;
};

extern struct schedt sched;
extern struct osinfo osinfo;
extern m m0;
extern g g0;
extern p **allp;
extern int32_t nallp;
extern m *allm;
// Every G ever allocated (they are reused, never freed), GALLOC_BATCH at a time, oldest
// batch first, for tracebacks (proc.c). A batch is linked only once its Gs are initialized.
enum { GALLOC_BATCH = 16 };
struct gbatch {
    struct gbatch *next; // atomic
    g *gs;               // GALLOC_BATCH of them
};
extern struct gbatch *allgs;
extern int32_t argc_saved;
extern char **argv_saved;
extern char **envp_saved;

// Set by rt0's CPUID block.
extern uint32_t is_intel;
extern uint32_t lfence_before_rdtsc;
extern uint32_t processor_version_info;

// Bootstrap, called by rt0 in this order.
void check(void);
void args(int argc, char **argv);
void osinit(void);
void schedinit(void);
void newproc(void (*fn)(void *), void *arg);
_Noreturn void mstart(void);
void runtime_main(void *unused);
_Noreturn void crash(void);

// Fatal errors: "fatal error: <msg>" on stderr, exit 2.
_Noreturn void fatal(const char *msg);
_Noreturn void fatalf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void print_to(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

// Locks and notes.
void lock_full(mutex *l);
void unlock_full(mutex *l);
void lock_wake(mutex *l); // after an unlock that found sleepers
// m->locks counts the runtime locks the M holds: the preempt signal's handler leaves a
// goroutine alone while it is nonzero (Go's gp.m.locks).
static inline void locks_add(int32_t d) {
    g *gp = getg();
    if (gp != NULL && gp->m != NULL)
        gp->m->locks += (uint32_t)d;
}
// An uncontended lock is one compare-and-swap and its unlock one exchange, inline; the
// debug variant always takes the full path with its rank and ownership checks.
static inline void lock(mutex *l) {
#ifndef RT_DEBUG
    uint32_t unlocked = 0;
    if (__builtin_expect(__atomic_compare_exchange_n(&l->key, &unlocked, 1, false, __ATOMIC_ACQUIRE,
                                                     __ATOMIC_RELAXED),
                         1)) {
        locks_add(1);
        return;
    }
#endif
    lock_full(l);
}
// The key of a lock taken without an atomic instruction, which nobody else can be
// contending (chan.h's chan_lock at one P): its unlock is a plain store too.
enum { MUTEX_HELD_SOLO = 3 };
static inline void unlock(mutex *l) {
#ifndef RT_DEBUG
    if (__atomic_load_n(&l->key, __ATOMIC_RELAXED) == MUTEX_HELD_SOLO) {
        __atomic_store_n(&l->key, 0, __ATOMIC_RELEASE);
        return;
    }
    if (__builtin_expect(__atomic_exchange_n(&l->key, 0, __ATOMIC_RELEASE) == 2, 0))
        lock_wake(l);
    locks_add(-1);
#else
    unlock_full(l);
#endif
}
void noteclear(note *n);
void notewakeup(note *n);
void notesleep(note *n);
bool notetsleep(note *n, int64_t ns); // false on timeout
// A wakeword: one sleeper, any number of wakers, and extra wakes are harmless (a note's
// double wakeup is fatal). The sleeper clears it (atomic_store 0) before it publishes
// that it will sleep, so no wake after that is lost.
void wakeword_sleep(uint32_t *w, int64_t ns); // until woken or ns passed (ns < 0: no limit)
void wakeword_wake(uint32_t *w);

// Memory.
void *persistentalloc(size_t size, size_t align);
void *rt_alloc(size_t size);
void rt_free(void *ptr, size_t size);
void stackinit(void);
bool stackalloc(p *pp, g *gp);
void stackfree(p *pp, g *gp);
void stackcheck(g *gp, const char *where);
void stackcheck_running(g *gp);
void stackcache_drain(p *pp);
void mem_zero(void *ptr, size_t n);
void mem_copy(void *dst, const void *src, size_t n);

// Random numbers.
uint32_t fastrand(void);
uint32_t fastrandn(uint32_t n);
void fastrand_seed(m *mp);

// Environment.
const char *rt_getenv(const char *name);
void debugvars_init(void);

// Scheduler.
void mcommoninit(m *mp);
void procresize(int32_t nprocs);
void schedule(void) __attribute__((noreturn));
void gopark(bool (*unlockf)(g *, void *), void *lock, uint32_t reason);
void gogo(g *gp) __attribute__((noreturn));
void mcall(void (*fn)(g *));
_Noreturn void casgstatus_fail(g *gp, uint32_t from, uint32_t to);
// A goroutine's status changes only by whoever owns it at that moment (its M, or the
// waker that dequeued it under a lock), so a wrong `from` is a runtime bug, never a race
// to arbitrate: checked with a load and a store. The debug variant compare-and-swaps,
// which also catches two owners at once.
static inline void casgstatus(g *gp, uint32_t from, uint32_t to) {
#ifdef RT_DEBUG
    if (!atomic_cas(&gp->status, from, to))
        casgstatus_fail(gp, from, to);
#else
    if (__builtin_expect(atomic_load_relaxed(&gp->status) != from, 0))
        casgstatus_fail(gp, from, to);
    atomic_store_rel(&gp->status, to);
#endif
}
void wakep(void);
void startm(p *pp, bool spinning);
void stopm(void);
void handoffp(p *pp);
void acquirep(p *pp);
p *releasep(void);
p *pidleget(void);
void pidleput(p *pp);
void mput(m *mp);
m *mget(void);
_Noreturn void mexit(void);
void incidlelocked(int32_t v);
_Noreturn void execute(g *gp, bool inherit);
_Noreturn void fatal_in_syscall(const char *what);
void stoplockedm(void);
void startlockedm(g *gp);
void newm(void (*fn)(void), p *pp, bool spinning);
void checkdead(void);
void sigfatal(int sig, uintptr_t addr, void *ctx);
void sigpreempt(void *ctx); // the preempt signal's handler (preempt.c)
_Noreturn void sigquit(void *ctx);
// Tracebacks (traceback.c): after a fatal error's message, from the caller or from the
// signal context fatal_sigctx names; traceback_level is RTDEBUG=traceback.
void traceback_fatal(void);
void traceback_signal(void *ctx, bool all);
extern uint32_t traceback_level;
extern uint32_t in_traceback;
extern void *fatal_sigctx;
void preempt_init(void);                             // preempt_<arch>.S
void async_preempt(void);                            // preempt_<arch>.S: entered, not called
void async_preempt_yield(uintptr_t pc, void *frame); // called by async_preempt
extern uint32_t preempt_save_size;                   // bytes async_preempt saves beyond GPRs
extern bool async_preempt_off;                       // RTDEBUG=asyncpreemptoff=1
void stop_the_world(void);
void gfput(p *pp, g *gp);
g *gfget(p *pp);
void gfree_drain(p *pp);
bool park_unlock(g *gp, void *lk); // gopark's unlockf that releases the runtime lock lk
void goexit1(void) __attribute__((noreturn));
void goexit_finish(p *pp, g *gp);
_Noreturn void goexit_switch(void (*on_g0)(g *));
void switch_finish(void);
void preempt_yield(void);
// At every runtime call that may switch: yield if sysmon asked this goroutine to, or a
// stop-the-world is pending.
static inline void preempt_check(void) {
    if (__builtin_expect(getg()->preempt || atomic_load_relaxed(&sched.gcwaiting) != 0, 0))
        preempt_yield();
}
void sysmon(void);
void schedtrace(void);
int64_t nanotime(void);

// Run queues (runq.c).
bool runqempty(p *pp);
void runqput_full(p *pp, g *gp, bool next);
g *runqget_full(p *pp, bool *inherit);
// runqput and runqget: inline, below the debug hooks.
uint32_t runqlen(p *pp);
g *runqsteal(p *pp, p *victim, bool steal_runnext);
void globrunqput(g *gp);
void globrunqputbatch(gqueue *batch);
g *globrunqget(p *pp, int32_t max);
void gqueue_push(gqueue *q, g *gp);
g *gqueue_pop(gqueue *q);
g *findrunnable(bool *inherit);

// Timers (timer.c).
void timers_add(p *pp, g *gp, int64_t when);
int64_t timers_check(p *pp, int64_t now);
int64_t timers_earliest(void);
bool timers_run_due(int64_t now); // every P's due timers, readied onto the caller's P
// A function timer, owned by its user (a poll descriptor's deadline): fn(arg, seq) runs
// on some P once `when` has come, unless stopped or re-armed first; seq tells the user
// which arming fired (a stale one may still run once if it was already firing).
struct ftimer {
    void (*fn)(void *arg, uintptr_t seq);
    void *arg;
    uintptr_t seq;
    struct timers *ts; // atomic: the heap it is in, NULL if none
    int32_t idx;       // its index there
};
void ftimer_set(struct ftimer *ft, int64_t when, uintptr_t seq);
bool ftimer_stop(struct ftimer *ft);
int64_t deadline_after(int64_t now, int64_t ns); // now + ns, saturating (Go's maxWhen)

// Waiting for the next timer with no P (idle.c).
bool timer_wait(int64_t when, gqueue *ready);
void timer_wait_break(int64_t when);
void sysmon_wake(void);
void timers_move(p *from, p *to);

// Syscall entry and exit around blocking OS calls.
void entersyscall(void);
void exitsyscall(void);

// Context switch (generated asm_<arch>.S).
// Returns when something ctx_resume's the saved context.
void ctx_switch_call(uintptr_t *save_sp, uintptr_t new_sp, void (*fn)(void *), void *arg);
void ctx_resume(uintptr_t sp) __attribute__((noreturn));
// Saves this context (as ctx_switch_call does) and resumes the one at new_sp in one step.
void ctx_switch(uintptr_t *save_sp, uintptr_t new_sp);
void ctx_start(void);
void gostart(void) __attribute__((noreturn));

// Waiting goroutines on channels and semaphores.
struct sudog {
    g *g;
    struct sudog *next, *prev;
    void *elem;
    struct rt_chan *c;
    uint64_t ticket;
    bool isselect;
    bool success;
    int32_t caseidx;
    struct sudog *waitlink; // g.waiting list, for select
};
void semacquire(uint32_t *addr, bool lifo);
void semrelease(uint32_t *addr, bool handoff);

#define ALIGN_UP(x, a)   (((x) + (a)-1) & ~((uintptr_t)(a)-1))
#define ALIGN_DOWN(x, a) ((x) & ~((uintptr_t)(a)-1))
#define STACK_CANARY     ((uintptr_t)0x5ca1ab1edeadbeefULL)
// The top 16 bytes of every goroutine stack are never used for frames: the free list
// links stacks through hi-16, and the canary of the stack above sits at hi-8.
#define STACK_TOP_RESERVED 16

enum waitreason {
    WAIT_NONE,
    WAIT_CHAN_SEND,
    WAIT_CHAN_RECV,
    WAIT_SELECT,
    WAIT_SELECT_NO_CASES,
    WAIT_SLEEP,
    WAIT_SEMA,
    WAIT_MUTEX,
    WAIT_WG,
    WAIT_LOCKED_M,
    WAIT_IO,
};

// Debug variant hooks (debug.c); DEBUG_HOOK(call) compiles to nothing without RT_DEBUG.
#ifdef RT_DEBUG
void debug_lock_check(mutex *l);
void debug_lock_acquired(mutex *l);
void debug_lock_released(mutex *l);
void debug_stack_bound(uintptr_t lo, uintptr_t hi);
void debug_stack_check(g *gp, const char *where);
void debug_sched_invariants(void);
void debug_queue_check(g *gp);
#define DEBUG_HOOK(call) call
#else
#define DEBUG_HOOK(call) ((void)0)
#endif

// Run queues: the switch paths' common cases inline; runq.c has the rest.
// With one P nobody but its owner touches its queue (a thief needs a P of its own, and
// procresize adds Ps only with the world stopped).
static inline bool runq_private(void) {
    return atomic_load_relaxed(&sched.gomaxprocs) == 1;
}
// Puts gp on pp's queue: in runnext if next (kicking the old runnext to the tail), else
// at the tail; overflow goes to the global queue. Owner only.
static inline void runqput(p *pp, g *gp, bool next) {
    if (next && runq_private()) {
        DEBUG_HOOK(debug_queue_check(gp));
        g *old = atomic_load_relaxed(&pp->runnext);
        atomic_store_rel(&pp->runnext, gp);
        if (old == NULL)
            return;
        gp = old; // kicked to the tail
        next = false;
    }
    if (!next) {
        DEBUG_HOOK(debug_queue_check(gp));
        uint32_t head = atomic_load_acq(&pp->runqhead);
        uint32_t tail = pp->runqtail;
        if (__builtin_expect(tail - head < RUNQ_SIZE, 1)) {
            __atomic_store_n(&pp->runq[tail % RUNQ_SIZE], gp, __ATOMIC_RELAXED);
            atomic_store_rel(&pp->runqtail, tail + 1);
            return;
        }
    }
    runqput_full(pp, gp, next);
}
// Starts loading the G that runs after the one being taken: a queued G is likely cold
// (spawned long ago, or queued from another P) and reading it on the switch is a stall.
static inline void g_prefetch(const g *gp) {
    __builtin_prefetch(gp, 1);
    __builtin_prefetch((const char *)gp + 64, 1);
    __builtin_prefetch((const char *)gp + 128, 1);
}

// Takes the next G: runnext first (inheriting the time slice), then the ring's head.
static inline g *runqget(p *pp, bool *inherit) {
    if (!runq_private())
        return runqget_full(pp, inherit);
    g *gp = atomic_load_relaxed(&pp->runnext);
    if (gp != NULL) {
        atomic_store_rel(&pp->runnext, NULL);
        *inherit = true;
        return gp;
    }
    *inherit = false;
    uint32_t head = atomic_load_relaxed(&pp->runqhead);
    if (head == pp->runqtail)
        return NULL;
    gp = atomic_load_relaxed(&pp->runq[head % RUNQ_SIZE]);
    atomic_store_rel(&pp->runqhead, head + 1);
    if (head + 1 != pp->runqtail)
        g_prefetch(atomic_load_relaxed(&pp->runq[(head + 1) % RUNQ_SIZE]));
    return gp;
}

// Makes a parked goroutine runnable on the current P's runnext. Inline: every channel
// handoff makes one.
static inline void goready(g *gp) {
    casgstatus(gp, G_WAITING, G_RUNNABLE);
    runqput(getg()->m->p, gp, true);
    if (atomic_load_relaxed(&sched.npidle) != 0) // wakep's own first test, without the call
        wakep();
}

#endif
