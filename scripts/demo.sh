#!/usr/bin/env bash
# Sets up a fresh Debian machine, builds, and runs one case round end to end on loopback:
# a local SMTP catcher, SQLite, the HTTP intake, and simulated time via `tick --now`.
# Prints what was sent and the verdict digest the municipality received.
set -euo pipefail
export TWEEDEMENING_ALLOW_INSECURE_BASE_URL=1  # links on loopback: only for demos and tests (docs/operations.md)
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
# TWEEDEMENING_BIN: a binary already built (scripts/deliverability.sh, scripts/test.sh); DEMO_ROOT: where the round runs.
if [ -z "${TWEEDEMENING_BIN:-}" ]; then
    scripts/setup.sh
    swift build --product tweedemening
fi
bin="${TWEEDEMENING_BIN:-$(swift build --show-bin-path)/tweedemening}"

demo="${DEMO_ROOT:-$(pwd)/demo-root}"
rm -rf "$demo"
mkdir -p "$demo/maildir"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

# A real SMTP server on a free loopback port, storing every message in a Maildir.
coproc CATCHER { exec /usr/bin/python3 scripts/smtp-catcher.py --dir "$demo/maildir" --port 0; }
pids+=("$CATCHER_PID")
read -r _ smtp_port <&"${CATCHER[0]}"
http_port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

export TWEEDEMENING_ROOT="$demo"
export TWEEDEMENING_SMTP_URL="smtp://127.0.0.1:$smtp_port"
export TWEEDEMENING_BASE_URL="http://127.0.0.1:$http_port"
export TWEEDEMENING_LISTEN="127.0.0.1:$http_port"
export TWEEDEMENING_METRICS_LISTEN=off   # /metrics has its own listener (default 127.0.0.1:9464); none here
export TWEEDEMENING_TEMPLATES="$(pwd)/MailTemplates"
export TWEEDEMENING_REPLY_DOMAIN=reply.tweedemening.example
export TWEEDEMENING_MODERATOR=moderator@tweedemening.example
export TWEEDEMENING_SENDING_WINDOW=always    # the demo's clock may say 3 a.m.; a real panel gets mail 08:00-20:00
iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }
step() { printf '\n== %s\n' "$*"; }

step "setting up: municipality, a panel of 24"
"$bin" init
# DKIM keys (rsa-sha256 and ed25519-sha256): every message is signed as it is handed to SMTP; the records a real
# deployment publishes in DNS are kept for scripts/deliverability.sh, which verifies against them.
"$bin" keys dkim --selector demo > "$demo/dkim-records.txt"
sed -i 's/^quorum = 30 /quorum = 10 /' "$demo/tweedemening.toml"   # a demo panel of 24 cannot reach 30 votes
# Trust the Authentication-Results our MTA writes as mx.tweedemening.example (the municipality's DKIM pass below);
# without an authserv_id (or a secret per municipality) cases by mail are refused.
sed -i 's/^# authserv_id = "mx.tweedemening.example"/authserv_id = "mx.tweedemening.example"/' "$demo/tweedemening.toml"
grep -q '^authserv_id = ' "$demo/tweedemening.toml"
"$bin" municipality add --id utrecht --name "Gemeente Utrecht" --email wmo@utrecht.example
"$bin" panel import --municipality utrecht examples/panel-utrecht.csv
"$bin" municipality margins --id utrecht examples/margins-utrecht.csv   # population shares: the verdict is also weighted
step "the municipality mails its case to zaken@ (our MTA noted DKIM pass); the moderator reviews and approves it"
printf 'Authentication-Results: mx.tweedemening.example; dkim=pass header.d=utrecht.example\r\nFrom: Wmo-team <wmo@utrecht.example>\r\nTo: zaken@reply.tweedemening.example\r\nSubject: Nieuwe zaak: traplift\r\nMessage-ID: <zaak-traplift@utrecht.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n' \
    "$(cat examples/case-traplift.md)" | "$bin" inbound deliver
