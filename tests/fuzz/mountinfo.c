// cgroup_mount (runtime-core/cgroup.c) over arbitrary mountinfo text, not NUL-terminated,
// with small output buffers: no read past the text, no write past the buffers, and
// NUL-terminated results when a mount is found.
#include "cgroup.h"
#include "fuzz.h"

enum { CAP = 32 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
    char *s = fuzz_copy(data, n, 0);
    char *mount = malloc(CAP), *root = malloc(CAP);
    int v = cgroup_mount(s, n, mount, root, CAP);
    FUZZ_CHECK(v >= 0 && v <= 2);
    if (v != 0) {
        FUZZ_CHECK(memchr(mount, '\0', CAP) != NULL);
        FUZZ_CHECK(memchr(root, '\0', CAP) != NULL);
    }
    free(mount);
    free(root);
    free(s);
    return 0;
}
