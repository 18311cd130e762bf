// traceback.c — goroutine tracebacks, as Go prints them, on a fatal error and on the
// quit signal: a header per goroutine (`goroutine 7 [chan receive, 2 minutes, locked to
// thread]:`), then its frames as `function+0xoff pc=0x...`, walked by frame pointers
// (everything is built with -fno-omit-frame-pointer) and named from the executable's
// own symbol table; the faulting goroutine first; a line with the llvm-symbolizer
// command that adds file:line. RTDEBUG=traceback=none|single|all (Go's GOTRACEBACK):
// single, the default, prints the faulting goroutine only, unless the error came from
// the scheduler's own stack (then every goroutine, as Go does).
//
// The walk reads only inside the stack it belongs to, each frame above the last: a
// chain that leaves the stack (a stack overflow, a corrupt frame) ends with a note.
#include "runtime.h"
#include "fmt.h"
#include "os.h"
#include "sigctx.h"
#include "symtab.h"

enum { TRACEBACK_NONE, TRACEBACK_SINGLE, TRACEBACK_ALL };
enum { MAX_FRAMES = 64, MAX_HINT = 24, CTX_SWITCH_CALL_MAX = 64 };

uint32_t traceback_level = TRACEBACK_SINGLE;
uint32_t in_traceback; // a fault while printing exits at once (signal.c)

static struct symtab symtab;
static bool have_symtab;
static uintptr_t bias; // run-time address minus file address (PIE)
static uintptr_t hint[MAX_HINT];
static int nhint;

static void load_symbols(void) {
    size_t size = 0;
    const void *img = os_map_self(&size);
    if (img == NULL || !symtab_open(img, size, &symtab))
        return;
    have_symtab = true;
    uintptr_t self = symtab_value(&symtab, "traceback_fatal");
    if (self != 0)
        bias = (uintptr_t)traceback_fatal - self;
}

// One frame: pc is where the function will resume (after a call) unless exact (the
// interrupted instruction itself), so the call's own address, pc-1, names it.
static void print_frame(uintptr_t pc, bool exact) {
    uintptr_t look = exact ? pc : pc - 1, off = 0;
    const char *name = have_symtab ? symtab_func(&symtab, look - bias, &off) : NULL;
    bool seen = false;
    for (int i = 0; i < nhint; i++)
        seen |= hint[i] == look - bias;
    if (!seen && nhint < MAX_HINT)
        hint[nhint++] = look - bias;
    if (name != NULL)
        print_to(2, "%s+0x%lx pc=%p\n", name, (unsigned long)(off + (pc - look)), (void *)pc);
    else
        print_to(2, "? pc=%p\n", (void *)pc);
}

// The return address of the frame at fp: in its frame record right after the caller's fp
// (amd64, arm64), or, where frames chain by a back chain (ppc64), in the caller's frame
// at FRAME_RET_OFFSET, which must lie on the stack too. 0: none to be had.
static uintptr_t frame_return(uintptr_t fp, uintptr_t lo, uintptr_t hi) {
    if (!FRAME_RET_IN_CALLER)
        return ((uintptr_t *)fp)[FRAME_RET_OFFSET / sizeof(uintptr_t)];
    uintptr_t next = ((uintptr_t *)fp)[0];
    if (next < lo || next > hi - FRAME_RET_OFFSET - sizeof(uintptr_t) ||
        next % sizeof(uintptr_t) != 0)
        return 0;
    return ((uintptr_t *)next)[FRAME_RET_OFFSET / sizeof(uintptr_t)];
}

