-- The rule that makes "a port is data" true: gen/ and runtime-core/ name no target, OS or
-- arch, and no TLS method. Generic code keys on table fields (object_format, link.mode,
-- tls.*, threads.clone_tls_arg, ...), never on "darwin", "linux", "arm64" or a method's
-- name. Comments aside, a name in a string literal or as a table key fails this spec.
--
-- The names: every os, arch and target of arch/, and every tls.method a template declares
-- (templates/manifest.lua). The few places that are genuinely per-format are listed in
-- ALLOWED with the field they key on.
local util = require "gen.util"
local load = require "gen.load"
local manifest = require "gen.manifest"

-- file -> why it may name them: the field it keys on.
local ALLOWED = {
  -- Debian's kernel-header packages and multiarch triples: data looked up by
  -- toolchain.triple (check-table) and by <os>-<arch> for a new port's triple.
  ["gen/port/kheaders.lua"] = "toolchain.triple",
}

local function names()
  local set = {}
  for _, t in ipairs(load.targets(".")) do
    set[t] = true
    local r = load.resolve(t, {}, ".")
    set[r.table.os], set[r.table.arch] = true, true
  end
  for _, e in ipairs(manifest.load(".")) do
    for _, m in ipairs(util.sorted_keys((e.implements or {})["tls.method"] or {})) do set[m] = true end
  end
  return set
end

-- Lua source without comments: -- to end of line, and --[[ ]] blocks.
local function strip_lua(src)
  src = src:gsub("%-%-%[(=*)%[.-%]%1%]", "")
  local out = {}
  for line in (src .. "\n"):gmatch("(.-)\n") do
    -- Cut at a -- that is not inside a string (good enough for this codebase's style).
    local inq, cut = nil, nil
    local i = 1
    while i <= #line do
      local c = line:sub(i, i)
      if inq then
        if c == "\\" then i = i + 1 elseif c == inq then inq = nil end
      elseif c == '"' or c == "'" then inq = c
      elseif line:sub(i, i + 1) == "--" then cut = i break end
      i = i + 1
    end
    out[#out + 1] = cut and line:sub(1, cut - 1) or line
  end
  return table.concat(out, "\n")
end

-- C source without comments.
local function strip_c(src)
  return (src:gsub("/%*.-%*/", ""):gsub("//[^\n]*", ""))
end

-- The words of string literals and the table keys of a stripped source, with line numbers.
local function words(code, lua)
  local found = {}
  local n = 1
  for line in (code .. "\n"):gmatch("(.-)\n") do
    for _, q in ipairs({ '"', "'" }) do
      for s in line:gmatch(q .. "(.-)" .. q) do
        for w in s:gmatch("[%w_%-]+") do found[#found + 1] = { word = w, line = n, text = line } end
      end
    end
    if lua then
      for k in line:gmatch("[{,]%s*([%a_][%w_]*)%s*=[^=]") do
        found[#found + 1] = { word = k, line = n, text = line }
      end
      local k = line:match("^%s*([%a_][%w_]*)%s*=[^=]")
      if k then found[#found + 1] = { word = k, line = n, text = line } end
    end
    n = n + 1
  end
  return found
end

local function offenders(files, set)
  local bad = {}
  for _, f in ipairs(files) do
    if not ALLOWED[f] then
      local src = assert(util.read_file(f))
      local lua = f:match("%.lua$") ~= nil
      for _, w in ipairs(words(lua and strip_lua(src) or strip_c(src), lua)) do
        local hit = set[w.word]
        -- "linux-amd64" splits into words too: each is checked.
        if not hit then
          for part in w.word:gmatch("[^%-]+") do hit = hit or set[part] end
        end
        if hit then bad[#bad + 1] = string.format("%s:%d: %s", f, w.line, w.text:match("^%s*(.-)%s*$")) end
      end
    end
  end
  return bad
end

local function list(dir, pattern)
  local out = {}
  for _, f in ipairs(util.list_dir(dir)) do
    if f:match(pattern) and not util.is_dir(dir .. "/" .. f) then out[#out + 1] = dir .. "/" .. f end
  end
  table.sort(out)
  return out
end

-- The Lua that runs for every target: the generator (gen/ and its role folders), the test
-- harness and the bench driver.
local LUA_DIRS = { "gen", "gen/toolchain", "gen/port", "tests/harness", "bench" }

describe("gen/, the harness, the bench driver and runtime-core/", function()
  it("name no target, OS, arch or TLS method (comments aside)", function()
    local files = {}
    for _, dir in ipairs(LUA_DIRS) do
      for _, f in ipairs(list(dir, "%.lua$")) do files[#files + 1] = f end
    end
    for _, dir in ipairs({ "runtime-core", "runtime-core/parts", "runtime-core/freestanding",
      "runtime-core/include" }) do
      for _, f in ipairs(list(dir, "%.[ch]$")) do files[#files + 1] = f end
      for _, f in ipairs(list(dir, "%.re$")) do files[#files + 1] = f end
    end
    local bad = offenders(files, names())
    assert.are.same({}, bad, table.concat(bad, "\n"))
  end)

  it("catches a planted name", function()
    local root = util.tmpdir("rt0gen-names")
    util.write_file(root .. "/x.lua", 'if T.os == "darwin" then end -- "linux" in a comment is fine\n'
      .. "M.recipes = {\n  linux = {},\n}\nlocal t = { x = 1, amd64 = 2 }\n")
    util.write_file(root .. "/y.c", '// arm64 here is fine\nstatic const char *s = "arm64";\n')
    local bad = offenders({ root .. "/x.lua", root .. "/y.c" }, names())
    util.rm_rf(root)
    assert.are.equal(4, #bad, table.concat(bad, "\n"))
  end)
end)

-- The core builds only what a target uses: runtime-core/parts/ files where core_parts says.
describe("core parts", function()
  local ninja = require "gen.toolchain.ninja"
  local generate = require "gen.generate"

  local function text(t)
    local r = generate.resolve(".", t, {})
    return ninja.text(".", r, "build/" .. t, "out/" .. t)
  end

  it("are compiled only for targets whose tables list them", function()
    assert.is_truthy(text("linux-amd64"):find("runtime-core/parts/cgroup.c", 1, true))
    assert.is_truthy(text("linux-amd64"):find("runtime-core/parts/vdso_elf.c", 1, true))
    -- the traceback's symbol reader: one per object format
    assert.is_truthy(text("linux-amd64"):find("runtime-core/parts/elf_symtab.c", 1, true))
    assert.is_nil(text("linux-amd64"):find("macho_symtab", 1, true))
    assert.is_truthy(text("darwin-amd64"):find("runtime-core/parts/macho_symtab.c", 1, true))
    for _, part in ipairs({ "cgroup", "vdso_elf", "elf_symtab" }) do
      assert.is_nil(text("darwin-amd64"):find("parts/" .. part, 1, true))
    end
  end)
end)
