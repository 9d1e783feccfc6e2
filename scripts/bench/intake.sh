#!/usr/bin/env bash
# Intake benchmark (issue #7): wrk POSTs VOTES distinct, valid votes to one `serve --intake-only` (release build),
# each vote once; GET /healthz on the same process with the same connections before and after the votes, so the ratio
# of the two rates holds on a noisy machine. Prints votes/s, p50/p99, the healthz rate, the daemon's idle RSS (before the load)
# and peak RSS (after), and checks that the database holds exactly as many votes as wrk got 2xx answers for —
# after killing the daemon with SIGKILL, so an answer that ran ahead of its commit would show. Asserts no speed.
#
#   scripts/bench/intake.sh [VOTES=50000] [CONNECTIONS=64] [SECONDS=20]
#   PROFILE=/tmp/intake.perf scripts/bench/intake.sh 20000 64 10   # also record a perf profile of the votes
#   PROFILE_CALLGRAPH=dwarf PROFILE_FREQ=999 PROFILE=…               # … with callers (Swift frames lack frame pointers)
#   BENCH_BIN=/tmp/old/tweedemening scripts/bench/intake.sh           # measure another build (A/B against this one)
#
# Setup goes through the CLI: a municipality, a panel of VOTES panelists, a case approved with its publication and
# voting in the past, and one `tick` that publishes it and opens voting. The sending window is set to a closed hour,
# so that tick renders the mail but delivers none (no SMTP server needed); rendering is most of the setup time.
# The root lives under ${BENCH_DIR:-/var/tmp}: on a disk, where fsync costs what it costs (tmpfs would flatter us).
set -euo pipefail
export TWEEDEMENING_ALLOW_INSECURE_BASE_URL=1  # links on loopback: only for demos and tests (docs/operations.md)
cd "$(dirname "$0")/../.."
export PATH="/opt/swift/usr/bin:$PATH"
votes="${1:-50000}"
connections="${2:-64}"
seconds="${3:-20}"
threads=$(($(nproc) < connections ? $(nproc) : connections))

scripts/setup.sh
if ! command -v wrk >/dev/null; then
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    echo "installing: wrk" >&2
    "${sudo_cmd[@]}" apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends wrk >/dev/null
fi
# BENCH_BIN=PATH: measure that binary (a copy of another commit's build, for an A/B on the same machine state).
if [ -n "${BENCH_BIN:-}" ]; then
    bin="$BENCH_BIN"
else
    swift build -c release --product tweedemening >/dev/null
    bin="$(swift build -c release --show-bin-path)/tweedemening"
fi

