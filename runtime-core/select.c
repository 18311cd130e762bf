// select.c — rt_select, Go's selectgo: poll the cases in a random order (so no ready
// case starves another), holding every channel's lock, taken in address order so two
// selects cannot deadlock. If none is ready and we may block, park on all the channels
// at once; the first case to claim g.selectdone wins, and the select then takes its
// sudogs out of the other channels' queues.
#include "chan.h"
#include "misuse.h"

enum { SMALL_SELECT = 8 }; // up to this many cases need no allocation

// Per-call scratch: the orders and a sudog per case.
struct selwork {
    int32_t *pollorder, *lockorder;
    struct sudog *sg;
    int32_t npoll;
};

static uintptr_t chan_addr(const rt_select_case *cs, int32_t i) {
    return (uintptr_t)cs[i].chan;
}

// Inside-out Fisher-Yates over the cases that have a channel.
static void build_pollorder(const rt_select_case *cs, int n, struct selwork *w) {
    w->npoll = 0;
    for (int32_t i = 0; i < n; i++) {
        if (cs[i].chan == NULL)
            continue; // a nil channel never fires
        uint32_t j = fastrandn((uint32_t)w->npoll + 1);
        w->pollorder[w->npoll] = w->pollorder[j];
        w->pollorder[j] = i;
        w->npoll++;
    }
}

static void sift_down(const rt_select_case *cs, int32_t *h, int32_t i, int32_t n) {
    int32_t x = h[i];
    for (;;) {
        int32_t k = 2 * i + 1;
        if (k >= n)
            break;
        if (k + 1 < n && chan_addr(cs, h[k + 1]) > chan_addr(cs, h[k]))
            k++;
        if (chan_addr(cs, h[k]) <= chan_addr(cs, x))
            break;
        h[i] = h[k];
        i = k;
    }
    h[i] = x;
}

// Heap sort by channel address: O(n log n) and no allocation, for any n.
static void build_lockorder(const rt_select_case *cs, struct selwork *w) {
    int32_t n = w->npoll, *h = w->lockorder;
    mem_copy(h, w->pollorder, (size_t)n * sizeof *h);
    for (int32_t i = n / 2 - 1; i >= 0; i--)
        sift_down(cs, h, i, n);
    for (int32_t end = n - 1; end > 0; end--) {
        int32_t t = h[0];
        h[0] = h[end];
        h[end] = t;
        sift_down(cs, h, 0, end);
    }
}

// A channel appearing twice is adjacent in lock order: lock and unlock it once.
static void sellock(const rt_select_case *cs, const struct selwork *w) {
    rt_chan *last = NULL;
    for (int32_t k = 0; k < w->npoll; k++) {
        rt_chan *c = cs[w->lockorder[k]].chan;
        if (c != last)
            chan_lock(c);
        last = c;
    }
}

static void selunlock(const rt_select_case *cs, const struct selwork *w) {
    for (int32_t k = w->npoll - 1; k >= 0; k--) {
        rt_chan *c = cs[w->lockorder[k]].chan;
        if (k == 0 || cs[w->lockorder[k - 1]].chan != c)
            unlock(&c->lock);
    }
}

// The case's channel is locked. *wake is set to a partner to ready after unlocking.
static bool try_send(rt_select_case *sc, g **wake) {
    rt_chan *c = sc->chan;
    struct sudog *sg = waitq_dequeue(&c->recvq);
    if (sg != NULL)
        *wake = chan_send_direct(c, sg, sc->elem);
    else if (c->qcount < c->dataqsiz)
        chan_buf_put(c, sc->elem);
    else
        return false;
    return true;
}

static bool try_recv(rt_select_case *sc, g **wake) {
    rt_chan *c = sc->chan;
    struct sudog *sg = waitq_dequeue(&c->sendq);
    if (sg == NULL && c->qcount == 0) {
        if (!c->closed)
            return false;
        chan_zero(c, sc->elem); // closed and drained: ready, with a zero value
        sc->ok = false;
        return true;
    }
    if (sg != NULL)
        *wake = chan_recv_direct(c, sg, sc->elem);
    else
        chan_buf_take(c, sc->elem);
    sc->ok = true;
    return true;
}

// Tries case i with every lock held. Returns true if it completed (locks released,
// any woken partner readied).
static bool try_case(rt_select_case *cs, int32_t i, const struct selwork *w) {
    g *wake = NULL;
    if (cs[i].dir == RT_SELECT_SEND && cs[i].chan->closed) {
        selunlock(cs, w);
        fatal("send on closed channel");
    }
    if (!(cs[i].dir == RT_SELECT_SEND ? try_send(&cs[i], &wake) : try_recv(&cs[i], &wake)))
        return false;
    selunlock(cs, w);
    if (wake != NULL)
        goready(wake);
    return true;
}

// Runs on g0 once the goroutine is saved. Unlocks in lock order; a sudog may change
// as soon as its channel is unlocked (the select may even wake and run), so each link
// is read while its channel is still locked.
static bool selparkcommit(g *gp, void *unused) {
    (void)unused;
    struct sudog *sg = gp->waiting;
    while (sg != NULL) {
        struct sudog *next = sg->waitlink;
        rt_chan *c = sg->c;
        if (next == NULL || next->c != c)
            unlock(&c->lock);
        sg = next;
    }
    return true;
}

