#!/usr/bin/env bash
# Proves `tweedemening inbound deliver` behind a REAL Postfix, on loopback, as docs/postfix.md describes it.
#
# A private Postfix instance (its own config, queue, data directory and log file under a temp folder)
# listens on a free 127.0.0.1 port, relays the domain reply.tdm.test to a pipe(8) service that runs
# `tweedemening inbound deliver` as user nobody. The script sets up one case round, takes the signed
# Reply-To address from the rendered case mail, and sends replies to it over SMTP:
#   (a) a plain reply becomes an argument and Postfix logs status=sent;
#   (b) an out-of-office (Auto-Submitted: auto-replied) is recorded as auto-reply, no argument;
#   (c) while the signing key is unusable the pipe exits 75: Postfix keeps the message deferred,
#       and after the fix `postqueue -f` delivers it;
#   (d) an empty message piped straight into `inbound deliver` exits 65.
#
# Run as root (Postfix needs it). No input; about 30 s; everything is removed afterwards
# (TDM_KEEP_TMP=1 keeps the temp folder for inspection). Exit 0 only if every check passes.
#
#   TWEEDEMENING_BIN   the binary (default: .build/debug/tweedemening of this repository)
set -uo pipefail
export TWEEDEMENING_ALLOW_INSECURE_BASE_URL=1  # links on loopback: only for demos and tests (docs/operations.md)

# A bound on the whole run: re-run ourselves under timeout(1). On expiry the TERM reaches this
# shell, whose trap stops Postfix and removes the temp folder.
if [[ -z "${TDM_POSTFIX_TEST_INNER:-}" ]]; then
    export TDM_POSTFIX_TEST_INNER=1
    exec timeout --kill-after=15 120 "$BASH" "$0" "$@" </dev/null
fi
exec </dev/null

repo="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${TWEEDEMENING_BIN:-$repo/.build/debug/tweedemening}"
TEMPLATES="$repo/MailTemplates"
PY=/usr/bin/python3
[[ -x "$PY" ]] || PY=python3
export PATH="/usr/sbin:/usr/bin:/sbin:/bin:$PATH"

passed=0
failed=0
pass() { passed=$((passed + 1)); printf 'ok   %s\n' "$1"; }
fail() { failed=$((failed + 1)); printf 'FAIL %s\n' "$1"; [[ -n "${2:-}" ]] && printf '     %s\n' "${2//$'\n'/$'\n'     }"; return 0; }
# A setup step that failed: count it, stop (the EXIT trap cleans up and prints the summary).
die() { fail "$@"; exit 1; }

TMP=""
CONF=""
postfix_started=""
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [[ -n "$postfix_started" ]]; then
        postfix -c "$CONF" stop >/dev/null 2>&1 || postfix -c "$CONF" abort >/dev/null 2>&1 || true
        # `postfix stop` waits up to 5 s for master; make sure nothing of ours outlives the folder.
        local pidfile="$TMP/spool/pid/master.pid" i
        for i in 1 2 3 4 5 6 7 8 9 10; do
            [[ -f "$pidfile" ]] && kill -0 "$(tr -d ' ' <"$pidfile")" 2>/dev/null || break
            sleep 0.5
        done
    fi
    if [[ -n "$TMP" && -d "$TMP" ]]; then
        if [[ -n "${TDM_KEEP_TMP:-}" ]]; then
            echo "kept $TMP"
        else
            rm -rf "$TMP"
        fi
    fi
    if ((failed == 0 && status != 0)); then
        # Interrupted or timed out before any check failed: that is a failure too.
        failed=1
        echo "FAIL run ended early (exit status $status)"
    fi
    echo "$passed passed, $failed failed"
    ((failed == 0)) && exit 0 || exit 1
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

[[ $(id -u) -eq 0 ]] || die "setup: must run as root (Postfix and the pipe user need it)"
for tool in postfix postconf postqueue sqlite3 runuser "$PY"; do
    command -v "$tool" >/dev/null || die "setup: $tool is not installed"
done
[[ -x "$BIN" ]] || die "setup: no executable at $BIN (set TWEEDEMENING_BIN)"

TMP="$(mktemp -d /tmp/tdm-postfix.XXXXXX)"
chmod 711 "$TMP" # the pipe user (nobody) must reach R inside; the listing stays private
R="$TMP/R"
CONF="$TMP/postfix"
MAILLOG="$TMP/maillog"

