// cgroup.c — the text side of a cgroup CPU quota (see cgroup.h). Only the leaf cgroup is
// read, as in Go: limits of parent cgroups are not looked at.
#include "cgroup.h"

static bool copy_field(const char *s, size_t len, char *out, size_t cap) {
    if (len + 1 > cap)
        return false;
    for (size_t i = 0; i < len; i++)
        out[i] = s[i];
    out[len] = '\0';
    return true;
}

// The i-th space-separated field of [line, end): start and length.
static bool field(const char *line, const char *end, int i, const char **start, size_t *len) {
    const char *p = line;
    for (int k = 0;; k++) {
        while (p < end && *p == ' ')
            p++;
        const char *f = p;
        while (p < end && *p != ' ')
            p++;
        if (f == p)
            return false;
        if (k == i) {
            *start = f;
            *len = (size_t)(p - f);
            return true;
        }
    }
}

static bool equals(const char *s, size_t len, const char *want) {
    size_t i = 0;
    for (; i < len && want[i] != '\0'; i++)
        if (s[i] != want[i])
            return false;
    return i == len && want[i] == '\0';
}

// Does a comma-separated list hold the item exactly ("cpu" in "rw,cpu,cpuacct")?
static bool has_item(const char *s, size_t len, const char *item) {
    const char *end = s + len;
    while (s < end) {
        const char *comma = s;
        while (comma < end && *comma != ',')
            comma++;
        if (equals(s, (size_t)(comma - s), item))
            return true;
        s = comma + 1;
    }
    return false;
}

// mountinfo: "id parent maj:min root mountpoint options [optional...] - fstype source superoptions"
int cgroup_mount(const char *text, size_t n, char *mount, char *root, size_t cap) {
    int found = 0;
    const char *end = text + n;
    for (const char *line = text; line < end;) {
        const char *eol = line;
        while (eol < end && *eol != '\n')
            eol++;
        const char *dash = line;
        while (dash + 2 < eol && !(dash[0] == ' ' && dash[1] == '-' && dash[2] == ' '))
            dash++;
        const char *fs, *opts, *r, *mp;
        size_t fslen, optslen, rlen, mplen;
        if (dash + 2 < eol && field(dash + 3, eol, 0, &fs, &fslen) &&
            field(line, eol, 3, &r, &rlen) && field(line, eol, 4, &mp, &mplen)) {
            bool v1 = equals(fs, fslen, "cgroup") && field(dash + 3, eol, 2, &opts, &optslen) &&
                      has_item(opts, optslen, "cpu");
            bool v2 = equals(fs, fslen, "cgroup2");
            if ((v1 || (v2 && found == 0)) && copy_field(mp, mplen, mount, cap) &&
                copy_field(r, rlen, root, cap)) {
                found = v1 ? 1 : 2;
                if (v1)
                    return 1; // v1's cpu controller wins over a (controller-less) hybrid v2
            }
        }
        line = eol + 1;
    }
    return found;
}

// /proc/self/cgroup: "hierarchy-ID:controller,list:path"; v2's line is "0::path".
bool cgroup_path(const char *text, size_t n, int version, char *path, size_t cap) {
    const char *end = text + n;
    for (const char *line = text; line < end;) {
        const char *eol = line, *c1 = NULL, *c2 = NULL;
        while (eol < end && *eol != '\n') {
            if (*eol == ':' && c1 == NULL)
                c1 = eol;
            else if (*eol == ':' && c2 == NULL)
                c2 = eol;
            eol++;
        }
        if (c1 != NULL && c2 != NULL) {
            bool match = version == 2 ? (c1 - line == 1 && line[0] == '0' && c2 == c1 + 1)
                                      : has_item(c1 + 1, (size_t)(c2 - c1 - 1), "cpu");
            if (match)
                return copy_field(c2 + 1, (size_t)(eol - c2 - 1), path, cap);
        }
        line = eol + 1;
    }
    return false;
}

bool cgroup_dir(const char *mount, const char *root, const char *path, char *dir, size_t cap) {
    // The mount shows the hierarchy from root down: strip it from the process's path.
    const char *rest = path;
    if (!(root[0] == '/' && root[1] == '\0')) {
        const char *r = root, *p = path;
        while (*r != '\0' && *r == *p) {
            r++;
            p++;
        }
        if (*r == '\0' && (*p == '/' || *p == '\0'))
            rest = p;
    }
    if (rest[0] == '/' && rest[1] == '\0')
        rest = ""; // the mount itself: no "//"
    size_t i = 0;
    for (const char *s = mount; *s != '\0'; s++)
        if (i + 1 < cap)
            dir[i++] = *s;
        else
            return false;
    for (const char *s = rest; *s != '\0'; s++)
        if (i + 1 < cap)
            dir[i++] = *s;
        else
            return false;
    dir[i] = '\0';
    return true;
}

int32_t cgroup_procs(int64_t quota, int64_t period, int32_t min_procs) {
    if (quota < 0 || period <= 0)
        return 0;
    int64_t procs = (quota + period - 1) / period;
    if (procs < min_procs)
        procs = min_procs;
    return procs > INT32_MAX ? INT32_MAX : (int32_t)procs;
}
