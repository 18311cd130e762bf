-- The target's own kernel headers, asked through the compiler: which macros they
-- define and in which header (`clang -E -dD` keeps linemarkers), and what integer
-- constant expressions evaluate to (a probe compiled with -S leaves marker lines,
-- as runtime-core/asm_offsets.c does). No header text is parsed by hand, so a value
-- is exactly what C code built for the target would see. Used by new-port (to fill
-- in a scaffold) and check-table (to check a table).
local util = require "gen.util"

local M = {}

-- Where this machine has a target's kernel (uapi) headers, by clang triple, and the
-- Debian package that installs them.
M.SETS = {
  ["x86_64-linux-gnu"] = { dirs = { "/usr/include/x86_64-linux-gnu", "/usr/include" }, package = "linux-libc-dev" },
  ["aarch64-linux-gnu"] = { dirs = { "/usr/aarch64-linux-gnu/include" }, package = "linux-libc-dev-arm64-cross" },
  ["riscv64-linux-gnu"] = { dirs = { "/usr/riscv64-linux-gnu/include" }, package = "linux-libc-dev-riscv64-cross" },
  ["i686-linux-gnu"] = { dirs = { "/usr/i686-linux-gnu/include" }, package = "linux-libc-dev-i386-cross" },
  ["arm-linux-gnueabihf"] = { dirs = { "/usr/arm-linux-gnueabihf/include" }, package = "linux-libc-dev-armhf-cross" },
  ["powerpc64le-linux-gnu"] = { dirs = { "/usr/powerpc64le-linux-gnu/include" },
    package = "linux-libc-dev-ppc64el-cross" },
  ["s390x-linux-gnu"] = { dirs = { "/usr/s390x-linux-gnu/include" }, package = "linux-libc-dev-s390x-cross" },
}

