#!/usr/bin/env python3
"""What a resident's mail provider sees of every kind of message in a Maildir (scripts/deliverability.sh).

    deliverability.py --records RECORDS [--spam-samples N] [--max-score 1.0] MAILDIR

Per message: both DKIM signatures (rsa-sha256 and ed25519-sha256) verify with dkimpy against the records `keys dkim`
printed; 0 defects in Python's email parser (policy.default). Per kind, N messages (default 2, 0: all) through
SpamAssassin's stock rules (`spamassassin -t -L`) with a realistic `Received` header added at delivery time: the score
must be at most --max-score. Prints a table per kind; exits 1 on any failure, naming it.
"""
import argparse
import collections
import email
import email.policy
import email.utils
import importlib.util
import pathlib
import re
import subprocess
import sys
import tempfile

import dkim

HERE = pathlib.Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("dkim_verify", HERE / "dkim-verify.py")
dkim_verify = importlib.util.module_from_spec(spec)
spec.loader.exec_module(dkim_verify)

ALGORITHMS = ("rsa-sha256", "ed25519-sha256")


def delivered_bytes(path):
    """The stored message without the catcher's X-Catcher-* envelope lines, and the envelope recipient."""
    data = path.read_bytes()
    recipient = "resident@bewoners.example"
    while data.startswith(b"X-Catcher-"):
        line, _, data = data.partition(b"\n")
        if line.startswith(b"X-Catcher-Rcpt-To:"):
            recipient = line.split(b":", 1)[1].strip().strip(b"<>").decode()
    return data, recipient


def received_header(recipient, when):
    """What the resident's MX writes in front: our relay by name and a public address (a TEST-NET one such as
    192.0.2.25 scores RCVD_ILLEGAL_IP, 1.3, which no real relay would), TLS, the time it arrived. -L makes no lookups
    of it."""
    return (
        "Received: from mail.tweedemening.example (mail.tweedemening.example [145.100.25.25])\r\n"
        "\tby mx.bewoners.example (Postfix) with ESMTPS id 4QxZ1k2LmNz9s\r\n"
        f"\tfor <{recipient}>; {email.utils.formatdate(when, usegmt=True)}\r\n"
    ).encode()


def verify(message, table):
    def dnsfunc(name, timeout=5):
        return table.get((name.decode() if isinstance(name, bytes) else name).rstrip(".").lower())

    verifier = dkim.DKIM(message)
    fields = [h for h in verifier.headers if h[0].lower() == b"dkim-signature"]
    results = {}
    for index, field in enumerate(fields):
        algorithm = dkim.util.parse_tag_value(field[1]).get(b"a", b"").decode()
        try:
            ok = bool(verifier.verify(idx=index, dnsfunc=dnsfunc))
        except dkim.DKIMException:
            ok = False
        results[algorithm] = results.get(algorithm, True) and ok
    return results


def spam_score(message, prefs):
    run = subprocess.run(["spamassassin", "-t", "-L", "-p", prefs], input=message, capture_output=True, check=True)
    output = run.stdout.decode("utf-8", "replace")
    match = re.search(r"^X-Spam-Status: \w+, score=(-?[\d.]+)", output, re.M)
    if not match:
        raise SystemExit("spamassassin printed no X-Spam-Status; is it installed (scripts/setup.sh)?")
    rules = re.search(r"^X-Spam-Status:.*?tests=(.*?)\s+autolearn", output, re.M | re.S)
    names = re.sub(r"\s", "", rules.group(1)) if rules else ""
    return float(match.group(1)), names


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", required=True)
    parser.add_argument("--spam-samples", type=int, default=2)
    parser.add_argument("--max-score", type=float, default=1.0)
    parser.add_argument("maildir")
    args = parser.parse_args()
    table = dkim_verify.records(args.records)
    files = sorted(pathlib.Path(args.maildir, "new").iterdir())
    if not files:
        raise SystemExit(f"{args.maildir}/new holds no message: the round sent nothing")
    prefs = tempfile.NamedTemporaryFile("w", suffix=".cf", delete=False).name
    rows = collections.OrderedDict()
    failures = []
    for path in files:
        message, recipient = delivered_bytes(path)
        parsed = email.message_from_bytes(message, policy=email.policy.default)
        kind = str(parsed["X-Tweedemening-Kind"] or "(none)")
        row = rows.setdefault(kind, {"count": 0, "rsa": 0, "ed": 0, "defects": 0, "scores": [], "rules": set()})
        row["count"] += 1
        results = verify(message, table)
        for algorithm, column in zip(ALGORITHMS, ("rsa", "ed")):
            if results.get(algorithm):
                row[column] += 1
            else:
                failures.append(f"{path.name} ({kind}): {algorithm} signature "
                                + ("missing" if algorithm not in results else "does not verify"))
        defects = [type(d).__name__ for part in parsed.walk() for d in part.defects]
        row["defects"] += len(defects)
        if defects:
            failures.append(f"{path.name} ({kind}): parser defects {defects}")
        if args.spam_samples == 0 or len(row["scores"]) < args.spam_samples:
            score, rules = spam_score(received_header(recipient, path.stat().st_mtime) + message, prefs)
            row["scores"].append(score)
            row["rules"].update(r for r in rules.split(",") if r)
            if score > args.max_score:
                failures.append(f"{path.name} ({kind}): SpamAssassin {score} > {args.max_score} ({rules})")
    pathlib.Path(prefs).unlink()
    print(f"{'kind':20} {'mails':>5} {'rsa ok':>7} {'ed ok':>6} {'defects':>7} {'SA max':>6}  SA rules")
    for kind, row in sorted(rows.items()):
        print(f"{kind:20} {row['count']:5} {row['rsa']:7} {row['ed']:6} {row['defects']:7} "
              f"{max(row['scores']):6.1f}  {','.join(sorted(row['rules']))}")
    total = sum(r["count"] for r in rows.values())
    print(f"{'total':20} {total:5} {sum(r['rsa'] for r in rows.values()):7} {sum(r['ed'] for r in rows.values()):6} "
          f"{sum(r['defects'] for r in rows.values()):7} {max(max(r['scores']) for r in rows.values()):6.1f}")
    if failures:
        print(f"\n{len(failures)} failures:", file=sys.stderr)
        for failure in failures[:50]:
            print(f"  {failure}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
