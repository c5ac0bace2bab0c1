-- wrk script for bench/read.sh: "the consolidated endpoint right after a write". Run with one connection per thread
-- (-tN -cN), so that each thread's requests strictly alternate on its one connection: a PUT of the year's credit
-- target set that changes data (every PUT carries a value no earlier PUT carried: a new target version, 201), then a
-- GET of the consolidated endpoint, whose answer must show it. Only the GETs are timed (LuaJIT's ffi clock, from
-- the request's creation to its answer, which on one connection is its latency); wrk's own figures mix both.
--
--   wrk -t2 -c2 -d10s -s bench/write-read.lua -H "Authorization: Bearer <ADMIN key>" http://gateway \
--       -- <GET path> <PUT path> <PUT body template file, __VALUE__ where the changing value goes>
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } cityfin_timespec;
  int clock_gettime(int clock, cityfin_timespec *ts);
]]
local ts = ffi.new("cityfin_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("index", counter)
  table.insert(threads, thread)
end

function init(args)
  get_path, put_path = args[1], args[2]
  local file = assert(io.open(args[3], "r"))
  template = file:read("*a")
  file:close()
  writes, gets, latencies, statuses = 0, 0, {}, {}
  -- wrk.format uses the headers it is given instead of wrk.headers (-H): the PUT's are a copy of them plus its own
  put_headers = { ["Content-Type"] = "application/json" }
  for name, value in pairs(wrk.headers) do
    put_headers[name] = value
  end
  next_is_write, sent_at = true, 0
end

function request()
  sent_at = now_ms()
  if next_is_write then
    writes = writes + 1
    -- index * 100000 + writes: no two PUTs of the run, in any thread, carry the same value
    local value = string.format("%d.%02d", 1000000 + index * 100000 + writes, writes % 100)
    local body = template:gsub("__VALUE__", value)
    return wrk.format("PUT", put_path, put_headers, body)
  end
  return wrk.format("GET", get_path)
end

function response(status, headers, body)
  local key = (next_is_write and "PUT " or "GET ") .. status
  statuses[key] = (statuses[key] or 0) + 1
  if not next_is_write then
    gets = gets + 1
    latencies[gets] = now_ms() - sent_at
  end
  next_is_write = not next_is_write
end

function done(summary, latency, requests)
  local all, total, get_count = {}, {}, 0
  for _, thread in ipairs(threads) do
    for _, ms in ipairs(thread:get("latencies")) do
      table.insert(all, ms)
    end
    get_count = get_count + thread:get("gets")
    for status, n in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + n
    end
  end
  table.sort(all)
  local function percentile(p)
    if #all == 0 then return 0 end
    return all[math.max(1, math.ceil(#all * p / 100))]
  end
  local parts = {}
  for status, n in pairs(total) do
    table.insert(parts, (status:gsub(" ", ":")) .. "=" .. n)
  end
  table.sort(parts)
  io.write("statuses: " .. table.concat(parts, " ") .. "\n")
  io.write(string.format("figures: p50_ms=%.3f p99_ms=%.3f rps=%.1f\n",
    percentile(50), percentile(99), get_count / (summary.duration / 1e6)))
end
