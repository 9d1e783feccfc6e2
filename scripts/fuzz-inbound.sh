#!/usr/bin/env bash
# Fuzzes the inbound mail parser (Sources/MailFormat/Parsing) with libFuzzer for SECONDS (default 120).
#
#   scripts/fuzz-inbound.sh [SECONDS]
#
# Kept for scripts/test.sh: the same as `scripts/fuzz.sh inbound SECONDS`, which fuzzes the other parsers too and
# says what the run does, where a crashing input is kept and how to replay it.
set -euo pipefail
seconds="${1:-120}"
[[ $# -le 1 && "$seconds" =~ ^[0-9]+$ ]] || { echo "usage: $0 [SECONDS]" >&2; exit 64; }
exec "$(dirname "$0")/fuzz.sh" inbound "$seconds"