case_id=$("$bin" case list --municipality utrecht | tail -n 1 | cut -f1)
"$bin" case show "$case_id" | head -n 4
now=$(date +%s)
publish=$((now - 60)); vote=$((now + 5 * 86400)); deadline=$((now + 9 * 86400)); reminder=$((deadline - 48 * 3600))
"$bin" case approve "$case_id" --publish-at "$(iso $publish)" --vote-at "$(iso $vote)" --deadline "$(iso $deadline)"

"$bin" serve --intake-only 2>"$demo/serve.log" &
pids+=("$!")
for _ in $(seq 50); do curl -fs "$TWEEDEMENING_BASE_URL/healthz" >/dev/null && break; sleep 0.2; done

step "day 0: tick publishes the case"
"$bin" tick --now "$(iso $((publish + 1)))"
step "panelists reply by email (as the MTA pipe delivers them): arguments, a question, an out-of-office"
reply_to() {  # the signed Reply-To of the case mail sent to $1
    /usr/bin/python3 - "$demo/maildir" "$1" <<'PY'
import email, email.policy, pathlib, sys
for path in sorted(pathlib.Path(sys.argv[1], "new").iterdir()):
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    if msg["X-Tweedemening-Kind"] == "case" and msg["To"].addresses[0].addr_spec == sys.argv[2]:
        print(msg["Reply-To"].addresses[0].addr_spec)
PY
}
deliver() {  # from, to, message id, extra header, body
    printf 'From: %s\r\nTo: %s\r\nSubject: Re: Nieuwe casus\r\nMessage-ID: <%s@bewoners.example>\r\nContent-Type: text/plain; charset=utf-8\r\n%s\r\n%s\r\n' \
        "$1" "$2" "$3" "$4" "$5" | "$bin" inbound deliver
}
deliver panellid01@bewoners.example "$(reply_to panellid01@bewoners.example)" a1 "" \
    "Ik steun de gemeente. Een traplift is duur en op termijn is een gelijkvloerse woning beter.

Op 24 nov. 2026 om 09:00 schreef De Tweede Mening <panel@tweedemening.example>:
> Beste Anna de Vries,"
deliver panellid02@bewoners.example "$(reply_to panellid02@bewoners.example)" b1 "" \
    "Ik steun het besluit niet. Na 52 jaar in hetzelfde huis is verhuizen voor een negentigjarige te zwaar. Bel me gerust: 06-12345678.

Verzonden vanaf mijn iPhone"
deliver panellid03@bewoners.example "$(reply_to panellid03@bewoners.example)" c1 "" \
    "Vraag: Wat kost een traplift, vergeleken met de verhuizing?"
deliver panellid04@bewoners.example "$(reply_to panellid04@bewoners.example)" d1 "Auto-Submitted: auto-replied\r\n" \
    "Ik ben afwezig tot 1 december."
n=5
while IFS= read -r argument; do
    who=$(printf 'panellid%02d@bewoners.example' "$n")
    deliver "$who" "$(reply_to "$who")" "arg$n" "" "$argument"
    n=$((n + 1))
done <<'ARGS'
De kosten zijn doorslaggevend: verhuizen is de goedkoopst adequate oplossing en zo staat het in de regels.
Een traplift is op termijn duurder dan een verhuizing, de onderhoudskosten lopen flink op.
Een gelijkvloerse woning is veiliger, met een traplift kan ze alsnog vallen.
Ze woont al 52 jaar in dit huis en de buren helpen haar elke dag. Weg uit de vertrouwde buurt is wreed.
De buren en de vertrouwde buurt zijn haar vangnet; dat raakt ze kwijt bij een verhuizing.
Op 90 jaar verhuizen is te zwaar. De leeftijd moet zwaarder wegen dan de kosten.
De brief van de gemeente was kil en de toon onvriendelijk, zo praat je niet tegen een negentigjarige.
Het is niet duidelijk hoe steil de trap is en of het huis geschikt is; die informatie ontbreekt in de casus.
ARGS
"$bin" tick --now "$(iso $((publish + 120)))"
answer_to=$(/usr/bin/python3 - "$demo/maildir" <<'PY'
import email, email.policy, pathlib, sys
for path in sorted(pathlib.Path(sys.argv[1], "new").iterdir()):
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    if msg["X-Tweedemening-Kind"] == "questions":
        text = msg.get_body(preferencelist=("plain",)).get_content()
        import re; print(re.search(r"^Antwoord naar:\s*(\S+)", text, re.M).group(1))  # the address may be on the next line (format=flowed)
PY
)
step "the municipality answers the question by replying (our MTA notes DKIM pass: an answer needs the proof a case needs)"
deliver wmo@utrecht.example "$answer_to" m1 $'Authentication-Results: mx.tweedemening.example; dkim=pass header.d=utrecht.example\r\n' \
    "Een traplift kost hier ongeveer 6.000 euro; een verhuizing met begeleiding ongeveer 2.500 euro."
