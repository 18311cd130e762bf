#!/usr/bin/env lua5.4
-- rt0gen's one driver: gen, build, cc, run, explain, test, bench.
-- Run from anywhere, also through a symlink: paths are taken relative to the directory
-- of this file (the real one: a link to build.lua elsewhere finds gen/ next to its target).
local function script_root()
  local lfs = require "lfs"
  local path = arg and arg[0] or "build.lua"
  for _ = 1, 40 do -- a bound, as the kernel's for link chains
    local target = lfs.symlinkattributes(path, "target")
    if type(target) ~= "string" then break end
    path = target:sub(1, 1) == "/" and target or ((path:match("^(.*/)[^/]*$") or "") .. target)
  end
  local dir = path:match("^(.*)/[^/]*$") or "."
  if dir:sub(1, 1) ~= "/" then
    dir = lfs.currentdir() .. (dir == "." and "" or "/" .. dir)
  end
  return dir
end
local ROOT = script_root()
package.path = ROOT .. "/?.lua;" .. package.path

local argparse = require "argparse"
local util = require "gen.util"
util.use_cli(require "cli")
local load = require "gen.load"
local generate = require "gen.generate"
local ninja = require "gen.toolchain.ninja"
local cc = require "gen.toolchain.cc"
local testrun = require "tests.harness.testrun"

local commands = {}

-- Commands that live in their own harness module (tests/harness/<name>.lua): each adds its
-- parser entry (add_command), runs as command(root, args), and may add a test suite
-- (register_suite).
local MODULE_COMMANDS = { "fuzz", "soak" }
for _, name in ipairs(MODULE_COMMANDS) do
  local mod = require("tests.harness." .. name)
  commands[name] = function(args) return mod.command(ROOT, args) end
  if mod.register_suite then mod.register_suite(testrun) end
end
-- Modules that only add test suites.
for _, name in ipairs({ "sanitize" }) do require("tests.harness." .. name).register_suite(testrun) end

