-- `build.lua status [target...]` and `build.lua targets`: a port comes up in stages
-- (tests/stages/stages.lua, docs/porting.md), each with its own program. The early ones
-- link only the generated layer — a small archive of the target's generated objects and
-- the core's vdso, fmt and env scanner — with tests/stages/support.c and the stage file,
-- which stands in for the bootstrap functions rt0 calls; the linker takes just what each
-- stage uses, so the exit stage needs only rt0 and a stub or two. The later stages link
-- the whole runtime, as `build.lua cc` does. Programs run natively, under qemu-user, or
-- are only linked (tests/harness/runner.lua, shared with the e2e suite).
local util = require "gen.util"
local loader = require "gen.load"
local generate = require "gen.generate"
local ninja = require "gen.toolchain.ninja"
local cc = require "gen.toolchain.cc"
local flags = require "gen.toolchain.flags"
local runner = require "tests.harness.runner"
local cases = require "tests.harness.cases"
local pool = require "tests.harness.pool"
local todo = require "gen.todo"

local M = {}

M.FILE = "tests/stages/stages.lua"

-- The stages are one selection of the harness's case model (tests/harness/cases.lua).
function M.load_stages(root) return cases.load(root, "stages") end

-- Building --------------------------------------------------------------------

-- The library's own flags (gen/toolchain/flags.lua), so a stage compiles each object as
-- `build` would.
local function clang_c(T, root, gendir)
  local f = flags.cflags({ table = T }, gendir, flags.abs(root))
  f[#f + 1] = "-Wno-unused-command-line-argument"
  return f
end

local function clang_as(T, root, gendir)
  return flags.asflags({ table = T }, gendir, flags.abs(root))
end

-- Compiles the generated layer into <dir>/libstagegen.a. Objects that do not compile are
-- left out (a stage that needs one then fails to link); their errors are kept.
local function partial_archive(root, r, gendir, dir)
  local T = r.table
  util.mkdir_p(root .. "/" .. dir .. "/obj")
  local sources = {}
  for _, name in ipairs(util.list_dir(root .. "/" .. gendir)) do
    if name:match("%.S$") or name:match("%.c$") then sources[#sources + 1] = gendir .. "/" .. name end
  end
  sources[#sources + 1] = "runtime-core/fmt.c"
  for _, part in ipairs(T.core_parts or {}) do sources[#sources + 1] = "runtime-core/parts/" .. part end
  if T.link.mode == "freestanding" then sources[#sources + 1] = "runtime-core/freestanding/mem.c" end
  local errors = {}
  local scan = dir .. "/env_scan.c"
  local code, _, err = util.capture(util.command(flags.re2c(root .. "/runtime-core/env_scan.re",
    root .. "/" .. scan)))
  if code == 0 then sources[#sources + 1] = scan else errors[#errors + 1] = "re2c env_scan.re: " .. err end
  local objs = {}
  local inc = root .. "/" .. gendir
  for _, s in ipairs(sources) do
    local obj = dir .. "/obj/" .. util.basename(s):gsub("%.", "_") .. ".o"
    local argv = { "clang" }
    for _, f in ipairs(s:match("%.S$") and clang_as(T, root, inc) or clang_c(T, root, inc)) do argv[#argv + 1] = f end
    for _, f in ipairs({ "-c", root .. "/" .. s, "-o", root .. "/" .. obj }) do argv[#argv + 1] = f end
    local c, out, e = util.capture(util.command(argv))
    if c == 0 then objs[#objs + 1] = root .. "/" .. obj
    else errors[#errors + 1] = s .. " does not compile:\n" .. out .. e end
  end
  local lib = dir .. "/libstagegen.a"
  os.remove(root .. "/" .. lib)
  local ar = flags.archive(T)
  ar[#ar + 1] = root .. "/" .. lib
  for _, o in ipairs(objs) do ar[#ar + 1] = o end
  local c, out, e = util.capture(util.command(ar))
  if c ~= 0 then errors[#errors + 1] = "llvm-ar: " .. out .. e end
  return lib, errors
end

-- Resolves, generates and prepares target (+ variants) for its stages. Fails (a user
-- error) when the table cannot generate, e.g. while it has TODOs.
function M.prepare(root, target, variants)
  local g = generate.generate(root, target, variants)
  local r = g.resolved
  local ctx = { root = root, r = r, target = target, variants = variants or {}, gendir = g.dir,
    dir = "build/" .. loader.build_name(r) .. "/stages", run = runner.how(r.table) }
  util.mkdir_p(root .. "/" .. ctx.dir)
  local _, why = flags.recipe(r)
  ctx.norecipe = why
  return ctx
end

local function build(ctx, stage)
  local root, r = ctx.root, ctx.r
  if ctx.norecipe then return nil, ctx.norecipe end
  local exe = root .. "/" .. ctx.dir .. "/" .. stage.name
  local argv
  if stage.link == "partial" then
    if not ctx.lib then ctx.lib, ctx.lib_errors = partial_archive(root, r, ctx.gendir, ctx.dir) end
    local args = flags.whitebox(r, root .. "/" .. ctx.gendir, flags.abs(root), { "tests/stages" })
    for _, a in ipairs({ "-O1", root .. "/" .. stage.src, root .. "/tests/stages/support.c" }) do
      args[#args + 1] = a
    end
    argv = flags.link(root, r, ctx.lib, args)
    argv[#argv + 1] = "-o"
    argv[#argv + 1] = exe
  else
    if ctx.full == nil then
      local ok, b = util.protect(ninja.build, root, ctx.target, ctx.variants)
      ctx.full = ok and b or false
      ctx.full_error = not ok and b or nil
    end
    if not ctx.full then return nil, "the runtime library does not build:\n" .. ctx.full_error end
    argv = cc.link_argv(root, ctx.full, { "-O2", "-g", root .. "/" .. stage.src }, exe)
  end
  os.remove(exe)
  local code, out, err = util.capture(util.command(argv))
  if code ~= 0 then
    local why = "link failed:\n" .. util.command(argv) .. "\n" .. out .. err
    if stage.link == "partial" and #(ctx.lib_errors or {}) > 0 then
      why = why .. "\nparts of the generated layer did not compile:\n" .. table.concat(ctx.lib_errors, "\n")
    end
    return nil, why
  end
  return exe
end

-- Runs every stage for target (up to jobs at a time, default 1); returns a report { target,
-- how, wip, results = {{stage, state, detail}}, passed, blocked = reason (nothing could be
-- built) }. state: pass, fail, links.
function M.status(root, target, variants, jobs)
  local rep = { target = target, results = {}, passed = 0, variants = variants or {} }
  local stages = M.load_stages(root)
  rep.total = #stages
  local okl, raw = util.protect(loader.resolve, target, variants or {}, root)
  if not okl then util.fail("%s", raw) end
  rep.wip = raw.table.wip == true
  local todos = todo.find(raw.table)
  if #todos > 0 then
    rep.blocked = string.format("the table has %d TODO%s (%s lists them)", #todos, #todos == 1 and "" or "s",
      util.cli("gen", target))
    return rep
  end
  local ok, ctx = util.protect(M.prepare, root, target, variants)
  if not ok then
    rep.blocked = ctx
    return rep
  end
  rep.how = ctx.run.how
  -- Each stage is built in order, and its run queued on the harness's job pool (as the e2e
  -- cases are) through the one case runner.
  local P = pool.new(jobs or 1)
  for _, stage in ipairs(stages) do
    local exe, why = build(ctx, stage)
    local res = { stage = stage }
    rep.results[#rep.results + 1] = res
    if not exe then
      res.state, res.detail = "fail", why
    elseif ctx.run.skip then
      res.state, res.detail = "links", ctx.run.skip
      rep.passed = rep.passed + 1
    else
      runner.submit(P, root, stage, exe, ctx.run, false, function(run)
        res.state, res.detail = run.ok and "pass" or "fail", not run.ok and run.text or nil
        -- What a stage reports about the port (stage 7: which clock nanotime reads).
        if run.ok and stage.report then res.note = run.out:match(stage.report) end
        if run.ok then rep.passed = rep.passed + 1 end
      end)
    end
  end
  P.wait()
  P.close()
  rep.link_only = ctx.run.skip ~= nil
  rep.why_link_only = ctx.run.skip
  return rep
end

function M.summary(rep)
  if rep.blocked then return "blocked: " .. rep.blocked:match("^[^\n]*") end
  return string.format("%d/%d %s", rep.passed, rep.total, rep.link_only and "link" or "pass")
end

local function indent(text)
  local out = {}
  for l in tostring(text):gmatch("[^\n]+") do out[#out + 1] = "           " .. l end
  return table.concat(out, "\n")
end

-- The lines `status` prints for a report.
function M.report_lines(rep, verbose)
  local name = rep.target .. (#rep.variants > 0 and " --variant " .. table.concat(rep.variants, ",") or "")
  local head = name .. (rep.wip and " (wip)" or "")
  if rep.blocked then return { head .. ": no stage can be built: " .. rep.blocked } end
  local verb = rep.link_only and "link" or "pass"
  local out = { string.format("%s: %d of %d stages %s (%s%s)", head, rep.passed, rep.total, verb, rep.how,
    rep.link_only and ": " .. rep.why_link_only or "") }
  for i, res in ipairs(rep.results) do
    local mark = res.state == "pass" and "pass " or res.state == "links" and "links" or "FAIL "
    out[#out + 1] = string.format("  %s %d %-8s %s", mark, i, res.stage.name, res.stage.what or "")
    if res.note then out[#out + 1] = "           " .. res.note end
    if res.state == "fail" and (verbose or i == 1 or rep.results[i - 1].state ~= "fail") then
      out[#out + 1] = indent(res.detail)
    end
  end
  return out
end

-- The reports of targets (all by default), one at a time through emit(lines) as each is
-- done; returns the exit code.
function M.command(root, targets, variants, verbose, emit)
  if #targets == 0 then targets = loader.targets(root) end
  local status = 0
  for _, t in ipairs(targets) do
    local rep = M.status(root, t, variants)
    emit(M.report_lines(rep, verbose))
    if rep.blocked or rep.passed < rep.total then status = 1 end
  end
  return status
end

-- The `build.lua test` suite: every stage of every target; a wip target is skipped (it is
-- a port in progress: `status` is its test) and says how far it got.
function M.suite(root, R, opts)
  local jobs = opts and opts.jobs
  for _, t in ipairs(loader.targets(root)) do
    local ok, raw = util.protect(loader.resolve, t, {}, root)
    if ok and raw.table.wip == true then
      local okr, rep = util.protect(M.status, root, t, {}, jobs)
      R.skip("stages: " .. t, "wip target: " .. (okr and M.summary(rep) or "status failed")
        .. "; " .. util.cli("status", t))
    else
      local okr, rep = util.protect(M.status, root, t, {}, jobs)
      if not okr then
        R.fail("stages: " .. t, rep)
      elseif rep.blocked then
        R.fail("stages: " .. t, rep.blocked)
      else
        for i, res in ipairs(rep.results) do
          local name = string.format("stages: %s %d %s%s", t, i, res.stage.name,
            res.state == "links" and " (link only)" or "")
          if res.state == "fail" then R.fail(name, res.detail) else R.pass(name) end
        end
      end
    end
  end
end

-- The hosted mode (--variant libc) of a freestanding target: what was checked, or why not.
-- It is claimed only when its stages ran here and passed.
function M.hosted_mode(root, t)
  local okh, rh = util.protect(generate.resolve, root, t, { "libc" })
  if not okh then
    -- The first problem, without its file: "tls.method: expected one of ...; got ...".
    return "hosted: not available (" .. tostring(rh):match("^[^\n]*"):gsub("^[^:]*%.lua:%d*:? ?", "") .. ")"
  end
  if not flags.recipe(rh) then return "hosted: not available (no link recipe)" end
  local h = runner.how(rh.table)
  if h.skip then return "hosted: unchecked (" .. h.skip .. ")" end
  local okr, rep = util.protect(M.status, root, t, { "libc" })
  if not okr then return "hosted: fails (" .. tostring(rep):match("^[^\n]*") .. ")" end
  return "hosted (--variant libc): " .. M.summary(rep)
end

-- `build.lua targets`: every target, its stages, link modes and how it runs here. A mode
-- is listed with what its stages did here, or why it was not checked.
function M.targets(root)
  local rows = { { "target", "stages", "link modes", "runs here" } }
  for _, t in ipairs(loader.targets(root)) do
    local ok, raw = util.protect(loader.resolve, t, {}, root)
    local row = { t .. ((ok and raw.table.wip) and " (wip)" or "") }
    local okr, rep = util.protect(M.status, root, t)
    row[2] = okr and M.summary(rep) or "error: " .. tostring(rep):match("^[^\n]*")
    local modes, runs = {}, {}
    local okg, r = util.protect(generate.resolve, root, t, {})
    if okg then
      local T = r.table
      modes[#modes + 1] = T.link.mode .. " (default)"
      local h0 = runner.how(T)
      runs[#runs + 1] = h0.how .. (h0.skip and " (" .. h0.skip .. ")" or "")
      if T.link.mode == "freestanding" then modes[#modes + 1] = M.hosted_mode(root, t) end
    end
    row[3] = #modes > 0 and table.concat(modes, ", ") or "?"
    row[4] = #runs > 0 and table.concat(runs, "; ") or "?"
    rows[#rows + 1] = row
  end
  local w = { 0, 0, 0 }
  for _, row in ipairs(rows) do for i = 1, 3 do w[i] = math.max(w[i], #row[i]) end end
  local out = {}
  for _, row in ipairs(rows) do
    local function pad(i) return row[i] .. string.rep(" ", w[i] - #row[i]) end
    out[#out + 1] = pad(1) .. "  " .. pad(2) .. "  " .. pad(3) .. "  " .. row[4]
  end
  return out
end

return M
