-- What every POSIX OS layer shares (arch/os/linux.lua and arch/os/darwin.lua inherit it):
-- facts whose names and meanings POSIX fixes while their numbers differ per OS.
return {
  -- What rt_strerror says for an errno, by the name of its constant (errno(3)); only the
  -- names a target's constants define are used.
  errno_text = {
    EPERM = "operation not permitted", ENOENT = "no such file or directory", EINTR = "interrupted",
    EBADF = "bad file descriptor", EAGAIN = "resource temporarily unavailable", ENOMEM = "out of memory",
    EACCES = "permission denied", EINVAL = "invalid argument", ENFILE = "too many open files in system",
    EMFILE = "too many open files", EPIPE = "broken pipe", ENOTSOCK = "not a socket",
    EADDRINUSE = "address already in use", EADDRNOTAVAIL = "cannot assign requested address",
    ENETUNREACH = "network is unreachable", ECONNABORTED = "connection aborted",
    ECONNRESET = "connection reset by peer", ENOTCONN = "socket is not connected",
    ETIMEDOUT = "operation timed out", ECONNREFUSED = "connection refused",
    EHOSTUNREACH = "no route to host", EINPROGRESS = "operation in progress",
    EAFNOSUPPORT = "address family not supported", ENAMETOOLONG = "file name too long",
  },
}