work="$(mktemp -d "${BENCH_DIR:-/var/tmp}/intake-bench.XXXXXX")"
daemon=""
cleanup() {
    [ -n "$daemon" ] && kill -KILL "$daemon" 2>/dev/null
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# A window from two to three hours from now in the panel's time zone: closed for the next two hours.
window=$(/usr/bin/python3 -c "
import datetime, zoneinfo
now = datetime.datetime.now(zoneinfo.ZoneInfo('Europe/Amsterdam'))
print(f'{(now.hour + 2) % 24:02d}:00-{(now.hour + 3) % 24:02d}:00')")
export TWEEDEMENING_ROOT="$work/root" TWEEDEMENING_TEMPLATES="$(pwd)/MailTemplates"
export TWEEDEMENING_SENDING_WINDOW="$window" TWEEDEMENING_SMTP_URL="smtp://127.0.0.1:9"
database="$work/root/tweedemening.sqlite"

setup_start=$(date +%s)
"$bin" init
"$bin" municipality add --id bench --name "Gemeente Bench" --email wmo@bench.example
/usr/bin/python3 -c "
print('email,name')
for i in range($votes): print(f'panellid{i}@bewoners.example,Panellid {i}')" >"$work/panel.csv"
"$bin" panel import --municipality bench "$work/panel.csv" >/dev/null
case_id=$("$bin" case submit --municipality bench examples/case-traplift.md 2>/dev/null | tail -n 1)
"$bin" case approve "$case_id" --publish-at "$(date -u -d '-2 minutes' +%Y-%m-%dT%H:%M:%SZ)" \
    --vote-at "$(date -u -d '-1 minute' +%Y-%m-%dT%H:%M:%SZ)" --deadline "$(date -u -d '+1 day' +%Y-%m-%dT%H:%M:%SZ)"
"$bin" tick
round_id=$(sqlite3 "$database" "SELECT id FROM round WHERE caseId = $case_id")
state=$(sqlite3 "$database" "SELECT state FROM round WHERE id = $round_id")
[ "$state" = voting ] || { echo "round $round_id is $state, not voting" >&2; exit 1; }
sqlite3 "$database" "SELECT panelistId FROM roundMember WHERE roundId = $round_id ORDER BY random()" |
    /usr/bin/python3 scripts/bench/vote-tokens.py "$work/root/signing.key" "$round_id" "$(($(date +%s) + 86400))" \
        >"$work/paths"
echo "setup: $(wc -l <"$work/paths") panelists in voting, $(($(date +%s) - setup_start)) s"

port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
TWEEDEMENING_LISTEN="127.0.0.1:$port" TWEEDEMENING_METRICS_LISTEN=off "$bin" serve --intake-only >"$work/serve.log" 2>&1 &
daemon=$!
for _ in $(seq 100); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done
sleep 2
rss() { awk -v key="$1:" '$1 == key { printf "%.0f", $2 / 1024 }' "/proc/$daemon/status"; }
idle_rss=$(rss VmRSS)

# /healthz for 5 s before the votes and 5 s after: the mean of the two is the reference rate. On this shared VM the
# machine's speed drifts by ±10% within minutes; bracketing the votes cancels a drift instead of dividing by it.
# A first second opens the connections and warms the daemon up, and is not counted (counted cold it would lower the
# reference and flatter the ratio).
wrk -t "$threads" -c "$connections" -d 1s "http://127.0.0.1:$port/healthz" >/dev/null
wrk -t "$threads" -c "$connections" -d 5s "http://127.0.0.1:$port/healthz" >"$work/healthz-before.out"
health_before=$(awk '$1 == "Requests/sec:" { printf "%.0f", $2 }' "$work/healthz-before.out")

# PROFILE=FILE: record where the daemon spends the vote phase (perf record -g), for `perf report -i FILE`.
profiler=""
if [ -n "${PROFILE:-}" ]; then
    # PROFILE_CALLGRAPH=dwarf attributes time to callers (Swift frames often lack frame pointers); default fp.
    perf record -F "${PROFILE_FREQ:-499}" --call-graph "${PROFILE_CALLGRAPH:-fp}" -p "$daemon" -o "$PROFILE" 2>/dev/null &
    profiler=$!
    sleep 0.5
fi
wrk -t "$threads" -c "$connections" -d "${seconds}s" --timeout 10s --latency -s scripts/bench/intake-votes.lua \
    "http://127.0.0.1:$port" -- "$work/paths" "$threads" >"$work/votes.out"
if [ -n "$profiler" ]; then
    kill -INT "$profiler"
    wait "$profiler" 2>/dev/null || true
fi
value() { awk -v key="$1" '$1 == key { print $2 }' "$work/votes.out"; }
peak_votes=$(rss VmHWM)
wrk -t "$threads" -c "$connections" -d 5s --latency "http://127.0.0.1:$port/healthz" >"$work/healthz.out"
peak_rss=$(rss VmHWM)
health_after=$(awk '$1 == "Requests/sec:" { printf "%.0f", $2 }' "$work/healthz.out")
health_rate=$(/usr/bin/python3 -c "print(f'{($health_before + $health_after) / 2:.0f}')")
health_p99=$(awk '$1 == "99%" { print $2 }' "$work/healthz.out")

# A crash, not a graceful stop: every vote that was answered must already be in the database.
kill -KILL "$daemon"
wait "$daemon" 2>/dev/null || true
daemon=""
stored=$(sqlite3 "$database" "SELECT COUNT(*) FROM vote WHERE roundId = $round_id")

accepted=$(value votes_2xx)
total=$(value votes_total)
# wrk runs for the whole -d however early the votes are done, so the rate is taken from the votes themselves:
# from the first vote cast to the last (castAt, milliseconds, stamped when the request is handled).
span_ms=$(sqlite3 "$database" "SELECT CAST(ROUND((julianday(MAX(castAt)) - julianday(MIN(castAt))) * 86400000) AS INTEGER)
    FROM vote WHERE roundId = $round_id")
rate=$(/usr/bin/python3 -c "print(f'{$stored / max($span_ms, 1) * 1000:.0f}')")
ms() { /usr/bin/python3 -c "print(f'{$1 / 1000:.1f}')"; }
echo "votes: $accepted of $total answered 2xx ($(value votes_other) other, $(value errors) socket errors)" \
    "in $span_ms ms (first to last vote) = $rate votes/s; p50 $(ms "$(value p50_us)") ms, p99 $(ms "$(value p99_us)") ms" \
    "($connections connections, $threads wrk threads)"
echo "healthz: $health_rate req/s (mean of $health_before before the votes and $health_after after), p99 $health_p99 (same process, same connections)"
echo "ratio: votes/s is $(/usr/bin/python3 -c "print(f'{100 * $rate / $health_rate:.0f}')")% of healthz req/s (issue #16 aims at 80%)"
echo "memory: idle RSS $idle_rss MB before the load; peak RSS $peak_votes MB after the votes, $peak_rss MB after healthz"
inflight=$((stored - accepted))
if [ "$stored" = "$accepted" ]; then
    echo "check: $stored votes in the database after SIGKILL = $accepted 2xx answers"
elif [ "$accepted" != "$total" ] && [ "$inflight" -gt 0 ] && [ "$inflight" -le "$connections" ]; then
    # wrk's -d ran out first: the votes in flight then were recorded, their answers never read (at most one a connection).
    echo "check: $stored votes in the database after SIGKILL = $accepted 2xx answers + $inflight in flight when wrk" \
        "stopped at ${seconds} s (≤ $connections connections); raise SECONDS to send all $total"
else
    echo "check FAILED: $stored votes in the database after SIGKILL, but $accepted 2xx answers" >&2
    tail -n 20 "$work/serve.log" >&2
    exit 1
fi
