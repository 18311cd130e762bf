-- `build.lua cc`: builds the runtime library if needed, then compiles and links a
-- program with it, passing the user's clang arguments through (like zig cc).
-- Users never type include paths or link lines.
local util = require "gen.util"
local ninja = require "gen.ninja"
local generate = require "gen.generate"
local lock = require "gen.lock"

local M = {}

local function append(t, list)
  for _, x in ipairs(list) do t[#t + 1] = x end
  return t
end

local function libgcc(triple)
  local code, out = util.capture(util.command({ "clang", "--target=" .. triple, "-print-libgcc-file-name" }))
  local path = out:match("^%s*(.-)%s*$")
  if code == 0 and path ~= "" and util.exists(path) then return path end
  return nil
end

-- How programs are linked, by object format and link mode (a per-format place): functions
-- returning the clang argv. A new object format adds its recipe here (Mach-O's comes with
-- its ld64.lld/libSystem stub); a new OS of a known format needs nothing.
M.recipes = {
  elf = {
    freestanding = function(root, r, lib, flags)
      local T = r.table
      local argv = {
        "clang", "--target=" .. T.toolchain.triple, "-static", "-nostdlib", "-ffreestanding",
        "-fno-stack-protector", "-fno-pie", "-no-pie", "-Wno-unused-command-line-argument", "-fuse-ld=lld",
        "-Wl,--gc-sections", "-fno-omit-frame-pointer",
        "-Wl,-e," .. (T.asm.symbol_prefix .. T.entry.symbol), "-I", root .. "/runtime-core/include",
      }
      append(argv, util.stack_cflags(T))
      append(argv, flags)
      argv[#argv + 1] = root .. "/" .. lib
      argv[#argv + 1] = libgcc(T.toolchain.triple)
      return argv
    end,
    hosted = function(root, r, lib, flags)
      local argv = {
        "clang", "--target=" .. r.table.toolchain.triple, "-fuse-ld=lld", "-fno-omit-frame-pointer",
        "-I", root .. "/runtime-core/include",
      }
      append(argv, util.stack_cflags(r.table))
      append(argv, flags)
      append(argv, { root .. "/" .. lib, "-pthread" })
      return argv
    end,
  },
  -- Always hosted: clang --target=<triple>, linked against a libSystem .tbd stub made
  -- from the table by ld64.lld (or the native SDK on a Mac), see gen/macho.lua.
  macho = {
    hosted = function(root, r, lib, flags) return require("gen.macho").link_argv(root, r, lib, flags) end,
  },
}

function M.recipe(r)
  local by_format = M.recipes[r.table.object_format]
  local recipe = by_format and by_format[r.table.link.mode]
  if not recipe then
    util.fail("cc: no link recipe for %s objects (%s link mode) yet, so programs cannot be linked for %s",
      r.table.object_format, r.table.link.mode, r.target)
  end
  return recipe
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
  local code, _, err = util.capture(ninja.RE2C .. " -o " .. util.quote(tmp) .. " " .. util.quote(abs))
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
function M.with_re2c(root, flags)
  local list = {}
  for _, f in ipairs(flags) do
    if f:match("%.re$") then append(list, { "-iquote", util.dirname(util.abspath(f)), M.re2c(root, f) })
    else list[#list + 1] = f end
  end
  return list
end

-- The clang argv that links flags (sources, -O2, -D..., as the user gave them)
-- into output against an already built library b (see gen/ninja.lua).
-- A sanitizer's program flags (sanitizer.program_cflags) come first.
function M.link_argv(root, b, flags, output)
  local all = {}
  append(all, b.resolved.table.sanitizer and b.resolved.table.sanitizer.program_cflags or {})
  append(all, flags)
  local argv = M.recipe(b.resolved)(root, b.resolved, b.lib, M.with_re2c(root, all))
  append(argv, { "-o", output })
  return argv
end

-- Builds and links under the build's lock: a parallel build of the same target cannot
-- rewrite the library (or the Mach-O stub) while this link reads it.
function M.cc(root, target, variants, flags, output)
  local r = generate.resolve(root, target, variants)
  M.recipe(r) -- fail early for an os we cannot link
  local _ <close> = lock.hold(generate.lock_path(root, r))
  local b = ninja.build(root, target, variants)
  local code = util.execute(util.command(M.link_argv(root, b, flags, output)))
  if code ~= 0 then util.fail("cc: clang failed (exit %d)", code) end
  return 0
end

return M
