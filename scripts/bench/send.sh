#!/usr/bin/env bash
# Send benchmark: one round to N panelists (default 10,000), from the `tick` that publishes it to the last
# message accepted, against Postfix's smtp-sink on loopback — beside smtp-source sending the same number of
# messages of the same size over the same number of parallel sessions (the physical limit here). Prints
# numbers; asserts nothing.
#
#   scripts/bench/send.sh [N] [CONNECTIONS]      # CONNECTIONS default 4 (TWEEDEMENING_SMTP_CONNECTIONS)
#   PROFILE=/tmp/send.perf scripts/bench/send.sh   # also record a perf profile of the tick
#   PROFILE_CALLGRAPH=dwarf PROFILE=…              # … with callers (Swift frames lack frame pointers)
#   BENCH_BIN=/tmp/old/tweedemening scripts/bench/send.sh   # measure another build (A/B against this one)
set -euo pipefail
export TWEEDEMENING_ALLOW_INSECURE_BASE_URL=1  # links on loopback: only for demos and tests (docs/operations.md)
cd "$(dirname "$0")/../.."
export PATH="/opt/swift/usr/bin:$PATH"
count="${1:-10000}"
connections="${2:-4}"
command -v smtp-sink >/dev/null || PATH="$PATH:/usr/sbin"
scripts/setup.sh
# BENCH_BIN=PATH: measure that binary (a copy of another commit's build, for an A/B on the same machine state).
if [ -n "${BENCH_BIN:-}" ]; then
    bin="$BENCH_BIN"
else
    swift build -c release --product tweedemening >/dev/null
    bin="$(swift build -c release --show-bin-path)/tweedemening"
fi

work="$(mktemp -d "${BENCH_DIR:-/var/tmp}/send-bench.XXXXXX")"
sink_pid=""
cleanup() { [ -n "$sink_pid" ] && kill "$sink_pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
sink_user=()
[ "$(id -u)" -eq 0 ] && sink_user=(-u nobody)
smtp-sink "${sink_user[@]}" "127.0.0.1:$port" 256 >/dev/null &
sink_pid=$!
sleep 0.5

export TWEEDEMENING_ROOT="$work/root" TWEEDEMENING_SMTP_URL="smtp://127.0.0.1:$port" TWEEDEMENING_SENDING_WINDOW=always
export TWEEDEMENING_TEMPLATES="$(pwd)/MailTemplates" TWEEDEMENING_SMTP_CONNECTIONS="$connections"
"$bin" init
"$bin" municipality add --id bench --name "Gemeente Bench" --email wmo@bench.example
/usr/bin/python3 -c "
print('email,name')
for i in range($count): print(f'panellid{i}@bewoners.example,Panellid {i}')" > "$work/panel.csv"
"$bin" panel import --municipality bench "$work/panel.csv" >/dev/null
case_id=$("$bin" case submit --municipality bench examples/case-traplift.md 2>/dev/null | tail -n 1)
"$bin" case approve "$case_id" --publish-at "$(date -u -d '-1 minute' +%Y-%m-%dT%H:%M:%SZ)"

# The same number of messages of a comparable size (the case mail is ~14 KB) from smtp-source, over as many
# parallel sessions (smtp-source opens a session per message; ours reuse their connections): once before our tick and
# once after, and the mean of the two is the reference. On this shared VM smtp-source's own rate moves by ±10% from one
# minute to the next; bracketing our run cancels a drift instead of dividing by whichever way it went.
smtp_source_rate() {
    local start end
    start=$(date +%s.%N)
    smtp-source -s "$connections" -m "$count" -l 14000 -f bench@tweedemening.example -t panel@bewoners.example \
        "127.0.0.1:$port" >/dev/null
    end=$(date +%s.%N)
    /usr/bin/python3 -c "print(f'{$count / ($end - $start):.0f}')"
}
# A first run warms smtp-sink up (its first sessions after start are slower) and is not counted: counted cold, it
# lowered the reference and flattered the ratio.
smtp_source_rate >/dev/null
theirs_before=$(smtp_source_rate)

start=$(date +%s.%N)
# PROFILE=FILE: also record where the tick spends its time (perf record -g), for `perf report -i FILE`.
profile=()
# PROFILE_CALLGRAPH=dwarf attributes time to callers (Swift frames often lack frame pointers); default fp.
[ -n "${PROFILE:-}" ] && profile=(perf record -F "${PROFILE_FREQ:-999}" --call-graph "${PROFILE_CALLGRAPH:-fp}" -o "$PROFILE" --)
/usr/bin/time -f "%M %U %S" -o "$work/rss" "${profile[@]}" "$bin" tick
end=$(date +%s.%N)
sent=$("$bin" queue status | awk '$1 == "sent" {print $2}')
size=$(ls -l "$work/root/Queue/outgoing" 2>/dev/null | wc -l)
ours=$(/usr/bin/python3 -c "print(f'{$sent / ($end - $start):.0f}')")
read -r rss_kb user_s system_s < <(tail -n 1 "$work/rss")
rss_mb=$(( rss_kb / 1024 ))
# CPU seconds of the tick (user + system): steadier than its wall time when judging a change to the send path.
cpu=$(/usr/bin/python3 -c "print(f'{$user_s + $system_s:.2f}')")

theirs_after=$(smtp_source_rate)
theirs=$(/usr/bin/python3 -c "print(f'{($theirs_before + $theirs_after) / 2:.0f}')")

echo "send: $sent case mails rendered, spooled and delivered by one tick over $connections connection(s) in $(/usr/bin/python3 -c "print(f'{$sent / $ours:.1f}')") s = $ours msg/s (peak RSS $rss_mb MB, CPU $cpu s: user $user_s, system $system_s)"
echo "smtp-source: $count messages of 14 KB, $connections session(s) at a time = $theirs msg/s (mean of $theirs_before before and $theirs_after after)"
echo "ratio: $(/usr/bin/python3 -c "print(f'{100 * $ours / $theirs:.0f}')")% of smtp-source (issue #7: at least 60%; issue #16 aims at 85%)"