-- One convention for every command: the target is a positional argument or --target
-- (both accepted). Returns the targets named either way, positional ones first.
local function targets_of(args, positional)
  local list = {}
  for _, t in ipairs(type(positional) == "table" and positional or { positional }) do list[#list + 1] = t end
  for _, t in ipairs(args.target_opt or {}) do list[#list + 1] = t end
  return list
end

-- The one target of a command that takes one; fails naming the command otherwise.
local function one_target(args, positional, name)
  local list = targets_of(args, positional)
  if #list ~= 1 then
    util.fail("%s: expected one target (positional or --target); got %d; targets: %s", name, #list,
      table.concat(load.targets(ROOT), ", "))
  end
  return list[1]
end

local function variant_list(v)
  if v == nil or v == "" then return {} end
  local t = {}
  for x in v:gmatch("[^,]+") do t[#t + 1] = x end
  return t
end

function commands.gen(args)
  args.targets = targets_of(args, args.targets)
  if args.check then
    local failed = 0
    for _, t in ipairs(#args.targets > 0 and args.targets or load.targets(ROOT)) do
      local res = generate.check(ROOT, t)
      for _, p in ipairs(res.problems) do io.stderr:write(p, "\n") end
      if #res.problems == 0 then
        print("out/" .. t .. ": up to date")
      elseif res.wip then
        print("out/" .. t .. ": not up to date (wip target, not an error)")
      else
        failed = failed + 1
      end
    end
    local doc = #args.targets == 0 and require("gen.fielddoc").check(ROOT)
    if doc then io.stderr:write(doc, "\n"); failed = failed + 1 end
    return failed == 0 and 0 or 1
  end
  local status = 0
  for _, t in ipairs(#args.targets > 0 and args.targets or load.targets(ROOT)) do
    local ok, res = util.protect(generate.generate, ROOT, t, variant_list(args.variant), { force = args.force })
    if not ok then
      io.stderr:write(res, "\n")
      status = 1
    else
      local changed = 0
      for _, f in ipairs(res.files) do
        if f.changed then
          changed = changed + 1
          print("wrote " .. res.dir .. "/" .. f.name)
        end
      end
      for _, name in ipairs(res.removed) do print("removed " .. res.dir .. "/" .. name) end
      print(string.format("%s: %d files, %d changed", res.dir, #res.files, changed))
    end
  end
  if #args.targets == 0 and require("gen.fielddoc").update(ROOT) then print("wrote docs/porting.md field table") end
  return status
end

-- explain, diff, new-port, check-table, status, targets: review and porting tools.
function commands.explain(args)
  local explain = require "gen.explain"
  -- explain --target t file:line: the one positional is the line.
  if args.target_opt and #args.target_opt > 0 and args.target and not args.where then
    args.where, args.target = args.target, nil
  end
  args.target = one_target(args, args.target, "explain")
  local variants = variant_list(args.variant)
  local lines, problems
  if args.field then
    lines = explain.field(ROOT, args.target, variants, args.field)
  elseif args.where then
    lines = explain.line(ROOT, args.target, variants, args.where)
  else
    lines, problems = explain.table(ROOT, args.target, variants)
  end
  for _, l in ipairs(lines) do print(l) end
  for _, p in ipairs(problems or {}) do io.stderr:write(p, "\n") end
  return #(problems or {}) == 0 and 0 or 1
end

commands["new-port"] = function(args)
  for _, l in ipairs(require("gen.port.newport").command(ROOT, args.name, args.from, args.force)) do print(l) end
  return 0
end

commands["check-table"] = function(args)
  args.target = one_target(args, args.target, "check-table")
  local lines, code = require("gen.port.checktable").command(ROOT, args.target, variant_list(args.variant),
    args.verbose)
  for _, l in ipairs(lines) do print(l) end
  return code
end

function commands.diff(args)
  local diff = require "gen.diff"
  local list = targets_of(args, { args.a, args.b })
  if #list < 1 or #list > 2 then util.fail("diff: expected one or two targets (positional or --target)") end
  args.a, args.b = list[1], list[2]
  local variants = variant_list(args.variant)
  if args.b then
    for _, l in ipairs(diff.targets(ROOT, args.a, args.b, variants, args.patch)) do print(l) end
    return 0
  end
  local lines, changed = diff.pending(ROOT, args.a, variants)
  for _, l in ipairs(lines) do print(l) end
  return changed and 1 or 0
end

function commands.status(args)
  args.targets = targets_of(args, args.targets)
  return require("tests.harness.status").command(ROOT, args.targets, variant_list(args.variant), args.verbose,
    function(lines) for _, l in ipairs(lines) do print(l) end end)
end

function commands.targets(_)
  for _, l in ipairs(require("tests.harness.status").targets(ROOT)) do print(l) end
  return 0
end

function commands.build(args)
  local b = ninja.build(ROOT, one_target(args, args.target, "build"), variant_list(args.variant))
  print(b.lib)
  return 0
end

function commands.test(args)
  return testrun.run(ROOT, { suites = args.suite, jobs = tonumber(args.jobs) })
end

function commands.stress(args)
  local minutes = tonumber(args.minutes)
  if not minutes or minutes <= 0 then
    util.fail("stress: --minutes: expected a positive number; got %s", args.minutes)
  end
  return require("tests.harness.stress").main(ROOT, minutes, tonumber(args.jobs))
end

function commands.bench(args)
  if args.what == "http" then
    local procs = require("bench.bench").parse_procs(args.procs)
    return require("bench.bench_http").run(ROOT, { procs = procs, runs = args.runs })
  elseif args.what then
    util.fail("bench: no benchmark set %q (known: http)", args.what)
  end
  local bench = require "bench.bench"
  if args.profile then
    return require("bench.profile").run(ROOT, args.profile, bench.parse_procs(args.procs)[1], bench.BENCHES)
  end
  return bench.run(ROOT, { procs = bench.parse_procs(args.procs), runs = args.runs, quick = args.quick })
end

-- cc and run take a compiler command line, not argparse options: we pull out
-- --target, --variant and -o and pass everything else to clang (like zig cc).
local function parse_cc_tail(name, argv)
  local opts = { flags = {}, args = {} }
  local i = 1
  local function value(flag)
    i = i + 1
    if argv[i] == nil then util.fail("%s: %s needs a value", name, flag) end
    return argv[i]
  end
  while i <= #argv do
    local a = argv[i]
    if name == "run" and a == "--" then
      table.move(argv, i + 1, #argv, 1, opts.args)
      break
    elseif a == "--target" then opts.target = value(a)
    elseif a:match("^%-%-target=") then opts.target = a:sub(10)
    elseif a == "--variant" then opts.variant = value(a)
    elseif a:match("^%-%-variant=") then opts.variant = a:sub(11)
    elseif a == "-o" then opts.output = value(a)
    elseif a:match("^%-o.") then opts.output = a:sub(3)
    elseif a == "-h" or a == "--help" then opts.help = true
    elseif not opts.target and not a:match("^%-") and util.exists(ROOT .. "/arch/" .. a .. ".lua")
        and not util.is_dir(ROOT .. "/arch/" .. a .. ".lua") then
      opts.target = a -- the positional spelling: cc <target> prog.c -o prog
    else opts.flags[#opts.flags + 1] = a end
    i = i + 1
  end
  return opts
end

local CC_USAGE = [[
Usage: lua5.4 build.lua cc <target> [--variant <v>] <clang args and sources...> -o <program>
       lua5.4 build.lua run <target> [--variant <v>] <clang args and sources...> [-- <program args>]
       (--target <target> is the same as the positional <target>)

Builds the runtime library for the target if needed, then compiles and links the
program with it. Every argument other than --target, --variant and -o goes to clang.]]

function commands.cc(argv)
  local o = parse_cc_tail("cc", argv)
  if o.help then print(CC_USAGE) return 0 end
  if not o.target then
    util.fail("cc: a target is required (positional or --target); targets: %s", table.concat(load.targets(ROOT), ", "))
  end
  if not o.output then util.fail("cc: -o <program> is required") end
  return cc.cc(ROOT, o.target, variant_list(o.variant), o.flags, o.output)
end

function commands.run(argv)
  local o = parse_cc_tail("run", argv)
  if o.help then print(CC_USAGE) return 0 end
  if not o.target then
    util.fail("run: a target is required (positional or --target); targets: %s", table.concat(load.targets(ROOT), ", "))
  end
  local src
  for _, f in ipairs(o.flags) do
    if f:match("%.c$") then src = src or f end
  end
  if not src then util.fail("run: no .c source given") end
  -- build/run/<build>/<hash of the source's full path>/<name>: two programs with one file
  -- name, or one program for two targets, never share an executable.
  local name = util.basename(src):gsub("%.c$", "")
  local build = table.concat({ o.target, table.unpack(variant_list(o.variant)) }, "-"):gsub("[^%w_.-]", "_")
  local out = o.output or string.format("%s/build/run/%s/%s/%s", ROOT, build,
    util.hash(util.abspath(src)):sub(1, 12), name)
  util.mkdir_p(util.dirname(out))
  local status = cc.cc(ROOT, o.target, variant_list(o.variant), o.flags, out)
  if status ~= 0 then return status end
  -- As the test suites run it: natively, or under the target's emulator (run.emulator).
  local runner = require "tests.harness.runner"
  local how = runner.how(load.resolve(o.target, variant_list(o.variant), ROOT).table)
  if how.skip then util.fail("run: built %s, but it cannot run here: %s", out, how.skip) end
  local argv2 = table.move(how.prefix, 1, #how.prefix, 1, {})
  argv2[#argv2 + 1] = out
  for _, a in ipairs(o.args) do argv2[#argv2 + 1] = a end
  return util.execute(util.command(argv2))
end

local function parser()
  local p = argparse("build.lua", "rt0gen: generate, build and test Go-style runtimes for C programs.")
  p:command_target("command")
  p:require_command(true)
  local g = p:command("gen", "Generate out/<target>/ (or build/<target>-<variant>/gen) from the tables.")
  g:argument("targets", "Targets (default: all of arch/*.lua)."):args("*")
  g:option("--target", "A target (same as a positional one).", nil, nil, 1, "*"):target("target_opt")
  g:option("--variant", "Variants on top, comma-separated (names in variants/ or paths).")
  g:flag("--check", "Regenerate into a temp dir and compare with out/ (CI).")
  g:flag("--force", "Overwrite generated files that were edited by hand (otherwise gen refuses and names them).")
  local b = p:command("build", "Build build/<target>[-<variants>]/librt0.a.")
  b:argument("target", "Target (or --target)."):args("?")
  b:option("--target", "Target (same as the positional one).", nil, nil, 1, "*"):target("target_opt")
  b:option("--variant", "Variants, comma-separated.")
  p:command("cc", "Compile and link a program with the runtime (see cc --help).")
  p:command("run", "cc into build/run/ and run it (see run --help).")
  local e = p:command("explain", "The resolved table with each value's origin; or what made a generated line "
    .. "(<file>:<line>); or every line a field reaches (--field).")
  e:argument("target", "Target (or --target)."):args("?")
  e:option("--target", "Target (same as the positional one).", nil, nil, 1, "*"):target("target_opt")
  e:argument("where", "A generated line, like rt0_linux_amd64.S:42 or out/linux-amd64/zdefs_linux_amd64.h:7.")
    :args("?")
  e:option("--variant", "Variants, comma-separated.")
  e:option("--field", "A field path, like g0.size or syscalls.write.nr.")
  local d = p:command("diff", "Two targets' resolved tables side by side, then their generated files; or, with "
    .. "one target, what gen would change in out/ (nothing is written).")
  d:argument("a", "Target (or --target)."):args("?")
  d:argument("b", "Second target."):args("?")
  d:option("--target", "Target (same as a positional one).", nil, nil, 1, "*"):target("target_opt")
  d:option("--variant", "Variants, comma-separated (applied to both).")
  d:flag("--patch", "With two targets: also print the unified diffs of the generated files.")
  local np = p:command("new-port", "Scaffold arch/<os>-<arch>.lua from an existing target: inherited, read from "
    .. "the target's headers, copied, or TODO.")
  np:argument("name", "The new target, <os>-<arch>.")
  np:option("--from", "The target to start from.")
  np:flag("--force", "Overwrite an existing arch/<os>-<arch>.lua.")
  local ct = p:command("check-table", "Compare a table's constants, syscall numbers and struct layouts with the "
    .. "target's own kernel headers.")
  ct:argument("target", "Target (or --target)."):args("?")
  ct:option("--target", "Target (same as the positional one).", nil, nil, 1, "*"):target("target_opt")
  ct:option("--variant", "Variants, comma-separated.")
  ct:flag("-v --verbose", "Also list values the headers do not define, and the waivers.")
  local st = p:command("status", "Build and run the stage programs (tests/stages/) for targets: which stages pass.")
  st:argument("targets", "Targets (default: all of arch/*.lua)."):args("*")
  st:option("--target", "A target (same as a positional one).", nil, nil, 1, "*"):target("target_opt")
  st:option("--variant", "Variants, comma-separated.")
  st:flag("-v --verbose", "Show the details of every failing stage, not just the first of a run.")
  p:command("targets", "Every target with its stages, link modes and how it runs here.")
  local t = p:command("test", "Run every test suite.")
  t:option("--suite", "Only these suites (" .. table.concat(testrun.SUITES, ", ") .. ").")
    :args(1):count("*")
  t:option("--jobs", "Parallel e2e runs.", "2")
  local sp = p:command("stress", "Run the stress programs (tests/stress/) for a while; failures per program.")
  sp:option("--minutes", "How long.", "2")
  sp:option("--jobs", "Parallel runs.", "2")
  local bn = p:command("bench", "Run bench/*.c against their Go peers and print the table (not a test).")
  bn:argument("what", "http: examples/httpd.c against Go's net/http under wrk (bench/bench_http.lua).")
    :args("?")
  bn:option("--procs", "GOMAXPROCS values, comma-separated.", "1,2")
  bn:option("--runs", "Runs of each program, interleaved with its peer (default 5, 3 with --quick).")
  bn:flag("--quick", "Fewer iterations, for a run under a minute.")
  bn:option("--profile", "Instead: instructions per operation of these benchmarks (default all timed ones), "
    .. "and per function, under callgrind at the first --procs value (bench/profile.lua).")
    :args("*")
  for _, name in ipairs(MODULE_COMMANDS) do require("tests.harness." .. name).add_command(p) end
  return p
end

local function main(argv)
  local cmd = argv[1]
  if cmd == "cc" or cmd == "run" then
    return commands[cmd](table.move(argv, 2, #argv, 1, {}))
  end
  local args = parser():parse(argv)
  return commands[args.command](args)
end

util.main("build.lua", main, arg)
