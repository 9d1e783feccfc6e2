#!/usr/bin/env python3
"""Verifies every DKIM-Signature of messages with dkimpy, an independent implementation, against the TXT records
`tweedemening keys dkim` printed (no DNS is asked).

    dkim-verify.py RECORDS MESSAGE...

RECORDS holds zone-file lines as the command prints them:
    2026a-rsa._domainkey.tweedemening.example. IN TXT ( "v=DKIM1; k=rsa; p=MIIB…" "…" )
Prints one JSON object a line per message: {"file": …, "signatures": [{"a": …, "s": …, "d": …, "h": …, "ok": …}]}.
Exits 0 (a failed signature is a result, not an error of this script); 2 on unusable input.
"""
import json
import re
import sys

import dkim


def records(path):
    found = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            match = re.match(r"\s*(\S+?)\.?\s+IN\s+TXT\s+\(?(.*?)\)?\s*$", line)
            if not match:
                continue
            found[match.group(1).lower()] = "".join(re.findall(r'"([^"]*)"', match.group(2))).encode()
    if not found:
        sys.exit(f"{path}: no TXT records (lines like `S._domainkey.D. IN TXT ( \"v=DKIM1; …\" )`)")
    return found


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    table = records(sys.argv[1])

    def dnsfunc(name, timeout=5):
        key = (name.decode() if isinstance(name, bytes) else name).rstrip(".").lower()
        return table.get(key)

    for path in sys.argv[2:]:
        with open(path, "rb") as handle:
            message = handle.read()
        verifier = dkim.DKIM(message)
        signatures = []
        count = len([h for h in verifier.headers if h[0].lower() == b"dkim-signature"])
        for index in range(count):
            tags = dkim.util.parse_tag_value(verifier.headers[[i for i, h in enumerate(verifier.headers)
                                                               if h[0].lower() == b"dkim-signature"][index]][1])
            try:
                ok = bool(verifier.verify(idx=index, dnsfunc=dnsfunc))
            except dkim.DKIMException as error:
                ok = False
                tags[b"error"] = str(error).encode()
            signatures.append({
                "a": tags.get(b"a", b"").decode(), "s": tags.get(b"s", b"").decode(), "d": tags.get(b"d", b"").decode(),
                "h": re.sub(r"\s", "", tags.get(b"h", b"").decode()), "ok": ok,
                "error": tags.get(b"error", b"").decode(),
            })
        print(json.dumps({"file": path, "signatures": signatures}))


if __name__ == "__main__":
    main()
