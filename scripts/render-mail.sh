#!/usr/bin/env bash
# Renders the HTML part of a mail message to a PNG at phone width, as a person would see it.
#
#   scripts/render-mail.sh MESSAGE.eml [OUT.png] [WIDTH]
#
# Uses Debian's headless chromium (installed if missing). With no MESSAGE, renders the verdict digest
# of the last demo run (demo-root/maildir), so `scripts/demo.sh && scripts/render-mail.sh` shows it.
set -euo pipefail
cd "$(dirname "$0")/.."
message="${1:-}"
out="${2:-mail.png}"
width="${3:-390}"
if [ -z "$message" ]; then
    message=$(grep -l "^X-Tweedemening-Kind: verdict" demo-root/maildir/new/* 2>/dev/null | head -n 1 || true)
    [ -n "$message" ] || { echo "no MESSAGE given and no verdict in demo-root/maildir; run scripts/demo.sh first" >&2; exit 64; }
fi
if ! command -v chromium >/dev/null 2>&1; then
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q chromium fonts-dejavu-core >/dev/null
fi
html="$(mktemp --suffix=.html)"
trap 'rm -f "$html"' EXIT
/usr/bin/python3 - "$message" "$html" <<'PY'
import email, email.policy, sys
msg = email.message_from_bytes(open(sys.argv[1], "rb").read(), policy=email.policy.default)
part = msg.get_body(preferencelist=("html",))
if part is None:
    sys.exit(f"{sys.argv[1]} has no HTML part")
open(sys.argv[2], "w", encoding="utf-8").write(part.get_content())
PY
timeout 60 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$width,2400" \
    --screenshot="$out" "file://$html" 2>/dev/null
echo "$out"
