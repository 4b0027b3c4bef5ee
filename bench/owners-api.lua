-- wrk script for GET /api/v1/owners: every connection walks round-robin through the request paths listed one per
-- line in the file given after "--" (written by owners-api.sh), with the bearer token from $BENCH_TOKEN, or with the
-- whole Authorization header from $BENCH_AUTH when that is set (e.g. "Basic …", bench/basic-auth.sh).
--   BENCH_TOKEN=edk_… wrk -t2 -c8 -d30s -s bench/owners-api.lua http://127.0.0.1:8091 -- bench/out/owners-paths.txt

local paths = {}
local counter = 0
local auth = os.getenv("BENCH_AUTH") or ("Bearer " .. (os.getenv("BENCH_TOKEN") or ""))
local headers = { ["Authorization"] = auth, ["Accept"] = "application/json" }

function init(args)
  local file = assert(io.open(args[1], "r"), "usage: wrk … -s owners-api.lua URL -- <paths file>")
  for line in file:lines() do
    if line:match("^/") then
      paths[#paths + 1] = line
    end
  end
  file:close()
  assert(#paths > 0, "no paths in " .. args[1])
  -- threads start at different offsets so they do not send the same filter at the same moment
  counter = math.random(#paths)
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter], headers)
end

local non2xx = 0

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if non2xx <= 3 then
      io.stderr:write("HTTP " .. status .. ": " .. string.sub(body or "", 1, 200) .. "\n")
    end
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("requests=%d seconds=%.1f rps=%.1f\n", summary.requests, seconds, summary.requests / seconds))
  io.write(string.format("latency_ms mean=%.2f p50=%.2f p90=%.2f p95=%.2f p99=%.2f max=%.2f\n",
    latency.mean / 1000, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("errors connect=%d read=%d write=%d timeout=%d status=%d\n",
    e.connect, e.read, e.write, e.timeout, e.status))
  -- the line the shell script parses
  io.write(string.format("P95_MS=%.2f\n", latency:percentile(95) / 1000))
  io.write(string.format("ERRORS=%d\n", e.connect + e.read + e.write + e.timeout + e.status))
end
