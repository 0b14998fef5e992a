-- wrk script: POST the three shipped examples in turn to /api/v1/evaluations (run from the project root).
local bodies = {}
for _, name in ipairs({"examples/calm-two-layers.json", "examples/cpi-next-day.json",
                       "examples/backwardation-near-put.json"}) do
  local f = assert(io.open(name, "r"))
  bodies[#bodies + 1] = f:read("*a")
  f:close()
end
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
-- HTTP Basic credentials, base64 of "user:password", from the environment (the scripts set it from the first-start
-- admin's password file)
local auth = os.getenv("ALVH_AUTH")
if auth and auth ~= "" then
  wrk.headers["Authorization"] = "Basic " .. auth
end
request = function()
  i = i % #bodies + 1
  return wrk.format(nil, "/api/v1/evaluations", nil, bodies[i])
end
