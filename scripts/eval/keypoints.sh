#!/usr/bin/env bash
# Key point evaluation: runs every labelled case (Tests/Corpus/keypoints/*.json, see FORMAT.md there) as a
# whole round with the real binary on loopback, then scores the verdict digest against the gold labels.
#
#   scripts/eval/keypoints.sh [--verbose] [--json OUT] [--keep] [--out DIR] [CASE_JSON...]
#
# Per case, in a fresh root: SMTP catcher + `serve --intake-only` on free loopback ports, init, a panel of
# every panelist of the case + the silent voters + 10 who do nothing, the case mailed to zaken@ (DKIM pass),
# approval, publication, every reply delivered in id order through `inbound deliver` (#{n} replaced by the
# argument number reply n got), the vote opened, every vote cast over HTTP (GET then POST), the deadline
# passed, and the verdict mail (text + CSV) read from the Maildir. Then scripts/eval/keypoints.py scores.
#
# The binary: $TWEEDEMENING_BIN, else `swift build --show-bin-path`/tweedemening (build it first).
set -euo pipefail
export TWEEDEMENING_ALLOW_INSECURE_BASE_URL=1  # links on loopback: only for demos and tests (docs/operations.md)
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export PATH="/opt/swift/usr/bin:$PATH"
py=/usr/bin/python3   # Debian's Python: the catcher needs python3-aiosmtpd

verbose=() json=() keep=0 out="" cases=()
while [ $# -gt 0 ]; do
    case "$1" in
        --verbose|-v) verbose=(--verbose); shift ;;
        --json) json=(--json "$2"); shift 2 ;;
        --keep) keep=1; shift ;;
        --out) out="$2"; shift 2 ;;
        -h|--help) sed -n 2,12p "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "keypoints.sh: unknown option $1" >&2; exit 64 ;;
        *) cases+=("$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"); shift ;;
    esac
