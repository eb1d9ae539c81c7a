-- post-txn.lua: wrk POSTs one structured transaction per request, as a
-- platform logging its users' purchases does (tools/bench, phase 1b).
-- BENCH_TOKEN: the bench client's Bearer token.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
wrk.body = '{"amount_cents":1250,"description":"STARBUCKS 1042","transaction_date":"2026-11-20"}'
