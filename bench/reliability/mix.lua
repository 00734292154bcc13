-- wrk script for the reliability harness: cycles through request paths (one per line in the file
-- given after --), counts answers per HTTP status, and prints two lines run.py parses:
--   STATUS 200=1234 204=56 503=7
--   RESULT requests=… rps=… p50_us=… p99_us=… max_us=… socket_errors=… timeouts=…
local paths = {}
local next_index = 1
local threads = {}
statuses = {}

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
  next_index = (thread_number * 7) % #paths + 1
end

function request()
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  return wrk.format("GET", path)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  local codes = {}
  for status in pairs(total) do
    table.insert(codes, status)
  end
  table.sort(codes)
  local parts = {}
  for _, status in ipairs(codes) do
    table.insert(parts, status .. "=" .. total[status])
  end
  io.write("STATUS " .. table.concat(parts, " ") .. "\n")
  local errors = summary.errors
  io.write(string.format("RESULT requests=%d rps=%.2f p50_us=%d p99_us=%d max_us=%d socket_errors=%d timeouts=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99),
    latency.max, errors.connect + errors.read + errors.write, errors.timeout))
end
