// rawsys.h — raw Linux system calls for the test programs, which run freestanding too (no
// libc): one call of up to three arguments per arch, returning -errno on failure as the
// kernel's x86-64 and arm64 entries do, and the numbers of the calls the tests make (from
// each arch's asm/unistd headers). The tests stay user programs: the runtime's syscall
// layer is generated per target and is not theirs to borrow.
#ifndef RAWSYS_H
#define RAWSYS_H

static inline long raw_syscall3(long nr, long a, long b, long c) {
#if defined(__x86_64__)
    long ret;
    register long rdx __asm__("rdx") = c;
    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "a"(nr), "D"(a), "S"(b), "r"(rdx)
                     : "rcx", "r11", "memory");
    return ret;
#elif defined(__aarch64__)
    register long x0 __asm__("x0") = a;
    register long x1 __asm__("x1") = b;
    register long x2 __asm__("x2") = c;
    register long x8 __asm__("x8") = nr;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x1), "r"(x2), "r"(x8) : "memory");
    return x0;
#elif defined(__powerpc64__)
    // sc: number in r0, arguments from r3; failure sets cr0.SO with the errno in r3. The
    // kernel may clobber r0 and r3-r12, cr0, ctr and xer.
    register long r0 __asm__("r0") = nr;
    register long r3 __asm__("r3") = a;
    register long r4 __asm__("r4") = b;
    register long r5 __asm__("r5") = c;
    __asm__ volatile("sc\n\t"
                     "bns+ 1f\n\t"
                     "neg %1, %1\n"
                     "1:"
                     : "+r"(r0), "+r"(r3), "+r"(r4), "+r"(r5)
                     :
                     : "r6", "r7", "r8", "r9", "r10", "r11", "r12", "cr0", "ctr", "xer", "memory");
    return r3;
#else
#error "rawsys.h: no raw system calls for this arch"
#endif
}

#if defined(__x86_64__)
enum {
    RAW_SYS_READ = 0,
    RAW_SYS_CLOSE = 3,
    RAW_SYS_OPENAT = 257,
    RAW_SYS_PIPE2 = 293,
    RAW_SYS_DUP = 32,
    RAW_SYS_DUP3 = 292,
    RAW_SYS_FCNTL = 72,
    RAW_SYS_NANOSLEEP = 35,
    RAW_SYS_GETTID = 186,
};
#elif defined(__aarch64__)
enum {
    RAW_SYS_READ = 63,
    RAW_SYS_CLOSE = 57,
    RAW_SYS_OPENAT = 56,
    RAW_SYS_PIPE2 = 59,
    RAW_SYS_DUP = 23,
    RAW_SYS_DUP3 = 24,
    RAW_SYS_FCNTL = 25,
    RAW_SYS_NANOSLEEP = 101,
    RAW_SYS_GETTID = 178,
};
#elif defined(__powerpc64__)
enum {
    RAW_SYS_READ = 3,
    RAW_SYS_CLOSE = 6,
    RAW_SYS_OPENAT = 286,
    RAW_SYS_PIPE2 = 317,
    RAW_SYS_DUP = 41,
    RAW_SYS_DUP3 = 316,
    RAW_SYS_FCNTL = 55,
    RAW_SYS_NANOSLEEP = 162,
    RAW_SYS_GETTID = 207,
};
#endif

// Blocks this thread for ns nanoseconds (0: just enters and leaves the kernel).
static inline void raw_nanosleep(long ns) {
    struct {
        long sec, nsec;
    } ts = {ns / 1000000000, ns % 1000000000};
    raw_syscall3(RAW_SYS_NANOSLEEP, (long)&ts, 0, 0);
}

#endif
