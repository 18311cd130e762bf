// Socket addresses of ${target}: the core's struct netaddr (runtime-core/netaddr.h) to and
// from the OS's sockaddr_in, sockaddr_in6 and sockaddr_un, laid out as structs.sockaddr_*
// say. Where a sockaddr starts with a length byte (BSD), the family is one byte after it;
// otherwise it is 16 bits in host order. Ports and IP addresses are in network order.
#include "runtime.h"
#include "netaddr.h"
@@ local sin, sin6, sun = structs.sockaddr_in, structs.sockaddr_in6, structs.sockaddr_un
@@ local function header(s, prefix, af, len)
@@ if s.fields[prefix .. "_len"] then
    buf[${s.fields[prefix .. "_len"]}] = (unsigned char)(${len});
    buf[${s.fields[prefix .. "_family"]}] = ${af};
@@ else
    *(uint16_t *)(buf + ${s.fields[prefix .. "_family"]}) = ${af};
@@ end
@@ end

_Static_assert(SOCKADDR_MAX >= ${math.max(sin.size, sin6.size, sun.size)}, "SOCKADDR_MAX holds every sockaddr");

static void put_port(unsigned char *at, uint16_t port) {
    at[0] = (unsigned char)(port >> 8);
    at[1] = (unsigned char)port;
}

static uint16_t get_port(const unsigned char *at) {
    return (uint16_t)(at[0] << 8 | at[1]);
}

// Writes a as the OS's sockaddr into buf (SOCKADDR_MAX bytes); returns its length.
uint32_t sockaddr_from(const struct netaddr *a, unsigned char *buf) {
    mem_zero(buf, SOCKADDR_MAX);
    if (a->family == NETADDR_IP4) {
@@ header(sin, "sin", "AF_INET", sin.size)
        put_port(buf + ${sin.fields.sin_port}, a->port);
        mem_copy(buf + ${sin.fields.sin_addr}, a->ip, 4);
        return ${sin.size};
    }
    if (a->family == NETADDR_IP6) {
@@ header(sin6, "sin6", "AF_INET6", sin6.size)
        put_port(buf + ${sin6.fields.sin6_port}, a->port);
        mem_copy(buf + ${sin6.fields.sin6_addr}, a->ip, 16);
        return ${sin6.size};
    }
    size_t n = 0;
    while (a->path[n] != 0 && n + 1 < ${sun.size - sun.fields.sun_path})
        n++;
@@ header(sun, "sun", "AF_UNIX", sun.fields.sun_path .. " + n + 1")
    mem_copy(buf + ${sun.fields.sun_path}, a->path, n);
    return (uint32_t)(${sun.fields.sun_path} + n + 1);
}

static int family_of(const unsigned char *buf) {
@@ if sin.fields.sin_len then
    return buf[${sin.fields.sin_family}];
@@ else
    return *(const uint16_t *)(buf + ${sin.fields.sin_family});
@@ end
}

// Reads the sockaddr in buf (len bytes) into a; 0, or -EAFNOSUPPORT for another family.
int sockaddr_to(const unsigned char *buf, uint32_t len, struct netaddr *a) {
    mem_zero(a, sizeof *a);
    int family = family_of(buf);
    if (family == AF_INET && len >= ${sin.size}) {
        a->family = NETADDR_IP4;
        a->port = get_port(buf + ${sin.fields.sin_port});
        mem_copy(a->ip, buf + ${sin.fields.sin_addr}, 4);
        return 0;
    }
    if (family == AF_INET6 && len >= ${sin6.size}) {
        a->family = NETADDR_IP6;
        a->port = get_port(buf + ${sin6.fields.sin6_port});
        mem_copy(a->ip, buf + ${sin6.fields.sin6_addr}, 16);
        return 0;
    }
    if (family == AF_UNIX) {
        a->family = NETADDR_UNIX;
        for (uint32_t i = ${sun.fields.sun_path}, k = 0; i < len && k + 1 < NETADDR_PATH_MAX && buf[i]; i++, k++)
            a->path[k] = (char)buf[i];
        return 0;
    }
    return -EAFNOSUPPORT;
}
