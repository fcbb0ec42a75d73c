local f = assert(io.open("tariff-service/bench/quote.json", "r"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("SVC_TOKEN")
wrk.headers["X-On-Behalf-Of-Org"] = "bench"
local pace = tonumber(os.getenv("PACE_MS") or "0")
function delay() return pace end
