-- wrk script: POST one example evaluation (path given as the first script argument) on every request.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
-- HTTP Basic credentials, base64 of "user:password", from the environment (the scripts set it from the first-start
-- admin's password file)
local auth = os.getenv("ALVH_AUTH")
if auth and auth ~= "" then
  wrk.headers["Authorization"] = "Basic " .. auth
end

function init(args)
  local f = assert(io.open(args[1] or "examples/cpi-next-day.json", "r"))
  wrk.body = f:read("*a")
  f:close()
end

function done(summary, latency, requests)
  io.write(string.format("RESULT req/s=%.0f p50=%.2fms p90=%.2fms p99=%.2fms non2xx=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
