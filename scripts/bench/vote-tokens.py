#!/usr/bin/env python3
"""Prints one `/v/{token}` path a line: a signed vote link for each member of a round, as TokenSigner.sign makes
them (for scripts/bench/intake.sh; it needs the root's signing.key, so it only runs where the daemon's files are).

    vote-tokens.py SIGNING_KEY ROUND_ID EXPIRES_UNIX < panelist-ids

Token: v1.{kid}.{payload}.{mac}; payload = base64url("v:{round}:{panelist}:{choice}:{expiry}"), mac = the first
16 bytes of HMAC-SHA256(key, "v1.{kid}.{payload}"), base64url without padding. Choices alternate.
"""
import base64
import hashlib
import hmac
import sys


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def main() -> None:
    key_path, round_id, expires = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with open(key_path, encoding="utf-8") as handle:
        lines = [line.strip() for line in handle if line.strip() and not line.startswith("#")]
    kid, secret = lines[0].split()  # the first key signs
    secret = base64.b64decode(secret)
    out = sys.stdout
    for number, line in enumerate(sys.stdin):
        panelist = int(line)
        choice = "support" if number % 2 == 0 else "oppose"
        payload = b64url(f"v:{round_id}:{panelist}:{choice}:{expires}".encode())
        signed = f"v1.{kid}.{payload}"
        mac = hmac.new(secret, signed.encode(), hashlib.sha256).digest()[:16]
        out.write(f"/v/{signed}.{b64url(mac)}\n")


if __name__ == "__main__":
    main()
