-- clients.lua: GET /v1/users/{id} for many API clients in round robin
-- (tools/bench, phase 1c). BENCH_CLIENTS_FILE holds one "token user_id" per
-- line: each request goes to the next client, with its own Bearer token and
-- one of its own users, so every worker keeps meeting every client.

local file = os.getenv("BENCH_CLIENTS_FILE")
local reqs, i = {}, 0
local threads = 0

function setup(thread)
	threads = threads + 1
	thread:set("tid", threads)
end

function init(args)
	for line in io.lines(file) do
		local token, user = line:match("^(%S+)%s+(%S+)$")
		if token then
			reqs[#reqs + 1] = wrk.format("GET", "/v1/users/" .. user,
				{ ["Authorization"] = "Bearer " .. token })
		end
	end
	if #reqs == 0 then
		error("clients.lua: no clients in " .. tostring(file))
	end
	-- each thread starts elsewhere in the ring
	i = math.floor((tid or 1) * #reqs / 7) % #reqs
end

function request()
	i = i % #reqs + 1
	return reqs[i]
end
