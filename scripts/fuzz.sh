#!/usr/bin/env bash
# Fuzzes the parsers that read outside input with libFuzzer, for SECONDS per target (default 600).
#
#   scripts/fuzz.sh TARGET|all [SECONDS]
#
#   inbound   InboundMessage.parse: inbound mail, MIME (Sources/MailFormat)
#   token     TokenSigner.verify for every purpose and ReplyAddress.verify: a forged or re-spelled token that
#             verifies is a finding, like a crash
#   casefile  CaseFile.parse and CaseCheck.check (Sources/PanelCore/Case, Privacy)
#   csv       PanelCSV.parse (Sources/PanelCore/Panel)
#   all       the four in turn, SECONDS each
#
# Builds the separate package in Fuzz/ (it depends on the main package's MailFormat and PanelCore modules) with
# -sanitize=fuzzer and runs each target over a scratch copy of its committed seed corpus Fuzz/corpus/TARGET, so the
# committed corpus never changes by itself. Prints one line per target with the executions and executions per second. Exits non-zero if
# libFuzzer finds a crash, a hang (over 10 s for one input) or runaway memory; the input that did it is kept in
# Fuzz/.build/fuzz-artifacts/ (replay it: <binary> <file>), libFuzzer's log in Fuzz/.build/fuzz-logs/TARGET.log.
# Worth adding to the corpus once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
# The Swift runtime's own crash backtracer would catch the trap first, and libFuzzer would then not save the input.
export SWIFT_BACKTRACE=enable=no

usage() {
    echo "usage: $0 inbound|token|casefile|csv|all [SECONDS]" >&2
    exit 64
}
[[ $# -ge 1 && $# -le 2 ]] || usage
seconds="${2:-600}"
[[ "$seconds" =~ ^[0-9]+$ ]] || usage
case "$1" in
    all) targets=(inbound token casefile csv) ;;
    inbound | token | casefile | csv) targets=("$1") ;;
    *) usage ;;
esac

build=(swift build --package-path Fuzz -c release --sanitize=fuzzer)
"${build[@]}" >&2
bin="$("${build[@]}" --show-bin-path)"
artifacts="Fuzz/.build/fuzz-artifacts"
logs="Fuzz/.build/fuzz-logs"
mkdir -p "$artifacts" "$logs"
scratch="$(mktemp -d "${TMPDIR:-/tmp}/fuzz-corpus.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

# The largest input worth trying: a mail with attachments, a case file, a panel of a few hundred, a long token.
declare -A binary=([inbound]=InboundFuzz [token]=TokenFuzz [casefile]=CaseFileFuzz [csv]=CSVFuzz)
declare -A max_len=([inbound]=65536 [token]=512 [casefile]=16384 [csv]=16384)

# The number libFuzzer's -print_final_stats gives for NAME, or "?" when it did not get that far.
final_stat() { sed -n "s/^stat::$1: *//p" "$2" | tail -n 1 | grep . || echo "?"; }

failed=()
for target in "${targets[@]}"; do
    corpus="$scratch/$target"
    mkdir -p "$corpus"
    cp Fuzz/corpus/"$target"/* "$corpus/"
    log="$logs/$target.log"
    status=0
    "$bin/${binary[$target]}" "$corpus" \
        -dict="Fuzz/$target.dict" \
        -max_total_time="$seconds" \
        -timeout=10 \
        -rss_limit_mb=2048 \
        -max_len="${max_len[$target]}" \
        -print_final_stats=1 \
        -artifact_prefix="$artifacts/$target-" >"$log" 2>&1 || status=$?
    runs="$(final_stat number_of_executed_units "$log")"
    speed="$(final_stat average_exec_per_sec "$log")"
    if [[ $status -ne 0 ]]; then
        tail -n 40 "$log" >&2
        echo "fuzz $target: libFuzzer stopped with status $status after $runs executions ($speed/s);" \
            "$(grep -o 'Test unit written to .*' "$log" || echo "see $log")" >&2
        failed+=("$target")
        continue
    fi
    echo "fuzz $target: no crash in ${seconds}s, $runs executions ($speed/s)," \
        "$(ls "$corpus" | wc -l) corpus entries at the end"
done

[[ ${#failed[@]} -eq 0 ]] || { echo "fuzz: found something in: ${failed[*]}" >&2; exit 1; }
