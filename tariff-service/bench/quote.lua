-- wrk: POST the worked Indonesian in-transit example (bench/quote.json) with the bench token
local f = assert(io.open("tariff-service/bench/quote.json", "r"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
