-- `build.lua test`: every suite, even after one fails. Prints PASS/FAIL/SKIP
-- per test as it goes and ends with exactly one line `N passed, N failed`
-- (`, N skipped` when some were). Suites:
--   lint      luacheck over the Lua sources (1 test)
--   busted    tests/gen/*_spec.lua, one test per `it`
--   gencheck  out/<target>/ is what gen makes (1 test per target)
--   unit      tests/unit/test_*.c (Criterion) against linux-amd64+libc's librt0_internal.a
--   e2e       tests/e2e/cases.lua: programs built with `cc` and run (case x mode x procs)
--   macho     every example and e2e program linked for each Mach-O target into a Mach-O
--             executable and inspected (gen/toolchain/macho.lua), one test per program, plus one
--             for the library's imports; targets of an os with no link recipe: skipped
--   checktable  each table against its target's kernel headers (gen/port/checktable.lua); no headers: skipped
--   stages    tests/stages/ programs per target (tests/harness/status.lua); wip targets: skipped
--   asan, tsan  unit and e2e again under a sanitizer, and tests/sanitize/ (tests/harness/sanitize.lua)
local util = require "gen.util"
local loader = require "gen.load"
local generate = require "gen.generate"
local ninja = require "gen.toolchain.ninja"
local cc = require "gen.toolchain.cc"
local flags = require "gen.toolchain.flags"
local runner = require "tests.harness.runner"
local cases = require "tests.harness.cases"

local M = {}

M.SUITES = { "lint", "busted", "gencheck", "checktable", "unit", "stages", "bootstrap", "e2e", "stress", "macho" }

-- Reporting ------------------------------------------------------------------

local function truncate(s, n)
  s = tostring(s or "")
  n = n or 600
  if #s <= n then return s end
  return s:sub(1, n) .. string.format("... (%d more bytes)", #s - n)
end

local function reporter()
  local R = { passed = 0, failed = 0, skipped = 0 }
  local function detail(text)
    for line in tostring(text):gmatch("[^\n]+") do io.write("    ", line, "\n") end
  end
  function R.pass(name) R.passed = R.passed + 1; io.write("PASS ", name, "\n"); io.flush() end
  function R.fail(name, text)
    R.failed = R.failed + 1
    io.write("FAIL ", name, "\n")
    if text and text ~= "" then detail(text) end
    io.flush()
  end
  function R.skip(name, why)
    R.skipped = R.skipped + 1
    io.write("SKIP ", name, why and (" (" .. why .. ")") or "", "\n")
    io.flush()
  end
  R.detail = detail
  return R
end

local pool = require("tests.harness.pool").new
M.pool = pool

-- Suites ---------------------------------------------------------------------

local suites = {}

function suites.lint(root, R)
  local cmd = "cd " .. util.quote(root) .. " && luacheck --no-color -q build.lua cli.lua gen tests/harness tests/gen"
    .. " tests/stages tests/stress bench arch variants templates/manifest.lua"
  local code, out, err = util.capture(cmd)
  if code == 0 then R.pass("lint: luacheck") else R.fail("lint: luacheck", truncate(out .. err, 4000)) end
  -- Hand-written C follows .clang-format (generated files and templates are not C).
  local dirs = { "runtime-core", "runtime-core/include", "runtime-core/freestanding", "examples", "tests/unit",
    "tests/e2e", "tests/stages", "tests/stress", "tests/fuzz", "tests/soak", "tests/sanitize", "bench" }
  local files = {}
  for _, d in ipairs(dirs) do
    for _, f in ipairs(util.list_dir(root .. "/" .. d)) do
      if f:match("%.[ch]$") then files[#files + 1] = util.quote(d .. "/" .. f) end
    end
  end
  code, out, err = util.capture("cd " .. util.quote(root) .. " && clang-format --dry-run -Werror "
    .. table.concat(files, " "))
  if code == 0 then R.pass("lint: clang-format")
  else R.fail("lint: clang-format", "fix with clang-format -i <file>\n" .. truncate(out .. err, 4000)) end
end

function suites.busted(root, R)
  local code, bin = util.capture("command -v busted")
  bin = bin:match("^%s*(.-)%s*$")
  if code ~= 0 or bin == "" then return R.fail("busted", "busted is not installed") end
  local p = io.popen("cd " .. util.quote(root) .. " && lua5.4 " .. util.quote(bin)
    .. " -o TAP tests/gen 2>&1; echo \"exit $?\"")
  local seen, failing, status = 0, false, nil
  local other = {}
  for line in p:lines() do
    local name = line:match("^ok %d+ %- (.*)$")
    local nname = line:match("^not ok %d+ %- (.*)$")
    if nname then
      seen, failing = seen + 1, true
      R.fail("busted: " .. (nname ~= "" and nname or "(error loading specs)"))
    elseif name then
      seen, failing = seen + 1, false
      R.pass("busted: " .. name)
    elseif line:match("^exit %d+$") then
      status = tonumber(line:match("%d+"))
    elseif failing and line:match("^#") then
      R.detail(line:gsub("^# ?", ""))
    elseif not line:match("^1%.%.%d+") and not line:match("^#") then
      other[#other + 1] = line
    end
  end
  p:close()
  if status ~= 0 and not failing and seen == 0 then
    R.fail("busted: tests/gen", truncate(table.concat(other, "\n"), 4000))
  end
end

function suites.gencheck(root, R)
  local doc = require("gen.fielddoc").check(root)
  local docname = "gen --check: docs/porting.md field table"
  if doc then R.fail(docname, doc) else R.pass(docname) end
  for _, t in ipairs(loader.targets(root)) do
    local res = generate.check(root, t)
    local name = "gen --check: " .. t
    if #res.problems == 0 then R.pass(name)
    elseif res.wip then R.skip(name, "wip target: " .. #res.problems .. " difference(s)")
    else R.fail(name, table.concat(res.problems, "\n")) end
  end
end

-- Criterion tests: white-box, linked against the hosted (libc) build's raw objects.
-- The target is the first that runs natively here (tests/harness/runner.lua), in the hosted mode.
M.UNIT_VARIANTS = { "libc", "tests/unit/unit_entry.lua" }

-- Real Mach-O executables for tests/unit/test_macho_symtab.c (the host reads them with
-- runtime-core/parts/macho_symtab.c): examples/hello.c linked for every Mach-O target,
-- as the macho suite links it. Their paths, space-separated, for MACHO_FIXTURES.
local function macho_fixtures(root, bindir)
  local list = {}
  for _, t in ipairs(loader.targets(root)) do
    local ok, r = util.protect(generate.resolve, root, t)
    if ok and r.table.object_format == "macho" then
      local okb, b = util.protect(ninja.build, root, t, {})
      local exe = root .. "/" .. bindir .. "/hello-" .. t
      local argv = okb and cc.link_argv(root, b, { "-O2", "-g", root .. "/examples/hello.c" }, exe)
      if argv and util.execute(util.command(argv)) == 0 then list[#list + 1] = exe end
    end
  end
  return table.concat(list, " ")
end

-- opts.unit_variants and opts.prefix: the same tests over another build (tests/harness/sanitize.lua).
function suites.unit(root, R, opts)
  local prefix = opts.prefix or "unit"
  local tests = {}
  for _, f in ipairs(util.list_dir(root .. "/tests/unit")) do
    if f:match("^test_.*%.c$") then tests[#tests + 1] = f end
  end
  if #tests == 0 then return end
  local variants = opts.unit_variants or M.UNIT_VARIANTS
  local ok, b = util.protect(function() return ninja.build(root, runner.native_target(root), variants) end)
  if not ok then
    for _, f in ipairs(tests) do
      R.fail(prefix .. ": " .. f, f == tests[1] and truncate(b, 4000) or "(library build failed)")
    end
    return
  end
  local bindir = b.dir .. "/unit"
  util.mkdir_p(root .. "/" .. bindir)
  local fixtures = "MACHO_FIXTURES=" .. util.quote(macho_fixtures(root, bindir)) .. " "
  local P = pool(opts.jobs or 2)
  local results = {}
  for i, f in ipairs(tests) do
    local exe = root .. "/" .. bindir .. "/" .. f:gsub("%.c$", "")
    -- White-box: the runtime's inside, linked with its raw objects (librt0_internal.a).
    local args = flags.whitebox(b.resolved, root .. "/" .. b.gendir, flags.abs(root))
    for _, a in ipairs({ "-O1", "-Wall", "-Wextra", "-Werror" }) do args[#args + 1] = a end
    -- A test may name other sources (cc.program_sources), say the scanner it tests.
    for _, a in ipairs(cc.program_sources(root, "tests/unit/" .. f)) do args[#args + 1] = a end
    args[#args + 1] = "-lcriterion"
    local compile = util.command(cc.link_argv(root, b, args, exe, b.internal))
    -- Criterion prints its report on stderr; --verbose lists every test.
    local cmd = compile .. " && { " .. fixtures .. "timeout -k 5 300 " .. util.quote(exe)
      .. " --verbose --ascii --color=never; }"
    P.add(cmd, function(code, out, err) results[i] = { file = f, cmd = compile, code = code, text = out .. err } end)
  end
  P.wait()
  P.close()
  for _, res in ipairs(results) do
    -- Names come from --verbose, counts from the synthesis line.
    local tested, passing, failing = res.text:match("Synthesis: Tested: (%d+) | Passing: (%d+) | Failing: (%d+)")
    if not tested then
      R.fail(prefix .. ": " .. res.file, "no Criterion synthesis (exit " .. res.code .. ")\n" .. res.cmd .. "\n"
        .. truncate(res.text, 4000))
    else
      local names, detail = {}, {}
      for line in res.text:gmatch("[^\n]+") do
        local st, name = line:match("^%[(%u%u%u%u)%] ([%w_]+::[%w_]+):")
        if line:match("^%[RUN") then detail = {} end
        if line:match("^%[%-%-%-%-%] ") and not line:match("Criterion v") then detail[#detail + 1] = line:sub(8) end
        if st and not names[name] then
          names[name] = true
          if st == "PASS" then
            io.write("PASS ", prefix, ": ", name, "\n")
          elseif st == "SKIP" then
            R.skipped = R.skipped + 1
            io.write("SKIP ", prefix, ": ", name, "\n")
          else
            io.write("FAIL ", prefix, ": ", name, "\n")
            R.detail(table.concat(detail, "\n"))
          end
        end
      end
      R.passed = R.passed + tonumber(passing)
      R.failed = R.failed + tonumber(failing)
      if tonumber(failing) == 0 and res.code ~= 0 then
        R.fail(prefix .. ": " .. res.file, "exit " .. res.code .. " although no test failed\n" .. truncate(res.text))
      end
    end
  end
end

-- End-to-end cases -----------------------------------------------------------

-- The e2e cases are one selection of the harness's case model (tests/harness/cases.lua).
M.MODES = cases.MODES
-- A case runs on every target that runs here and is not wip (runner.targets: natively or
-- under its emulator), unless it names its own.
M.EMULATED_PROCS = { 1, 2, 4 }

function M.load_cases(root) return cases.load(root, "e2e") end

local function sanitize(s) return (s:gsub("[^%w_.-]", "_")) end

-- opts.cases, opts.modes and opts.prefix: other cases, all in other modes; opts.run_prefix:
-- a command every run goes through (tests/harness/sanitize.lua).
function suites.e2e(root, R, opts)
  local prefix = opts.prefix or "e2e"
  local ok, list = true, opts.cases
  if not list then ok, list = util.protect(M.load_cases, root) end
  if not ok then return R.fail("e2e: tests/e2e/cases.lua", list) end
  if #list == 0 then return end
  local builds, runs = {}, {}
  local P = pool(opts.jobs or 2)
  -- Libraries first, one per target and mode (ninja must not run twice at once).
  local libs = {}
  local function lib(target, mode)
    local key = target .. "/" .. mode
    if libs[key] == nil then
      local okr, r = util.protect(generate.resolve, root, target, M.MODES[mode])
      local okc, e = true, nil
      if okr then
        local why = select(2, flags.recipe(r))
        okc, e = why == nil, why
      end
      local okw, raw = util.protect(loader.resolve, target, M.MODES[mode], root)
      local how = okw and runner.how(raw.table)
      if okw and raw.table.wip == true then
        -- A port in progress is tested stage by stage (build.lua status), not here.
        libs[key] = { run = { skip = target .. " is a wip target: " .. util.cli("status", target) } }
      elseif okw and how.skip and raw.table.link.mode == "hosted" then
        -- A hosted build for another arch needs that arch's libc: not a test here.
        libs[key] = { never = true }
      elseif not okr then
        libs[key] = { err = r }
      elseif not okc then
        libs[key] = { skip = e }
      else
        local okb, b = util.protect(ninja.build, root, target, M.MODES[mode])
        libs[key] = okb and { b = b } or { err = b }
      end
    end
    return libs[key]
  end
  local all = {}
  for _, x in ipairs(runner.targets(root)) do all[#all + 1] = x.target end
  local native = runner.native_target(root) -- named without its target in test names
  for _, c in ipairs(list) do
    for _, target in ipairs(c.targets or all) do
      for _, mode in ipairs(opts.modes or c.modes or cases.DEFAULT_MODES) do
        local l = lib(target, mode)
        if l.never then goto next_mode end
        -- needs: table fields that must be true for the case to apply to a target (a
        -- feature a port may not have yet, like sigctx.async_preempt): counted as skipped.
        if l.b then
          for _, field in ipairs(c.needs or {}) do
            local v = l.b.resolved.table
            for k in field:gmatch("[^%.]+") do v = type(v) == "table" and v[k] or nil end
            if not v then
              R.skip(string.format("%s: %s [%s %s]", prefix, c.name, target, mode),
                field .. " is not true for " .. target)
              goto next_mode
            end
          end
        end
        if l.b and not l.run then l.run = runner.how(l.b.resolved.table) end
        local exe = root .. "/build/e2e/" .. target .. "-" .. mode .. "/" .. sanitize(c.src:gsub("%.c$", ""))
        local bkey = exe
        if l.b and not builds[bkey] then
          util.mkdir_p(util.dirname(exe))
          local argv = cc.link_argv(root, l.b, { "-O2", "-g", table.unpack(cc.program_sources(root, c.src)) }, exe)
          builds[bkey] = { cmd = util.command(argv) }
          P.add(builds[bkey].cmd, function(code, out, err)
            builds[bkey].code, builds[bkey].text = code, out .. err
          end)
        end
        -- A port under emulation runs every case at 1, 2 and 4 Ps (natively, a case
        -- without procs runs once, at the machine's CPU count), unless the case sets
        -- GOMAXPROCS itself.
        local emulated = l.run and l.run.prefix and #l.run.prefix > 0 and not (c.env and c.env.GOMAXPROCS)
        for _, n in ipairs(c.procs or (emulated and M.EMULATED_PROCS) or { false }) do
          local name = string.format("%s: %s [%s%s%s]", prefix, c.name, target == native and "" or target .. " ",
            mode, n and (" GOMAXPROCS=" .. n) or "")
          runs[#runs + 1] = { case = c, name = name, lib = l, exe = exe, build = bkey, procs = n }
        end
        ::next_mode::
      end
    end
  end
  P.wait()
  local done, next_report = {}, 1
  local function report()
    while done[next_report] do
      local run = runs[next_report]
      local res = done[next_report]
      if res.quiet then R.skipped = R.skipped + 1
      elseif res.skip then R.skip(run.name, res.skip .. "; every run it affects is skipped")
      elseif res.ok then R.pass(run.name)
      else R.fail(run.name, res.text) end
      next_report = next_report + 1
    end
  end
  local said = {}
  for i, run in ipairs(runs) do
    local b = builds[run.build]
    if run.lib.skip then
      done[i] = { skip = run.lib.skip }
    elseif run.lib.run and run.lib.run.skip then
      -- One line per reason, then the rest are counted as skipped silently.
      local why = run.lib.run.skip
      done[i] = { skip = why, quiet = said[why] }
      said[why] = true
    elseif run.lib.err then
      done[i] = { text = "library build failed:\n" .. truncate(run.lib.err, 2000) }
    elseif b.code ~= 0 then
      done[i] = { text = "cc failed:\n" .. b.cmd .. "\n" .. truncate(b.text, 2000) }
    else
      -- opts.run_prefix goes before the emulator (setarch -R for a sanitizer).
      local how = run.lib.run
      if opts.run_prefix then
        local pre = {}
        for _, a in ipairs(opts.run_prefix) do pre[#pre + 1] = a end
        for _, a in ipairs(how.prefix) do pre[#pre + 1] = a end
        how = { prefix = pre }
      end
      runner.submit(P, root, run.case, run.exe, how, run.procs, function(res)
        done[i] = res
        report()
      end)
    end
  end
  P.wait()
  report()
  P.close()
end

-- Darwin cannot run here, so its programs are linked and inspected instead: the
-- examples and every e2e program (examples/*.c, then cases.lua's sources), each linked
-- for every Mach-O target (object_format = macho) against the libSystem stub with ld64.lld; then
-- gen/toolchain/macho.lua's inspect (MH_EXECUTE, LC_MAIN at the entry symbol, LC_LOAD_DYLIB of
-- libSystem, imports all in the stub, no syscall instruction).
local function macho_programs(root)
  local programs, seen = {}, {}
  local function add(src)
    if not seen[src] then seen[src], programs[#programs + 1] = true, src end
  end
  local examples = {}
  for _, f in ipairs(util.list_dir(root .. "/examples")) do
    if f:match("%.c$") then examples[#examples + 1] = "examples/" .. f end
  end
  table.sort(examples)
  for _, f in ipairs(examples) do add(f) end
  local ok, list = util.protect(M.load_cases, root)
  -- A case that names its targets without a Mach-O one (say, raw Linux syscalls in the
  -- test itself) is not a Mach-O program.
  local function for_macho(c)
    if not c.targets then return true end
    for _, t in ipairs(c.targets) do
      local okr, r = util.protect(loader.resolve, t, {}, root)
      if okr and r.table.object_format == "macho" then return true end
    end
    return false
  end
  for _, c in ipairs(ok and list or {}) do
    if for_macho(c) then add(c.src) end
  end
  return programs, not ok and list or nil
end

-- Imports of the library's objects (undefined and not defined by another member) that
-- the stub lacks: a core or layer change that calls something new shows up here even
-- when no program links the object that calls it.
local function macho_lib_imports(root, b, macho)
  local nm = macho.tool("llvm-nm")
  if not nm then return { "llvm-nm not found" } end
  local code, out, err = util.capture(util.quote(nm) .. " " .. util.quote(root .. "/" .. b.internal))
  if code ~= 0 then return { "llvm-nm failed: " .. err } end
  local defined, undefined = {}, {}
  for line in out:gmatch("[^\n]+") do
    local kind, name = line:match("^%s*%x*%s+(%a)%s+(%S+)$")
    if kind == "U" then undefined[name] = true elseif kind then defined[name] = true end
  end
  -- rt_main is the program's (rt.h), not an import.
  local known = { [b.resolved.table.asm.symbol_prefix .. "rt_main"] = true }
  for _, s in ipairs(macho.stub_symbols(b.resolved.table)) do known[s] = true end
  -- The code bounds of runtime_text are defined by the linker itself (section$start$...).
  for _, k in ipairs({ "start", "stop", "exe_start", "exe_stop" }) do
    local rt_text = b.resolved.table.runtime_text
    if rt_text and rt_text[k] then known[rt_text[k]] = true end
  end
  local missing = {}
  for _, name in ipairs(util.sorted_keys(undefined)) do
    if not defined[name] and not known[name] then missing[#missing + 1] = name end
  end
  return missing
end

-- Links every program for Mach-O target t (resolved r) with its library b, in parallel,
-- then reports one test per program.
local function macho_link_all(root, R, opts, r, b, programs, macho)
  local t = r.target
  local P = pool(opts.jobs or 2)
  local results = {}
  for i, src in ipairs(programs) do
    local exe = root .. "/build/macho/" .. t .. "/" .. sanitize(src:gsub("%.c$", ""))
    util.mkdir_p(util.dirname(exe))
    os.remove(exe)
    local cmd = util.command(cc.link_argv(root, b, { "-O2", "-g", table.unpack(cc.program_sources(root, src)) }, exe))
    P.add(cmd, function(code, out, err) results[i] = { exe = exe, cmd = cmd, code = code, text = out .. err } end)
  end
  P.wait()
  P.close()
  for i, src in ipairs(programs) do
    local res, name = results[i], "macho: " .. src .. " [" .. t .. "]"
    if res.code ~= 0 then
      local undef = {}
      for sym in res.text:gmatch("undefined symbol: (%S+)") do undef[#undef + 1] = sym end
      local why = #undef == 0 and "" or string.format("undefined symbols missing from the libSystem stub "
        .. "(%s libsystem): %s\n", r.target_file, table.concat(undef, " "))
      R.fail(name, string.format("%slink failed (exit %d):\n%s\n%s", why, res.code, res.cmd, truncate(res.text, 2000)))
    else
      local problems = macho.inspect(r, res.exe)
      if #problems == 0 then R.pass(name) else R.fail(name, table.concat(problems, "\n")) end
    end
  end
end

function suites.macho(root, R, opts)
  local macho = require "gen.toolchain.macho"
  local programs, cases_err = macho_programs(root)
  if cases_err then R.fail("macho: tests/e2e/cases.lua", cases_err) end
  for _, t in ipairs(loader.targets(root)) do
    local ok, r = util.protect(generate.resolve, root, t)
    if ok and not flags.recipe(r) then
      R.skip("link: " .. t, "no link recipe for " .. r.table.object_format .. " objects yet")
    elseif ok and r.table.object_format == "macho" then
      local okb, b = util.protect(ninja.build, root, t, {})
      local libname = "macho: librt0.a imports are in the libSystem stub [" .. t .. "]"
      if not okb then
        R.fail(libname, truncate(b, 4000))
        for _, src in ipairs(programs) do R.fail("macho: " .. src .. " [" .. t .. "]", "(library build failed)") end
      else
        local missing = macho_lib_imports(root, b, macho)
        if #missing == 0 then R.pass(libname)
        else R.fail(libname, "missing from " .. r.target_file .. " libsystem: " .. table.concat(missing, " ")) end
        macho_link_all(root, R, opts, r, b, programs, macho)
      end
    end
  end
end

function suites.stress(root, R, opts) require("tests.harness.stress").suite(root, R, opts) end
function suites.checktable(root, R) require("gen.port.checktable").suite(root, R) end
function suites.stages(root, R, opts) require("tests.harness.status").suite(root, R, opts) end

-- What a freestanding program is made of, checked on hello for every freestanding
-- Linux target: a static ELF (no interpreter, no dynamic section), no undefined symbol
-- (so nothing from libc), and — where it runs natively, under strace — the generated
-- rt0's settls as the first system call after execve.
function suites.bootstrap(root, R)
  for _, t in ipairs(loader.targets(root)) do
    local okr, r = util.protect(generate.resolve, root, t)
    if okr and r.table.object_format == "elf" and r.table.link.mode == "freestanding" and not r.table.wip then
      local okb, b = util.protect(ninja.build, root, t, {})
      local exe = root .. "/build/bootstrap/" .. t .. "/hello"
      util.mkdir_p(util.dirname(exe))
      local code, out, err = 1, "", okb and "" or tostring(b)
      if okb then
        code, out, err = util.capture(util.command(cc.link_argv(root, b, { root .. "/examples/hello.c" }, exe)))
      end
      if code ~= 0 then
        R.fail("bootstrap: hello builds [" .. t .. "]", truncate(out .. err, 2000))
      else
        local _, ph = util.capture("llvm-readobj --program-headers " .. util.quote(exe))
        local static = not ph:find("PT_INTERP", 1, true) and not ph:find("PT_DYNAMIC", 1, true)
        if static then R.pass("bootstrap: hello is a static ELF [" .. t .. "]")
        else R.fail("bootstrap: hello is a static ELF [" .. t .. "]", "PT_INTERP or PT_DYNAMIC present") end
        local _, undef = util.capture("llvm-nm --undefined-only " .. util.quote(exe))
        local nolibc = "bootstrap: hello has no undefined symbol (no libc) [" .. t .. "]"
        if undef:match("%S") == nil then R.pass(nolibc) else R.fail(nolibc, undef) end
        local settls = r.table.tls.settls_syscall
        if runner.how(r.table).how == "natively" and settls then
          local name = "bootstrap: " .. settls .. " is the first syscall after execve [" .. t .. "]"
          local scode, _, trace = util.capture("strace -f " .. util.quote(exe) .. " >/dev/null")
          if scode == 127 or trace:find("not found", 1, true) then
            R.skip(name, "strace is not installed")
          else
            local calls = {}
            for line in trace:gmatch("[^\n]+") do
              local call = line:match("^%[pid%s+%d+%]%s+([%w_]+)%(") or line:match("^([%w_]+)%(")
              if call then calls[#calls + 1] = line end
            end
            local first, second = calls[1] or "", calls[2] or ""
            if first:match("^execve%(") and second:sub(1, #settls + 1) == settls .. "(" then
              R.pass(name)
            else
              R.fail(name, table.concat(calls, "\n", 1, math.min(#calls, 4)))
            end
          end
        end
      end
    end
  end
end

M.suites = suites

function M.run(root, opts)
  opts = opts or {}
  local R = reporter()
  local only = {}
  for _, s in ipairs(opts.suites or {}) do
    if not suites[s] then util.fail("test: no such suite '%s' (%s)", s, table.concat(M.SUITES, ", ")) end
    only[s] = true
  end
  for _, name in ipairs(M.SUITES) do
    if next(only) == nil or only[name] then
      local ok, err = pcall(suites[name], root, R, opts)
      if not ok then
        R.fail(name, util.is_user_error(err) and err.msg or debug.traceback(tostring(err)))
      end
    end
  end
  local total = string.format("%d passed, %d failed", R.passed, R.failed)
  if R.skipped > 0 then total = total .. string.format(", %d skipped", R.skipped) end
  print(total)
  return R.failed == 0 and 0 or 1
end

return M
