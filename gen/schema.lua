-- The schema of a resolved description table: every field, its type, whether it
-- is required (or when), its default, and a one-line doc. validate() checks a
-- resolved table against it and returns every problem, one line each:
--   <file>: <field.path>: expected <what>; got <what>
local util = require "gen.util"
local todo = require "gen.todo"
local manifest = require "gen.manifest"

local M = {}

-- Schema nodes ---------------------------------------------------------------
-- kind: string | integer | boolean | enum | list | map | record
-- doc, required, default, when = { "other.path", value } (required only then),
-- and checks: values (enum), of (list/map), fields (record), min, max, pow2,
-- pow2_or_zero, nonempty, unique (field of list/map items), ident_keys (map),
-- check = function(value, root) -> nil | relative path, expected, got (cross-field rules),
-- dep, where, derive: for new-port and the porting docs, what a value depends on (identity,
-- drop, portable, os, arch or pair: os and arch) and where a porter finds it (<os>, <arch>,
-- <triple>, <key> filled in); a node without dep takes its parent's.
-- Integers land in C (int32_t fields, #defines the core stores in ints): every integer node
-- is range-checked, against min/max where it has them and else against an int32_t's range;
-- bits = 64 widens that to an int64_t's (constants: flags and ioctl numbers may need it).
-- ident = true (strings): the value is a symbol or constant name, so a C identifier.
-- declared = true: the valid values are those the templates implement (templates/manifest.lua
-- `implements`), and fields a template `requires` become required (gen/manifest.lua).

local function node(kind, doc, opts)
  opts = opts or {}
  opts.kind, opts.doc = kind, doc
  return opts
end
local function str(doc, o) return node("string", doc, o) end
local function int(doc, o) return node("integer", doc, o) end
local function bool(doc, o) return node("boolean", doc, o) end
local function enum(values, doc, o) o = o or {}; o.values = values; return node("enum", doc, o) end
local function list(of, doc, o) o = o or {}; o.of = of; return node("list", doc, o) end
local function map(of, doc, o) o = o or {}; o.of = of; return node("map", doc, o) end
local function record(fields, doc, o) o = o or {}; o.fields = fields; return node("record", doc, o) end

M.enums = {
  link_mode = { "freestanding", "hosted" },
  entry_args = { "stack", "registers" },
  object_format = { "elf", "macho" },
  threads_method = { "clone", "pthread" },
  sleep_method = { "futex", "ulock", "pthread_cond" },
  tsd_slot = { "fixed", "pthread_key" },
  entry_load_command = { "LC_MAIN", "LC_UNIXTHREAD" },
  clock_method = { "vdso", "mach_absolute_time" },
  auxv_action = { "end", "page_size", "hwcap", "hwcap2", "secure", "random_seed", "vdso_base", "ignore" },
  ncpu_method = { "sched_getaffinity", "sysctl" },
}
local E = M.enums

local function get(root, path)
  local v = root
  for name in path:gmatch("[^%.]+") do
    if type(v) ~= "table" then return nil end
    v = v[name]
  end
  return v
end

M.root = record({
  -- identity
  os = str("operating system: names os_<os>.c and selects OS templates", { required = true,
      dep = "identity" }),
  arch = str("architecture: names asm_<arch>.S and selects arch templates", { required = true,
      dep = "identity" }),
  object_format = enum(E.object_format, "object file format the assembler writes", { required = true,
      dep = "os", where = "<os>'s executable format" }),
  toolchain = record({
    triple = str("clang --target triple for this target", { required = true,
        dep = "pair", where = "Debian's multiarch name for <os>-<arch>", derive = "triple" }),
    ar_format = str("llvm-ar's --format for the target's archives, where the linker wants one (the BSD "
      .. "table of contents ld64 reads); absent: llvm-ar's default",
      { dep = "os", where = "what <os>'s linker reads" }),
    stack_clash_protection = bool("clang implements -fstack-clash-protection for the target (a large frame "
      .. "touches every page on its way down, so it cannot jump the guard below a stack); where it does not, "
      .. "a frame larger than stacks.guard_size is a compile error (-Werror=frame-larger-than), so make the "
      .. "guard as large as the frames the target's programs need",
      { default = false, dep = "arch", where = "whether clang probes large frames for <triple> "
        .. "(`clang -S -fstack-clash-protection` warns of an unused argument where it does not)" }),
    cflags = list(str("a compiler flag"), "flags the target needs to build at all (variants' cflags come after "
      .. "and cannot drop them)", { default = {},
          dep = "pair", where = "what clang and ld.lld need for <triple> (e.g. -mno-relax on riscv64)" }),
  }, "how to compile for the target", { required = true, dep = "pair", where = "the toolchain for <os>-<arch>" }),
  asm = record({
    symbol_prefix = str("prefix of C symbols in assembly (\"_\" on Mach-O)", { required = true }),
    type_directives = bool("emit .type/.size directives (ELF only)", { required = true }),
    gnu_stack_note = bool("emit the .note.GNU-stack section (ELF only)", { required = true }),
    hidden_directive = str("directive keeping an asm symbol inside the runtime (.hidden on ELF, "
      .. ".private_extern on Mach-O)", { required = true }),
    local_label_prefix = str("prefix of labels the assembler keeps out of the symbol table (.L on ELF, "
      .. "L on Mach-O)", { default = ".L" }),
  }, "assembler dialect details", { required = true, dep = "os", where = "clang -S output for <triple>" }),
  run = record({
    os_uname = list(str("a name"), "what `uname -s` says on a host of this OS (the OS layer)", { default = {},
        dep = "os", where = "`uname -s` on a <os> host" }),
    arch_uname = list(str("a name"), "what `uname -m` says on a host of this arch (the arch layer)",
      { default = {} }),
    emulator = str("user-mode emulator that runs this arch's programs on another arch of the same OS "
      .. "(qemu-user's name; absent: link-only there)"),
  }, "how the target's programs run on this machine (tests/harness/runner.lua)", { default = {},
      dep = "arch", where = "`uname -m` on a <arch> host, and Debian's qemu-user binary for <arch>" }),
  core_parts = list(str("a file of runtime-core/parts/"), "the optional parts of the core the target's OS "
    .. "layer calls (the cgroup quota reader, the vDSO symbol lookup): only these are compiled",
    { default = {}, unique_items = true, dep = "os", where = "what os_<os>.c calls" }),
  wip = bool("a port in progress: gen --check and test report it as skipped", { default = false, dep = "identity" }),
  cflags = list(str("a compiler flag"), "extra C/asm compiler flags, after the defaults (later win)", { default = {},
      dep = "os", where = "what <os> builds need" }),

  -- entry and link
  link = record({
    mode = enum(E.link_mode, "freestanding: rt0 is the ELF entry, no libc; hosted: libc's main calls rt0 "
      .. "(the OS template says which it implements)", { required = true, declared = true,
          dep = "os", where = "<os>'s process model: raw syscalls (freestanding) or libc (hosted)" }),
    codesign = enum({ "adhoc" }, "sign executables when linking: adhoc (ld64's -adhoc_codesign; macOS on Apple silicon "
      .. "runs nothing unsigned); the Mach-O check then wants LC_CODE_SIGNATURE", { dep = "pair",
        where = "whether <os> on <arch> runs unsigned executables" }),
  }, "how programs are linked", { required = true, dep = "os",
    where = "<os>'s process model: raw syscalls (freestanding) or libc (hosted)" }),
  entry = record({
    symbol = str("the entry symbol, without symbol_prefix", { required = true, ident = true,
        dep = "pair", where = "Go: runtime/rt0_<os>_<arch>.s", derive = "entry_symbol" }),
    args = enum(E.entry_args, "where argc/argv arrive: on the stack at 0(SP)/8(SP) or in argument registers",
      { required = true }),
    load_command = enum(E.entry_load_command, "Mach-O load command that names the entry: LC_MAIN (dyld "
      .. "calls it like main, args in registers) or LC_UNIXTHREAD (args on the stack)",
      { when = { "object_format", "macho" } }),
  }, "program entry", { required = true,
      dep = "os", where = "<os>'s process start-up ABI; Go: runtime/rt0_<os>_<arch>.s",
    check = function(v, root)
      if v.args == "stack" and get(root, "link.mode") == "hosted" then
        return "args", "registers when link.mode is hosted (libc calls main)", v.args
      end
      local lc = { LC_MAIN = "registers", LC_UNIXTHREAD = "stack" }
      if lc[v.load_command] and v.args ~= lc[v.load_command] then
        return "args", lc[v.load_command] .. " when entry.load_command is " .. v.load_command, v.args
      end
    end }),

  -- arch layer
  ptr_size = int("pointer size in bytes", { required = true, pow2 = true, min = 4, max = 8,
      dep = "arch", where = "<arch>'s psABI" }),
  stack_align = int("stack alignment in bytes at a call", { required = true, pow2 = true,
      dep = "arch", where = "<arch>'s psABI" }),
  red_zone = int("bytes below SP that leaf code may use", { required = true, min = 0,
      dep = "arch", where = "<arch>'s psABI (0 if it has none)" }),
  cacheline = int("cache line size in bytes (padding of hot structs)", { required = true, pow2 = true,
      dep = "arch", where = "Go: internal/cpu CacheLinePadSize for <arch>" }),
  function_align = int("alignment of generated functions in bytes", { required = true, pow2 = true,
      dep = "arch", where = "<arch>'s instruction size and the compilers' default function alignment" }),
  regs = record({
    sp = str("stack pointer register", { required = true }),
    lr = str("link register, where calls leave the return address in one"),
    fp = str("frame pointer register: tracebacks walk the frames it chains"),
    frame_return = record({
      in_caller = bool("the return address is saved in the caller's frame (ppc64's LR save doubleword), "
        .. "not in the frame record after the caller's frame pointer", { default = false }),
      offset = int("its byte offset in that frame", { required = true, min = 0 }),
    }, "where a frame keeps its return address, for tracebacks (absent: right after the caller's frame "
      .. "pointer, in a frame record)"),
    ctx_frame = record({
      pc = int("word index, from the saved stack pointer, of the return address", { required = true, min = 0 }),
      fp = int("word index, from the saved stack pointer, of the saved frame pointer", { required = true, min = 0 }),
    }, "where a suspended goroutine's switch frame keeps its resume address and frame pointer, for a "
      .. "switch whose frame is not the pushed callee_saved list (absent: derived from that list)"),
    args = list(str("a register"), "integer argument registers, in order", { required = true, nonempty = true }),
    ret = str("integer return register", { required = true }),
    callee_saved = list(str("a register"), "callee-saved registers: the context switch saves exactly these",
      { required = true, nonempty = true, unique_items = true }),
  }, "calling convention", { required = true, dep = "arch", where = "<arch>'s psABI (procedure call standard)" }),
  traps = list(str("a mnemonic"), "instructions that enter the kernel directly: a hosted target's "
    .. "programs must have none (the Mach-O check looks for them)", { default = {}, dep = "arch",
      where = "<arch>'s system call instructions" }),
  cpuid = record({
    intel_ebx = int("CPUID leaf 0 EBX of GenuineIntel", { required = true }),
    intel_edx = int("CPUID leaf 0 EDX of GenuineIntel", { required = true }),
    intel_ecx = int("CPUID leaf 0 ECX of GenuineIntel", { required = true }),
  }, "CPUID vendor check (required by the x86 rt0 template)", { dep = "arch", where = "Go: runtime/asm_amd64.s" }),

  -- TLS
  tls = record({
    method = str("how g is found per thread: one of the methods the target's templates implement "
      .. "(templates/manifest.lua `implements`)", { required = true, declared = true }),
    register = str("the thread-pointer register, for methods that keep g's base in a register"),
    arch_set_fs = int("ARCH_SET_FS code of the syscall that sets the FS base"),
    settls_syscall = str("the syscall (a syscalls key) rt0 sets the thread pointer with, where it uses one: "
      .. "the first one after execve, as the bootstrap suite checks under strace", { ident = true }),
    base_adjust = int("bytes added to &m.tls[0] to make the thread pointer (8 where ELF wants g at -8(FS); "
      .. "the ABI's TP bias where there is one; absent: 0)"),
    check_value = int("value stored through TLS and read back at start-up", { dep = "portable" }),
    tsd_slot = enum(E.tsd_slot, "which pthread TSD slot holds g: a fixed one (gs_offset) or a key "
      .. "from pthread_key_create at start-up"),
    gs_offset = int("offset of the fixed pthread TSD slot from the gs base (8 x its key)",
      { when = { "tls.tsd_slot", "fixed" }, min = 0,
        check = function(v, root)
          local ptr = get(root, "ptr_size")
          if math.type(ptr) == "integer" and ptr > 0 and v % ptr ~= 0 then
            return "", "a multiple of ptr_size (" .. ptr .. "): slots are pointer-sized", v
          end
        end }),
  }, "thread-local storage of g", { required = true,
      dep = "pair", where = "Go: runtime/sys_<os>_<arch>.s settls and runtime/tls_<arch>.s" }),

  -- OS services
  threads = record({
    method = enum(E.threads_method, "how Ms are created", { required = true }),
    clone_flags = list(str("a constant name", { ident = true }), "clone(2) flags, names from constants",
      { when = { "threads.method", "clone" } }),
    clone_tls_arg = int("which clone(2) argument sets the new thread's thread pointer (CLONE_SETTLS, to "
      .. "&m.tls[0] + tls.base_adjust): 5 on x86-64, 4 where clone has CLONE_BACKWARDS's order; absent: "
      .. "clone leaves it unset", { min = 1, max = 6,
          dep = "pair", where = "clone(2) NOTES for <arch> (the CLONE_BACKWARDS variants)" }),
  }, "thread creation", { required = true, dep = "os", where = "Go: runtime/os_<os>.go newosproc",
    check = function(v, root)
      if v.method == "pthread" and get(root, "link.mode") == "freestanding" then
        return "method", "clone when link.mode is freestanding (pthreads need libc)", v.method
      end
    end }),
  sleep = record({
    method = enum(E.sleep_method, "how an idle M sleeps and is woken", { required = true }),
    wait_op = str("futex wait operation (a constant name)", { ident = true, when = { "sleep.method", "futex" } }),
    wake_op = str("futex wake operation (a constant name)", { ident = true, when = { "sleep.method", "futex" } }),
    fallback = enum({ "pthread_cond" }, "what to switch to for good if the method answers ENOSYS"),
    buckets = int("pthread_cond: mutex + condition variable pairs, chosen by a hash of the word's address",
      { pow2 = true }),
  }, "M sleep and wakeup", { required = true, dep = "os", where = "Go: runtime/os_<os>.go futexsleep or semasleep",
    check = function(v)
      if (v.method == "pthread_cond" or v.fallback == "pthread_cond") and v.buckets == nil then
        return "buckets", "a power of two (required when sleep.method or sleep.fallback is pthread_cond)", nil
      end
    end }),
  clock = record({
    method = enum(E.clock_method, "how nanotime is read", { required = true }),
    monotonic = str("monotonic clock id (a constant name)", { ident = true, when = { "clock.method", "vdso" } }),
    realtime = str("wall clock id (a constant name)", { ident = true, when = { "clock.method", "vdso" } }),
  }, "clocks", { required = true,
      dep = "os", where = "clock_gettime(2) on <os>; Go: runtime/sys_<os>_<arch>.s nanotime1" }),
  vdso = record({
    version = str("symbol version of the vDSO functions", { required = true }),
    clock_gettime = str("vDSO symbol of clock_gettime", { required = true, ident = true }),
  }, "vDSO lookup", { when = { "clock.method", "vdso" },
      dep = "pair", where = "vdso(7) for <arch>; Go: runtime/vdso_<os>_<arch>.go" }),
  auxv = list(record({
    name = str("the AT_* name", { required = true }),
    tag = int("the tag number", { required = true, min = 0 }),
    action = enum(E.auxv_action, "what sysauxv does with the value", { required = true }),
  }, "an auxv tag"), "auxiliary vector tags sysauxv handles", { dep = "os",
    where = "<os>'s auxvec.h; Go: runtime/os_<os>.go sysauxv",
    unique = { "tag", "name" },
    check = function(v)
      local n = 0
      for _, a in ipairs(v) do if type(a) == "table" and a.action == "end" then n = n + 1 end end
      if n ~= 1 then return "", "exactly one tag with action = \"end\"", n .. " of them" end
    end }),
  auxv_fallback = record({
    file = str("file to read the auxv from when none follows envp", { required = true }),
    probe_mapping_size = int("size of the mapping the mincore page-size probe uses",
      { required = true, pow2 = true }),
    probe_first_page = int("smallest page size the probe tries", { required = true, pow2 = true }),
  }, "page size and auxv fallbacks", { dep = "os", where = "Go: runtime/os_<os>.go sysargs" }),
  apple = record({
    executable_path_prefix = str("prefix of the apple string holding the executable path", { required = true }),
  }, "the apple strings after envp (Darwin)", { dep = "os", where = "Go: runtime/os_darwin.go" }),
  osinit = record({
    ncpu_method = enum(E.ncpu_method, "how osinit counts CPUs", { required = true }),
    affinity_mask_bytes = int("size of the sched_getaffinity mask buffer",
      { when = { "osinit.ncpu_method", "sched_getaffinity" }, pow2 = true }),
    huge_page_file = str("file holding the transparent huge page size"),
    max_map_count_file = str("file holding the process's mapping limit"),
    max_map_count_default = int("mapping limit assumed when the file is unreadable", { min = 1 }),
    huge_pages = bool("read huge_page_file at osinit (variants/small.lua turns it off)", { default = true }),
    sysctl_ncpu = list(str("a constant name", { ident = true }), "sysctl MIB of the CPU count",
      { when = { "osinit.ncpu_method", "sysctl" } }),
    sysctl_pagesize = list(str("a constant name", { ident = true }), "sysctl MIB of the page size"),
    cgroup = record({
      mountinfo = str("the mount table, to find the cgroup mount", { required = true }),
      self = str("the process's cgroup membership", { required = true }),
      v2_file = str("cgroup v2 file with \"<quota> <period>\"", { required = true }),
      v1_quota_file = str("cgroup v1 quota file (negative: none)", { required = true }),
      v1_period_file = str("cgroup v1 period file", { required = true }),
      min_procs = int("fewest Ps a quota rounds up to", { required = true, min = 1 }),
    }, "CPU quota that caps the default GOMAXPROCS (Go 1.25's cgroup-aware default)"),
  }, "what osinit reads", { required = true, dep = "os", where = "Go: runtime/os_<os>.go osinit" }),

  -- stacks and scheduler
  g0 = record({
    size = int("bytes of the OS stack that m0's g0 uses", { required = true, pow2 = true }),
    slack = int("bytes left above lo (lo = SP - size + slack)", { required = true, min = 0,
        dep = "arch", where = "Go: runtime/asm_<arch>.s rt0_go" }),
  }, "m0's g0 stack carved from the OS stack", { required = true, dep = "portable",
    check = function(v)
      if math.type(v.slack) == "integer" and math.type(v.size) == "integer" and v.slack >= v.size then
        return "slack", "less than g0.size (" .. v.size .. ")", v.slack
      end
    end }),
  stacks = record({
    default_size = int("goroutine stack size", { required = true, pow2 = true }),
    guard_size = int("least PROT_NONE bytes below a guarded stack (the runtime rounds it up to the page size "
      .. "the OS reports; 0: no guards)", { required = true, pow2_or_zero = true }),
    guard_budget_percent = int("share of max_map_count guard pages may spend", { required = true, min = 0, max = 100 }),
    m_g0_size = int("g0 stack of new Ms (0: the thread library's own)", { required = true, pow2_or_zero = true,
        dep = "os", where = "Go: runtime/os_<os>.go (mStackIsSystemAllocated)" }),
    stack_guard = int("bytes of slack below which a stack counts as overflowed", { required = true, min = 0 }),
  }, "goroutine stacks", { required = true, dep = "portable",
    check = function(v)
      if math.type(v.stack_guard) == "integer" and math.type(v.default_size) == "integer"
          and v.stack_guard >= v.default_size then
        return "stack_guard", "less than stacks.default_size (" .. v.default_size .. ")", v.stack_guard
      end
    end }),
  sched = record({
    maxmcount = int("most Ms (threads) the runtime creates", { required = true, min = 1 }),
    preempt_ns = int("how long one goroutine may hold its P before sysmon preempts it (Go: 10 ms)",
      { default = 10 * 1000 * 1000, min = 1000 }),
  }, "scheduler limits", { required = true, dep = "portable" }),
  signals = record({
    fatal = list(str("a signal constant name", { ident = true }),
      "signals reported as `fatal error: ...` (a guard-page hit "
      .. "is a stack overflow)", { required = true, nonempty = true }),
    stack_size = int("bytes of each M's alternate signal stack", { required = true, pow2 = true }),
    preempt = str("the signal sysmon sends to preempt a goroutine (SIGURG as Go); none: preemption "
      .. "stays cooperative", { ident = true }),
    quit = str("the signal that prints every goroutine and exits 2 (SIGQUIT as Go)", { ident = true }),
  }, "fatal-signal reporting", { required = true,
      dep = "os", where = "<os>'s signal(7) and sigaltstack(2); Go: runtime/signal_unix.go, os_<os>.go mpreinit" }),
  runtime_text = record({
    section = str("section the library step puts every runtime .text* input in (ELF, ld -r)"),
    pragma = str("section a `#pragma clang section text` names for the runtime's C code (Mach-O)"),
    start = str("linker symbol at the start of the runtime's code", { required = true, ident = "linker" }),
    stop = str("linker symbol at the end of the runtime's code", { required = true, ident = "linker" }),
    exe_start = str("linker symbol at the start of the program's code", { required = true, ident = "linker" }),
    exe_stop = str("linker symbol at the end of the program's code", { required = true, ident = "linker" }),
  }, "where the runtime's and the program's code are, for the preempt signal's safe-point check",
    { dep = "os", where = "the <os> linker's section bounds (ld.lld: __start_<section>, etext; ld64: "
      .. "section$start$<seg>$<sect>)" }),
  sigctx = record({
    mcontext = str("struct.field of structs holding the machine context in a signal's ucontext",
      { required = true }),
    mcontext_pointer = bool("that field points at the machine context (Darwin) instead of holding it",
      { default = false }),
    regs = str("struct of structs that holds the interrupted registers", { required = true }),
    regs_at = str("struct.field: where that struct starts inside the machine context (absent: at 0)"),
    pc = str("field of regs (optionally field+bytes) with the interrupted PC", { required = true }),
    sp = str("field of regs with the interrupted stack pointer", { required = true }),
    fp = str("field of regs with the frame pointer", { required = true }),
    lr = str("field of regs with the link register, where the arch has one"),
    async_preempt = bool("a preempt signal may redirect the goroutine into async_preempt; false: the "
      .. "target's stub cannot resume it yet, the signal only leaves the flag", { default = true }),
    resume_signal = str("a signal constant: where no register is free to jump through and the OS has no "
      .. "public sigreturn, async_preempt restores every register but the PC, lr and sp, then traps, and the "
      .. "handler for this signal undoes the pushed call (sigctx_pop_call); absent: the stub resumes by itself"),
  }, "where a signal handler finds the interrupted registers (generated sigctx.h)", {
    dep = "pair", where = "<os>'s ucontext/sigcontext headers for <arch>; Go: runtime/defs_<os>_<arch>.go, "
      .. "signal_<os>_<arch>.go",
    check = function(v, root)
      local structs = type(root.structs) == "table" and root.structs or {}
      local function field(path, ref)
        if type(ref) ~= "string" then return nil end
        local s, f = ref:match("^([%w_]+)%.([%w_]+)$")
        if not s or type(structs[s]) ~= "table" or type(structs[s].fields) ~= "table"
            or structs[s].fields[f] == nil then
          return path, "struct.field of a layout in structs", ref
        end
      end
      local p, e, g = field("mcontext", v.mcontext)
      if p then return p, e, g end
      p, e, g = field("regs_at", v.regs_at)
      if p then return p, e, g end
      local regs = type(v.regs) == "string" and structs[v.regs]
      if type(regs) ~= "table" or type(regs.fields) ~= "table" then
        return "regs", "the name of a layout in structs", v.regs
      end
      for _, k in ipairs({ "pc", "sp", "fp", "lr" }) do
        local ref = v[k]
        if type(ref) == "string" then
          local f = ref:match("^([%w_]+)")
          if regs.fields[f] == nil or not ref:match("^[%w_]+%+?%d*$") then
            return k, "a field of structs." .. v.regs .. " (optionally field+bytes)", ref
          end
        end
      end
    end }),

  -- network I/O
  poller = record({
    method = str("the OS readiness interface the network poller is built on: one the target's templates "
      .. "implement (templates/manifest.lua `implements`)", { required = true, declared = true,
        dep = "os", where = "Go: runtime/netpoll_<method>.go (epoll on Linux, kqueue on the BSDs and Darwin)" }),
    max_events = int("most events one poll returns", { required = true, min = 1,
      dep = "os", where = "Go: runtime/netpoll_<method>.go (128 for epoll, 64 for kqueue)" }),
  }, "the network poller (netpoll)", { required = true, dep = "os",
    where = "Go: runtime/netpoll_epoll.go or netpoll_kqueue.go" }),
  net = record({
    raise_nofile = bool("raise the soft RLIMIT_NOFILE to the hard limit at start (as Go does)",
      { default = true, dep = "os", where = "Go: runtime/os_<os>.go or syscall's rlimit.go" }),
    nofile_cap = int("highest soft limit to ask for (Darwin's OPEN_MAX); 0: none", { default = 0, min = 0,
      dep = "os", where = "setrlimit(2) on <os>" }),
  }, "sockets", { required = true, dep = "os", where = "socket(7) and setrlimit(2) on <os>" }),
  errno_text = map(str("what rt_strerror says", { dep = "os", where = "errno(3) on <os>" }),
    "messages for errno constants, by name", { default = {}, ident_keys = true, dep = "os",
      where = "errno(3) on <os>" }),

  -- system interface
  syscall_abi = record({
    instruction = str("the trap instruction", { required = true }),
    number_reg = str("register holding the syscall number", { required = true }),
    arg_regs = list(str("a register"), "argument registers, in order", { required = true, nonempty = true }),
    ret_reg = str("result register", { required = true }),
    clobbers = list(str("a register"), "registers the kernel clobbers", { default = {} }),
    error = str("how the kernel reports failure: negative (a result in error_min..error_max is -errno) or "
      .. "flag (a condition flag says failure and the result is a positive errno, which the stubs negate); "
      .. "one of what the target's syscall template implements", { default = "negative", declared = true }),
    error_min = int("lowest result a stub returns that is -errno", { required = true,
        dep = "os", where = "<os>'s syscall ABI (MAX_ERRNO in the kernel's err.h)" }),
    error_max = int("highest result a stub returns that is -errno", { required = true,
        dep = "os", where = "<os>'s syscall ABI (MAX_ERRNO in the kernel's err.h)" }),
  }, "raw syscall convention", { dep = "pair",
    where = "syscall(2) Architecture calling conventions for <arch>; Go: runtime/sys_<os>_<arch>.s" }),
  syscalls = map(record({
    nr = int("syscall number", { required = true, min = 0,
        dep = "pair", where = "__NR_<key> in <asm/unistd.h> for <triple>" }),
    nargs = int("argument count", { required = true, min = 0, max = 6, dep = "os", where = "the <key>(2) man page" }),
  }, "a syscall"), "syscalls the generated stubs make, by name", { dep = "pair",
    where = "<asm/unistd.h> for <triple> (__NR_<name>) and each man page",
    ident_keys = true, unique = { "nr" } }),
  libsystem = record({
    dylib = str("install name of libSystem", { required = true }),
    compatibility_version = str("compatibility version the stub gives libSystem (dyld wants the real one >= it)",
      { required = true }),
    current_version = str("current version the stub gives libSystem", { required = true }),
    functions = list(record({
      name = str("the C name", { required = true, ident = true }),
      ret = str("return type, as C", { required = true }),
      params = str("parameter list, as C", { required = true }),
    }, "a libSystem function"), "libSystem functions the generated layer (or its asm) calls; os_<os>.c "
      .. "declares each", { required = true, nonempty = true, unique = { "name" } }),
    compiler_symbols = list(str("a C name", { ident = true }),
      "symbols clang may call on its own (memcpy, __stack_chk_fail)",
      { default = {}, unique_items = true }),
    linker_symbols = list(str("a symbol, as written", { ident = "linker" }),
      "symbols the linker itself needs (dyld_stub_binder)",
      { default = {}, unique_items = true }),
  }, "libSystem imports", { dep = "os", where = "the macOS SDK" }),
  constants = map(int("a constant", { bits = 64 }), "OS constants for C and asm, by their header names",
    { required = true, ident_keys = true, dep = "os", where = "<key> in <os>'s headers for <arch>" }),
  structs = map(record({
    size = int("size in bytes", { required = true, min = 0 }),
    fields = map(int("byte offset", { min = 0 }), "field offsets", { required = true, ident_keys = true }),
    header_type = str("the target headers' own type that check-table compares this layout with (default: "
      .. "struct <name>)", { dep = "os", where = "<os>'s headers: the type and member names" }),
    header_fields = map(str("a member name"), "the headers' member name of a field, where it differs "
      .. "(kernel_sigaction's handler is sa_handler)",
      { ident_keys = true, dep = "os", where = "<os>'s headers: the type and member names" }),
  }, "a struct layout", {
    check = function(v)
      if math.type(v.size) ~= "integer" or type(v.fields) ~= "table" then return nil end
      for _, k in ipairs(util.sorted_keys(v.fields)) do
        local off = v.fields[k]
        if math.type(off) == "integer" and off >= v.size then
          return "fields." .. k, "an offset below the struct size " .. v.size, off
        end
      end
    end }), "kernel struct layouts", { default = {}, ident_keys = true, dep = "pair",
      where = "<os>'s headers for <arch> (sizeof/offsetof)" }),

  -- Checking and variants.
  waivers = map(str("why the value is not checked"), "check-table: field paths whose value "
    .. "deliberately differs from the target's headers (like [\"constants.O_CLOEXEC\"]), each with its reason",
    { default = {}, dep = "drop" }),
  debug = record({
    checks = bool("runtime assertions (RT_DEBUG): lock ranks, and canaries at both ends of every goroutine "
      .. "stack checked at each switch", { default = false }),
  }, "debug-build knobs (variants/debug.lua)", { default = { checks = false }, dep = "portable" }),
  sanitizer = record({
    runtime_cflags = list(str("a compiler flag"), "flags the runtime is compiled with, after cflags (so a "
      .. "variant that replaces cflags, like debug, keeps them)", { default = {} }),
    program_cflags = list(str("a compiler flag"), "flags every program built with the runtime is compiled and "
      .. "linked with, before the user's (cc and the test suites)", { default = {} }),
  }, "a clang sanitizer over the runtime and its programs (variants/asan.lua, variants/tsan.lua)",
    { default = { runtime_cflags = {}, program_cflags = {} }, dep = "portable",
      check = function(v, root)
        if #(v.program_cflags or {}) > 0 and get(root, "link.mode") ~= "hosted" then
          return "program_cflags", "no program flags unless link.mode is hosted (sanitizers need libc)",
            table.concat(v.program_cflags, " ")
        end
      end }),
}, "a description table")

-- Describing values and expectations ----------------------------------------

local plural = {
  string = "strings", integer = "integers", boolean = "booleans", enum = "names",
  record = "tables", list = "lists", map = "tables",
}

local function what(n)
  if n.kind == "string" then return "a string"
  elseif n.kind == "boolean" then return "true or false"
  elseif n.kind == "enum" then return "one of " .. table.concat(n.values, ", ")
  elseif n.kind == "integer" then
    local s = "an integer"
    if n.pow2 then s = "a power of two"
    elseif n.pow2_or_zero then s = "0 or a power of two" end
    if n.min and n.max then s = s .. " from " .. n.min .. " to " .. n.max
    elseif n.min then s = s .. " >= " .. n.min
    elseif n.max then s = s .. " <= " .. n.max end
    return s
  elseif n.kind == "list" then return "a list of " .. plural[n.of.kind]
  elseif n.kind == "map" then return "a table of name = " .. what(n.of):gsub("^an? ", "")
  elseif n.doc then return "a table (" .. n.doc .. ")"
  else return "a table" end
end
M.what = what

local function got(v)
  if v == nil then return "nothing" end
  if type(v) == "string" then return string.format("%q", v) end
  if type(v) == "table" then
    local k = util.table_kind(v)
    return k == "empty" and "an empty table" or k == "seq" and "a list" or "a table"
  end
  if type(v) == "number" or type(v) == "boolean" then return tostring(v) end
  return "a " .. type(v)
end
M.got = got

-- Validation -----------------------------------------------------------------

local function is_pow2(v) return v > 0 and v & (v - 1) == 0 end

-- The range an integer node may take: min/max within its C type's; the type's name.
local function int_range(n)
  local lo, hi, ctype = -(1 << 31), (1 << 31) - 1, "int32_t"
  if n.bits == 64 then lo, hi, ctype = math.mininteger, math.maxinteger, "int64_t" end
  return math.max(n.min or lo, lo), math.min(n.max or hi, hi), ctype
end

-- Where a problem is blamed: the file and line that set the value, or for a missing
-- field, those of the nearest enclosing table (the file that should have set it).
local function where(ctx, path, missing)
  local o = not missing and ctx.origins[path]
  while not o and path ~= "" do
    path = path:match("^(.*)%[[^%[]*%]$") or path:match("^(.*)%.[^%.%[]*$") or ""
    o = ctx.origins[path]
  end
  if not o or path == "" and missing then o = ctx.origins[""] or { file = ctx.target_file } end
  return o.line and o.file .. ":" .. o.line or o.file
end
M.where = where

local function problem(ctx, path, expected, value, missing)
  ctx.problems[#ctx.problems + 1] = string.format("%s: %s: expected %s; got %s", where(ctx, path, missing), path,
    expected, got(value))
end

-- Integral floats (2^12, 1e3) become integers before checking.
local function normalize(t)
  for k, v in pairs(t) do
    if type(v) == "table" then normalize(v)
    elseif math.type(v) == "float" and math.tointeger(v) then t[k] = math.tointeger(v) end
  end
end

local check

-- The schema node of a field path (nil for an unknown field).
local function node_at(path)
  local n = M.root
  for name in path:gmatch("[^%.]+") do
    if n.kind == "map" then n = n.of
    elseif n.kind == "record" then n = n.fields[name]
    else return nil end
    if not n then return nil end
  end
  return n
end
M.node_at = node_at

-- A declared field: its value must be one the target's templates implement, and the
-- fields that value needs (manifest `implements`) must be there.
local function check_declared(n, v, path, ctx)
  local d = ctx.declared.values[path]
  if not d then
    return problem(ctx, path, string.format("%s that a template implements (no template that applies to "
      .. "this target declares %s in %s)", what(n), path, manifest.FILE), v)
  end
  if not d.set[v] then
    local valid = #d.list > 0 and "one of " .. table.concat(d.list, ", ") or "a value (none is implemented by all)"
    return problem(ctx, path, string.format("%s (what %s implement%s)", valid, table.concat(d.by, " and "),
      #d.by == 1 and "s" or ""), v)
  end
  for _, p in ipairs(d.needs[v] or {}) do
    -- A need under a missing table (syscalls.arch_prctl without syscalls) is that table's problem.
    local parent = p:match("^(.*)%.[^.]+$")
    if get(ctx.root, p) == nil and (parent == nil or get(ctx.root, parent) ~= nil) then
      local f = node_at(p)
      problem(ctx, p, string.format("%s (required when %s is %s: %s)", f and what(f) or "a value", path, v,
        table.concat(d.by, ", ")), nil, true)
    end
  end
end

local function check_items(n, v, path, ctx)
  local keys = util.sorted_keys(v)
  for _, k in ipairs(keys) do
    local p = util.join_path(path, k)
    if n.kind == "list" and math.type(k) ~= "integer" then
      problem(ctx, p, "no such field (" .. path .. " is a list)", v[k])
    elseif n.kind == "map" and type(k) ~= "string" then
      problem(ctx, p, "a name as the key", k)
    elseif n.kind == "map" and n.ident_keys and not k:match("^[%a_][%w_]*$") then
      problem(ctx, p, "a C identifier as the key", k)
    else
      check(n.of, v[k], p, ctx)
    end
  end
  for _, field in ipairs(n.unique or {}) do
    local seen = {}
    for _, k in ipairs(keys) do
      local item = v[k]
      local x = type(item) == "table" and item[field]
      if x ~= nil and x ~= false then
        local p = util.join_path(util.join_path(path, k), field)
        if seen[x] then
          problem(ctx, p, string.format("a unique %s (%s is %s too)", field, seen[x], got(x)), x)
        else
          seen[x] = p
        end
      end
    end
  end
  if n.unique_items then
    local seen = {}
    for _, k in ipairs(keys) do
      local x = v[k]
      if seen[x] then
        problem(ctx, util.join_path(path, k), "an item not already in the list (" .. seen[x] .. ")", x)
      end
      seen[x] = seen[x] or util.join_path(path, k)
    end
  end
end

local function check_record(n, v, path, ctx)
  for _, name in ipairs(util.sorted_keys(n.fields)) do
    local f = n.fields[name]
    local p = util.join_path(path, name)
    if v[name] == nil then
      if f.default ~= nil then
        v[name] = util.deepcopy(f.default)
        if f.declared then check(f, v[name], p, ctx) end
      elseif f.required then
        problem(ctx, p, what(f), nil, true)
      elseif f.when and get(ctx.root, f.when[1]) == f.when[2] then
        problem(ctx, p, string.format("%s (required when %s is %s)", what(f), f.when[1], f.when[2]), nil, true)
      elseif ctx.declared and ctx.declared.required[p] then
        problem(ctx, p, string.format("%s (required by %s)", what(f), ctx.declared.required[p]), nil, true)
      end
    else
      check(f, v[name], p, ctx)
    end
  end
  local known
  for _, k in ipairs(util.sorted_keys(v)) do
    if type(k) ~= "string" or not n.fields[k] then
      known = known or table.concat(util.sorted_keys(n.fields), ", ")
      problem(ctx, util.join_path(path, k), "no such field (known: " .. known .. ")", v[k])
    end
  end
end

check = function(n, v, path, ctx)
  if todo.is_todo(v) then
    -- Not checked: it has no value yet. Listed with its line, so a porter can jump to it.
    local o = ctx.origins[path] or { file = ctx.target_file }
    ctx.todos[#ctx.todos + 1] = { file = o.file, line = o.line or 0,
      text = string.format("%s: %s: TODO: %s", where(ctx, path), path, todo.hint(v)) }
    return
  end
  local before = #ctx.problems
  local k = n.kind
  if k == "string" then
    if type(v) ~= "string" then return problem(ctx, path, what(n), v) end
    if n.ident == "linker" and not v:match("^[%a_$][%w_$]*$") then
      return problem(ctx, path, "a symbol name (letters, digits, _ and $, not starting with a digit)", v)
    elseif n.ident == true and not v:match("^[%a_][%w_]*$") then
      return problem(ctx, path, "a C identifier (letters, digits and _, not starting with a digit)", v)
    end
  elseif k == "boolean" then
    if type(v) ~= "boolean" then return problem(ctx, path, what(n), v) end
  elseif k == "enum" then
    local ok = false
    for _, x in ipairs(n.values) do ok = ok or x == v end
    if not ok then return problem(ctx, path, what(n), v) end
  elseif k == "integer" then
    if math.type(v) ~= "integer" then return problem(ctx, path, what(n), v) end
    if (n.pow2 and not is_pow2(v)) or (n.pow2_or_zero and v ~= 0 and not is_pow2(v))
        or (n.min and v < n.min) or (n.max and v > n.max) then
      return problem(ctx, path, what(n), v)
    end
    local lo, hi, ctype = int_range(n)
    if v < lo or v > hi then
      return problem(ctx, path, string.format("%s from %d to %d (it is a C %s)", what(n):gsub(" from .*", "")
        :gsub(" >= .*", ""):gsub(" <= .*", ""), lo, hi, ctype), v)
    end
  else
    if type(v) ~= "table" then return problem(ctx, path, what(n), v) end
    if k == "record" then
      check_record(n, v, path, ctx)
    else
      if k == "list" and util.table_kind(v) == "map" then return problem(ctx, path, what(n), v) end
      if n.nonempty and next(v) == nil then
        return problem(ctx, path, "a non-empty list of " .. plural[n.of.kind], v)
      end
      check_items(n, v, path, ctx)
    end
  end
  if n.declared and ctx.declared and #ctx.problems == before then check_declared(n, v, path, ctx) end
  if n.check and #ctx.problems == before then
    local p, expected, value = n.check(v, ctx.root)
    if p then
      if p == "" then p = path elseif path ~= "" then p = path .. "." .. p end
      problem(ctx, p, expected, value)
    end
  end
end

-- Checks a resolved table, filling in defaults. origins maps field paths to
-- { file =, line = }; origins[""] names the target file (blamed for missing
-- fields). Returns the list of problems (empty when the table is valid).
--
-- declared (gen/manifest.lua declared()) is what the target's templates implement and
-- require; without it (a table no template set is known for) declared fields take any value.
function M.validate(resolved, origins, declared)
  origins = origins or {}
  normalize(resolved)
  local ctx = {
    root = resolved, origins = origins, problems = {}, todos = {}, declared = declared,
    target_file = origins[""] and origins[""].file or "?",
  }
  check(M.root, resolved, "", ctx)
  -- TODO markers first, in file and line order: a scaffolded table's remaining work.
  table.sort(ctx.todos, function(a, b)
    if a.file ~= b.file then return a.file < b.file end
    if a.line ~= b.line then return a.line < b.line end
    return a.text < b.text
  end)
  local lines = {}
  for i, t in ipairs(ctx.todos) do lines[i] = t.text end
  return table.move(ctx.problems, 1, #ctx.problems, #lines + 1, lines)
end

-- Validates a loaded target (gen/load.lua resolve) against the schema and what the
-- templates of its root declare.
function M.validate_resolved(r)
  local declared
  if type(r.table.os) == "string" and type(r.table.arch) == "string" then
    declared = manifest.declared(r.root or ".", r.table)
  end
  return M.validate(r.table, r.origins, declared)
end

-- What a field path depends on and where its value is found: the deepest node on the
-- path that says (dep, where, derive). Paths: "syscalls.write.nr", "auxv[1].tag".
function M.porting(path)
  local n, found = M.root, { dep = "pair", where = "this field's doc in gen/schema.lua", catch_all = true }
  for _, k in ipairs(util.path_tokens(path)) do
    if n.kind == "record" then n = n.fields[k]
    elseif n.kind == "list" or n.kind == "map" then n = n.of
    else n = nil end
    if not n then break end
    if n.dep then found = { dep = n.dep, where = n.where, derive = n.derive } end
  end
  return found
end

-- Every field with its type and doc, in path order, for documentation.
function M.fields()
  local out = {}
  local function walk(n, path)
    if path ~= "" then
      local req = n.required and "required" or n.when and ("required when " .. n.when[1] .. " is " .. n.when[2])
        or (n.default ~= nil and "default " .. (type(n.default) == "table" and "{}" or tostring(n.default)))
        or "optional"
      out[#out + 1] = { path = path, what = what(n), doc = n.doc, required = req }
    end
    if n.kind == "record" then
      for _, name in ipairs(util.sorted_keys(n.fields)) do walk(n.fields[name], util.join_path(path, name)) end
    elseif n.kind == "list" then
      walk(n.of, path .. "[]")
    elseif n.kind == "map" then
      walk(n.of, path .. ".<name>")
    end
  end
  walk(M.root, "")
  return out
end

return M
