// rt_port.h — diagnostics for bringing up and checking a port (not needed by programs).
#ifndef RT_PORT_H
#define RT_PORT_H

#include <stdint.h>

#include "rt.h"

// Fills every callee-saved register of the target table with a pattern, calls fn(arg),
// and returns a mask of the registers (bit i = i-th of regs.callee_saved) that changed.
RT_API uint64_t rt_regcheck(void (*fn)(void *), void *arg);

// Fills every general and vector register (but the argument's and the stack pointer)
// with patterns and spins, in the program's code, until *done is nonzero; returns a mask
// of the registers that changed meanwhile (an asynchronous preemption must change none).
RT_API uint64_t rt_regcheck_preempt(volatile uint32_t *done);

// Sends the table's quit signal (signals.quit, SIGQUIT) to the calling thread: the
// runtime prints every goroutine and exits 2, as a Go program does.
RT_API void rt_raise_quit(void);

// Calls every generated syscall stub that is harmless with arguments (-1, 0, ...), for
// rt_regcheck to watch (Linux targets).
RT_API void rt_regcheck_syscalls(void *unused);

// Asynchronous preemption so far: preempt signals handled, how many of them preempted
// (the rest landed where it is not safe: the runtime, libc, a held lock), and the
// interrupted PCs of the last RT_PREEMPT_PCS preemptions.
#define RT_PREEMPT_PCS 64
struct rt_preempt_stats {
    uint64_t signals;
    uint64_t preempted;
    uint32_t npcs;
    uintptr_t pcs[RT_PREEMPT_PCS];
};
RT_API void rt_preempt_stats(struct rt_preempt_stats *s);
// Whether a preempt signal can stop a goroutine that never calls the runtime here: the
// target has an async_preempt stub (sigctx.async_preempt) and RTDEBUG did not turn it off.
RT_API bool rt_async_preempt_available(void);

#endif
