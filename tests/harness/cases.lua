-- The harness's one test-case model: a program built from src and run with args and env
-- under a timeout, its exit code and output checked. The e2e cases (tests/e2e/cases.lua),
-- the port's stages (tests/stages/stages.lua) and the stress programs
-- (tests/stress/cases.lua) are selections over this one schema, loaded by this one loader
-- and run by tests/harness/runner.lua through the one job pool (tests/harness/pool.lua).
local util = require "gen.util"

local M = {}

-- Modes: the variants an e2e case is built with. Freestanding, libc and debug run by
-- default (the debug variant's status, queue and lock-rank checks over every case: the
-- first whole-suite run in it found two bugs); the others where a case lists them
-- (unguarded: every stack canary-protected, no guard pages).
M.MODES = { freestanding = {}, libc = { "libc" }, unguarded = { "tests/e2e/unguarded.lua" }, debug = { "debug" },
  small = { "small" } }
M.DEFAULT_MODES = { "freestanding", "libc", "debug" }

-- Every field: its Lua type, and the selections that use it (nil: every selection).
M.FIELDS = {
  name = { type = "string" }, src = { type = "string" },
  args = { type = "table" }, env = { type = "table" },
  stdout = { type = "string" }, stdout_match = { type = "string" }, stderr_match = { type = "string" },
  exit = { type = "number" }, timeout = { type = "number" }, procs = { type = "table" },
  -- e2e: which builds and targets a case runs on, and the table fields it needs
  modes = { type = "table", only = { e2e = true } }, targets = { type = "table", only = { e2e = true } },
  needs = { type = "table", only = { e2e = true } },
  -- stages: how the program is linked, its line in `status`, what it reports about the port
  link = { type = "string", only = { stages = true } }, what = { type = "string", only = { stages = true } },
  report = { type = "string", only = { stages = true } },
}

-- The selections: where each lives, what one entry is called in messages, the fields it
-- requires, the timeout (seconds) a case without one gets, and (fields) the only common
-- fields it honours when not all (a stress program prints "ok" and exits 0 by contract,
-- and gets a seed as its argument).
M.SELECTIONS = {
  e2e = { file = "tests/e2e/cases.lua", noun = "case", required = { "name", "src" }, timeout = 60, optional = true },
  stages = { file = "tests/stages/stages.lua", noun = "stage", required = { "name", "src", "link" }, timeout = 30 },
  -- Cases that expect a sanitizer's report (tests/harness/sanitize.lua): the e2e fields,
  -- their modes naming sanitizers.
  sanitize = { file = "tests/sanitize/cases.lua", noun = "case", required = { "name", "src" }, timeout = 60,
    optional = true, fields_of = "e2e" },
  stress = { file = "tests/stress/cases.lua", noun = "case", required = { "name", "src" }, timeout = 20,
    fields = { name = true, src = true, procs = true, timeout = true } },
}

local function check(sel, file, i, c)
  local where = string.format("%s: %s %d", file, sel.noun, i)
  if type(c) ~= "table" then util.fail("%s: expected a table", where) end
  local function used(k)
    local f = M.FIELDS[k]
    return f and (not f.only or f.only[sel.fields_of or sel.name]) and (not sel.fields or sel.fields[k])
  end
  local known = {}
  for k in pairs(M.FIELDS) do
    if used(k) then known[#known + 1] = k end
  end
  table.sort(known)
  for _, k in ipairs(util.sorted_keys(c)) do
    local f = M.FIELDS[k]
    if not used(k) then
      util.fail("%s: unknown field '%s' (known: %s)", where, tostring(k), table.concat(known, ", "))
    elseif type(c[k]) ~= f.type then
      util.fail("%s: %s: expected a %s; got %s", where, k, f.type, type(c[k]))
    end
  end
  for _, k in ipairs(sel.required) do
    if c[k] == nil then
      local list = table.concat(sel.required, ", ", 1, #sel.required - 1) .. " and " .. sel.required[#sel.required]
      util.fail("%s: %s are required", where, list)
    end
  end
  if c.link ~= nil and c.link ~= "partial" and c.link ~= "full" then
    util.fail("%s: link: expected \"partial\" or \"full\"; got %s", where, util.show(c.link))
  end
  for _, m in ipairs(c.modes or {}) do
    if not M.MODES[m] then
      util.fail("%s: modes: no such mode '%s' (%s)", where, m, table.concat(util.sorted_keys(M.MODES), ", "))
    end
  end
end

-- The cases of selection name (e2e, stages, stress), checked against the schema; each
-- without a timeout gets the selection's. A missing e2e or stress file is no cases.
function M.load(root, name)
  local sel = assert(M.SELECTIONS[name], name)
  sel.name = name
  local src = util.read_file(root .. "/" .. sel.file)
  if not src then
    if not sel.optional then util.fail("%s: cannot read it", sel.file) end
    return {}
  end
  local chunk, err = load(src, "@" .. sel.file, "t", {})
  if not chunk then util.fail("%s", err) end
  local ok, cases = pcall(chunk)
  if not ok then util.fail("%s", tostring(cases)) end
  if type(cases) ~= "table" then util.fail("%s: expected a list of %ss", sel.file, sel.noun) end
  for i, c in ipairs(cases) do
    check(sel, sel.file, i, c)
    c.timeout = c.timeout or sel.timeout
  end
  return cases
end

return M
