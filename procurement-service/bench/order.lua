-- wrk: POST a three-line order (bench/order.json) with the bench token and a fresh Idempotency-Key
-- per request. With PACE_MS set, each connection waits that long between requests (a fixed rate).
local f = assert(io.open("procurement-service/bench/order.json", "r"))
local body = f:read("*a")
f:close()
local counter = 0
local threads = 0
local pace = tonumber(os.getenv("PACE_MS") or "0")

-- Each wrk thread's keys start with a prefix of its own: a random UUID from the kernel and the thread's number,
-- drawn in setup (wrk's main Lua state, once per thread) and handed to the thread's state as the global `prefix`.
-- Until 2026-12-01 the prefix came from math.randomseed(os.time() * 1000 + thread_id) in init, where thread_id was
-- this script's local 0 in every thread: both threads sent the same keys, so half the requests were replays, and the
-- seed gave the same prefix in runs seconds apart (docs/orders-speed-history.md "Half the bench's orders were replays").
function setup(thread)
  local uuid = assert(io.open("/proc/sys/kernel/random/uuid", "r"))
  thread:set("prefix", uuid:read("*l") .. "-" .. threads .. "-")
  uuid:close()
  threads = threads + 1
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
