#!/usr/bin/env bash
# What a resident's mail provider sees (issue 15, item 9): runs the demo round (scripts/demo.sh) on loopback into a
# Maildir, then for every kind of message (X-Tweedemening-Kind) checks that both DKIM signatures (rsa-sha256,
# ed25519-sha256) verify with dkimpy against the TXT records `keys dkim` printed, that Python's email parser finds
# 0 defects, and that SpamAssassin's stock rules (`spamassassin -t -L`, a realistic Received header added) score
# at most 1.0. Prints a table per kind; exits 1 on any failure.
#
#   scripts/deliverability.sh [SPAM_SAMPLES_PER_KIND]     # default 2; 0 scores every message (~2.5 s each)
#   TWEEDEMENING_BIN   a built binary (default: build it, as scripts/demo.sh does)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
samples="${1:-2}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
command -v spamassassin >/dev/null || { echo "spamassassin is not installed; run scripts/setup.sh" >&2; exit 1; }
/usr/bin/python3 -c 'import dkim, nacl' 2>/dev/null || { echo "dkimpy (with PyNaCl) is missing; run scripts/setup.sh" >&2; exit 1; }
if ! DEMO_ROOT="$work/demo" scripts/demo.sh >"$work/demo.log" 2>&1; then
    echo "the demo round failed; its last lines:" >&2
    tail -n 40 "$work/demo.log" >&2
    exit 1
fi
/usr/bin/python3 scripts/deliverability.py --records "$work/demo/dkim-records.txt" --spam-samples "$samples" \
    --max-score 1.0 "$work/demo/maildir"
