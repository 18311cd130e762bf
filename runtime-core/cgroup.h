// cgroup.h — reading a CPU quota the way Go 1.25 does (internal/runtime/cgroup): the
// mount from /proc/self/mountinfo, the process's path from /proc/self/cgroup, then the
// v2 cpu.max or the v1 cfs quota and period. Text in, values out: no I/O here.
#ifndef CGROUP_H
#define CGROUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// The mount holding CPU limits, from mountinfo text: a cgroup (v1) mount whose super
// options name the cpu controller, else the cgroup2 mount. Copies its mount point to
// mount and the hierarchy root it shows to root. Returns 1 (v1), 2 (v2) or 0 (none).
int cgroup_mount(const char *text, size_t n, char *mount, char *root, size_t cap);

// This process's cgroup, from /proc/self/cgroup text: for version 1 the line whose
// controller list has "cpu", for version 2 the "0::" line. False if there is none.
bool cgroup_path(const char *text, size_t n, int version, char *path, size_t cap);

// mount + path below root: the directory whose files hold the limit. False if it
// does not fit.
bool cgroup_dir(const char *mount, const char *root, const char *path, char *dir, size_t cap);

// GOMAXPROCS under a quota of quota/period CPUs: rounded up, at least min_procs; 0 when
// there is no quota (quota < 0 or period <= 0).
int32_t cgroup_procs(int64_t quota, int64_t period, int32_t min_procs);

#endif
