#!/usr/bin/env bash
# Reply trimming measured on whole client messages: `inbound parse --json` ("reply") against the expected text
# for Tests/Corpus/clients/tune and …/aside (held out, never tuned on) and the older Tests/Corpus/messages.
#
#   scripts/eval/replies.sh [--verbose] [FOLDER...]
#
# The binary: $TWEEDEMENING_BIN, else .build/debug/tweedemening (build it first).
set -euo pipefail
export TWEEDEMENING_ALLOW_INSECURE_BASE_URL=1  # links on loopback: only for demos and tests (docs/operations.md)
repo="$(cd "$(dirname "$0")/../.." && pwd)"
verbose=() folders=()
for arg in "$@"; do
    case "$arg" in
        --verbose|-v) verbose=(--verbose) ;;
        -h|--help) sed -n 2,7p "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) folders+=("$arg") ;;
    esac
done
[ ${#folders[@]} -gt 0 ] || folders=("$repo/Tests/Corpus/clients/tune" "$repo/Tests/Corpus/clients/aside" "$repo/Tests/Corpus/messages")
bin="${TWEEDEMENING_BIN:-$repo/.build/debug/tweedemening}"
[ -x "$bin" ] || { echo "replies.sh: no binary at $bin; run swift build first" >&2; exit 69; }
python3 "$repo/scripts/eval/replies.py" "$bin" "${folders[@]}" ${verbose[@]+"${verbose[@]}"}
