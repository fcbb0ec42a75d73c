-- wrk: GET one path (WRK_PATH) with the bench token; PACE_MS between requests per connection
local pace = tonumber(os.getenv("PACE_MS") or "0")
function request()
  return wrk.format("GET", os.getenv("WRK_PATH"), {["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")})
end
function delay() return pace end
