#!/usr/bin/env bash
# The whole country: MUNICIPALITIES (342) × PANEL (200) panelists, ROUNDS (40) rounds on as many municipalities
# (spread over the country, published 3 hours apart), DAYS (30) simulated days stepped with `tick --now` every
# STEP_HOURS (1) simulated hours, with the default sending window (08:00–20:00 Europe/Amsterdam), against
# smtp-sink on loopback. The simulation starts at the next whole hour of the real clock, so that votes, which
# the intake checks against the real clock, count. As panelists would:
#   * REPLY_PERCENT (5) of the case mails are answered with an argument, piped through `inbound deliver`;
#   * VOTE_PERCENT (60) of the vote mails lead to a vote: a POST of one of its two links to `serve --intake-only`.
# Prints wall time, mails by kind, the database size and the peak RSS and time of the largest tick. Asserts
# nothing beyond every command succeeding.
#
#   scripts/bench/country.sh [MUNICIPALITIES] [PANEL] [ROUNDS] [DAYS]
set -euo pipefail
export TWEEDEMENING_ALLOW_INSECURE_BASE_URL=1  # links on loopback: only for demos and tests (docs/operations.md)
cd "$(dirname "$0")/../.."
source scripts/bench/lib.sh
export MUNICIPALITIES="${1:-342}" PANEL="${2:-200}" ROUNDS="${3:-40}" DAYS="${4:-30}"
export STEP_HOURS="${STEP_HOURS:-1}" REPLY_PERCENT="${REPLY_PERCENT:-5}" VOTE_PERCENT="${VOTE_PERCENT:-60}"
bench_build
bench_work
export BIN="$bin" WORK="$work"

port=$(free_port)
smtp_sink "$port" "$work/mail"
http_port=$(free_port)
export TWEEDEMENING_ROOT="$work/root" TWEEDEMENING_SMTP_URL="smtp://127.0.0.1:$port"
export TWEEDEMENING_TEMPLATES="$(pwd)/MailTemplates" TWEEDEMENING_LISTEN="127.0.0.1:$http_port" TWEEDEMENING_METRICS_LISTEN=off
export TWEEDEMENING_BASE_URL="http://127.0.0.1:$http_port" HTTP_PORT="$http_port"
unset TWEEDEMENING_SENDING_WINDOW

$PY - <<'EOF'
import collections, datetime, email, email.policy, email.utils, http.client, os, random, re, signal, subprocess, sys, time

env = os.environ
BIN, WORK = env["BIN"], env["WORK"]
M, PANEL, ROUNDS, DAYS = (int(env[k]) for k in ("MUNICIPALITIES", "PANEL", "ROUNDS", "DAYS"))
STEP, REPLY, VOTE = int(env["STEP_HOURS"]), int(env["REPLY_PERCENT"]), int(env["VOTE_PERCENT"])
MAIL = os.path.join(WORK, "mail")
rng = random.Random(20261124)
wall = time.monotonic()

def run(*args, stdin=None, timeout=600):
    result = subprocess.run([BIN, *args], input=stdin, capture_output=True, timeout=timeout)
    if result.returncode != 0:
        sys.exit("country: %s exited %d: %s" % (" ".join(args[:3]), result.returncode, result.stderr.decode()[-500:]))
    return result.stdout.decode()

def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")

# The country.
run("init")
for m in range(M):
    run("municipality", "add", "--id", "g%03d" % m, "--name", "Gemeente %d" % m, "--email", "griffie@g%03d.example" % m)
    path = os.path.join(WORK, "panel.csv")
    with open(path, "w") as f:
        f.write("email,name\n")
        for p in range(PANEL):
            f.write("lid%d.g%03d@bewoners.example,Lid %d\n" % (p, m, p))
    run("panel", "import", "--municipality", "g%03d" % m, path)
