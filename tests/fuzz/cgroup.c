// The cgroup readers (runtime-core/cgroup.c, env_scan.re) over arbitrary bytes: cpu.max,
// /proc/self/cgroup for either version, and joining mount, root and path. The first byte
// picks which; outputs must be NUL-terminated within their buffers.
#include "cgroup.h"
#include "env_scan.h"
#include "fuzz.h"

enum { CAP = 48 };

static void check_str(const char *buf, size_t cap) {
    FUZZ_CHECK(memchr(buf, '\0', cap) != NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
    if (n == 0)
        return 0;
    int which = data[0] % 3;
    char *s = fuzz_copy(data + 1, n - 1, 0);
    size_t len = n - 1;
    if (which == 0) {
        int64_t quota = 7, period = 7;
        int r = cgroup_parse_cpu_max(s, len, &quota, &period);
        if (r == 0)
            FUZZ_CHECK((quota == -1 || quota >= 1) && period >= 1);
        else
            FUZZ_CHECK(r == -1 && quota == 7 && period == 7);
        if (r == 0)
            FUZZ_CHECK(cgroup_procs(quota, period, 1) >= 0);
    } else if (which == 1) {
        char *path = malloc(CAP);
        memset(path, 'x', CAP);
        if (cgroup_path(s, len, 1 + (len & 1), path, CAP))
            check_str(path, CAP);
        free(path);
    } else {
        // Three NUL-separated strings: mount, root, path.
        char *c = fuzz_copy(data + 1, n - 1, 1);
        const char *parts[3] = {"", "", ""};
        size_t at = 0;
        for (int i = 0; i < 3 && at <= len; i++) {
            parts[i] = c + at;
            at += strlen(c + at) + 1;
        }
        char *dir = malloc(CAP);
        if (cgroup_dir(parts[0], parts[1], parts[2], dir, CAP))
            check_str(dir, CAP);
        free(dir);
        free(c);
    }
    free(s);
    return 0;
}
