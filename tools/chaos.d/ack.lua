-- ack.lua: the wrk load of tools/chaos, with every answer written down.
--
-- Each connection sends, in turn (CHAOS_MIX):
--   all   POST /v1/users/{id}/transactions, one record (slow pool: one statement)
--         POST /v1/users/{id}/transactions, a batch of two (slow pool: BEGIN … COMMIT)
--         POST /v1/users, a new user (api pool)
--         GET  /v1/users/{id} (api pool)
--   read  GET /v1/users/{id} only
-- waiting CHAOS_DELAY_MS between two requests of a connection, so that the
-- load leaves the machine room to recover.
--
-- Every answer is one line of CHAOS_OUT.<thread>:
--   <unix ms> <status> <retry-after: 1 or 0> <ids created, comma-separated, or ->
-- where the ids are those of the transactions and users a 201 acknowledged;
-- tools/chaos checks afterwards that each one is in the database.
--
-- Environment: CHAOS_TOKEN (Bearer), CHAOS_USER (ozz_usr_…), CHAOS_OUT,
-- CHAOS_MIX (all), CHAOS_DELAY_MS (4), CHAOS_RUN (a tag for unique names).

local ffi = require("ffi")
ffi.cdef [[
	typedef struct { long tv_sec; long tv_nsec; } chaos_timespec;
	int clock_gettime(int clk, chaos_timespec *ts);
]]
local ts = ffi.new("chaos_timespec")
local function now_ms()
	ffi.C.clock_gettime(0, ts) -- CLOCK_REALTIME: the same clock as date +%s%3N
	return tonumber(ts.tv_sec) * 1000 + math.floor(tonumber(ts.tv_nsec) / 1000000)
end

local token = os.getenv("CHAOS_TOKEN") or ""
local user = os.getenv("CHAOS_USER") or ""
local mix = os.getenv("CHAOS_MIX") or "all"
local delay_ms = tonumber(os.getenv("CHAOS_DELAY_MS") or "") or 4
local run = os.getenv("CHAOS_RUN") or "run"
local out_prefix = os.getenv("CHAOS_OUT") or "/tmp/chaos-ack"

local threads_made = 0

function setup(thread)
	threads_made = threads_made + 1
	thread:set("tid", threads_made)
end

local out, seq = nil, 0
local headers = {}

function init(args)
	out = assert(io.open(out_prefix .. "." .. tostring(tid), "w"))
	out:setvbuf("line") -- whole lines, none lost when wrk exits
	headers["Authorization"] = "Bearer " .. token
	headers["Content-Type"] = "application/json"
end

local function txn_path()
	return "/v1/users/" .. user .. "/transactions"
end

function request()
	seq = seq + 1
	local k = (mix == "read") and 3 or (seq % 4)
	if k == 0 then
		return wrk.format("POST", txn_path(), headers, string.format(
			'{"amount_cents":%d,"description":"chaos %s t%d #%d",' ..
			'"transaction_date":"2026-11-20"}', 100 + seq % 5000, run, tid, seq))
	elseif k == 1 then
		return wrk.format("POST", txn_path(), headers, string.format(
			'{"transactions":[{"amount_cents":%d,"description":"chaos batch %s t%d #%d a",' ..
			'"transaction_date":"2026-11-20"},{"amount_cents":%d,"description":' ..
			'"chaos batch %s t%d #%d b","transaction_date":"2026-11-20"}]}',
			200 + seq % 5000, run, tid, seq, 300 + seq % 5000, run, tid, seq))
	elseif k == 2 then
		return wrk.format("POST", "/v1/users", headers, string.format(
			'{"external_user_id":"chaos-%s-t%d-%d"}', run, tid, seq))
	end
	return wrk.format("GET", "/v1/users/" .. user, headers)
end

function delay()
	return delay_ms
end

-- The ids a 201 created: every transaction of the answer, or the new user.
local function created_ids(body)
	local ids = {}
	for id in string.gmatch(body, '"id":"(ozz_txn_[A-Za-z0-9_-]+)"') do
		ids[#ids + 1] = id
	end
	if #ids == 0 and string.find(body, '"object":"user"', 1, true) then
		local id = string.match(body, '"id":"(ozz_usr_[A-Za-z0-9_-]+)"')
		if id then ids[1] = id end
	end
	if #ids == 0 then return "-" end
	return table.concat(ids, ",")
end

function response(status, hdrs, body)
	local ra = (hdrs["Retry-After"] or hdrs["retry-after"]) and 1 or 0
	local ids = status == 201 and created_ids(body) or "-"
	out:write(now_ms(), " ", status, " ", ra, " ", ids, "\n")
end