// The frames from (pc, fp) on a stack [lo, hi), chained by each frame's first word (the
// caller's fp, or the back chain), with the return address as frame_return finds it.
static void walk(uintptr_t pc, uintptr_t fp, uintptr_t lo, uintptr_t hi, bool exact) {
    print_frame(pc, exact);
    for (int n = 1; fp != 0; n++) {
        if (n == MAX_FRAMES) {
            print_to(2, "...additional frames elided...\n");
            return;
        }
        if (fp < lo || fp > hi - 2 * sizeof(uintptr_t) || fp % sizeof(uintptr_t) != 0) {
            print_to(2, "...frame pointer %p outside the stack [%p, %p): traceback stops\n",
                     (void *)fp, (void *)lo, (void *)hi);
            return;
        }
        uintptr_t next = ((uintptr_t *)fp)[0];
        bool corrupt = next != 0 && next <= fp;
        // Where the return address is in the caller's frame, a corrupt link has none.
        uintptr_t ret = corrupt && FRAME_RET_IN_CALLER ? 0 : frame_return(fp, lo, hi);
        if (ret != 0)
            print_frame(ret, false);
        // mcall's switch onto g0: the frames above it are the goroutine's, on its own
        // stack, and printed with it.
        if (ret != 0 && ret - (uintptr_t)ctx_switch_call < CTX_SWITCH_CALL_MAX)
            return;
        if (corrupt) {
            print_to(2, "...frame chain corrupt at %p (next frame %p is not above it)\n",
                     (void *)fp, (void *)next);
            return;
        }
        if (ret == 0)
            return;
        fp = next;
    }
}

static const char *wait_text(uint32_t reason) {
    switch (reason) {
    case WAIT_CHAN_SEND:
        return "chan send";
    case WAIT_CHAN_RECV:
        return "chan receive";
    case WAIT_SELECT:
        return "select";
    case WAIT_SELECT_NO_CASES:
        return "select (no cases)";
    case WAIT_SLEEP:
        return "sleep";
    case WAIT_SEMA:
        return "semacquire";
    case WAIT_MUTEX:
        return "rt_mutex_lock";
    case WAIT_WG:
        return "rt_wg_wait";
    case WAIT_LOCKED_M:
        return "locked thread";
    case WAIT_IO:
        return "IO wait";
    default:
        return "waiting";
    }
}

static void header(g *gp, const char *status) {
    uint32_t st = atomic_load_relaxed(&gp->status);
    if (status == NULL)
        status = st == G_RUNNABLE  ? "runnable"
                 : st == G_RUNNING ? "running"
                 : st == G_SYSCALL ? "syscall"
                                   : wait_text(gp->waitreason);
    char extra[64] = "";
    int64_t now = atomic_load_relaxed(&sched.sysmon_now);
    int64_t since = (int64_t)gp->waitsince << 30; // stored at ~1 s precision (gopark)
    if (st == G_WAITING && since != 0 && now - since >= 60 * 1000000000LL)
        fmt_format(extra, sizeof extra, ", %lld minutes",
                   (long long)((now - since) / (60 * 1000000000LL)));
    print_to(2, "goroutine %lld [%s%s%s]:\n", (long long)gp->goid, status, extra,
             gp->lockedm != NULL ? ", locked to thread" : "");
}

// Which of this M's stacks holds sp: the goroutine's, g0's or the signal stack.
static void stack_bounds(g *gp, uintptr_t sp, uintptr_t *lo, uintptr_t *hi) {
    m *mp = gp->m;
    const struct stack *cands[2] = {&gp->stack, mp != NULL ? &mp->g0->stack : NULL};
    for (int i = 0; i < 2; i++)
        if (cands[i] != NULL && sp >= cands[i]->lo && sp < cands[i]->hi) {
            *lo = cands[i]->lo, *hi = cands[i]->hi;
            return;
        }
    if (mp != NULL && sp >= mp->sigstack && sp < mp->sigstack + SIGNAL_STACK_SIZE) {
        *lo = mp->sigstack, *hi = mp->sigstack + SIGNAL_STACK_SIZE;
        return;
    }
    *lo = *hi = 0;
}

