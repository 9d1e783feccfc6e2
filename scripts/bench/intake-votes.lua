-- wrk script for scripts/bench/intake.sh: POSTs every vote path of a file once (distinct votes), the file split
-- between wrk's threads. A thread whose share is sent fills its connections with GET /healthz (not counted) and
-- stops once every vote it sent has its answer, so the 2xx count can be compared with the database.
--   wrk -t T -c C -s intake-votes.lua URL -- PATHS_FILE T

local threads = {}
local created = 0

function setup(thread)
    thread:set("id", created)
    created = created + 1
    table.insert(threads, thread)
end

function init(args)
    local all = {}
    for line in io.lines(args[1]) do all[#all + 1] = line end
    local count = tonumber(args[2])
    local first = math.floor(#all * id / count) + 1
    local last = math.floor(#all * (id + 1) / count)
    paths = {}
    for i = first, last do paths[#paths + 1] = all[i] end
    share = #paths
    sent, accepted, refused, fillers = 0, 0, 0, 0
    form = { ["Content-Type"] = "application/x-www-form-urlencoded" }
    -- wrk calls the first thread's request() once to check it, and never sends that one: give it no vote.
    checked = id ~= 0
end

function request()
    if not checked then
        checked = true
        return wrk.format("GET", "/healthz")
    end
    if sent < #paths then
        sent = sent + 1
        return wrk.format("POST", paths[sent], form, "")
    end
    return wrk.format("GET", "/healthz")
end

function response(status, headers, body)
    if body == "ok\n" then
        fillers = fillers + 1
    elseif status >= 200 and status < 300 then
        accepted = accepted + 1
    else
        refused = refused + 1
    end
    if accepted + refused == #paths then wrk.thread:stop() end
end

function done(summary, latency, requests)
    local accepted, refused, fillers, total = 0, 0, 0, 0
    for _, thread in ipairs(threads) do
        accepted = accepted + thread:get("accepted")
        refused = refused + thread:get("refused")
        fillers = fillers + thread:get("fillers")
        total = total + thread:get("share")
    end
    io.write(string.format("votes_total %d\nvotes_2xx %d\nvotes_other %d\nfillers %d\n", total, accepted, refused, fillers))
    io.write(string.format("p50_us %d\np99_us %d\n", latency:percentile(50), latency:percentile(99)))
    io.write(string.format("errors %d\n", summary.errors.connect + summary.errors.read + summary.errors.write
        + summary.errors.timeout))
end