done
if [ ${#cases[@]} -eq 0 ]; then
    for f in "$repo"/Tests/Corpus/keypoints/*.json; do [ -e "$f" ] && cases+=("$f"); done
fi
[ ${#cases[@]} -gt 0 ] || { echo "keypoints.sh: no case JSON given and none in Tests/Corpus/keypoints/" >&2; exit 66; }

bin="${TWEEDEMENING_BIN:-}"
if [ -z "$bin" ]; then
    # --show-bin-path can wait for the build lock while another build runs: give up after a while.
    binpath="$(cd "$repo" && timeout 30 swift build --show-bin-path 2>/dev/null)" || binpath="$repo/.build/debug"
    bin="$binpath/tweedemening"
fi
[ -x "$bin" ] || { echo "keypoints.sh: no binary at '$bin' (build with \`swift build\` or set TWEEDEMENING_BIN)" >&2; exit 69; }

if [ -z "$out" ]; then out="$(mktemp -d /tmp/kp-eval.XXXXXX)"; else mkdir -p "$out"; fi
echo "keypoints: binary $bin" >&2
echo "keypoints: results in $out" >&2

pids=()
cleanup() {
    local pid
    for pid in "${pids[@]+"${pids[@]}"}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]+"${pids[@]}"}"; do wait "$pid" 2>/dev/null || true; done
    pids=()
}
trap cleanup EXIT
trap 'exit 130' INT TERM

die() {
    echo "keypoints: $case_name: $*" >&2
    [ -n "${TWEEDEMENING_ROOT:-}" ] && echo "keypoints: $case_name: its root is kept at $TWEEDEMENING_ROOT" >&2
    exit 70
}
iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }
free_port() { $py -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

run_case() {
    local case_json="$1"
    case_name="$(basename "$case_json" .json)"
    local work="$out/$case_name"
    rm -rf "$work"; mkdir -p "$work"
    local root; root="$(mktemp -d /tmp/kp-root.XXXXXX)"
    echo "$root" > "$work/root-path"
    mkdir -p "$root/maildir"
    export TWEEDEMENING_ROOT="$root"
    local log="$work/run.log"
    : > "$log"

    local case_file
    case_file="$($py "$here/keypoints.py" case-file "$case_json")" || die "cannot read $case_json"
    [ -f "$case_file" ] || die "case file $case_file (\"case_file\" in the JSON) does not exist"

    # SMTP catcher on a free port (it prints "PORT n").
    coproc CATCHER { exec $py "$repo/scripts/smtp-catcher.py" --dir "$root/maildir" --port 0 2>>"$log"; }
    pids+=("$CATCHER_PID")
    local smtp_port
    read -r -t 20 _ smtp_port <&"${CATCHER[0]}" || die "the SMTP catcher did not start (see $log)"
    local http_port; http_port="$(free_port)"

    export TWEEDEMENING_ROOT="$root"
    export TWEEDEMENING_SMTP_URL="smtp://127.0.0.1:$smtp_port"
    export TWEEDEMENING_BASE_URL="http://127.0.0.1:$http_port"
    export TWEEDEMENING_LISTEN="127.0.0.1:$http_port" TWEEDEMENING_METRICS_LISTEN=off
    export TWEEDEMENING_TEMPLATES="${KEYPOINTS_TEMPLATES:-$repo/MailTemplates}"   # another build's templates, to score it
    export TWEEDEMENING_REPLY_DOMAIN=reply.tweedemening.example
    export TWEEDEMENING_MODERATOR=moderator@tweedemening.example
    export TWEEDEMENING_SENDING_WINDOW=always
    export TWEEDEMENING_BIN_PATH="$bin"

    "$bin" init >>"$log" 2>&1 || die "init failed (see $log)"
    # A test panel cannot reach the real quorum; loopback POSTs are not limited anyway, but make sure.
    # Our MTA's Authentication-Results count only under its configured id (without one, cases by mail are refused).
    sed -i -E 's/^quorum = [0-9]+/quorum = 1/; s/^posts_per_minute = [0-9]+/posts_per_minute = 0/; s/^# (authserv_id = "mx\.tweedemening\.example")/\1/' "$root/tweedemening.toml"
    grep -q '^quorum = 1' "$root/tweedemening.toml" || die "could not set the quorum in $root/tweedemening.toml"
    grep -q '^authserv_id = ' "$root/tweedemening.toml" || die "could not set authserv_id in $root/tweedemening.toml"
    "$bin" municipality add --id evalstad --name "Gemeente Evalstad" --email wmo@evalstad.example >>"$log" 2>&1 \
        || die "municipality add failed (see $log)"
    $py "$here/keypoints.py" panel "$case_json" > "$work/panel.csv" || die "cannot write the panel"
    "$bin" panel import --municipality evalstad "$work/panel.csv" >>"$log" 2>&1 || die "panel import failed (see $log)"

    # The municipality mails its case to zaken@; our MTA noted DKIM pass.
    local title; title="$($py "$here/keypoints.py" case-title "$case_file")"
    printf 'Authentication-Results: mx.tweedemening.example; dkim=pass header.d=evalstad.example\r\nFrom: Wmo-team <wmo@evalstad.example>\r\nTo: zaken@reply.tweedemening.example\r\nSubject: Nieuwe zaak: %s\r\nMessage-ID: <zaak-%s@evalstad.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n' \
        "$title" "$case_name" "$(sed 's/$/\r/' "$case_file")" | "$bin" inbound deliver >>"$log" 2>&1 \
        || echo "keypoints: $case_name: mailing the case to zaken@ failed; trying \`case submit\`" >>"$log"
    local case_id
    case_id="$("$bin" case list --municipality evalstad | tail -n 1 | cut -f1)"
    if [ -z "$case_id" ]; then
        echo "keypoints: $case_name: no case from the mail to zaken@; using \`case submit\`" >&2
        case_id="$("$bin" case submit --municipality evalstad "$case_file" 2>>"$log" | tail -n 1 | grep -oE '[0-9]+' | head -n 1)" \
            || die "case submit failed (see $log)"
    fi
    [ -n "$case_id" ] || die "the case was not accepted (see $log)"
    local now publish vote deadline
    now=$(date +%s)
    publish=$((now - 60)); vote=$((now + 5 * 86400)); deadline=$((now + 9 * 86400))
    "$bin" case approve "$case_id" --override --publish-at "$(iso $publish)" --vote-at "$(iso $vote)" \
        --deadline "$(iso $deadline)" >>"$log" 2>&1 || die "case approve failed (see $log)"

    "$bin" serve --intake-only 2>"$work/serve.log" >/dev/null &
    pids+=("$!")
    local up=0
    for _ in $(seq 100); do curl -fs "$TWEEDEMENING_BASE_URL/healthz" >/dev/null 2>&1 && { up=1; break; }; sleep 0.2; done
    [ $up = 1 ] || die "serve --intake-only did not answer on $TWEEDEMENING_BASE_URL (see $work/serve.log)"

    "$bin" tick --now "$(iso $((publish + 1)))" >>"$log" 2>&1 || die "tick (publish) failed (see $log)"
    # Every reply, in id order, as a real mail. Arguments are numbered when filed: no tick needed between.
    $py "$here/keypoints.py" deliver "$case_json" "$root" "$work" 2>>"$log" || die "delivering the replies failed (see $log)"
    "$bin" tick --now "$(iso $((publish + 120)))" >>"$log" 2>&1 || die "tick (after replies) failed (see $log)"
    "$bin" tick --now "$(iso $((vote + 1)))" >>"$log" 2>&1 || die "tick (vote opens) failed (see $log)"
    $py "$here/keypoints.py" vote "$case_json" "$root" "$work" 2>>"$log" || die "voting failed (see $log)"
    "$bin" tick --now "$(iso $((deadline + 1)))" >>"$log" 2>&1 || die "tick (deadline) failed (see $log)"
    "$bin" case show "$case_id" > "$work/case-show.txt" 2>&1 || true
    $py "$here/keypoints.py" collect "$case_json" "$root" "$work" || die "no verdict (see $work/case-show.txt and $log)"

    cleanup
    if [ $keep = 0 ]; then rm -rf "$root"; else echo "keypoints: $case_name: root kept at $root" >&2; fi
}

for case_json in "${cases[@]}"; do
    run_case "$case_json"
done
$py "$here/keypoints.py" report "${verbose[@]+"${verbose[@]}"}" "${json[@]+"${json[@]}"}" "$out"
