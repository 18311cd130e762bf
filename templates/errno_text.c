// What rt_strerror says for an errno of ${target}: errno_text (arch/os/posix.lua) for the
// errno constants this target's table defines, with their numbers on ${os}.
#include "runtime.h"
#include "os.h"

const char *os_strerror(int errnum) {
    switch (errnum) {
@@ for name, text in sorted(errno_text) do
@@ if constants[name] then
    case ${name}:
        return "${text} (${name})";
@@ end
@@ end
    default:
        return NULL;
    }
}
