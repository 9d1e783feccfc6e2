#!/usr/bin/env python3
"""Scores `tweedemening scan --jsonl` output against a labelled set (Tests/Corpus/privacy/FORMAT.md).

    privacy.py LABELLED.jsonl SCANNED.jsonl [--verbose]

An expected item counts as caught when findings cover at least 80% of its non-space characters (any kind:
masked is masked; the kind is reported separately). A sentence without personal data is a false positive
when anything but a link is found in it. Links are never labelled and never count.
"""
import json
import sys
from collections import Counter, defaultdict

KIND = {"postcodeHouseNumber": "address", "dateOfBirth": "dob"}


def main():
    labelled_path, scanned_path = sys.argv[1], sys.argv[2]
    verbose = "--verbose" in sys.argv
    labelled = [json.loads(l) for l in open(labelled_path, encoding="utf-8") if l.strip()]
    scanned = {s["id"]: s for s in (json.loads(l) for l in open(scanned_path, encoding="utf-8") if l.strip())}
    caught, total = Counter(), Counter()
    right_kind = Counter()
    neg, neg_fp = 0, 0
    pos, pos_clean = 0, 0
    spurious = 0
    findings_total = 0
    misses, false_positives = [], []
    for entry in labelled:
        text = entry["text"]
        found = [f for f in scanned[entry["id"]]["findings"] if f["kind"] != "url"]
        findings_total += len(found)
        covered = [False] * len(text)
        for f in found:
            for i in range(f["start"], f["end"]):
                covered[i] = True
        expect = entry["expect"]
        if not expect:
            neg += 1
            if found:
                neg_fp += 1
                false_positives.append((entry["id"], text, [(f["kind"], f["text"]) for f in found]))
            continue
        pos += 1
        spans = []
        all_caught = True
        for item in expect:
            start = text.index(item["text"])
            end = start + len(item["text"])
            spans.append((start, end))
            chars = [i for i in range(start, end) if not text[i].isspace()]
            share = sum(covered[i] for i in chars) / max(1, len(chars))
            total[item["kind"]] += 1
            if share >= 0.8:
                caught[item["kind"]] += 1
                if any(KIND.get(f["kind"], f["kind"]) == item["kind"] and f["start"] < end and f["end"] > start for f in found):
                    right_kind[item["kind"]] += 1
            else:
                all_caught = False
                misses.append((entry["id"], item["kind"], item["text"], text, [(f["kind"], f["text"]) for f in found]))
        pos_clean += all_caught
        for f in found:
            if not any(f["start"] < e and f["end"] > s for s, e in spans):
                spurious += 1
                false_positives.append((entry["id"], text, [(f["kind"], f["text"])]))
    items = sum(total.values())
    print(f"{labelled_path}: {len(labelled)} sentences, {pos} with personal data ({items} items), {neg} without")
    print(f"  recall (items caught)        {sum(caught.values()) / items:.3f}  ({sum(caught.values())}/{items})")
    print(f"  sentences fully masked       {pos_clean / pos:.3f}  ({pos_clean}/{pos})")
    print(f"  false-positive rate          {neg_fp / neg:.3f}  ({neg_fp}/{neg} sentences without personal data)")
    print(f"  spurious findings, positives {spurious}  (of {findings_total} findings in all)")
    print("  per kind: " + ", ".join(f"{k} {caught[k]}/{total[k]} (kind right {right_kind[k]})" for k in sorted(total)))
    if verbose:
        for m in misses:
            print("  MISS", m)
        for fp in false_positives:
            print("  FP  ", fp)
    return {"recall": sum(caught.values()) / items, "fp_rate": neg_fp / neg}


if __name__ == "__main__":
    result = main()
    # --min-recall R --max-fp F: exit 1 below these (scripts/test.sh guards the tune set against regressions).
    args = sys.argv
    if "--min-recall" in args and result["recall"] < float(args[args.index("--min-recall") + 1]):
        sys.exit(f"recall {result['recall']:.3f} is below {args[args.index('--min-recall') + 1]}")
    if "--max-fp" in args and result["fp_rate"] > float(args[args.index("--max-fp") + 1]):
        sys.exit(f"false-positive rate {result['fp_rate']:.3f} is above {args[args.index('--max-fp') + 1]}")
