-- count.lua: the wrk script of tools/bench's memory phase.
--
-- wrk has no request count (only a duration): this script sends a fixed mix
-- of requests, and after BENCH_N responses it stops its thread and writes the
-- file BENCH_MARKER; tools/bench waits for that file, then ends wrk with
-- SIGINT. Run it with one thread (-t1): the quota is per thread.
--
-- The mix, in turn: GET /health, GET /ready (one database round trip), a
-- path no route serves (404), and GET /v1/users?limit=10 with
-- "Authorization: Bearer $BENCH_TOKEN" (left out when BENCH_TOKEN is empty).

local quota  = tonumber(os.getenv("BENCH_N") or "") or 1000
local marker = os.getenv("BENCH_MARKER")
local token  = os.getenv("BENCH_TOKEN") or ""

local reqs = {}
local i, n = 0, 0

function init(args)
	reqs[#reqs + 1] = wrk.format("GET", "/health")
	reqs[#reqs + 1] = wrk.format("GET", "/ready")
	reqs[#reqs + 1] = wrk.format("GET", "/v1/bench-no-such-resource")
	if token ~= "" then
		reqs[#reqs + 1] = wrk.format("GET", "/v1/users?limit=10",
			{ ["Authorization"] = "Bearer " .. token })
	end
end

function request()
	i = i % #reqs + 1
	return reqs[i]
end

function response(status, headers, body)
	n = n + 1
	if n == quota then
		if marker then
			local f = io.open(marker, "w")
			if f then
				f:write(n, "\n")
				f:close()
			end
		end
		wrk.thread:stop()
	end
end