# The pipe runs as nobody: it must be able to execute the binary and read the templates. If a path
# component is closed to others, run copies from the temp folder (nothing outside it is changed).
as_nobody() { runuser -u nobody -- "$@"; }
if ! as_nobody test -x "$BIN" || ! as_nobody test -r "$TEMPLATES/nl/case-text.mustache"; then
    mkdir -p "$TMP/bin"
    cp "$BIN" "$TMP/bin/tweedemening" && cp -r "$TEMPLATES" "$TMP/MailTemplates" || die "setup: cannot copy the binary and templates"
    chmod -R o+rX "$TMP/bin" "$TMP/MailTemplates"
    BIN="$TMP/bin/tweedemening"
    TEMPLATES="$TMP/MailTemplates"
fi

export TWEEDEMENING_SENDING_WINDOW=always
export TWEEDEMENING_SMTP_URL=smtp://127.0.0.1:1 # nothing listens: outgoing mail stays in Queue/outgoing
export TWEEDEMENING_FROM="De Tweede Mening <panel@tdm.test>"
export TWEEDEMENING_REPLY_DOMAIN=reply.tdm.test
export TWEEDEMENING_TEMPLATES="$TEMPLATES"
unset TWEEDEMENING_ROOT

# Every command bounded; output kept for a failure message.
run() { timeout 30 "$@" >"$TMP/out" 2>&1; }
tdm() { run "$BIN" "$@" --root "$R"; }
# Queries run as nobody: a root sqlite3 would leave root-owned -wal/-shm files the pipe cannot write.
sql() { as_nobody timeout 10 sqlite3 -batch -noheader "$R/tweedemening.sqlite" "$1" 2>&1; }

# --- the round -------------------------------------------------------------------------------
run "$BIN" init --root "$R" || die "setup: tweedemening init" "$(cat "$TMP/out")"
tdm municipality add --id ede --name "Gemeente Ede" --email wmo@ede.test || die "setup: municipality add" "$(cat "$TMP/out")"
printf 'email\nanna@bewoners.test\n' >"$TMP/panel.csv"
tdm panel import --municipality ede "$TMP/panel.csv" || die "setup: panel import" "$(cat "$TMP/out")"
tdm case submit --municipality ede "$repo/examples/case-traplift.md" || die "setup: case submit" "$(cat "$TMP/out")"
case_id="$(tail -n 1 "$TMP/out" | tr -d '[:space:]')"
[[ "$case_id" =~ ^[0-9]+$ ]] || die "setup: case submit printed no case id" "$(cat "$TMP/out")"
tdm case approve "$case_id" --publish-at "$(date -u -d '-1 min' +%Y-%m-%dT%H:%M:%SZ)" || die "setup: case approve" "$(cat "$TMP/out")"
tdm tick || die "setup: tick" "$(cat "$TMP/out")" # warns once that delivery is deferred: expected

# Rendered mail is packed a batch to a file (Queue/README.md): take the first case mail out of its pack.
reply_to="$("$PY" - "$R/Queue/outgoing" <<'EOF'
import sys, os, email, email.policy
folder = sys.argv[1]
for name in sorted(os.listdir(folder)):
    data = open(os.path.join(folder, name), "rb").read()
    if name.endswith(".pack"):
        header, _, body = data.partition(b"\n\n")
        members = [line.split() for line in header.decode().splitlines()[1:]]
        found = [body[int(o):int(o) + int(n)] for (m, o, n) in members if m.endswith("-case.eml")]
        if not found:
            continue
        data = found[0]
    elif not name.endswith("-case.eml"):
        continue
    header = email.message_from_bytes(data, policy=email.policy.default)["Reply-To"]
    print(header.addresses[0].addr_spec if header is not None and header.addresses else "")
    break
EOF
)"
[[ -n "$reply_to" ]] || die "setup: no case mail in Queue/outgoing" "$(ls -l "$R/Queue/outgoing" 2>&1)"
[[ "$reply_to" =~ ^reply\+[^@]+@reply\.tdm\.test$ ]] || die "setup: signed Reply-To address in the case mail" "got '$reply_to'"
pass "setup: round published, signed reply address $reply_to"
chown -R nobody:nogroup "$R"