start = datetime.datetime.now(datetime.timezone.utc).replace(minute=0, second=0, microsecond=0) + datetime.timedelta(hours=1)
for r in range(ROUNDS):
    municipality = "g%03d" % (r * M // ROUNDS)
    case_id = run("case", "submit", "--municipality", municipality, "examples/case-traplift.md").split()[-1]
    run("case", "approve", case_id, "--publish-at", iso(start + datetime.timedelta(hours=3 * r)))
setup = time.monotonic() - wall
print("country: %d municipalities × %d panelists, %d rounds; setup %.0f s" % (M, PANEL, ROUNDS, setup), flush=True)

intake = subprocess.Popen([BIN, "serve", "--intake-only"], stderr=open(os.path.join(WORK, "serve.log"), "w"))
for _ in range(100):
    try:
        http.client.HTTPConnection("127.0.0.1", int(env["HTTP_PORT"]), timeout=2).request("GET", "/healthz")
        break
    except OSError:
        time.sleep(0.1)
connection = http.client.HTTPConnection("127.0.0.1", int(env["HTTP_PORT"]), timeout=10)

def vote(link):
    global connection
    path = link.split(env["HTTP_PORT"], 1)[1]
    for attempt in range(2):
        try:
            connection.request("POST", path, body=b"", headers={"Content-Type": "application/x-www-form-urlencoded"})
            response = connection.getresponse()
            response.read()
            return response.status == 200
        except (OSError, http.client.HTTPException):
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", int(env["HTTP_PORT"]), timeout=10)
    return False

ARGUMENTS = [
    "Ik vind dat de gemeente de traplift moet vergoeden, want zonder lift kan mevrouw haar huis niet meer uit.",
    "Een verhuizing naar een gelijkvloerse woning is op lange termijn goedkoper en veiliger.",
    "De wachtlijst voor aangepaste woningen is te lang, dus een traplift is nu de enige redelijke oplossing.",
    "Ik begrijp de regels, maar de gemeente moet ook kijken naar de sociale contacten in de buurt.",
    "Als we dit vergoeden, moeten we het voor iedereen doen; dat kan de gemeente niet betalen.",
    "Het advies van de ergotherapeut zou zwaarder moeten wegen dan de kosten.",
    "Mensen willen zo lang mogelijk thuis blijven wonen, dat moeten we steunen.",
    "Ik mis informatie over wat een verhuizing haar zelf zou kosten.",
]

received = collections.Counter()
replies = votes = vote_failures = 0
def read_mail():
    """Files new dumps: counts them by kind, answers some case mails and votes on some vote mails, then deletes them."""
    global replies, votes, vote_failures
    for name in sorted(os.listdir(MAIL)):
        path = os.path.join(MAIL, name)
        data = open(path, "rb").read()
        os.remove(path)
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        kind = message.get("X-Tweedemening-Kind", "?")
        received[kind] += 1
        rcpt = re.sub(r"^.*?<|>.*$", "", message.get("X-Rcpt-Args", ""))
        if kind == "case" and rng.randrange(100) < REPLY:
            reply_to = re.sub(r"^.*?<|>.*$", "", message.get("Reply-To", ""))
            body = "%s\r\n\r\nMet vriendelijke groet,\r\nLid\r\n" % rng.choice(ARGUMENTS)
            raw = (
                "From: <%s>\r\nTo: <%s>\r\nSubject: Re: %s\r\nMessage-ID: <reply.%d@bewoners.example>\r\n"
                "In-Reply-To: %s\r\nDate: %s\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
                "Content-Transfer-Encoding: 8bit\r\n\r\n%s"
                % (rcpt, reply_to, message.get("Subject", ""), replies, message.get("Message-ID", ""),
                   email.utils.formatdate(), body)).encode("utf-8")
            run("inbound", "deliver", "--recipient", reply_to, stdin=raw, timeout=60)
            replies += 1
        elif kind == "vote" and rng.randrange(100) < VOTE:
            text = ""
            for part in message.walk():
                if part.get_content_type() == "text/plain":
                    text += part.get_payload(decode=True).decode("utf-8", "replace")
            links = sorted(set(re.findall(r"https?://\S+/v/[A-Za-z0-9._~-]+", text)))
            if links and vote(rng.choice(links)):
                votes += 1
            else:
                vote_failures += 1

ticks = []
try:
    for hour in range(0, DAYS * 24, STEP):
        moment = start + datetime.timedelta(hours=hour)
        began = time.monotonic()
        result = subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", os.path.join(WORK, "rss"), BIN, "tick", "--now", iso(moment)],
            capture_output=True, timeout=600)
        took = time.monotonic() - began
        rss = int(open(os.path.join(WORK, "rss")).read().split()[-1])
        ticks.append((took, rss, iso(moment)))
        if result.returncode != 0:
            print("tick %s exited %d: %s" % (iso(moment), result.returncode, result.stderr.decode().strip()[-300:]),
                  file=sys.stderr)
        time.sleep(0.05)  # smtp-sink writes its last dump
        read_mail()
finally:
    intake.send_signal(signal.SIGTERM)
    intake.wait(timeout=30)

def sql(query):
    return subprocess.run(["sqlite3", os.path.join(env["TWEEDEMENING_ROOT"], "tweedemening.sqlite"), query],
                          capture_output=True, text=True, check=True).stdout.strip()

total = time.monotonic() - wall
largest = max(ticks, key=lambda t: t[0])
outbox = sql("SELECT kind || ' ' || COUNT(*) FROM outbox GROUP BY kind ORDER BY COUNT(*) DESC").splitlines()
states = sql("SELECT state || ' ' || COUNT(*) FROM outbox GROUP BY state").replace("\n", ", ")
database = sum(os.path.getsize(os.path.join(env["TWEEDEMENING_ROOT"], f))
               for f in os.listdir(env["TWEEDEMENING_ROOT"]) if f.startswith("tweedemening.sqlite"))
print("simulated: %d days, a tick every %d h (%d ticks), sending window 08:00-20:00" % (DAYS, STEP, len(ticks)))
print("wall time: %.0f s (setup %.0f s, ticks %.0f s, %.2f s per tick on average)"
      % (total, setup, sum(t[0] for t in ticks), sum(t[0] for t in ticks) / len(ticks)))
print("mails: %s in the outbox (%s); %d received by smtp-sink" % (
    sum(int(line.split()[1]) for line in outbox), states, sum(received.values())))
print("  by kind: " + ", ".join(outbox))
print("replies piped through inbound deliver: %d; votes cast over HTTP: %d (%d failed); votes stored: %s; arguments: %s"
      % (replies, votes, vote_failures, sql("SELECT COUNT(*) FROM vote"), sql("SELECT COUNT(*) FROM argument")))
print("rounds: " + sql("SELECT state || ' ' || COUNT(*) FROM round GROUP BY state").replace("\n", ", "))
print("database: %.1f MB (with WAL); integrity_check %s" % (database / 1e6, sql("PRAGMA integrity_check")))
print("largest tick: %.1f s at %s, peak RSS %d MB; highest peak RSS of any tick %d MB"
      % (largest[0], largest[2], largest[1] // 1024, max(t[1] for t in ticks) // 1024))
EOF
