-- post-txn-users.lua: wrk POSTs one structured transaction per request, each
-- for one of AN_USERS users (ozz_usr_ followed by the number in 22 digits,
-- as tools/bench phase 9 loads them) taken at random, as a platform logging
-- many users' purchases at once does.
-- BENCH_TOKEN: the client's Bearer token; AN_USERS: how many users it has.
local users = tonumber(os.getenv("AN_USERS") or "1")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
wrk.body = '{"amount_cents":1250,"description":"STARBUCKS 1042","transaction_date":"2026-11-20"}'

function request()
	local path = string.format("/v1/users/ozz_usr_%022d/transactions", math.random(1, users))
	return wrk.format(nil, path)
end
