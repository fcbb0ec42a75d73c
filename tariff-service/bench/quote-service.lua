-- wrk: POST bench/quote.json as procurement-service does: its service account's token and the
-- organisation it acts for in X-On-Behalf-Of-Org
local f = assert(io.open("tariff-service/bench/quote.json", "r"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_SERVICE_TOKEN")
wrk.headers["X-On-Behalf-Of-Org"] = "bench"
