-- flood.lua: wrong credentials at a steady rate (tools/bench, phase 1c).
--
-- Each request is GET /v1/users/<FLOOD_USER> with a Bearer token for a
-- well-formed client id that does not exist and a wrong secret, a new id
-- every time (as a credential-stuffing tool sends them). wrk has no rate
-- option: each connection waits FLOOD_DELAY_MS after each answer, so the
-- rate is about connections x 1000 / (FLOOD_DELAY_MS + latency); the bench
-- reports the rate wrk measured.

local delay_ms = tonumber(os.getenv("FLOOD_DELAY_MS") or "") or 10
local user     = os.getenv("FLOOD_USER") or "ozz_usr_AAAAAAAAAAAAAAAAAAAAAA"

local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
local b64chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

local function b64(s)
	local out, i = {}, 1
	while i <= #s do
		local a, b, c = s:byte(i, i + 2)
		local n = a * 65536 + (b or 0) * 256 + (c or 0)
		local q = {}
		for k = 3, 0, -1 do
			local v = math.floor(n / (64 ^ k)) % 64
			q[#q + 1] = b64chars:sub(v + 1, v + 1)
		end
		if not b then q[3] = "=" end
		if not c then q[4] = "=" end
		out[#out + 1] = table.concat(q)
		i = i + 3
	end
	return table.concat(out)
end

local reqs, i = {}, 0
local threads = 0

function setup(thread)
	threads = threads + 1
	thread:set("tid", threads)
end

function init(args)
	math.randomseed(os.time() * 1000 + (tid or 0))
	for n = 1, 2000 do
		local id = {}
		for k = 1, 22 do
			local v = math.random(1, 64)
			id[k] = alphabet:sub(v, v)
		end
		local token = b64("ozz_client_" .. table.concat(id) .. ":sk_live_guess" .. n)
		reqs[n] = wrk.format("GET", "/v1/users/" .. user,
			{ ["Authorization"] = "Bearer " .. token })
	end
end

function request()
	i = i % #reqs + 1
	return reqs[i]
end

function delay()
	return delay_ms
end
