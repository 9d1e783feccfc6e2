#!/usr/bin/env bash
# Shutdown benchmark: `tweedemening serve` delivers a round to RECIPIENTS panelists (default 3,000) to a slow
# smtp-sink (one second before each RCPT reply, so about CONNECTIONS messages a second); once DELIVERED
# messages (default 40) have arrived, serve gets SIGTERM. Prints how long it took to exit (exit 1 over
# LIMIT seconds, default 10; after WAIT seconds, default 60, it is killed). Then a `tick` against a fast
# smtp-sink delivers the rest, and every panelist must have the case mail exactly once, or twice for at most
# the messages that were in flight (exit 1 otherwise).
#
#   scripts/bench/sigterm.sh [RECIPIENTS] [DELIVERED]      # TWEEDEMENING_SMTP_CONNECTIONS default 4
set -euo pipefail
export TWEEDEMENING_ALLOW_INSECURE_BASE_URL=1  # links on loopback: only for demos and tests (docs/operations.md)
cd "$(dirname "$0")/../.."
source scripts/bench/lib.sh
count="${1:-3000}"
delivered="${2:-40}"
connections="${TWEEDEMENING_SMTP_CONNECTIONS:-4}"
limit="${LIMIT:-10}"
wait_max="${WAIT:-60}"
bench_build
bench_work

slow_port=$(free_port)
smtp_sink "$slow_port" "$work/slow" -W rcpt:1
slow_pid=$sink_pid
export TWEEDEMENING_SMTP_URL="smtp://127.0.0.1:$slow_port" TWEEDEMENING_SMTP_CONNECTIONS="$connections"
export TWEEDEMENING_LISTEN="127.0.0.1:$(free_port)" TWEEDEMENING_METRICS_LISTEN=off TWEEDEMENING_LOG_LEVEL=info
bench_root "$count"
case_id=$("$bin" case submit --municipality bench examples/case-traplift.md 2>/dev/null | tail -n 1)
"$bin" case approve "$case_id" --publish-at "$(date -u -d '-1 minute' +%Y-%m-%dT%H:%M:%SZ)"

# serve's first tick publishes, renders every message and starts delivering.
"$bin" serve 2>"$work/serve.log" &
serve_pid=$!
bench_pids+=("$serve_pid")
dumps() { find "$work/slow" -type f | wc -l; }
for _ in $(seq 1200); do
    (($(dumps) >= delivered)) && break
    kill -0 "$serve_pid" 2>/dev/null || { echo "sigterm: serve exited early" >&2; cat "$work/serve.log" >&2; exit 1; }
    sleep 0.1
done
before=$(dumps)
((before >= delivered)) || { echo "sigterm: delivery did not start within 120 s" >&2; exit 1; }

kill -TERM "$serve_pid"
start=$(date +%s.%N)
exited=0
for _ in $(seq $((wait_max * 20))); do
    kill -0 "$serve_pid" 2>/dev/null || { exited=1; break; }
    sleep 0.05
done
end=$(date +%s.%N)
took=$(awk "BEGIN {printf \"%.2f\", $end - $start}")
status=0
if ((exited)); then
    wait "$serve_pid" || status=$?
else
    kill -KILL "$serve_pid"
    wait "$serve_pid" 2>/dev/null || true
fi
after_stop=$(dumps)
states_after=$("$bin" queue status | awk 'NF == 2 && $2 > 0 {printf "%s%s %s", sep, $1, $2; sep = ", "}')

# The rest, by one tick against a fast sink.
kill "$slow_pid" && wait "$slow_pid" 2>/dev/null || true
fast_port=$(free_port)
smtp_sink "$fast_port" "$work/fast"
export TWEEDEMENING_SMTP_URL="smtp://127.0.0.1:$fast_port"
tick_start=$(date +%s.%N)
timeout -s KILL 300 "$bin" tick
tick_end=$(date +%s.%N)
sleep 0.5
left=$(queue_left)
read -r messages distinct duplicates maxcopies missing other incomplete < <(received "$count" case "$work/slow" "$work/fast")

if ((exited)); then
    echo "sigterm: serve exited $took s after SIGTERM (status $status), $after_stop messages delivered by then" \
        "($before when the signal was sent); queue then: $states_after"
else
    echo "sigterm: serve had NOT exited $took s after SIGTERM (killed); $after_stop messages delivered; queue then: $states_after"
fi
echo "tick afterwards: $(awk "BEGIN {printf \"%.1f\", $tick_end - $tick_start}") s; left unsent: $left"
echo "received: $messages messages, $distinct distinct, $duplicates duplicates (max $maxcopies copies), $missing missing"

ok=1
((exited)) && awk "BEGIN {exit !($took <= $limit)}" || { echo "FAIL: serve took over $limit s to exit" >&2; ok=0; }
((missing == 0 && left == 0)) || { echo "FAIL: $missing recipients without the case mail, $left unsent" >&2; ok=0; }
((maxcopies <= 2 && duplicates <= connections)) || { echo "FAIL: $duplicates duplicates (in flight: $connections)" >&2; ok=0; }
((ok))
