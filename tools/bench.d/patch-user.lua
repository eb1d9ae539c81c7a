-- patch-user.lua: wrk PATCHes the user's name on every request, the write an
-- API worker serves itself (one UPDATE; tools/bench, phase 3).
-- BENCH_TOKEN: the bench client's Bearer token.
wrk.method = "PATCH"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
wrk.body = '{"name":"Ana Bench"}'