# --- the Postfix instance --------------------------------------------------------------------
port="$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
mkdir -p "$CONF" "$TMP/spool" "$TMP/data"
chown postfix "$TMP/data" # postfix check creates the queue subfolders; the data directory is ours to hand over
: >"$MAILLOG"
cat >"$CONF/main.cf" <<EOF
# A private instance: nothing here touches /etc/postfix or /var/spool/postfix.
compatibility_level = 3.6
config_directory = $CONF
queue_directory = $TMP/spool
data_directory = $TMP/data
maillog_file = $MAILLOG
maillog_file_prefixes = /var, /dev/stdout, $TMP
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
myhostname = mx.tdm.test
mydomain = tdm.test
myorigin = \$myhostname
mydestination =
local_recipient_maps =
alias_maps =
alias_database =
mynetworks = 127.0.0.0/8
smtpd_recipient_restrictions = permit_mynetworks, reject_unauth_destination
smtpd_peername_lookup = no
biff = no

# Replies to reply+TOKEN@reply.tdm.test go to the tweedemening pipe, one recipient per call.
relay_domains = reply.tdm.test
transport_maps = inline:{ reply.tdm.test=tweedemening: }
recipient_delimiter = +
tweedemening_destination_recipient_limit = 1

# Nothing leaves this test instance (bounces included).
default_transport = error:outbound mail is disabled in this test instance
relay_transport = error:outbound mail is disabled in this test instance
EOF

pipe_argv="/usr/bin/env TWEEDEMENING_SENDING_WINDOW=always TWEEDEMENING_ALLOW_INSECURE_BASE_URL=1 TWEEDEMENING_SMTP_URL=$TWEEDEMENING_SMTP_URL"
pipe_argv+=" {TWEEDEMENING_FROM=$TWEEDEMENING_FROM} TWEEDEMENING_REPLY_DOMAIN=$TWEEDEMENING_REPLY_DOMAIN"
pipe_argv+=" TWEEDEMENING_TEMPLATES=$TEMPLATES"
pipe_argv+=" $BIN inbound deliver --root $R --recipient \${original_recipient}"
cat >"$CONF/master.cf" <<EOF
# service        type      private unpriv chroot wakeup maxproc command + args
127.0.0.1:$port  inet      n       -      n      -      -       smtpd
pickup           unix      n       -      n      60     1       pickup
cleanup          unix      n       -      n      -      0       cleanup
qmgr             unix      n       -      n      300    1       qmgr
rewrite          unix      -       -      n      -      -       trivial-rewrite
bounce           unix      -       -      n      -      0       bounce
defer            unix      -       -      n      -      0       bounce
trace            unix      -       -      n      -      0       bounce
verify           unix      -       -      n      -      1       verify
flush            unix      n       -      n      1000?  0       flush
proxymap         unix      -       -      n      -      -       proxymap
showq            unix      n       -      n      -      -       showq
error            unix      -       -      n      -      -       error
retry            unix      -       -      n      -      -       error
discard          unix      -       -      n      -      -       discard
anvil            unix      -       -      n      -      1       anvil
scache           unix      -       -      n      -      1       scache
postlog          unix-dgram n      -      n      -      1       postlogd
tweedemening     unix      -       n      n      -      -       pipe
  flags=Rq user=nobody argv=$pipe_argv
EOF

# With maillog_file set, postfix check reports into the log file, not on stderr: read both.
if out="$(postfix -c "$CONF" check 2>&1)" && [[ -z "$out" ]] && ! grep -qE 'warning:|fatal:|error:' "$MAILLOG"; then
    pass "postfix -c CONF check: no warnings"
else
    fail "postfix -c CONF check: no warnings" "$out$(cat "$MAILLOG")"
fi
postfix -c "$CONF" start >"$TMP/out" 2>&1 || die "postfix -c CONF start" "$(cat "$TMP/out"; tail -n 20 "$MAILLOG")"
postfix_started=1
listening=""
for _ in $(seq 1 50); do
    if "$PY" -c "import smtplib; smtplib.SMTP('127.0.0.1', $port, local_hostname='probe.tdm.test', timeout=2).quit()" 2>/dev/null; then
        listening=1
        break
    fi
    sleep 0.2
done
[[ -n "$listening" ]] || die "postfix listens on 127.0.0.1:$port" "$(tail -n 20 "$MAILLOG")"
pass "postfix started, smtpd on 127.0.0.1:$port"

