-- luacheck settings for rt0gen's Lua: plain Lua 5.4, no globals.
std = "lua54"
max_line_length = 120
-- Description tables and variants are data returned by a chunk.
files["arch/"] = { std = "lua54", read_globals = { "TODO" } } -- TODO "..." marks what a port still has to find
files["tests/gen/"] = { std = "+busted" }
