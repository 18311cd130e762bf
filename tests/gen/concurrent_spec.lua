-- Concurrent builds in one checkout (issue 13 item 3): parallel `cc` and `run` on a clean
-- build/ all succeed, and each `run` runs its own program even when two programs share a
-- file name. Runs build.lua as a user does, in a throwaway copy of the project.
local fixture = require "tests.gen.fixture"
local util = require "gen.util"

local function program(letter)
  return "#include <rt.h>\nint rt_main(int argc, char **argv) {\n    (void)argc;\n    (void)argv;\n"
    .. '    rt_print("program ' .. letter .. '\\n");\n    return 0;\n}\n'
end

describe("concurrent builds", function()
  local root
  before_each(function()
    root = util.tmpdir("rt0gen-concurrent")
    for _, d in ipairs({ "arch", "variants", "templates", "runtime-core" }) do
      fixture.copy(d, root .. "/" .. d)
    end
    fixture.driver(root)
    fixture.write(root, "a/prog.c", program("A"))
    fixture.write(root, "b/prog.c", program("B"))
  end)
  after_each(function() fixture.rm(root) end)

  it("lets parallel cc and run share a clean build dir, each run running its own program", function()
    local jobs = {
      { "cc", "linux-amd64", "a/prog.c", "-o", "cc1" }, { "cc", "linux-amd64", "b/prog.c", "-o", "cc2" },
      { "cc", "linux-amd64", "a/prog.c", "-o", "cc3" }, { "run", "linux-amd64", "a/prog.c" },
      { "run", "linux-amd64", "b/prog.c" }, { "run", "linux-amd64", "a/prog.c" },
      { "run", "linux-amd64", "b/prog.c" }, { "cc", "linux-amd64", "b/prog.c", "-o", "cc4" },
    }
    local script = { "cd " .. util.quote(root) }
    for i, j in ipairs(jobs) do
      script[#script + 1] = string.format("( lua5.4 build.lua %s >out.%d 2>&1; echo $? >rc.%d ) &",
        util.command(j), i, i)
    end
    script[#script + 1] = "wait"
    assert.are.equal(0, util.execute(table.concat(script, "\n")))
    local want = { cc1 = "A", cc2 = "B", cc3 = "A", cc4 = "B" }
    for i, j in ipairs(jobs) do
      local out = util.read_file(root .. "/out." .. i)
      assert.are.equal("0", (util.read_file(root .. "/rc." .. i) or ""):match("%d+"),
        util.command(j) .. " failed:\n" .. out)
      if j[1] == "run" then
        assert.are.equal("program " .. (j[3] == "a/prog.c" and "A" or "B") .. "\n", out)
      end
    end
    for exe, letter in pairs(want) do
      local code, out = util.capture(util.quote(root .. "/" .. exe))
      assert.are.equal(0, code)
      assert.are.equal("program " .. letter .. "\n", out)
    end
  end)
end)
