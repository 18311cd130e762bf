// cgroup.c: finding the CPU quota's mount, path and files from mountinfo and
// /proc/self/cgroup text, and rounding a quota to Ps.
#include <criterion/criterion.h>
#include <string.h>

#include "harness.h"
#include "cgroup.h"

static char mount[256], root[256], path[256], dir[512];

static const char hybrid_mountinfo[] =
    "22 27 0:21 / /proc rw,relatime - proc proc rw\n"
    "29 28 0:25 / /sys/fs/cgroup/unified rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n"
    "30 28 0:26 / /sys/fs/cgroup/cpuset rw - cgroup cgroup rw,cpuset\n"
    "31 28 0:27 / /sys/fs/cgroup/cpu,cpuacct rw shared:9 - cgroup cgroup rw,cpu,cpuacct\n";

static const char v2_mountinfo[] = "26 23 0:22 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw\n";

Test(cgroup, v1_cpu_mount_wins_in_a_hybrid_layout) {
    cr_assert_eq(
        cgroup_mount(hybrid_mountinfo, strlen(hybrid_mountinfo), mount, root, sizeof mount), 1);
    cr_assert_str_eq(mount, "/sys/fs/cgroup/cpu,cpuacct");
    cr_assert_str_eq(root, "/");
}

Test(cgroup, cpuset_alone_is_not_the_cpu_controller) {
    const char *t = "30 28 0:26 / /sys/fs/cgroup/cpuset rw - cgroup cgroup rw,cpuset\n";
    cr_assert_eq(cgroup_mount(t, strlen(t), mount, root, sizeof mount), 0);
}

Test(cgroup, cgroup2_mount) {
    cr_assert_eq(cgroup_mount(v2_mountinfo, strlen(v2_mountinfo), mount, root, sizeof mount), 2);
    cr_assert_str_eq(mount, "/sys/fs/cgroup");
}

Test(cgroup, no_cgroup_mount) {
    const char *t = "22 27 0:21 / /proc rw,relatime - proc proc rw\n";
    cr_assert_eq(cgroup_mount(t, strlen(t), mount, root, sizeof mount), 0);
}

static const char self[] = "12:cpuset:/\n"
                           "4:cpu,cpuacct:/docker/abc\n"
                           "0::/system.slice/app.service\n";

Test(cgroup, v1_path_is_the_cpu_line) {
    cr_assert(cgroup_path(self, strlen(self), 1, path, sizeof path));
    cr_assert_str_eq(path, "/docker/abc");
}

Test(cgroup, v2_path_is_the_zero_line) {
    cr_assert(cgroup_path(self, strlen(self), 2, path, sizeof path));
    cr_assert_str_eq(path, "/system.slice/app.service");
}

Test(cgroup, no_matching_line) {
    const char *t = "12:cpuset:/\n";
    cr_assert_not(cgroup_path(t, strlen(t), 1, path, sizeof path));
}

Test(cgroup, dir_strips_the_mount_root_from_the_path) {
    cr_assert(cgroup_dir("/sys/fs/cgroup/cpu", "/docker/abc", "/docker/abc/sub", dir, sizeof dir));
    cr_assert_str_eq(dir, "/sys/fs/cgroup/cpu/sub");
    cr_assert(cgroup_dir("/sys/fs/cgroup", "/", "/", dir, sizeof dir));
    cr_assert_str_eq(dir, "/sys/fs/cgroup");
    cr_assert_not(cgroup_dir("/sys/fs/cgroup", "/", "/a/very/long/path", dir, 8));
}

Test(cgroup, quota_rounds_up_and_has_a_floor) {
    cr_assert_eq(cgroup_procs(150000, 100000, 2), 2);
    cr_assert_eq(cgroup_procs(250000, 100000, 2), 3);
    cr_assert_eq(cgroup_procs(50000, 100000, 2), 2);
    cr_assert_eq(cgroup_procs(50000, 100000, 1), 1);
    cr_assert_eq(cgroup_procs(400000, 100000, 2), 4);
}

Test(cgroup, no_quota_is_no_limit) {
    cr_assert_eq(cgroup_procs(-1, 100000, 2), 0);
    cr_assert_eq(cgroup_procs(100000, 0, 2), 0);
}
