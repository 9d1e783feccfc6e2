#!/usr/bin/env bash
# Renders one mail of every kind (X-Tweedemening-Kind) in headless Chromium at 320, 390 and 1024 px, in the light
# and the dark colour scheme, into PNGs, and fails on horizontal overflow (see scripts/render-mails.py).
#
#   scripts/render-mails.sh [MAILDIR] [OUTDIR] [PAGESDIR]
#
# MAILDIR defaults to the last demo round (demo-root/maildir; `scripts/demo.sh` makes it), OUTDIR to
# demo-root/render; PAGESDIR (the demo's demo-root/pages) holds web pages saved as .html, checked the same way in
# the light scheme (pages have no dark scheme). Prints a table kind x width x scheme with the overflow in px; exit 1 on any overflow or when
# the dark scheme does not apply, 2 when Chromium cannot be driven. Needs no display and no stdin.
set -euo pipefail
cd "$(dirname "$0")/.."
maildir="${1:-demo-root/maildir}"
out="${2:-demo-root/render}"
[ -d "$maildir/new" ] || [ -d "$maildir/cur" ] || {
    echo "no Maildir at $maildir; run scripts/demo.sh first" >&2
    exit 64
}
command -v chromium >/dev/null 2>&1 || { echo "chromium is not installed; run scripts/setup.sh" >&2; exit 69; }
pages=()
[ -n "${3:-}" ] && pages=(--pages "$3")
exec timeout 600 /usr/bin/python3 scripts/render-mails.py "$maildir" "$out" --widths "${RENDER_WIDTHS:-320,390,1024}" "${pages[@]}"
