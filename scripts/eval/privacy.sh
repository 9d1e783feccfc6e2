#!/usr/bin/env bash
# Personal-data scanner evaluation: runs `tweedemening scan --jsonl` over the labelled sets in
# Tests/Corpus/privacy/ (tune.jsonl, aside.jsonl; see FORMAT.md there) and prints recall and the
# false-positive rate per set.
#
#   scripts/eval/privacy.sh [--verbose] [--min-recall R] [--max-fp F] [SET.jsonl...]
#
# The binary: $TWEEDEMENING_BIN, else `swift build --show-bin-path`/tweedemening (build it first).
# The year is fixed (2026), so dates of birth score the same next year.
set -euo pipefail
export TWEEDEMENING_ALLOW_INSECURE_BASE_URL=1  # links on loopback: only for demos and tests (docs/operations.md)
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
verbose=() sets=() limits=()
while [ $# -gt 0 ]; do
    case "$1" in
        --verbose|-v) verbose=(--verbose); shift ;;
        --min-recall|--max-fp) limits+=("$1" "$2"); shift 2 ;;
        -h|--help) sed -n 2,9p "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) sets+=("$1"); shift ;;
    esac
done
[ ${#sets[@]} -gt 0 ] || sets=("$repo/Tests/Corpus/privacy/tune.jsonl" "$repo/Tests/Corpus/privacy/aside.jsonl")
bin="${TWEEDEMENING_BIN:-$(cd "$repo" && PATH=/opt/swift/usr/bin:$PATH timeout 30 swift build --show-bin-path 2>/dev/null || echo "$repo/.build/debug")/tweedemening}"
[ -x "$bin" ] || { echo "privacy.sh: no binary at $bin; run swift build first" >&2; exit 69; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for set in "${sets[@]}"; do
    "$bin" scan --jsonl --year 2026 <"$set" >"$out/scanned.jsonl"
    python3 "$here/privacy.py" "$set" "$out/scanned.jsonl" ${verbose[@]+"${verbose[@]}"} ${limits[@]+"${limits[@]}"}
done