sqlite3 "$demo/tweedemening.sqlite" "SELECT '  inbound: ' || disposition || ' ' || COUNT(*) FROM inbound GROUP BY disposition"
step "day 3: tick sends the first discussion digest (arguments under pseudonyms, the answer)"
"$bin" tick --now "$(iso $((publish + 3 * 86400 + 1)))"

step "day 5: tick opens the vote (the vote mail summarises the discussion)"
"$bin" tick --now "$(iso $((vote + 1)))"

step "panelists vote through their one-click links (GET shows a page, POST records)"
/usr/bin/python3 - "$demo/maildir" <<'PY' > "$demo/votes.txt"
import email, email.policy, pathlib, random, sys
random.seed(2026)
for path in sorted(pathlib.Path(sys.argv[1], "new").iterdir()):
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    if msg["X-Tweedemening-Kind"] != "vote":
        continue
    text = msg.get_body(preferencelist=("plain",)).get_content()
    links = [w for w in text.split() if w.startswith("http")]
    roll = random.random()
    if roll < 0.55: print(links[0])        # supports the municipality
    elif roll < 0.80: print(links[1])      # does not
PY
while read -r link; do
    curl -fs "$link" -o /dev/null                 # what a mail scanner does: nothing recorded
    curl -fs -d "" "$link" -o /dev/null           # the panelist presses the button (a form post)
done < "$demo/votes.txt"
echo "$(wc -l < "$demo/votes.txt") of 24 panelists voted"
# The web pages a panelist sees, kept for scripts/render-mails.sh (Chromium): the vote confirmation, the page after
# the vote (the same vote again: nothing changes), and a broken link.
mkdir -p "$demo/pages"
first_vote=$(head -n 1 "$demo/votes.txt")
curl -s "$first_vote" -o "$demo/pages/ballot.html"
curl -s -d "" "$first_vote" -o "$demo/pages/vote-recorded.html"
curl -s "${first_vote%/*}/v1.broken" -o "$demo/pages/broken-link.html"
"$bin" case show "$case_id"

step "day 7: tick reminds only those who have not voted"
"$bin" tick --now "$(iso $((reminder + 1)))"
step "day 9: deadline; tick tallies, mails the municipality and the panel"
"$bin" tick --now "$(iso $((deadline + 1)))"

step "what the SMTP server received"
/usr/bin/python3 - "$demo/maildir" <<'PY'
import collections, email, email.policy, pathlib, sys
kinds = collections.Counter()
verdict = None
for path in sorted(pathlib.Path(sys.argv[1], "new").iterdir()):
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    kinds[msg["X-Tweedemening-Kind"]] += 1
    if msg["X-Tweedemening-Kind"] == "verdict":
        verdict = msg
for kind in ["case-review", "case-received", "case-approved", "case", "acknowledgement", "moderation", "questions", "digest", "reply-reminder", "vote", "vote-reminder", "verdict", "outcome"]:
    print(f"  {kind:14} {kinds[kind]}")
print(f"  {'total':14} {sum(kinds.values())}")
print()
print(f"verdict digest to {verdict['To']}  (X-Tweedemening-Verdict: {verdict['X-Tweedemening-Verdict']})")
print(f"Subject: {verdict['Subject']}")
print()
print(verdict.get_body(preferencelist=("plain",)).get_content())
PY
"$bin" case show "$case_id"
"$bin" queue status
"$bin" audit verify
echo
echo "Every message is in $demo/maildir/new; the database is $demo/tweedemening.sqlite."