-- The clang triple of an os-arch pair (Debian's multiarch names for Linux).
M.TRIPLES = {
  linux = {
    amd64 = "x86_64-linux-gnu", arm64 = "aarch64-linux-gnu", riscv64 = "riscv64-linux-gnu",
    ["386"] = "i686-linux-gnu", arm = "arm-linux-gnueabihf", ppc64le = "powerpc64le-linux-gnu",
    s390x = "s390x-linux-gnu",
  },
  darwin = { amd64 = "x86_64-apple-macos11", arm64 = "arm64-apple-macos11" },
}

-- The uapi headers that hold what description tables state: syscall numbers, auxv tags,
-- mmap/prot/madvise flags, futex ops, clone flags, signals, errno, clocks, open flags,
-- arch_prctl codes, struct timespec, sigaction, sigaltstack and siginfo, and what the
-- poller and sockets use. Each is included only where it exists.
M.HEADERS = {
  "asm/unistd.h", "linux/auxvec.h", "linux/mman.h", "linux/futex.h", "linux/sched.h",
  "asm/signal.h", "asm/errno.h", "linux/time.h", "linux/time_types.h", "linux/fcntl.h",
  "asm/prctl.h", "asm/siginfo.h",
  -- the network poller and sockets: epoll_event, sockaddr_in/in6/un, rlimit, SOL_SOCKET...
  "linux/eventpoll.h", "linux/in.h", "linux/in6.h", "linux/un.h", "linux/resource.h",
  "asm/socket.h", "linux/tcp.h",
  -- signal frames: struct sigcontext (and arm64's fpsimd_context), then struct ucontext,
  -- which needs sigcontext, stack_t and sigset_t declared first
  "asm/sigcontext.h", "asm/ucontext.h",
}

-- The header set for a resolved table T, or nil and a one-line reason.
function M.for_table(T)
  local triple = type(T.toolchain) == "table" and T.toolchain.triple
  if type(triple) ~= "string" then return nil, "toolchain.triple is not set" end
  return M.for_triple(triple)
end

function M.for_triple(triple)
  local set = M.SETS[triple]
  if not set then return nil, "rt0gen knows no kernel headers for " .. triple end
  for _, d in ipairs(set.dirs) do
    if not util.is_dir(d) then
      return nil, string.format("no kernel headers for %s here: %s is missing (apt-get install %s)",
        triple, d, set.package)
    end
  end
  return { triple = triple, dirs = set.dirs, package = set.package }
end

local function clang(set, extra)
  local argv = { "clang", "--target=" .. set.triple, "-nostdinc", "-ffreestanding" }
  for _, d in ipairs(set.dirs) do argv[#argv + 1] = "-isystem"; argv[#argv + 1] = d end
  for _, a in ipairs(extra) do argv[#argv + 1] = a end
  return argv
end

local function includes()
  local out = {}
  for _, h in ipairs(M.HEADERS) do
    out[#out + 1] = string.format("#if __has_include(<%s>)\n#include <%s>\n#endif", h, h)
  end
  return table.concat(out, "\n") .. "\n"
end

-- Runs clang on C text; returns the exit code, stdout and stderr.
local function run(set, text, extra)
  local dir = util.tmpdir("rt0gen-probe")
  local src = dir .. "/probe.c"
  util.write_file(src, text)
  extra[#extra + 1] = src
  local code, out, err = util.capture(util.command(clang(set, extra)))
  util.rm_rf(dir)
  return code, out, err
end

-- A header path relative to the include directory it was found in.
local function relative(set, file)
  for _, d in ipairs(set.dirs) do
    if file:sub(1, #d + 1) == d .. "/" then return file:sub(#d + 2) end
  end
  return file
end

-- Every object-like macro the headers define: NAME -> { header =, text = }
-- (header relative to its include dir, text the macro's body as written).
function M.defines(set)
  if set.defs then return set.defs end
  local code, out, err = run(set, includes(), { "-E", "-dD" })
  if code ~= 0 then util.fail("kernel headers for %s: clang -E failed:\n%s", set.triple, err) end
  local defs, file = {}, nil
  for line in out:gmatch("[^\n]+") do
    local f = line:match('^# %d+ "([^"]+)"')
    if f then
      file = f
    else
      local name, text = line:match("^#define ([%a_][%w_]*)%s+(.-)%s*$")
      if not name then name, text = line:match("^#define ([%a_][%w_]*)()$") end
      if name and file and not file:match("^<") then
        defs[name] = { header = relative(set, file), text = text }
      end
    end
  end
  set.defs = defs
  return defs
end

-- Evaluates integer constant expressions for the target. items: { {expr =, guard = macro or nil} };
-- returns values[i] (an integer, or nil when the guard macro is not defined).
function M.evaluate(set, items)
  local body = { includes(), "void rt0gen_probe(void);", "void rt0gen_probe(void) {" }
  for i, it in ipairs(items) do
    local line = string.format('    __asm__ volatile(".ascii \\"->v%d %%0\\"" : : "i"((long long)(%s)));', i, it.expr)
    if it.guard then line = "#ifdef " .. it.guard .. "\n" .. line .. "\n#endif" end
    body[#body + 1] = line
  end
  body[#body + 1] = "}"
  local code, out, err = run(set, table.concat(body, "\n") .. "\n", { "-S", "-o", "-" })
  if code ~= 0 then
    util.fail("kernel headers for %s: the probe does not compile:\n%s", set.triple, err)
  end
  local values = {}
  for line in out:gmatch("[^\n]+") do
    local i, v = line:match('%.ascii%s+"%->v(%d+)%s+[%$#]?([^"%s]+)"')
    if i then values[tonumber(i)] = math.tointeger(tonumber(v)) end
  end
  return values
end

-- Whether each C type or member expression compiles: returns ok[i] for exprs like
-- "sizeof(struct timespec)" (one compile for all, then one per item if that fails).
function M.compiles(set, exprs)
  local function try(list)
    local body = { includes() }
    for i, e in ipairs(list) do body[#body + 1] = string.format("typedef char rt0gen_t%d[(%s) > 0 ? 1 : 1];", i, e) end
    return run(set, table.concat(body, "\n") .. "\n", { "-fsyntax-only" }) == 0
  end
  local ok = {}
  if try(exprs) then
    for i = 1, #exprs do ok[i] = true end
  else
    for i, e in ipairs(exprs) do ok[i] = try({ e }) end
  end
  return ok
end

return M
