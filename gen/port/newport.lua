-- `build.lua new-port <os>-<arch> --from <target>`: scaffolds arch/<os>-<arch>.lua.
--
-- Every value of the --from target's resolved table is sorted into one of:
--   inherited  the new target's layers (arch/os/<os>.lua, arch/cpu/<arch>.lua) give it;
--   header     read from the new target's own kernel headers (gen/port/kheaders.lua), with a
--              comment naming the header; also where a header contradicts a layer;
--   copied     it does not depend on what changed (a portable knob, or an OS value
--              when only the arch changed, or the reverse);
--   derived    a name that follows from os/arch (the triple, Go's entry symbol name);
--   TODO       everything else that depends on the changed OS or arch: a
--              TODO "what to find and where" marker, which gen lists and refuses.
-- Fields the schema requires of the new target that --from does not have become
-- TODOs too. The scaffold starts with wip = true.
local util = require "gen.util"
local loader = require "gen.load"
local schema = require "gen.schema"
local kheaders = require "gen.port.kheaders"
local checktable = require "gen.port.checktable"
local todo = require "gen.todo"
local manifest = require "gen.manifest"

local scaffold = require "gen.port.scaffold"

local M = {}
local value_literal = scaffold.value_literal
M.TOP = scaffold.TOP
M.render = scaffold.render

-- What each field depends on (identity, drop, portable, os, arch or pair) and where a
-- porter finds it live on the schema's nodes (gen/schema.lua dep/where/derive). Returns
-- { [2] = dep, [3] = where, derive = how, catch_all = true when no node says }.
function M.rule(path)
  local p = schema.porting(path)
  return { p.catch_all and "" or path, p.dep, p.where or "", derive = p.derive, catch_all = p.catch_all }
end

-- Paths ----------------------------------------------------------------------

-- A field path as names and indexes: util.path_tokens.
local split = util.path_tokens
M.split = split

local function get(t, path)
  local v = t
  for _, k in ipairs(split(path)) do
    if type(v) ~= "table" then return nil end
    v = v[k]
  end
  return v
end

local function set(t, path, value)
  local toks = split(path)
  for i = 1, #toks - 1 do
    local k = toks[i]
    if type(t[k]) ~= "table" then t[k] = {} end
    t = t[k]
  end
  t[toks[#toks]] = value
end

-- Leaves of a table: maps are walked, sequences and empty tables are leaves.
local function leaves(v, path, out)
  out = out or {}
  if type(v) == "table" and util.table_kind(v) == "map" then
    for _, k in ipairs(util.sorted_keys(v)) do leaves(v[k], util.join_path(path, k), out) end
  elseif path ~= "" then
    out[#out + 1] = path
  end
  return out
end

-- The schema node of a path (nil for an unknown field).
local function schema_node(path)
  local n = schema.root
  for _, k in ipairs(split(path)) do
    if n.kind == "record" then n = n.fields[k]
    elseif n.kind == "list" or n.kind == "map" then n = n.of
    else return nil end
    if not n then return nil end
  end
  return n
end
M.schema_node = schema_node

local function fill(text, ctx, path)
  local key = split(path)[2]
  return (text:gsub("<(%w+)>", function(k)
    if k == "key" then return key and tostring(key) or "?" end
    return ctx[k] and tostring(ctx[k]) or "<" .. k .. ">"
  end))
end

-- "what: where" for a TODO: the field's doc in gen/schema.lua, then where to look.
function M.hint(path, ctx)
  local n = schema_node(path)
  local what = n and n.doc or path
  return what .. "; see " .. fill(M.rule(path)[3], ctx, path)
end

-- The layers' merged table for the new target, loaded through gen/load.lua from a
-- throwaway root holding just those layers.
local function resolve_layers(root, inherit)
  local tmp = util.tmpdir("rt0gen-newport")
  -- Every layer file, as layers may inherit layers of their own (os/linux: os/posix).
  for _, dir in ipairs({ "os", "cpu" }) do
    util.mkdir_p(tmp .. "/arch/" .. dir)
    for _, f in ipairs(util.list_dir(root .. "/arch/" .. dir)) do
      if f:match("%.lua$") then
        util.write_file(tmp .. "/arch/" .. dir .. "/" .. f, assert(util.read_file(root .. "/arch/" .. dir .. "/" .. f)))
      end
    end
  end
  local lines = {}
  for _, l in ipairs(inherit) do lines[#lines + 1] = string.format("%q", l) end
  util.write_file(tmp .. "/arch/rt0gen-layers.lua", "return { inherit = { " .. table.concat(lines, ", ") .. " } }\n")
  local ok, r = util.protect(loader.resolve, "rt0gen-layers", {}, tmp)
  util.rm_rf(tmp)
  if not ok then util.fail("%s", r) end
  return r
end

-- Scaffolding ----------------------------------------------------------------

local function derive(how, ctx, from_value, F)
  if how == "triple" then
    local t = kheaders.TRIPLES[ctx.os] and kheaders.TRIPLES[ctx.os][ctx.arch]
    if t then return t, "Debian's multiarch triple for " .. ctx.os .. "-" .. ctx.arch end
  elseif how == "entry_symbol" and type(from_value) == "string" then
    if not (from_value:find(F.os, 1, true) or from_value:find(F.arch, 1, true)) then
      return from_value, "as in " .. ctx.from
    end
    local s = from_value:gsub(F.arch, ctx.arch):gsub(F.os, ctx.os)
    return s, ctx.from .. "'s " .. from_value .. " renamed (Go's name for the entry)"
  end
end

-- A literal as its file wrote it (0x20 stays 0x20), when the origin line shows it.
local source_cache = {}
local function literal_at(root, origin, key, value)
  if not origin or not origin.line or type(key) ~= "string" then return nil end
  local lines = source_cache[origin.file]
  if not lines then
    lines = {}
    for l in ((util.read_file(root .. "/" .. origin.file) or "") .. "\n"):gmatch("(.-)\n") do lines[#lines + 1] = l end
    source_cache[origin.file] = lines
  end
  local lit = (lines[origin.line] or ""):match("%f[%w_]" .. key .. "%s*=%s*(%-?[%w]+)")
  if lit and math.tointeger(tonumber(lit)) == value then return lit end
end

-- Builds the scaffold. Returns a plan: { name, os, arch, from, inherit, entries =
-- { path -> {value=, kind=, note=, hint=, order=} }, inherited = n, counts = {kind->n} }.
function M.plan(root, name, from)
  local os_, arch = name:match("^([%l%d]+)%-([%l%d_]+)$")
  if not os_ then
    util.fail("new-port: expected a target name <os>-<arch> (lower case); got '%s'", name)
  end
  local rf = loader.resolve(from, {}, root)
  local F = rf.table
  if type(F.os) ~= "string" or type(F.arch) ~= "string" then
    util.fail("new-port: %s: os and arch must be set to scaffold from it", rf.target_file)
  end
  local inherit = {}
  if util.exists(root .. "/arch/os/" .. os_ .. ".lua") then inherit[#inherit + 1] = "os/" .. os_ end
  if util.exists(root .. "/arch/cpu/" .. arch .. ".lua") then inherit[#inherit + 1] = "cpu/" .. arch end
  local base = resolve_layers(root, inherit)
  local B = base.table
  local ctx = { os = os_, arch = arch, from = from }
  local plan = { name = name, os = os_, arch = arch, from = from, inherit = inherit, entries = {},
    inherited = {}, file = "arch/" .. name .. ".lua" }
  local E = plan.entries
  -- Order of the from-target's files and lines, so the scaffold reads like its source.
  local file_rank = {}
  for i, f in ipairs(rf.layers) do file_rank[f] = i end
  file_rank[rf.target_file] = #rf.layers + 1
  local function order(path)
    local o = rf.origins[path]
    if not o then return { 99, 0 } end
    return { file_rank[o.file] or 98, o.line or 0 }
  end

  E.wip = { value = true, kind = "set", note = "a port in progress: " .. util.cli("status", name) }
  if B.os == nil then E.os = { value = os_, kind = "set" } end
  if B.arch == nil then E.arch = { value = arch, kind = "set" } end
  if B.os ~= nil and B.os ~= os_ then util.fail("new-port: arch/os/%s.lua says os = %q", os_, tostring(B.os)) end
  ctx.triple = (kheaders.TRIPLES[os_] or {})[arch] or "<triple>"

  local pending = {}
  for _, path in ipairs(leaves(F, "")) do
    local v = get(F, path)
    local r = M.rule(path)
    local dep = r[2]
    -- identity (os, arch, wip) is set above; drop (waivers) were the old target's decisions.
    if dep == "identity" or dep == "drop" then
      goto next_leaf
    elseif get(B, path) ~= nil then
      plan.inherited[#plan.inherited + 1] = path
    elseif dep == "portable" or (dep == "os" and F.os == os_) or (dep == "arch" and F.arch == arch) then
      local o = rf.origins[path]
      E[path] = { value = v, kind = "copied", order = order(path),
        lit = literal_at(root, o, split(path)[#split(path)], v),
        note = "as in " .. from .. (dep == "portable" and "" or " (same " .. dep .. ")") }
    else
      pending[#pending + 1] = path
      E[path] = { value = v, kind = "pending", order = order(path), rule = r }
    end
    ::next_leaf::
  end

  -- Ask the new target's headers (Linux): fill pending values, and correct inherited or
  -- copied ones the headers contradict.
  local cand = util.deepcopy(F)
  for _, path in ipairs(leaves(B, "")) do set(cand, path, util.deepcopy(get(B, path))) end
  cand.os, cand.arch = os_, arch
  if type(cand.toolchain) ~= "table" then cand.toolchain = {} end
  cand.toolchain.triple = ctx.triple
  local hset, hwhy = kheaders.for_table(cand)
  plan.headers, plan.headers_why = hset, hwhy
  local header_of = {}
  if hset then
    local items = checktable.items(cand)
    checktable.ask(hset, items)
    for _, it in ipairs(items) do header_of[it.path] = it end
    local defs = kheaders.defines(hset)
    for _, it in ipairs(items) do
      local e = E[it.path]
      local lit = it.guard and defs[it.guard] and defs[it.guard].text
      if lit and math.tointeger(tonumber(lit)) ~= it.header then lit = nil end
      local src = it.where or "the headers"
      if it.header ~= nil then
        if e and e.kind == "pending" then
          E[it.path] = { value = it.header, kind = "header", note = src, lit = lit, order = e.order }
        elseif e and e.kind == "copied" and e.value ~= it.header then
          E[it.path] = { value = it.header, kind = "header", lit = lit, order = e.order,
            note = src .. "; " .. from .. " has " .. checktable.show(e.value) }
        elseif not e and get(B, it.path) ~= nil and get(B, it.path) ~= it.header then
          local o = base.origins[it.path]
          E[it.path] = { value = it.header, kind = "header", lit = lit, order = { 97, 0 },
            note = src .. "; overrides " .. loader.origin_string(o) .. " (" .. checktable.show(get(B, it.path)) .. ")" }
        end
      end
    end
    -- A sequence leaf (auxv) whose items the headers answer: the whole list, corrected.
    for path, e in pairs(E) do
      if e.kind == "pending" and type(e.value) == "table" then
        local copy, all, any = util.deepcopy(e.value), true, false
        local holder = { x = copy }
        for _, it in pairs(header_of) do
          if it.path:sub(1, #path + 1) == path .. "[" then
            any = true
            if it.header == nil then all = false else set(holder, "x" .. it.path:sub(#path + 1), it.header) end
          end
        end
        if any and all then
          E[path] = { value = copy, kind = "header", order = e.order,
            note = "numbers from the headers, the rest as in " .. from }
        end
      end
    end
  end

  -- Derive or mark TODO whatever is still pending.
  for _, path in ipairs(pending) do
    local e = E[path]
    if e.kind == "pending" then
      local r = e.rule
      local value, note
      if r.derive then value, note = derive(r.derive, ctx, e.value, F) end
      if value ~= nil then
        E[path] = { value = value, kind = "derived", note = note, order = e.order }
      else
        local hint = M.hint(path, ctx)
        local it = header_of[path]
        if it and it.header == nil and it.guard then
          hint = string.format("no %s in %s's headers: drop it, or find what replaces it on %s", it.guard,
            ctx.triple, name)
        end
        local n = schema_node(path)
        local detail = {}
        if n and n.kind == "enum" then detail[#detail + 1] = "one of " .. table.concat(n.values, ", ") end
        if n and n.when then detail[#detail + 1] = "needed only when " .. n.when[1] .. " is " .. tostring(n.when[2]) end
        local shown = value_literal(e.value)
        if #shown > 60 then shown = shown:sub(1, 57) .. "..." end
        detail[#detail + 1] = from .. " has " .. shown
        E[path] = { kind = "todo", hint = hint, detail = table.concat(detail, "; "), order = e.order,
          from_value = e.value }
      end
    end
  end

  -- Fields whose schema `when` is decided by the arch, or by a known OS (one with a layer),
  -- and false here are dropped (cpuid on arm64, libsystem on linux); for a new OS they stay
  -- TODO, since it may work like either. Fields the schema requires but nobody gave become TODOs.
  -- Fields a template `requires` (templates/manifest.lua) are dropped the same way when
  -- every template that reads them is for another arch, or for another known OS.
  local requirers = {}
  for _, e in ipairs(manifest.load(root)) do
    for _, p in ipairs(e.requires or {}) do
      requirers[p] = requirers[p] or {}
      table.insert(requirers[p], e)
    end
  end
  local known_os = inherit[1] == "os/" .. os_
  for _, path in ipairs(util.sorted_keys(E)) do
    local list = requirers[path] or requirers[split(path)[1]]
    local drop = list ~= nil
    for _, e in ipairs(list or {}) do
      local other = (e.arch and e.arch ~= arch) or (e.os and e.os ~= os_ and known_os)
      drop = drop and other
    end
    if drop then E[path] = nil end
  end
  for _, path in ipairs(util.sorted_keys(E)) do
    local n = schema_node(path)
    local top = split(path)[1]
    local tn = schema.root.fields[top]
    local w = (n and n.when) or (tn and tn.when)
    if w and (w[1] == "arch" or w[1] == "object_format" or (w[1] == "os" and known_os)) then
      local known = ({ os = os_, arch = arch })[w[1]]
      if w[1] == "object_format" then known = get(B, "object_format") or (E.object_format or {}).value end
      if type(known) == "string" and not todo.is_todo(known) and known ~= w[2] then
        E[path] = nil
      end
    end
  end
  local merged = util.deepcopy(B)
  for path, e in pairs(E) do
    set(merged, path, e.kind == "todo" and todo.TODO(e.hint) or util.deepcopy(e.value))
  end
  for _, p in ipairs(schema.validate(merged, {}, manifest.declared(root, { os = os_, arch = arch }))) do
    local path, expected = p:match("^[^:]*: ([^:]+): expected (.-); got nothing$")
    if path and not E[path] then
      E[path] = { kind = "todo", hint = M.hint(path, ctx), detail = expected, order = { 99, 0 } }
    end
  end

  plan.counts = { header = 0, copied = 0, derived = 0, todo = 0, set = 0 }
  for _, e in pairs(E) do plan.counts[e.kind] = (plan.counts[e.kind] or 0) + 1 end
  return plan
end

-- Templates the new target needs -----------------------------------------------

M.ROLES = {
  ["rt0_{os}_{arch}.S"] = "entry and rt0_go",
  ["sys_{os}_{arch}.S"] = "syscall stubs",
  ["asm_{arch}.S"] = "context switch",
  ["os_{os}.c"] = "OS layer: osinit, sysargs, threads, sleep, memory, clocks",
  ["zdefs_{os}_{arch}.h"] = "constants",
  ["ztarget.h"] = "TLS access (getg/setg), a goroutine's first frame, cpu_relax, cputicks",
  ["regcheck_{arch}.S"] = "register canaries: callee-saved registers survive switches and syscall stubs",
}

local function read_manifest(root)
  local file = "templates/manifest.lua"
  local src = util.read_file(root .. "/" .. file)
  if not src then return {} end
  local chunk = load(src, "@" .. file, "t", {})
  local ok, v = pcall(chunk or error)
  return ok and type(v) == "table" and v or {}
end

-- For each output of the manifest: { output =, role =, status = "have" | "need", template =, like = {...} }.
function M.templates(root, os_, arch)
  local outputs, by_output = {}, {}
  for _, e in ipairs(read_manifest(root)) do
    if type(e) == "table" and type(e.output) == "string" and type(e.template) == "string" then
      if not by_output[e.output] then
        by_output[e.output] = {}
        outputs[#outputs + 1] = e.output
      end
      table.insert(by_output[e.output], e)
    end
  end
  local rows = {}
  for _, o in ipairs(outputs) do
    local have, like, specific = nil, {}, true
    for _, e in ipairs(by_output[o]) do
      local exists = util.exists(root .. "/templates/" .. e.template)
      if (e.os == nil or e.os == os_) and (e.arch == nil or e.arch == arch) and exists then have = e end
      if exists then like[#like + 1] = e end
      if e.os == nil or e.os == os_ then specific = false end
    end
    local name = o:gsub("{os}", os_):gsub("{arch}", arch)
    -- An output with a fixed name made only for other OSes (os_darwin_logic.c) is theirs alone.
    if have or not (specific and not o:find("{", 1, true)) then
      rows[#rows + 1] = { output = name, pattern = o, role = M.ROLES[o] or "", status = have and "have" or "need",
        template = have and "templates/" .. have.template, like = like }
    end
  end
  return rows
end

local function describe_entry(e)
  local cond = {}
  if e.os then cond[#cond + 1] = "os = " .. e.os end
  if e.arch then cond[#cond + 1] = "arch = " .. e.arch end
  return "templates/" .. e.template .. (#cond > 0 and " (" .. table.concat(cond, ", ") .. ")" or "")
end

-- The template a new target should add for a row it needs, named as the others are
-- (<stem>_<arch>.h for a per-arch file, <stem>_<os>.c per OS, both where both vary):
-- an existing template's name with its arch (or os) replaced. Returns the name and the
-- manifest line, or nil when no existing template names its arch or os.
function M.suggest(row, os_, arch)
  for _, e in ipairs(row.like) do
    local t = e.template
    if e.arch and t:find(e.arch, 1, true) and (not e.os or t:find(e.os, 1, true)) then
      local name = t:gsub(e.arch, arch):gsub(e.os or "\0", os_)
      local sel = (e.os and string.format("os = %q, ", os_) or "") .. string.format("arch = %q", arch)
      return name, string.format("{ template = %q, output = %q, %s }", name, row.pattern, sel)
    elseif not e.arch and e.os and t:find(e.os, 1, true) then
      local name = t:gsub(e.os, os_)
      return name, string.format("{ template = %q, output = %q, os = %q }", name, row.pattern, os_)
    end
  end
end

function M.templates_report(root, os_, arch)
  local out = {}
  for _, row in ipairs(M.templates(root, os_, arch)) do
    if row.status == "have" then
      out[#out + 1] = string.format("  have  %-22s %s", row.output, row.template)
    else
      local like = {}
      for _, e in ipairs(row.like) do like[#like + 1] = describe_entry(e) end
      local name, line = M.suggest(row, os_, arch)
      if name then
        out[#out + 1] = string.format("  need  %-22s %s: write templates/%s (like %s) and add %s to "
          .. "templates/manifest.lua", row.output, row.role ~= "" and row.role or "(no role recorded)", name,
          table.concat(like, " or "), line)
      else
        out[#out + 1] = string.format("  need  %-22s %s: write a template like %s and add it to "
          .. "templates/manifest.lua", row.output, row.role ~= "" and row.role or "(no role recorded)",
          table.concat(like, " or "))
      end
    end
  end
  return out
end

-- Layers for a new arch or OS ------------------------------------------------------

-- A new arch (no arch/cpu/<arch>.lua) gets that layer, holding every value that depends on
-- the arch alone; a new OS (no arch/os/<os>.lua) likewise gets arch/os/<os>.lua. The next
-- target on that arch or OS inherits them. Moves those entries out of plan (which then
-- inherits the new layers) and returns { {file =, plan =} } for each new layer.
function M.split_layers(root, plan)
  local layers = {}
  local function layer(kind, dir, key, title)
    local file = "arch/" .. dir .. "/" .. key .. ".lua"
    if util.exists(root .. "/" .. file) then return end
    local sub = { name = plan.name, os = plan.os, arch = plan.arch, from = plan.from, inherit = {}, inherited = {},
      entries = {}, file = file, title = title }
    for path, e in pairs(plan.entries) do
      local dep = M.rule(path)[2]
      if dep == kind or path == kind then
        sub.entries[path] = e
        plan.entries[path] = nil
        plan.inherited[#plan.inherited + 1] = path
      end
    end
    table.insert(plan.inherit, kind == "os" and 1 or #plan.inherit + 1, dir .. "/" .. key)
    layers[#layers + 1] = { file = file, plan = sub }
  end
  layer("os", "os", plan.os, string.format("-- OS layer: what every %s-* target shares.", plan.os))
  layer("arch", "cpu", plan.arch, string.format("-- Arch layer: what every *-%s target shares.", plan.arch))
  return layers
end

-- The command ------------------------------------------------------------------

-- Writes the new table (and any new layer); returns the report lines for build.lua to print.
function M.command(root, name, from, force)
  if not from then util.fail("new-port: --from <target> is required (targets: %s)",
    table.concat(loader.targets(root), ", ")) end
  local file = "arch/" .. name .. ".lua"
  if util.exists(root .. "/" .. file) and not force then
    util.fail("new-port: %s exists already (--force overwrites it)", file)
  end
  local plan = M.plan(root, name, from)
  local out = {}
  local function say(l) out[#out + 1] = l end
  for _, l in ipairs(M.split_layers(root, plan)) do
    util.write_file(root .. "/" .. l.file, M.render(l.plan))
    local n = 0
    for _ in pairs(l.plan.entries) do n = n + 1 end
    say(string.format("wrote %s: %d values that every %s target shares (its next target inherits them)", l.file, n,
      l.file:match("/cpu/") and "*-" .. plan.arch or plan.os .. "-*"))
  end
  local text = M.render(plan)
  util.write_file(root .. "/" .. file, text)
  local c = plan.counts
  say(string.format("wrote %s: %d values inherited from %s, %d from headers, %d copied from %s, %d derived, %d TODO",
    file, #plan.inherited, #plan.inherit > 0 and table.concat(plan.inherit, " + ") or "no layer", c.header,
    c.copied, from, c.derived, c.todo))
  if not plan.headers then say("headers: " .. plan.headers_why) else
    say(string.format("headers: %s (%s)", table.concat(plan.headers.dirs, ", "), plan.headers.package))
  end
  say("templates for " .. name .. " (templates/manifest.lua):")
  for _, l in ipairs(M.templates_report(root, plan.os, plan.arch)) do say(l) end
  say("next: fill in the TODOs (" .. util.cli("gen", name) .. " lists them), then bring the port up stage by stage"
    .. " with " .. util.cli("status", name) .. " (docs/porting.md)")
  return out
end

return M
