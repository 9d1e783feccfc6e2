# Shared by the benchmark scripts (sourced, not run): build, a work folder cleaned up on exit, loopback SMTP
# servers, a root with a municipality and a panel, and the analysis of what a server received.
# Everything started here is stopped by its process id when the script exits.
export PATH="/opt/swift/usr/bin:$PATH:/usr/sbin"
PY=/usr/bin/python3

# bench_build: $bin, the release build of this checkout (or $TWEEDEMENING_BIN, e.g. an older build to compare).
bench_build() {
    if [ -n "${TWEEDEMENING_BIN:-}" ]; then
        bin="$TWEEDEMENING_BIN"
        return
    fi
    scripts/setup.sh
    nice -n 5 swift build -c release --product tweedemening >/dev/null
    bin="$(swift build -c release --show-bin-path)/tweedemening"
}

# bench_work: $work, removed on exit with every process listed in $bench_pids.
bench_pids=()
bench_work() {
    work="$(mktemp -d)"
    trap bench_cleanup EXIT
}
bench_cleanup() {
    local pid
    for pid in "${bench_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${bench_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    [ -n "${KEEP:-}" ] && echo "kept: $work" >&2 || rm -rf "$work"
}

free_port() {
    $PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# smtp_sink PORT DUMPDIR [smtp-sink options…]: Postfix's smtp-sink, one dump file per accepted transaction.
# Sets $sink_pid.
smtp_sink() {
    local port="$1" dir="$2"
    shift 2
    mkdir -p "$dir"
    local user=()
    # As root, smtp-sink runs as nobody: it must reach and write the dump folder.
    [ "$(id -u)" -eq 0 ] && { user=(-u nobody); chmod o+x "$(dirname "$dir")"; chmod 777 "$dir"; }
    smtp-sink "${user[@]}" -d "$dir/%H%M%S." "$@" "127.0.0.1:$port" 256 >/dev/null 2>&1 &
    sink_pid=$!
    bench_pids+=("$sink_pid")
    local i
    for i in $(seq 50); do
        $PY -c "import socket; socket.create_connection(('127.0.0.1',$port),1).close()" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "smtp-sink did not start on port $port" >&2
    return 1
}

# bench_root N: a root in $work/root (TWEEDEMENING_ROOT) with municipality `bench`, N panelists
# panellid{i}@bewoners.example. The SMTP URL and window come from the caller's environment.
bench_root() {
    export TWEEDEMENING_ROOT="$work/root" TWEEDEMENING_SENDING_WINDOW=always
    export TWEEDEMENING_TEMPLATES="$(pwd)/MailTemplates"
    "$bin" init
    "$bin" municipality add --id bench --name "Gemeente Bench" --email wmo@bench.example
    $PY -c "
print('email,name')
for i in range($1): print(f'panellid{i}@bewoners.example,Panellid {i}')" >"$work/panel.csv"
    "$bin" panel import --municipality bench "$work/panel.csv" >/dev/null
}

# queue_left: messages not yet sent or failed (pending + queued + deferred).
queue_left() {
    "$bin" queue status | awk '$1 == "pending" || $1 == "queued" || $1 == "deferred" {n += $2} END {print n + 0}'
}

# received N KIND DIR…: reads every message file in the folders (smtp-catcher Maildir files or smtp-sink dumps)
# and prints one line `messages distinct duplicates maxcopies missing other incomplete`: case mails of KIND to
# panellid0..N-1 expected; duplicates = messages beyond the first per Message-ID; incomplete = dumps cut off
# before the end of the MIME message (not counted as received).
received() {
    $PY - "$@" <<'EOF'
import collections, os, re, sys
count, kind, folders = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
copies = collections.Counter()
rcpts, other, incomplete = set(), 0, 0
for folder in folders:
    for root, _, files in os.walk(folder):
        for name in files:
            if root.endswith("/tmp"):
                continue
            data = open(os.path.join(root, name), "rb").read()
            head = data.split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0].decode("utf-8", "replace")
            fields = {}
            for m in re.finditer(r"^([A-Za-z-]+):[ \t]*(.*)$", head, re.M):
                fields.setdefault(m.group(1).lower(), m.group(2).strip())
            boundary = re.search(r'boundary="?([^";\r\n]+)', head)
            if boundary and ("--" + boundary.group(1) + "--").encode() not in data:
                incomplete += 1
                continue
            rcpt = fields.get("x-catcher-rcpt-to") or fields.get("x-rcpt-args") or ""
            rcpt = re.sub(r"^.*?<|>.*$", "", rcpt).lower()
            if fields.get("x-tweedemening-kind") != kind:
                other += 1
                continue
            copies[fields.get("message-id")] += 1
            rcpts.add(rcpt)
expected = {f"panellid{i}@bewoners.example" for i in range(count)}
messages = sum(copies.values())
print(messages, len(copies), messages - len(copies), max(copies.values(), default=0), len(expected - rcpts), other,
      incomplete)
EOF
}
