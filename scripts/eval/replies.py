#!/usr/bin/env python3
"""Scores `tweedemening inbound parse --json` ("reply") against NAME.expected.txt for every NAME.eml in folders.

    replies.py BINARY FOLDER... [--verbose]

Prints exact-match accuracy per folder, per client (first part of the name) and per language (second part).
"""
import json
import pathlib
import subprocess
import sys
from collections import Counter


def main():
    binary = sys.argv[1]
    verbose = "--verbose" in sys.argv
    for folder in [pathlib.Path(a) for a in sys.argv[2:] if not a.startswith("--")]:
        total, right = Counter(), Counter()
        misses = []
        for eml in sorted(folder.glob("*.eml")):
            expected = eml.with_suffix("").with_suffix(".expected.txt")
            expected = folder / (eml.stem + ".expected.txt")
            want = expected.read_text(encoding="utf-8").strip("\n")
            run = subprocess.run([binary, "inbound", "parse", "--json"], input=eml.read_bytes(), capture_output=True)
            got = json.loads(run.stdout)["reply"] if run.returncode == 0 else f"<exit {run.returncode}>"
            parts = eml.stem.split("-")
            keys = ["all", "client " + parts[0], "language " + (parts[2] if len(parts) > 2 and len(parts[2]) == 2 else parts[1])]
            ok = got == want
            for key in keys:
                total[key] += 1
                right[key] += ok
            if not ok:
                misses.append((eml.name, got, want))
        print(f"{folder}: {right['all']}/{total['all']} exact ({right['all'] / max(1, total['all']):.3f})")
        for key in sorted(k for k in total if k != "all"):
            if right[key] < total[key]:
                print(f"  {key}: {right[key]}/{total[key]}")
        if verbose:
            for name, got, want in misses:
                print(f"  MISS {name}\n    got:  {got!r}\n    want: {want!r}")


if __name__ == "__main__":
    main()
