// alloc.c — memory for the runtime's own objects. persistentalloc hands out memory that
// is never freed (Gs, Ms, Ps); rt_alloc/rt_free serve variable objects (channels) from
// power-of-two size classes. Both come from large os_reserve chunks, so they cost few
// mappings of the max_map_count budget.
#include "runtime.h"
#include "os.h"
#include "sanitizer.h"

enum { CHUNK = 1 << 20, MIN_CLASS = 4, MAX_CLASS = 16 }; // classes 16 B .. 64 KiB

static mutex persistent_lock = MUTEX_RANKED(LOCK_RANK_PERSISTENT);
static uintptr_t persistent_next, persistent_end;

// The runtime's own copies: a call to libc's memset or memcpy that ThreadSanitizer must
// not take for the running goroutine's access (sanitizer.h's san_read, san_write).
void mem_zero(void *ptr, size_t n) {
    san_ignore_begin();
    __builtin_memset(ptr, 0, n);
    san_ignore_end();
}
void mem_copy(void *dst, const void *src, size_t n) {
    san_ignore_begin();
    __builtin_memcpy(dst, src, n);
    san_ignore_end();
}

void *persistentalloc(size_t size, size_t align) {
    if (size >= CHUNK) {
        void *p = os_reserve(ALIGN_UP(size, osinfo.page_size));
        if (p == NULL)
            fatal("out of memory");
        return p;
    }
    lock(&persistent_lock);
    uintptr_t p = ALIGN_UP(persistent_next, align);
    if (p + size > persistent_end) {
        void *chunk = os_reserve(CHUNK);
        if (chunk == NULL)
            fatal("out of memory");
        persistent_next = (uintptr_t)chunk;
        persistent_end = persistent_next + CHUNK;
        p = ALIGN_UP(persistent_next, align);
    }
    persistent_next = p + size;
    unlock(&persistent_lock);
    return (void *)p; // fresh anonymous memory is zero
}

struct free_obj {
    struct free_obj *next;
};

static mutex class_lock = MUTEX_RANKED(LOCK_RANK_ALLOC);
static struct free_obj *class_free[MAX_CLASS + 1];

static int size_class(size_t size) {
    int c = MIN_CLASS;
    while (((size_t)1 << c) < size)
        c++;
    return c;
}

// Returns zeroed memory.
void *rt_alloc(size_t size) {
    int c = size_class(size);
    if (c > MAX_CLASS) {
        void *p = os_reserve(ALIGN_UP(size, osinfo.page_size));
        if (p == NULL)
            fatal("out of memory");
        return p;
    }
    lock(&class_lock);
    struct free_obj *o = class_free[c];
    if (o != NULL)
        class_free[c] = o->next;
    unlock(&class_lock);
    if (o == NULL)
        return persistentalloc((size_t)1 << c, 16);
    mem_zero(o, (size_t)1 << c);
    return o;
}

void rt_free(void *ptr, size_t size) {
    if (ptr == NULL)
        return;
    int c = size_class(size);
    if (c > MAX_CLASS) {
        os_release(ptr, ALIGN_UP(size, osinfo.page_size));
        return;
    }
    struct free_obj *o = ptr;
    lock(&class_lock);
    o->next = class_free[c];
    class_free[c] = o;
    unlock(&class_lock);
}
