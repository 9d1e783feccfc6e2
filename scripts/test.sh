#!/usr/bin/env bash
# Sets up a fresh Debian machine and passes the whole test suite. `.ci/run` calls exactly this.
# The SMTP servers the tests need (scripts/smtp-catcher.py, aiosmtpd) are started by the tests
# themselves on free loopback ports, and stopped by them.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
scripts/setup.sh
swift build --build-tests
swift format lint --strict -r Sources Tests Package.swift
# A real Postfix on loopback piping replies to `tweedemening inbound deliver` (exit codes 0/75/65).
TWEEDEMENING_BIN="$(swift build --show-bin-path)/tweedemening" scripts/postfix-pipe-test.sh
# Every fuzz target (inbound mail, tokens, case files, CSV) under libFuzzer for a short while
# (scripts/fuzz.sh all 600 for the ten-minute runs).
scripts/fuzz.sh all 20
swift test --skip-build --parallel
# A whole demo round on loopback, then one mail of every kind rendered in headless Chromium at 320, 390 and
# 1024 px, light and dark: fails on horizontal overflow or a dark scheme that does not apply (PNGs in demo-root/render).
scripts/demo.sh >/dev/null
scripts/render-mails.sh demo-root/maildir demo-root/render demo-root/pages
# Personal data in replies, measured on the labelled set (Tests/Corpus/privacy): the tuned part must stay at
# recall 1.0 with no false positives; the held-aside part is printed, not tuned on.
TWEEDEMENING_BIN="$(swift build --show-bin-path)/tweedemening" scripts/eval/privacy.sh --min-recall 0.99 --max-fp 0.01 \
    Tests/Corpus/privacy/tune.jsonl
TWEEDEMENING_BIN="$(swift build --show-bin-path)/tweedemening" scripts/eval/privacy.sh Tests/Corpus/privacy/aside.jsonl
# Reply trimming through `inbound parse --json` on the client corpus (the tune part is asserted in ClientCorpusTests;
# the held-aside part is printed, not tuned on).
TWEEDEMENING_BIN="$(swift build --show-bin-path)/tweedemening" scripts/eval/replies.sh
# Key points (issue 13) on the labelled cases (Tests/Corpus/keypoints), each a whole round through the binary: every
# number printed; the targets the tune cases meet (coverage >= 0.8, incoherent <= 15%, missing-information recall >=
# 0.7) must hold, so a change that loses them fails here. ARI (target 0.6, not met) and the aside cases are printed.
TWEEDEMENING_BIN="$(swift build --show-bin-path)/tweedemening" scripts/eval/keypoints.sh --json .build/keypoints.json
python3 - .build/keypoints.json <<'PY'
import json, sys
tune = json.load(open(sys.argv[1]))["groups"]["tune"]
checks = {"coverage >= 0.8": tune["coverage"] >= 0.8, "incoherent <= 0.15": tune["incoherent"] <= 0.15,
          "missing-information recall >= 0.7": tune["missing_information"]["recall"] >= 0.7}
failed = [name for name, ok in checks.items() if not ok]
print("keypoints: tune ARI %.2f; %s" % (tune["ari"], "; ".join("%s: %s" % (n, "ok" if ok else "FAILED") for n, ok in checks.items())))
sys.exit("keypoints: below target on the tune cases: " + ", ".join(failed) if failed else 0)
PY
# The machine killed mid-round, the database restored from its Litestream replica on a fresh root: at most the
# last second of acknowledged votes lost, the round resumed without extra duplicates (docs/operations.md).
TWEEDEMENING_BIN="$(swift build --show-bin-path)/tweedemening" scripts/drill/restore.sh 300 3
# Deliverability (issue 15): a demo round's every kind of mail DKIM-signed (rsa and ed25519, verified by dkimpy),
# SpamAssassin at most 1.0, no parser defects.
TWEEDEMENING_BIN="$(swift build --show-bin-path)/tweedemening" scripts/deliverability.sh
