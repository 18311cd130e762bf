// misuse: calls the runtime cannot serve end in a fatal error that says what was wrong,
// never a crash in its internals or two channels sharing memory. argv[1] picks the misuse.
#include <rt.h>

static int str_eq(const char *a, const char *b) {
    while (*a != '\0' && *a == *b)
        a++, b++;
    return *a == *b;
}

// Frees a channel twice in a row.
static int double_free(void) {
    rt_chan *c = rt_chan_new(sizeof(int), 1);
    rt_chan_free(c);
    rt_chan_free(c);
    return 0;
}

// Frees a channel, makes another, then frees the first again: caught by the debug
// variant, which never reuses a channel's memory.
static int free_after_reuse(void) {
    rt_chan *c1 = rt_chan_new(sizeof(int), 1);
    rt_chan_free(c1);
    rt_chan *c2 = rt_chan_new(sizeof(int), 1);
    rt_chan_free(c1);
    rt_chan *c3 = rt_chan_new(sizeof(int), 1);
    rt_print(c2 == c3 ? "c2 and c3 share memory\n" : "c2 and c3 apart\n");
    return 0;
}

static int select_negative(void) {
    rt_select_case sc[1] = {{RT_SELECT_RECV, 0, 0, false}};
    int r = rt_select(sc, -1, false);
    rt_print("rt_select returned %d\n", r);
    return 0;
}

static int chan_elem(void) {
    rt_chan *c = rt_chan_new((size_t)1 << 40, 0);
    rt_print("made %p\n", (void *)c);
    return 0;
}

static int chan_cap(void) {
    rt_chan *c = rt_chan_new(8, (size_t)1 << 44);
    rt_print("made %p\n", (void *)c);
    return 0;
}

// Width and precision from arguments, precision on strings.
static int print_format(void) {
    rt_print("[%*d] [%-*d] [%.3s] [%.*s] [%5.2s]\n", 5, 42, 4, 7, "abcdef", 2, "xyz", "hello");
    return 0;
}

int rt_main(int argc, char **argv) {
    if (argc < 2)
        return 3;
    static const struct {
        const char *name;
        int (*fn)(void);
    } cases[] = {
        {"double-free", double_free},
        {"free-after-reuse", free_after_reuse},
        {"select-negative", select_negative},
        {"chan-elem", chan_elem},
        {"chan-cap", chan_cap},
        {"print-format", print_format},
    };
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (str_eq(argv[1], cases[i].name))
            return cases[i].fn();
    return 3;
}
