-- wrk script: cycles through the request paths listed in a file (one per line) and, at the end,
-- prints one machine-readable RESULT line that the run.sh scripts parse.
--   wrk -s bench/lib/cycle.lua http://host:port -- paths.txt ["Header: value"]
-- Each thread starts at a different place in the list, so its connections do not ask for the
-- same thing as another thread's at the same moment (the service and PostgreSQL see a realistic
-- mix); within a thread the connections take the next path in turn. A 204 (empty tile) is a
-- success; wrk counts statuses >= 400 as errors. There is deliberately no response() callback:
-- calling Lua for every response slows wrk down, which would show on the nginx static floor.

local paths = {}
local next_index = 1
local threads = {}

function setup(thread)
  thread:set("thread_number", #threads)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then
      table.insert(paths, line)
    end
  end
  if #paths == 0 then
    error("no request paths in " .. args[1])
  end
  if args[2] then  -- an optional extra header, e.g. "Accept-Encoding: gzip"
    local name, value = args[2]:match("^([^:]+):%s*(.*)$")
    wrk.headers[name] = value
  end
  -- spread the threads' starting points evenly over the list
  next_index = math.floor(thread_number * #paths / 4) % #paths + 1
end

function request()
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d rps=%.2f mean_us=%.1f p50_us=%d p99_us=%d non2xx=%d socket_errors=%d bytes=%d\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6), latency.mean,
    latency:percentile(50), latency:percentile(99), errors.status,
    errors.connect + errors.read + errors.write + errors.timeout, summary.bytes))
end
