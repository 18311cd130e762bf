-- How build.lua's commands are spelled wherever rt0gen tells a person what to run: in
-- messages, in the headers of generated files, in scaffolded tables. build.lua owns this
-- table and hands it to the modules (util.use_cli); no module spells a command itself, so
-- a renamed command or driver is one edit here.
local M = {}

M.PROGRAM = "lua5.4 build.lua"

-- The command line of command name with its arguments: command("gen", "linux-amd64",
-- "--variant libc") -> "lua5.4 build.lua gen linux-amd64 --variant libc". Empty
-- arguments are left out.
function M.command(name, ...)
  local words = { M.PROGRAM, name }
  for _, a in ipairs({ ... }) do
    if a ~= nil and a ~= "" then words[#words + 1] = tostring(a) end
  end
  return table.concat(words, " ")
end

return M
