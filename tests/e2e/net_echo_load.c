// 1000 clients at once, 100 messages each, against examples/echo.c's server in the same
// process: every message comes back whole, in order, on its own connection (each
// message carries its client and sequence number, and every byte is checksummed).
#define rt_main echo_main
#include "../../examples/echo.c"
#undef rt_main
#include "net_util.h"

int rt_main(int argc, char **argv);

enum { CLIENTS = 1000, MESSAGES = 100, MAXLEN = 1500 };

static char addr[128];
static rt_wg clients;
static rt_mutex mu;
static int failed, done;
static uint64_t sent_sum, echoed_sum;

static void fail(int id, const char *what, long r) {
    rt_mutex_lock(&mu);
    if (failed++ < 5)
        rt_print("client %d: %s (%ld: %s)\n", id, what, r, rt_strerror((int)r));
    rt_mutex_unlock(&mu);
}

static void client(void *arg) {
    int id = (int)(intptr_t)arg;
    uint64_t seed = 0x9E3779B97F4A7C15ULL * (uint64_t)(id + 1), sent = 0, echoed = 0;
    char out[MAXLEN], in[MAXLEN];
    int fd = rt_dial(addr);
    if (fd < 0) {
        fail(id, "dial", fd);
        goto out;
    }
    for (int m = 0; m < MESSAGES; m++) {
        size_t len = 8 + next_rand(&seed) % (MAXLEN - 8);
        out[0] = (char)id, out[1] = (char)(id >> 8), out[2] = (char)m, out[3] = (char)(m >> 8);
        for (size_t i = 4; i < len; i++)
            out[i] = (char)next_rand(&seed);
        for (size_t i = 0; i < len; i++)
            sent = sent * 31 + (unsigned char)out[i];
        long r = rt_write(fd, out, len);
        if (r != (long)len) {
            fail(id, "write", r);
            break;
        }
        if ((r = read_full(fd, in, len)) != (long)len) {
            fail(id, "read", r);
            break;
        }
        for (size_t i = 0; i < len; i++)
            echoed = echoed * 31 + (unsigned char)in[i];
        if (in[0] != out[0] || in[1] != out[1] || in[2] != out[2] || in[3] != out[3]) {
            fail(id, "a message from another client or out of order", 0);
            break;
        }
    }
    rt_close(fd);
out:
    rt_mutex_lock(&mu);
    sent_sum += sent;
    echoed_sum += echoed;
    done++;
    rt_mutex_unlock(&mu);
    rt_wg_done(&clients);
}

static void server(void *arg) {
    accept_loop((int)(intptr_t)arg, echo_conn);
}

int rt_main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    int lfd = listen_any(addr, sizeof addr);
    rt_go(server, (void *)(intptr_t)lfd);
    rt_wg_add(&clients, CLIENTS);
    for (int i = 0; i < CLIENTS; i++)
        rt_go(client, (void *)(intptr_t)i);
    rt_wg_wait(&clients);
    rt_print("%d clients x %d messages: %d failed, checksums %s\n", done, MESSAGES, failed,
             sent_sum == echoed_sum ? "match" : "differ");
    return 0;
}
