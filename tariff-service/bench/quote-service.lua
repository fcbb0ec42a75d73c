-- wrk: POST bench/quote.json as procurement-service does: its service account's token and the
-- organisation it acts for in X-On-Behalf-Of-Org. With PACE_MS set, each connection waits that long
-- between requests (a fixed rate, as procurement-service/bench/order.lua): how the quote alone answers
-- at the orders' pacing (bench/results/2026-12-02-s22 x5); unset, wrk sends as fast as it can.
local f = assert(io.open("tariff-service/bench/quote.json", "r"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_SERVICE_TOKEN")
wrk.headers["X-On-Behalf-Of-Org"] = "bench"
local pace = tonumber(os.getenv("PACE_MS") or "0")
-- defined only when paced: wrk schedules every request through a timer once a script has delay()
if pace > 0 then
  function delay()
    return pace
  end
end