# --- helpers ---------------------------------------------------------------------------------
# send FILE: one SMTP transaction to the private Postfix; prints Postfix's queue id.
send() {
    "$PY" - "$port" "$reply_to" "$1" <<'EOF'
import re, smtplib, sys
port, recipient, path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
with open(path, "rb") as f:
    data = f.read()
with smtplib.SMTP("127.0.0.1", port, local_hostname="client.bewoners.test", timeout=10) as smtp:
    smtp.ehlo()
    code, response = smtp.mail("anna@bewoners.test")
    if code != 250: sys.exit(f"MAIL FROM: {code} {response!r}")
    code, response = smtp.rcpt(recipient)
    if code not in (250, 251): sys.exit(f"RCPT TO: {code} {response!r}")
    code, response = smtp.data(data)
    if code != 250: sys.exit(f"DATA: {code} {response!r}")
match = re.search(rb"queued as ([0-9A-Za-z]+)", response)
if not match: sys.exit(f"no queue id in {response!r}")
print(match.group(1).decode())
EOF
}

# message FILE SUBJECT BODY [EXTRA-HEADER]: a reply from Anna, CRLF line ends.
message() {
    {
        printf 'From: Anna de Vries <anna@bewoners.test>\r\n'
        printf 'To: "De Tweede Mening" <%s>\r\n' "$reply_to"
        printf 'Subject: %s\r\n' "$2"
        printf 'Date: %s\r\n' "$(LC_ALL=C date -R)"
        printf 'Message-ID: <%s.%s@bewoners.test>\r\n' "$(date +%s%N)" "$RANDOM"
        printf 'In-Reply-To: <case.r1.p1@tdm.test>\r\n'
        [[ -n "${4:-}" ]] && printf '%s\r\n' "$4"
        printf 'MIME-Version: 1.0\r\n'
        printf 'Content-Type: text/plain; charset=utf-8\r\n'
        printf 'Content-Transfer-Encoding: 8bit\r\n'
        printf '\r\n'
        printf '%s\r\n' "$3"
    } >"$1"
}

# outcome QUEUEID: waits up to 20 s for Postfix's verdict on the tweedemening delivery; prints
# sent, deferred or bounced (empty on timeout).
outcome() {
    local i status
    for i in $(seq 1 100); do
        status="$(grep -E " $1: to=<[^>]*>.* relay=tweedemening.* status=" "$MAILLOG" | tail -n 1 | sed -E 's/.* status=([a-z]+).*/\1/')"
        [[ -n "$status" ]] && { echo "$status"; return; }
        sleep 0.2
    done
}
logline() { grep -E " $1: to=<" "$MAILLOG" | tail -n 1; }
in_queue() { postqueue -c "$CONF" -p 2>/dev/null | grep -q "^$1[*!]\{0,1\} "; }

# --- (a) a plain reply becomes an argument ---------------------------------------------------
message "$TMP/a.eml" "Re: Traplift voor een 90-jarige" \
    "Ik vind dat de gemeente de traplift had moeten vergoeden: verhuizen op die leeftijd is geen redelijk alternatief."
if qid_a="$(send "$TMP/a.eml" 2>"$TMP/err")"; then
    status="$(outcome "$qid_a")"
    if [[ "$status" == sent ]]; then
        pass "(a) reply $qid_a delivered through the pipe: maillog status=sent"
    else
        fail "(a) reply $qid_a delivered through the pipe: maillog status=sent" "status '${status:-none in 20 s}': $(logline "$qid_a")"
    fi
    dispositions="$(sql "select disposition from inbound order by id")"
    arguments="$(sql "select count(*) from argument")"
    if [[ "$dispositions" == argument && "$arguments" == 1 ]]; then
        pass "(a) inbound disposition 'argument', 1 argument stored"
    else
        fail "(a) inbound disposition 'argument', 1 argument stored" "inbound: [$dispositions], arguments: $arguments"
    fi
else
    fail "(a) SMTP submission of the reply" "$(cat "$TMP/err")"
fi

# --- (b) an out-of-office is recorded, not stored as an argument -----------------------------
message "$TMP/b.eml" "Automatisch antwoord: Traplift voor een 90-jarige" \
    "Ik ben afwezig tot en met maandag en lees mijn mail daarna." "Auto-Submitted: auto-replied"
