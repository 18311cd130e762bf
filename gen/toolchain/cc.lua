-- `build.lua cc`: builds the runtime library if needed, then compiles and links a
-- program with it, passing the user's clang arguments through (like zig cc).
-- Users never type include paths or link lines.
local util = require "gen.util"
local ninja = require "gen.toolchain.ninja"
local flags = require "gen.toolchain.flags"
local generate = require "gen.generate"
local lock = require "gen.lock"

local M = {}

local function append(t, list)
  for _, x in ipairs(list) do t[#t + 1] = x end
  return t
end

-- A .re source (a re2c scanner, as examples/http_parse.re) becomes C under build/re2c/
-- first, so a program's scanners need no build step of their own. Runs re2c now: the
-- argv that comes back may be run later (testrun's pools).
function M.re2c(root, src)
  local abs = util.abspath(src)
  local out = root .. "/build/re2c/" .. abs:gsub("^/", ""):gsub("[^%w_.-]", "_"):gsub("%.re$", ".c")
  util.mkdir_p(util.dirname(out))
  -- Written aside and renamed: a parallel cc of the same scanner never reads half a file.
  local tmp = util.temp_name(out)
  local code, _, err = util.capture(util.command(flags.re2c(abs, tmp)))
  if code ~= 0 then
    os.remove(tmp)
    util.fail("cc: re2c %s failed:\n%s", src, err)
  end
  util.rename(tmp, out)
  return out
end

-- The sources a program is built from: src, then those its first lines name in a
-- comment `// sources: examples/http_parse.re ...` (root-relative), so the test suites
-- and benchmarks that build one file by name build the rest of the program with it.
function M.program_sources(root, src)
  local list = { root .. "/" .. src }
  local f = io.open(root .. "/" .. src)
  if not f then return list end
  for _ = 1, 20 do
    local line = f:read("l")
    if not line then break end
    local names = line:match("^//%s*sources:%s*(.-)%s*$")
    if names then
      for name in names:gmatch("%S+") do list[#list + 1] = root .. "/" .. name end
    end
  end
  f:close()
  return list
end

-- The generated C includes its headers from the .re's folder, as its source did.
function M.with_re2c(root, args)
  local list = {}
  for _, f in ipairs(args) do
    if f:match("%.re$") then append(list, { "-iquote", util.dirname(util.abspath(f)), M.re2c(root, f) })
    else list[#list + 1] = f end
  end
  return list
end

-- The clang argv that links args (sources, -O2, -D..., as the user gave them) into output
-- against an already built library b (see gen/toolchain/ninja.lua), by the target's recipe
-- (gen/toolchain/flags.lua); lib: which of b's archives (default b.lib). A sanitizer's
-- program flags (sanitizer.program_cflags) come first.
function M.link_argv(root, b, args, output, lib)
  local all = append(flags.program_cflags(b.resolved.table), args)
  local argv = flags.link(root, b.resolved, lib or b.lib, M.with_re2c(root, all))
  append(argv, { "-o", output })
  return argv
end

-- Builds and links under the build's lock: a parallel build of the same target cannot
-- rewrite the library (or the Mach-O stub) while this link reads it.
function M.cc(root, target, variants, args, output)
  -- Fail early for a target whose objects we cannot link.
  local r = generate.resolve(root, target, variants)
  local _, why = flags.recipe(r)
  if why then util.fail("cc: %s", why) end
  local _ <close> = lock.hold(generate.lock_path(root, r))
  local b = ninja.build(root, target, variants)
  local code = util.execute(util.command(M.link_argv(root, b, args, output)))
  if code ~= 0 then util.fail("cc: clang failed (exit %d)", code) end
  return 0
end

return M
