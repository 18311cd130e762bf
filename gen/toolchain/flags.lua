-- The one place that turns a target's table into compiler, assembler, archiver and linker
-- command lines: the include paths, the library's cflags and asflags, the flags of a
-- white-box program (unit tests, stage programs, fuzz harnesses, debug checks), the
-- archive step, re2c, and the link recipes per object format and link mode. ninja, cc,
-- the stage tool, the suites, fuzz, soak, stress, bench and asm offsets all ask here, so
-- they cannot disagree (tests/gen/flags_spec.lua).
--
-- inc(path) maps a root-relative path to what the command line needs (root-prefixed, or
-- relative to a build directory); gendir is the generated layer, already mapped.
local util = require "gen.util"

local M = {}

local function append(t, list)
  for _, x in ipairs(list) do t[#t + 1] = x end
  return t
end

local function abs(root) return function(p) return root .. "/" .. p end end
M.abs = abs

M.BASE_CFLAGS = {
  "-std=c11", "-O2", "-g", "-Wall", "-Wextra", "-Wshadow", "-Wstrict-prototypes",
  "-Wmissing-prototypes", "-Werror", "-fvisibility=hidden",
  -- frame pointers: tracebacks walk them (as Go keeps them on amd64 and arm64)
  "-fno-omit-frame-pointer",
}
M.FREESTANDING_CFLAGS = {
  "-ffreestanding", "-fno-stack-protector", "-fno-pie", "-fno-asynchronous-unwind-tables",
  "-ffunction-sections", "-fdata-sections",
}

-- re2c writes no date or version into its output, so it is reproducible.
M.RE2C = { "re2c", "-W", "--no-generation-date", "--no-version" }

-- The table's own compiler flags: what the target needs to build at all
-- (toolchain.cflags), then the knobs a variant may replace (cflags), then a sanitizer's.
function M.table_cflags(T)
  local f = {}
  for _, x in ipairs(T.toolchain and T.toolchain.cflags or {}) do f[#f + 1] = x end
  for _, x in ipairs(T.cflags or {}) do f[#f + 1] = x end
  for _, x in ipairs(T.sanitizer and T.sanitizer.runtime_cflags or {}) do f[#f + 1] = x end
  return f
end

-- How C code for T is kept from jumping a stack's guard with a large frame: clang's
-- stack probes where it has them, else no frame larger than the guard
-- (toolchain.stack_clash_protection). For the runtime and for every program.
function M.stack_cflags(T)
  if T.toolchain and T.toolchain.stack_clash_protection then return { "-fstack-clash-protection" } end
  local guard = T.stacks and T.stacks.guard_size
  return guard and { "-Wframe-larger-than=" .. guard, "-Werror=frame-larger-than" } or {}
end

-- What every program linked with the runtime is compiled with before the user's flags:
-- a sanitizer's program flags (sanitizer.program_cflags).
function M.program_cflags(T)
  return append({}, T.sanitizer and T.sanitizer.program_cflags or {})
end

-- The headers of the runtime's inside: the core, its public headers, the generated layer.
function M.includes(gendir, inc)
  return { "-I", inc("runtime-core"), "-I", inc("runtime-core/include"), "-I", gendir }
end

-- What a user program sees: the public headers only (rt.h).
function M.public_includes(inc)
  return { "-I", inc("runtime-core/include") }
end

-- Compiler flags for the library of r.
function M.cflags(r, gendir, inc)
  local T = r.table
  local f = append({ "--target=" .. T.toolchain.triple }, M.BASE_CFLAGS)
  if T.link.mode == "freestanding" then append(f, M.FREESTANDING_CFLAGS) else f[#f + 1] = "-pthread" end
  append(f, M.includes(gendir, inc))
  append(f, M.stack_cflags(T))
  return append(f, M.table_cflags(T))
end

-- Assembler flags for the library of r (the same include paths as cflags).
function M.asflags(r, gendir, inc)
  local f = { "--target=" .. r.table.toolchain.triple, "-g", "-Wall", "-Wno-unused-command-line-argument" }
  append(f, M.includes(gendir, inc))
  return append(f, M.table_cflags(r.table))
end

-- A program that sees the runtime's inside (unit tests, stage programs, fuzz harnesses,
-- debug checks): the target, debug info, the inside's includes and then extra folders
-- (root-relative), and the table's flags. The caller adds its optimisation and warnings.
function M.whitebox(r, gendir, inc, extra)
  local f = { "--target=" .. r.table.toolchain.triple, "-g" }
  append(f, M.includes(gendir, inc))
  for _, d in ipairs(extra or {}) do append(f, { "-I", inc(d) }) end
  return append(f, M.table_cflags(r.table))
end

-- The compiler command that turns asm_offsets.c into assembly for r.
function M.asm_offsets(root, r, gendir, source)
  local argv = { "clang", "--target=" .. r.table.toolchain.triple, "-ffreestanding", "-S", "-o", "-" }
  append(argv, M.includes(gendir, abs(root)))
  append(argv, M.table_cflags(r.table))
  argv[#argv + 1] = root .. "/" .. source
  return argv
end

-- The archiver, up to the archive's name: llvm-ar in the table's format (toolchain.ar_format,
-- e.g. BSD for Apple's ld64), else its default.
function M.archive(T)
  local argv = { "llvm-ar" }
  if T.toolchain and T.toolchain.ar_format then argv[#argv + 1] = "--format=" .. T.toolchain.ar_format end
  argv[#argv + 1] = "rcs"
  return argv
end

-- re2c from src to out.
function M.re2c(src, out)
  return append(append({}, M.RE2C), { "-o", out, src })
end

-- Link recipes ------------------------------------------------------------------

local libgcc_cache = {}
local function libgcc(triple)
  if libgcc_cache[triple] == nil then
    local code, out = util.capture(util.command({ "clang", "--target=" .. triple, "-print-libgcc-file-name" }))
    local path = out:match("^%s*(.-)%s*$")
    libgcc_cache[triple] = code == 0 and path ~= "" and util.exists(path) and path or false
  end
  return libgcc_cache[triple] or nil
end

-- How programs are linked, by object format and link mode (a per-format place): functions
-- returning the clang argv that links flags (sources and options) with lib (root-relative).
-- A new object format adds its recipe here; a new OS of a known format needs nothing.
M.recipes = {
  elf = {
    freestanding = function(root, r, lib, flags)
      local T = r.table
      local argv = {
        "clang", "--target=" .. T.toolchain.triple, "-static", "-nostdlib", "-ffreestanding",
        "-fno-stack-protector", "-fno-pie", "-no-pie", "-Wno-unused-command-line-argument", "-fuse-ld=lld",
        "-Wl,--gc-sections", "-fno-omit-frame-pointer",
        "-Wl,-e," .. (T.asm.symbol_prefix .. T.entry.symbol),
      }
      append(argv, M.public_includes(abs(root)))
      append(argv, M.stack_cflags(T))
      append(argv, flags)
      argv[#argv + 1] = root .. "/" .. lib
      argv[#argv + 1] = libgcc(T.toolchain.triple)
      return argv
    end,
    hosted = function(root, r, lib, flags)
      local argv = { "clang", "--target=" .. r.table.toolchain.triple, "-fuse-ld=lld", "-fno-omit-frame-pointer" }
      append(argv, M.public_includes(abs(root)))
      append(argv, M.stack_cflags(r.table))
      append(argv, flags)
      append(argv, { root .. "/" .. lib, "-pthread" })
      return argv
    end,
  },
  -- Always hosted: against a libSystem .tbd stub made from the table, with ld64.lld here
  -- (gen/toolchain/macho.lua writes the stub), or the native SDK and linker on a Mac.
  macho = {
    hosted = function(root, r, lib, flags)
      local macho = require "gen.toolchain.macho"
      local T = r.table
      local argv = { "clang", "--target=" .. T.toolchain.triple }
      local sdk = macho.sdk()
      if sdk then
        append(argv, { "-isysroot", sdk })
      else
        local stub = macho.write_stub(root, util.dirname(lib) .. "/stub", r)
        append(argv, { "-ffreestanding", "-nostdlibinc", "-nostdlib", "-fuse-ld=lld" })
        flags = append(append({}, flags), { root .. "/" .. lib, "-L", root .. "/" .. stub, "-lSystem" })
      end
      argv[#argv + 1] = "-Wno-unused-command-line-argument"
      append(argv, M.public_includes(abs(root)))
      append(argv, M.stack_cflags(T))
      append(argv, flags)
      if sdk then argv[#argv + 1] = root .. "/" .. lib end
      argv[#argv + 1] = "-Wl,-dead_strip"
      if T.link.codesign == "adhoc" then argv[#argv + 1] = "-Wl,-adhoc_codesign" end
      return argv
    end,
  },
}

-- The recipe for r, or nil and why there is none.
function M.recipe(r)
  local by_format = M.recipes[r.table.object_format]
  local recipe = by_format and by_format[r.table.link.mode]
  if not recipe then
    return nil, string.format("no link recipe for %s objects (%s link mode) yet, so programs cannot be linked for %s",
      r.table.object_format, r.table.link.mode, r.target)
  end
  return recipe
end

-- The clang argv that links flags with lib (root-relative) for r; fails without a recipe.
function M.link(root, r, lib, flags)
  local recipe, why = M.recipe(r)
  if not recipe then util.fail("cc: %s", why) end
  return recipe(root, r, lib, flags)
end

return M
