-- wrk script: counts non-2xx answers and measures the longest gap between two successful answers (per wrk thread, the
-- largest of them), with a monotonic clock through LuaJIT's ffi. Prints one "ZD ..." line for the harness to read.
local ffi = require("ffi")
ffi.cdef[[ typedef struct { long tv_sec; long tv_nsec; } zd_timespec; int clock_gettime(int clk_id, zd_timespec *tp); ]]
local ts = ffi.new("zd_timespec")
local function now_ms() ffi.C.clock_gettime(1, ts); return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6 end

local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) last = nil; maxgap = 0; non2xx = 0; ok = 0 end

function response(status, headers, body)
  local t = now_ms()
  if status >= 200 and status < 300 then
    if last ~= nil and t - last > maxgap then maxgap = t - last end
    last = t; ok = ok + 1
  else
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local gap, bad, good = 0, 0, 0
  for _, t in ipairs(threads) do
    gap = math.max(gap, t:get("maxgap")); bad = bad + t:get("non2xx"); good = good + t:get("ok")
  end
  local e = summary.errors
  io.write(string.format("ZD requests=%d ok=%d non2xx=%d connect=%d read=%d write=%d timeout=%d gap_ms=%.0f duration_us=%d maxlat_us=%d\n",
    summary.requests, good, bad, e.connect, e.read, e.write, e.timeout, gap, summary.duration, latency.max))
end