if qid_b="$(send "$TMP/b.eml" 2>"$TMP/err")"; then
    status="$(outcome "$qid_b")"
    latest="$(sql "select disposition from inbound order by id desc limit 1")"
    arguments="$(sql "select count(*) from argument")"
    if [[ "$status" == sent && "$latest" == auto-reply && "$arguments" == 1 ]]; then
        pass "(b) out-of-office $qid_b delivered, recorded as 'auto-reply', no argument"
    else
        fail "(b) out-of-office $qid_b delivered, recorded as 'auto-reply', no argument" \
            "status '${status:-none}', latest disposition '$latest', arguments $arguments: $(logline "$qid_b")"
    fi
else
    fail "(b) SMTP submission of the out-of-office" "$(cat "$TMP/err")"
fi

# --- (c) exit 75 keeps the message in Postfix's queue until the problem is fixed -------------
count_before="$(sql "select count(*) from inbound")"
chmod 644 "$R/signing.key" # readable by others: the program refuses the key, deliver answers 75
message "$TMP/c.eml" "Re: Traplift voor een 90-jarige" \
    "Nog een punt: de wachtlijst voor een aangepaste woning in Ede is jaren lang."
if qid_c="$(send "$TMP/c.eml" 2>"$TMP/err")"; then
    status="$(outcome "$qid_c")"
    count_during="$(sql "select count(*) from inbound")"
    if [[ "$status" == deferred ]] && in_queue "$qid_c" && [[ "$count_during" == "$count_before" ]]; then
        pass "(c) exit 75: $qid_c deferred (maillog status=deferred, in postqueue -p, nothing filed)"
    else
        fail "(c) exit 75: $qid_c deferred (maillog status=deferred, in postqueue -p, nothing filed)" \
            "status '${status:-none}', inbound $count_before -> $count_during: $(logline "$qid_c")
$(postqueue -c "$CONF" -p 2>&1)"
    fi
    chmod 600 "$R/signing.key"
    postqueue -c "$CONF" -f >/dev/null 2>&1
    delivered=""
    for _ in $(seq 1 100); do
        grep -qE " $qid_c: to=<.* status=sent" "$MAILLOG" && { delivered=1; break; }
        sleep 0.2
    done
    count_after="$(sql "select count(*) from inbound")"
    if [[ -n "$delivered" ]] && ! in_queue "$qid_c" && ((count_after == count_before + 1)); then
        pass "(c) after chmod 600 and postqueue -f: $qid_c delivered, inbound $count_before -> $count_after"
    else
        fail "(c) after chmod 600 and postqueue -f: $qid_c delivered, inbound $count_before -> $count_after" \
            "$(logline "$qid_c")
$(postqueue -c "$CONF" -p 2>&1)"
    fi
else
    chmod 600 "$R/signing.key"
    fail "(c) SMTP submission of the reply" "$(cat "$TMP/err")"
fi

# --- (d) an empty message is refused with 65 (Postfix would bounce it) -----------------------
as_nobody timeout 30 /usr/bin/env TWEEDEMENING_SENDING_WINDOW=always "TWEEDEMENING_SMTP_URL=$TWEEDEMENING_SMTP_URL" \
    "TWEEDEMENING_FROM=$TWEEDEMENING_FROM" "TWEEDEMENING_REPLY_DOMAIN=$TWEEDEMENING_REPLY_DOMAIN" \
    "TWEEDEMENING_TEMPLATES=$TEMPLATES" "$BIN" inbound deliver --root "$R" </dev/null >"$TMP/out" 2>&1
code=$?
if [[ $code == 65 ]]; then
    pass "(d) empty message piped into inbound deliver: exit 65"
else
    fail "(d) empty message piped into inbound deliver: exit 65" "exit $code: $(cat "$TMP/out")"
fi

# Nothing may be left half-received in the spool, nor in Postfix's queue.
leftovers="$(ls -A "$R/Queue/incoming" 2>&1)"
queue="$(postqueue -c "$CONF" -p 2>&1)"
if [[ -z "$leftovers" && "$queue" == *"Mail queue is empty"* ]]; then
    pass "Queue/incoming and the Postfix queue are empty"
else
    fail "Queue/incoming and the Postfix queue are empty" "incoming: [$leftovers]; postqueue: $queue"
fi
