#!/usr/bin/env bash
# Crash benchmark: one round to RECIPIENTS panelists (default 5,000); `tweedemening tick` is killed with SIGKILL
# at random moments (0.05–1.5 s after it starts) and started again, then left to finish until nothing is left to
# send. Two phases: first with the sending window closed (the tick publishes and renders, delivers nothing),
# killed up to KILLS/4 times; then with the window open, until KILLS (default 20) kills have hit a tick while
# it was delivering (the server received mail during it). The receiving server is scripts/smtp-catcher.py on
# loopback, which stores a message before it answers 250. Then:
#   * every panelist must have received the case mail at least once (exit 1 if not);
#   * duplicates (copies of a Message-ID beyond the first) must stay within kills × (connections + 100): per
#     crash at most the messages in flight plus the accepted batch not yet recorded (exit 1 if more);
#   * the database must pass `PRAGMA integrity_check` and hold every message as sent (exit 1 if not).
#
#   scripts/bench/crash.sh [RECIPIENTS] [KILLS]      # TWEEDEMENING_SMTP_CONNECTIONS default 4
set -euo pipefail
export TWEEDEMENING_ALLOW_INSECURE_BASE_URL=1  # links on loopback: only for demos and tests (docs/operations.md)
cd "$(dirname "$0")/../.."
source scripts/bench/lib.sh
count="${1:-5000}"
kills_wanted="${2:-20}"
connections="${TWEEDEMENING_SMTP_CONNECTIONS:-4}"
deadline=$((SECONDS + ${TIMEOUT:-900}))
bench_build
bench_work

$PY scripts/smtp-catcher.py --dir "$work/mail" --port 0 >"$work/catcher.out" &
bench_pids+=("$!")
for _ in $(seq 50); do grep -q '^PORT' "$work/catcher.out" 2>/dev/null && break; sleep 0.1; done
port=$(awk '/^PORT/ {print $2}' "$work/catcher.out")
[ -n "$port" ] || { echo "crash: smtp-catcher did not start" >&2; exit 1; }
export TWEEDEMENING_SMTP_URL="smtp://127.0.0.1:$port" TWEEDEMENING_SMTP_CONNECTIONS="$connections"
bench_root "$count"
case_id=$("$bin" case submit --municipality bench examples/case-traplift.md 2>/dev/null | tail -n 1)
"$bin" case approve "$case_id" --publish-at "$(date -u -d '-1 minute' +%Y-%m-%dT%H:%M:%SZ)"

# running PID: the process exists and has not exited (a zombie has).
running() { [ -r "/proc/$1/stat" ] && ! awk '{exit ($3 == "Z") ? 0 : 1}' "/proc/$1/stat"; }

# A window that is closed now (Europe/Amsterdam), for the render phase.
hour=$((10#$(TZ=Europe/Amsterdam date +%H)))
closed_hour=$(((hour + 12) % 22))
closed_window=$(printf '%02d:00-%02d:00' "$closed_hour" $((closed_hour + 1)))
mails() { find "$work/mail/new" -type f 2>/dev/null | wc -l; }

kills=0 render_kills=0 other_kills=0 ticks=0 early=0 failures=0
start=$(date +%s.%N)
phase=render
while :; do
    if ((SECONDS > deadline)); then
        echo "crash: gave up after ${TIMEOUT:-900} s ($kills kills, $ticks ticks)" >&2
        exit 1
    fi
    if [ "$phase" = render ]; then export TWEEDEMENING_SENDING_WINDOW="$closed_window"; else export TWEEDEMENING_SENDING_WINDOW=always; fi
    before=$(mails)
    "$bin" tick 2>>"$work/tick.err" &
    pid=$!
    ticks=$((ticks + 1))
    if { [ "$phase" = render ] && ((render_kills < kills_wanted / 4)); } || { [ "$phase" = deliver ] && ((kills < kills_wanted)); }; then
        sleep "$($PY -c 'import random; print(f"{random.uniform(0.05, 1.5):.3f}")')"
        running "$pid" && kill -KILL "$pid" 2>/dev/null || true
    else
        # Enough crashes: let this tick finish, within a bound.
        for _ in $(seq 3000); do running "$pid" || break; sleep 0.1; done
        running "$pid" && { kill -KILL "$pid"; echo "crash: a tick ran over 300 s" >&2; }
    fi
    status=0
    wait "$pid" 2>/dev/null || status=$?
    if ((status == 137)); then
        if [ "$phase" = render ]; then
            render_kills=$((render_kills + 1))
        elif (($(mails) > before)); then
            kills=$((kills + 1))
        else
            other_kills=$((other_kills + 1))  # before its first delivery: startup, or re-rendering
        fi
        continue
    fi
    ((status == 0)) || failures=$((failures + 1))
    if [ "$phase" = render ]; then
        phase=deliver
        continue
    fi
    if (($(queue_left) == 0)); then
        ((kills >= kills_wanted)) || early=1
        break
    fi
done
end=$(date +%s.%N)

read -r messages distinct duplicates maxcopies missing other incomplete < <(received "$count" case "$work/mail")
per_kill=$((connections + 100))
all_kills=$((kills + render_kills + other_kills))
bound=$((all_kills * per_kill))
integrity=$(sqlite3 "$work/root/tweedemening.sqlite" 'PRAGMA integrity_check')
states=$(sqlite3 "$work/root/tweedemening.sqlite" "SELECT state || ' ' || COUNT(*) FROM outbox GROUP BY state" | paste -sd, -)
sent=$(sqlite3 "$work/root/tweedemening.sqlite" "SELECT COUNT(*) FROM outbox WHERE state = 'sent'")
leftovers=$(find "$work/root/Queue/outgoing" "$work/root/Queue/tmp" -type f | wc -l)

echo "crash: $count recipients, $ticks ticks, $all_kills killed by SIGKILL mid-run ($render_kills while rendering," \
    "$kills while delivering, $other_kills before delivering), $(awk "BEGIN {printf \"%.1f\", $end - $start}") s," \
    "$connections connections"
echo "received: $messages messages, $distinct distinct Message-IDs, $missing recipients missing"
echo "duplicates: $duplicates (at most $maxcopies copies of one message) = $(awk "BEGIN {printf \"%.1f\", $duplicates / ($kills > 0 ? $kills : 1)}") per delivering kill;" \
    "bound $per_kill per kill ($connections in flight + 100 unrecorded) × $all_kills kills = $bound"
echo "database: integrity_check $integrity; outbox $states; spool files left over: $leftovers;" \
    "ticks that exited non-zero: $failures"
[ "$other" -eq 0 ] || echo "note: $other messages of another kind" >&2
[ "$incomplete" -eq 0 ] || echo "note: $incomplete incomplete messages" >&2

ok=1
((early == 0)) || { echo "FAIL: the work was done after only $kills kills; raise RECIPIENTS" >&2; ok=0; }
((missing == 0)) || { echo "FAIL: $missing recipients never got the case mail" >&2; ok=0; }
((duplicates <= bound)) || { echo "FAIL: $duplicates duplicates exceed the bound $bound" >&2; ok=0; }
[ "$integrity" = ok ] || { echo "FAIL: integrity_check: $integrity" >&2; ok=0; }
((sent == count)) || { echo "FAIL: $sent of $count outbox rows sent" >&2; ok=0; }
((ok)) || { [ -s "$work/tick.err" ] && tail -n 5 "$work/tick.err" >&2; exit 1; }
