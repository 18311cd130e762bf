-- The harness's one job pool: at most `jobs` shell commands at a time in the background,
-- each one's exit code, stdout and stderr handed to its done() as it finishes. The e2e
-- cases, the stage programs, the unit tests, the Mach-O links and the stress runs all
-- run through it.
local util = require "gen.util"

local M = {}

function M.new(jobs)
  local P = { running = {}, queue = {}, dir = util.tmpdir("rt0gen-jobs"), n = 0 }
  local function start(job)
    P.n = P.n + 1
    local base = P.dir .. "/" .. P.n
    job.out, job.err, job.rc = base .. ".out", base .. ".err", base .. ".rc"
    os.execute(string.format("( ( %s ) >%s 2>%s </dev/null; echo $? >%s.tmp; mv %s.tmp %s ) &",
      job.cmd, job.out, job.err, job.rc, job.rc, job.rc))
    P.running[#P.running + 1] = job
  end
  function P.add(cmd, done) P.queue[#P.queue + 1] = { cmd = cmd, done = done } end
  -- Runs everything queued; calls done(code, stdout, stderr) as jobs finish.
  function P.wait()
    while #P.queue > 0 or #P.running > 0 do
      while #P.running < jobs and #P.queue > 0 do start(table.remove(P.queue, 1)) end
      local finished = false
      for i = #P.running, 1, -1 do
        local job = P.running[i]
        local rc = util.read_file(job.rc)
        if rc then
          table.remove(P.running, i)
          local out, err = util.read_file(job.out) or "", util.read_file(job.err) or ""
          os.remove(job.rc); os.remove(job.out); os.remove(job.err)
          job.done(tonumber(rc) or 1, out, err)
          finished = true
        end
      end
      if not finished then os.execute("sleep 0.02") end
    end
  end
  function P.close() util.rm_rf(P.dir) end
  return P
end

return M
