-- wrk script for `factcheck serve`: POST /v1/check with the body in $FACTCHECK_BODY, counting non-200 answers.
-- wrk only knows durations; server-load.py bounds the request count by interrupting wrk (SIGINT, after which wrk
-- still prints its summary) once the server has logged that many requests.
local body_file = assert(io.open(os.getenv("FACTCHECK_BODY"), "rb"))
local body = body_file:read("*a")
body_file:close()
local token = os.getenv("FACTCHECK_TOKEN")

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  answered = 0
  failed = 0
  local headers = { ["Content-Type"] = "application/json" }
  if token then headers["Authorization"] = "Bearer " .. token end
  request_bytes = wrk.format("POST", "/v1/check", headers, body)
end

function request()
  return request_bytes
end

function response(status, headers, response_body)
  answered = answered + 1
  if status ~= 200 then failed = failed + 1 end
end

function done(summary, latency, requests)
  local answered_total, failed_total = 0, 0
  for _, thread in ipairs(threads) do
    answered_total = answered_total + thread:get("answered")
    failed_total = failed_total + thread:get("failed")
  end
  local seconds = summary.duration / 1e6
  -- One machine-readable line for server-load.py.
  io.write(string.format(
    "RESULT requests=%d non200=%d socket_errors=%d seconds=%.3f rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    answered_total, failed_total,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    seconds, answered_total / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
