#!/usr/bin/env bash
# Fuzzes the inbound mail parser (Sources/PanelMail/Inbound) with libFuzzer for SECONDS (default 120).
#
#   scripts/fuzz-inbound.sh [SECONDS]
#
# Builds the separate package in Fuzz/ (its sources are symlinks to the real ones) with -sanitize=fuzzer and runs it
# over a scratch copy of the committed seed corpus Fuzz/corpus/inbound, so the committed corpus never changes by
# itself. Exits non-zero if libFuzzer finds a crash, a hang (over 10 s for one input) or runaway memory; the input
# that did it is kept in Fuzz/.build/fuzz-artifacts/ (replay it: <binary> <file>). Worth adding to the corpus once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
# The Swift runtime's own crash backtracer would catch the trap first, and libFuzzer would then not save the input.
export SWIFT_BACKTRACE=enable=no

seconds="${1:-120}"
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "usage: $0 [SECONDS]" >&2; exit 64; }

build=(swift build --package-path Fuzz -c release --sanitize=fuzzer)
"${build[@]}"
binary="$("${build[@]}" --show-bin-path)/InboundFuzz"

corpus="$(mktemp -d "${TMPDIR:-/tmp}/inbound-corpus.XXXXXX")"
trap 'rm -rf "$corpus"' EXIT
cp Fuzz/corpus/inbound/* "$corpus/"
artifacts="Fuzz/.build/fuzz-artifacts"
mkdir -p "$artifacts"

status=0
"$binary" "$corpus" \
    -dict=Fuzz/inbound.dict \
    -max_total_time="$seconds" \
    -timeout=10 \
    -rss_limit_mb=2048 \
    -max_len=65536 \
    -print_final_stats=1 \
    -artifact_prefix="$artifacts/" || status=$?

if [[ $status -ne 0 ]]; then
    echo "fuzz-inbound: libFuzzer stopped with status $status; see $artifacts/" >&2
    exit 1
fi
echo "fuzz-inbound: no crash in ${seconds}s ($(ls "$corpus" | wc -l) corpus entries at the end)"
