-- luacheck settings for rt0gen's Lua: plain Lua 5.4, no globals.
std = "lua54"
max_line_length = 120
-- Description tables and variants are data returned by a chunk.
files["arch/"] = { std = "lua54" }
files["tests/gen/"] = { std = "+busted" }
