-- wrk: POST a three-line order (bench/order.json) with the bench token and a fresh Idempotency-Key
-- per request. With PACE_MS set, each connection waits that long between requests (a fixed rate).
local f = assert(io.open("procurement-service/bench/order.json", "r"))
local body = f:read("*a")
f:close()
local counter = 0
local thread_id = 0
local pace = tonumber(os.getenv("PACE_MS") or "0")

function setup(thread)
  thread:set("thread_id", thread_id)
  thread_id = thread_id + 1
end

function init(args)
  math.randomseed(os.time() * 1000 + thread_id)
  prefix = string.format("%08x-%d-", math.random(0, 0x7fffffff), thread_id)
end

function request()
  counter = counter + 1
  local headers = {}
  headers["Content-Type"] = "application/json"
  headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
  headers["Idempotency-Key"] = prefix .. counter
  return wrk.format("POST", nil, headers, body)
end

function delay()
  return pace
end