// Enqueues a sudog on every channel in lock order, parks, and sorts out who won.
static int32_t select_park(rt_select_case *cs, const struct selwork *w) {
    g *gp = getg();
    struct sudog **link = &gp->waiting;
    for (int32_t k = 0; k < w->npoll; k++) {
        int32_t i = w->lockorder[k];
        struct sudog *sg = &w->sg[k];
        *sg = (struct sudog){
            .g = gp, .elem = cs[i].elem, .c = cs[i].chan, .isselect = true, .caseidx = i};
        *link = sg;
        link = &sg->waitlink;
        waitq_enqueue(cs[i].dir == RT_SELECT_SEND ? &sg->c->sendq : &sg->c->recvq, sg);
    }
    gp->param = NULL;
    gopark(selparkcommit, NULL, WAIT_SELECT);

    sellock(cs, w);
    gp->selectdone = false; // no waker can look: we hold every lock our sudogs are under
    struct sudog *won = gp->param;
    gp->param = NULL;
    gp->waiting = NULL;
    for (int32_t k = 0; k < w->npoll; k++) {
        struct sudog *sg = &w->sg[k];
        if (sg != won)
            waitq_remove(cs[sg->caseidx].dir == RT_SELECT_SEND ? &sg->c->sendq : &sg->c->recvq, sg);
    }
    if (won == NULL)
        fatal("select: woken with no case");
    int32_t i = won->caseidx;
    selunlock(cs, w);
    if (cs[i].dir == RT_SELECT_SEND && !won->success)
        fatal("send on closed channel");
    if (cs[i].dir == RT_SELECT_RECV)
        cs[i].ok = won->success;
    return i;
}

static int32_t select_locked(rt_select_case *cs, struct selwork *w, bool block) {
    sellock(cs, w);
    for (int32_t k = 0; k < w->npoll; k++)
        if (try_case(cs, w->pollorder[k], w))
            return w->pollorder[k];
    if (!block) {
        selunlock(cs, w);
        return -1;
    }
    return select_park(cs, w);
}

// One case is a plain send or receive, without the sorting and locking of many.
static int select_one(rt_select_case *sc, bool block) {
    if (sc->dir == RT_SELECT_SEND)
        return chan_send(sc->chan, sc->elem, block) ? 0 : -1;
    return chan_recv(sc->chan, sc->elem, block, &sc->ok) ? 0 : -1;
}

// Go's selectgo takes at most 65536 cases; more, or fewer than none, is a caller's bug
// that would otherwise size the scratch arrays from garbage.
enum { MAX_SELECT_CASES = 1 << 16 };

static void check_cases(const rt_select_case *cases, int ncases) {
    if (ncases < 0)
        fatalf("select: negative case count %d", ncases);
    if (ncases > MAX_SELECT_CASES)
        fatalf("select: too many cases (%d; the limit is %d)", ncases, MAX_SELECT_CASES);
    if (ncases > 0 && cases == NULL)
        fatalf("select: %d cases but no case array", ncases);
}

// ThreadSanitizer (chan.h): every case starts its operation, only the fired one completes.
static void san_select_begin(const rt_select_case *cases, int ncases) {
    for (int i = 0; i < ncases; i++) {
        if (cases[i].dir == RT_SELECT_SEND)
            san_send_begin(cases[i].chan, cases[i].elem);
        else
            san_recv_begin(cases[i].chan);
    }
}
static int san_select_done(rt_select_case *cases, int fired) {
    if (fired >= 0 && cases[fired].dir == RT_SELECT_SEND)
        san_send_done(cases[fired].chan);
    else if (fired >= 0)
        san_recv_done(cases[fired].chan, cases[fired].elem);
    return fired;
}

static int select_cases(rt_select_case *cases, int ncases, bool block);

int rt_select(rt_select_case *cases, int ncases, bool block) {
    chan_enter("rt_select");
    check_cases(cases, ncases);
    if (block)
        preempt_check();
    san_select_begin(cases, ncases);
    return san_select_done(cases, select_cases(cases, ncases, block));
}

static int select_cases(rt_select_case *cases, int ncases, bool block) {
    if (ncases == 1)
        return select_one(cases, block);
    int32_t small_order[2 * SMALL_SELECT];
    struct sudog small_sg[SMALL_SELECT];
    struct selwork w = {small_order, small_order + SMALL_SELECT, small_sg, 0};
    size_t scratch = (size_t)ncases * (2 * sizeof(int32_t) + sizeof(struct sudog));
    if (ncases > SMALL_SELECT) {
        w.sg = rt_alloc(scratch);
        w.pollorder = (int32_t *)(w.sg + ncases);
        w.lockorder = w.pollorder + ncases;
    }
    int32_t fired = -1;
    build_pollorder(cases, ncases, &w);
    if (w.npoll > 0) {
        build_lockorder(cases, &w);
        fired = select_locked(cases, &w, block);
    }
    if (ncases > SMALL_SELECT)
        rt_free(w.sg, scratch);
    if (fired < 0 && block) { // no channel at all: nothing can ever wake us
        gopark(NULL, NULL, WAIT_SELECT_NO_CASES);
        fatal("unreachable: empty select woke up");
    }
    return fired;
}
