-- Loaded by busted before the specs (.busted): the modules get build.lua's command
-- spellings (cli.lua) as they do under build.lua.
require("gen.util").use_cli(require "cli")