// A goroutine that is not running here: from the context it saved, if it has one.
static void trace_saved(g *gp) {
    uint32_t st = atomic_load_relaxed(&gp->status);
    header(gp, NULL);
    if (st == G_RUNNING || st == G_SYSCALL) {
        print_to(2, "goroutine running on other thread; stack unavailable\n");
    } else if (gp->stack.lo == 0 || gp->sched_sp == 0) {
        print_to(2, "not started; will run:\n");
        print_frame((uintptr_t)gp->fn, true);
    } else {
        uintptr_t pc, fp;
        ctx_saved_frame(gp->sched_sp, &pc, &fp);
        walk(pc, fp, gp->stack.lo, gp->stack.hi, false);
    }
}

static void trace_others(g *first) {
    for (struct gbatch *b = atomic_load(&allgs); b != NULL; b = atomic_load(&b->next))
        for (g *gp = b->gs; gp < b->gs + GALLOC_BATCH; gp++) {
            uint32_t st = atomic_load_relaxed(&gp->status);
            if (gp == first || st == G_IDLE || st == G_DEAD)
                continue;
            print_to(2, "\n");
            trace_saved(gp);
        }
}

static void hint_line(void) {
    if (nhint == 0 || argv_saved == NULL || argv_saved[0] == NULL)
        return;
    char line[1024];
    size_t n = (size_t)fmt_format(line, sizeof line, "\nfile:line: llvm-symbolizer --obj=%s",
                                  argv_saved[0]);
    for (int i = 0; i < nhint && n < sizeof line - 24; i++)
        n += (size_t)fmt_format(line + n, sizeof line - n, " %p", (void *)hint[i]);
    if (n < sizeof line - 1)
        line[n++] = '\n';
    os_write(2, line, n);
}

// The interrupted goroutine (pc, fp, sp of a signal context, or this very frame), then
// the others when all is set.
static void trace(uintptr_t pc, uintptr_t fp, uintptr_t sp, bool exact, bool all) {
    if (atomic_xchg(&in_traceback, 1) != 0)
        return;
    load_symbols();
    g *gp = getg();
    m *mp = gp != NULL ? gp->m : NULL;
    g *first = mp != NULL ? mp->curg : NULL;
    uintptr_t lo, hi;
    if (gp != NULL)
        stack_bounds(gp, sp, &lo, &hi);
    print_to(2, "\n");
    if (gp == NULL || mp == NULL || gp == mp->g0) {
        print_to(2, "runtime stack:\n");
        all = true; // an error of the scheduler itself: every goroutine may matter
    } else {
        header(gp, "running");
    }
    if (gp != NULL)
        walk(pc, fp, lo, hi, exact);
    if (first != NULL && first != gp) {
        print_to(2, "\n");
        trace_saved(first);
    }
    if (all)
        trace_others(first);
    hint_line();
}

// After `fatal error: ...`: from the caller's frame.
__attribute__((noinline)) void traceback_fatal(void) {
    if (traceback_level == TRACEBACK_NONE)
        return;
    uintptr_t fp = (uintptr_t)__builtin_frame_address(0);
    trace(frame_return(fp, fp, UINTPTR_MAX), ((uintptr_t *)fp)[0], fp, false,
          traceback_level == TRACEBACK_ALL);
}

// After a fatal signal's message: from the interrupted instruction.
void traceback_signal(void *ctx, bool all) {
    if (traceback_level == TRACEBACK_NONE || ctx == NULL)
        return;
    trace(sigctx_pc(ctx), sigctx_fp(ctx), sigctx_sp(ctx), true,
          all || traceback_level == TRACEBACK_ALL);
}

// The quit signal (Go's SIGQUIT): every goroutine, then exit 2.
_Noreturn void sigquit(void *ctx) {
    static uint32_t quitting;
    if (atomic_xchg(&quitting, 1) != 0)
        for (;;)
            os_usleep(1000000);
    g *gp = getg();
    print_to(2, "SIGQUIT: quit\nPC=%p m=%lld\n", (void *)sigctx_pc(ctx),
             gp != NULL && gp->m != NULL ? (long long)gp->m->id : -1LL);
    traceback_signal(ctx, true);
    os_exit(2);
}
