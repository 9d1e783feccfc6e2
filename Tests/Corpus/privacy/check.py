#!/usr/bin/env python3
"""Validates the privacy evaluation set (tune.jsonl, aside.jsonl). Checks the data only; runs no scanner.

Usage: python3 Tests/Corpus/privacy/check.py [file.jsonl ...]   (default: both files beside this script)
Exits 1 when any check fails.
"""
import json, re, sys, unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = ["bsn", "iban", "phone", "email", "address", "dob", "name"]
SOURCES = ["argument", "question", "answer", "followup", "case"]
NO_WRITER = {"case", "answer", "followup"}
# Characters that must be written as \uXXXX escapes, never raw, so that a reader sees them.
INVISIBLE = {"\u200b", "\u00ad", "\u00a0", "\u2011", "\u202f", "\ufeff", "\u2060", "\u200c", "\u200d"}
DIGIT_WORDS = {"nul": "0", "een": "1", "één": "1", "twee": "2", "drie": "3", "vier": "4", "vijf": "5", "zes": "6",
               "zeven": "7", "acht": "8", "negen": "9", "tien": "10", "elf": "11", "twaalf": "12", "dertien": "13",
               "veertien": "14", "vijftien": "15", "zestien": "16", "zeventien": "17", "achttien": "18", "negentien": "19"}
TENS = {"twintig": 2, "dertig": 3, "veertig": 4, "vijftig": 5, "zestig": 6, "zeventig": 7, "tachtig": 8, "negentig": 9}
UNITS = {"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9}
PARTICLES = {"de", "van", "der", "den", "het", "ten", "ter", "el", "vd", "v.d."}
# Name parts that are also ordinary Dutch words: seeing them unlabelled is expected (hard negatives).
WORD_NAMES = {"een", "wil", "ook", "kaas", "bakker", "visser", "kok", "wit", "mooi", "groot", "klein", "hoek", "dijk",
              "zon", "roos", "jong", "boer", "bos", "vos", "ben", "post", "groen", "baas", "lang", "zwart", "haan",
              "beek", "haas", "schaap", "vink", "koning", "normaal", "meer"}


def fold(s, umlaut=False):
    """Lower case, NFKC, diacritics removed, dotless i folded; with umlaut, ä ö ü become ae oe ue."""
    s = unicodedata.normalize("NFKC", s)
    if umlaut:
        for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue")):
            s = s.replace(a, b)
    s = s.replace("ı", "i").replace("ł", "l").replace("Ł", "L")
    s = "".join(ch for ch in unicodedata.normalize("NFD", s) if not unicodedata.combining(ch))
    return s.lower()


def elfproef(d):
    if len(d) != 9 or not d.isdigit():
        return False
    total = sum((9 - i) * int(d[i]) for i in range(8)) - int(d[8])
    return total % 11 == 0 and total != 0


def iban_ok(s):
    s = re.sub(r"[^0-9A-Za-z]", "", unicodedata.normalize("NFKC", s)).upper()
    if not re.fullmatch(r"NL\d\d[A-Z]{4}\d{10}", s):
        return False
    num = "".join(str(int(ch, 36)) for ch in s[4:] + s[:4])
    return int(num) % 97 == 1


def spoken_digits(s):
    """Digits of a phone number, written in figures and/or in Dutch words."""
    s = unicodedata.normalize("NFKC", s)
    out = []
    for tok in re.findall(r"\d+|[a-zëé]+", s.lower()):
        if tok.isdigit():
            out.append(tok)
        elif tok in DIGIT_WORDS:
            out.append(DIGIT_WORDS[tok])
        elif tok in TENS:
            out.append(str(TENS[tok] * 10))
        else:
            m = re.fullmatch(r"(een|twee|drie|vier|vijf|zes|zeven|acht|negen)(?:en|ën)(twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)", tok)
            if m:
                out.append(str(TENS[m.group(2)] * 10 + UNITS[m.group(1)]))
    return "".join(out)


def name_matches(span, people):
    """The folded words of span are all words (or initials, or 'vd') of one person of the round."""
    words = [w for w in re.split(r"[\s]+", fold(span).strip()) if w]
    for person in people:
        parts = fold(person).split()
        variants = set(parts) | set(fold(person, umlaut=True).split())  # Mueller for Müller
        ok = True
        for w in words:
            if w in variants:
                continue
            if re.fullmatch(r"[a-z]\.", w) and any(p.startswith(w[0]) for p in parts):
                continue
            if w in {"vd", "v.d."} and "van" in parts:
                continue
            ok = False
            break
        if ok and any(w not in PARTICLES for w in words):
            return True
    return False


def locate(text, items):
    """Non-overlapping positions for the items (longest first), and whether all of them could be placed."""
    taken, ok = [], True
    for it in sorted(items, key=lambda x: -len(x["text"])):
        start, placed = 0, False
        while True:
            i = text.find(it["text"], start)
            if i < 0:
                break
            j = i + len(it["text"])
            if all(j <= a or i >= b for a, b in taken):
                taken.append((i, j))
                placed = True
                break
            start = i + 1
        if not placed:
            ok = False
    return taken, ok


def covered(spans, i, j):
    return any(a <= i and j <= b for a, b in spans)


def check_file(path, prefix):
    errors, rows = [], []
    raw = path.read_text(encoding="utf-8")
    for ch in INVISIBLE:
        if ch in raw:
            errors.append(f"{path.name}: raw U+{ord(ch):04X} in file; write it as a \\u escape")
    ids = set()
    for n, line in enumerate(raw.splitlines(), 1):
        where = f"{path.name}:{n}"
        if not line.strip():
            errors.append(f"{where}: empty line")
            continue
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"{where}: not JSON ({e})")
            continue
        rows.append(r)
        keys = {"id", "source", "writer", "panel", "staff", "text", "expect"}
        if set(r) != keys:
            errors.append(f"{where}: keys {sorted(r)}")
            continue
        rid = r["id"]
        where = f"{path.name}:{n} {rid}"
        if rid in ids:
            errors.append(f"{where}: duplicate id")
        ids.add(rid)
        if rid != f"{prefix}{n:03d}":
            errors.append(f"{where}: id should be {prefix}{n:03d}")
        src, writer, panel, staff, text = r["source"], r["writer"], r["panel"], r["staff"], r["text"]
        if src not in SOURCES:
            errors.append(f"{where}: source {src!r}")
        if not (isinstance(panel, list) and 3 <= len(panel) <= 8 and len(set(panel)) == len(panel)
                and all(isinstance(p, str) and p for p in panel)):
            errors.append(f"{where}: panel must be 3-8 distinct names")
        if not (isinstance(staff, list) and len(staff) <= 2 and all(isinstance(p, str) and p for p in staff)):
            errors.append(f"{where}: staff must be 0-2 names")
        if src in NO_WRITER:
            if writer is not None:
                errors.append(f"{where}: writer must be null for {src}")
        elif writer not in panel:
            errors.append(f"{where}: writer {writer!r} not in panel")
        if src == "question" and not text.startswith("Vraag:"):
            errors.append(f"{where}: a question starts with 'Vraag:'")
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: empty text")
            continue
        items = r["expect"]
        if not isinstance(items, list):
            errors.append(f"{where}: expect must be a list")
            continue
        people = list(panel) + list(staff)
        seen = {}
        for it in items:
            if set(it) != {"kind", "text"} or it["kind"] not in KINDS or not it["text"]:
                errors.append(f"{where}: bad item {it}")
                continue
            k, t = it["kind"], it["text"]
            seen[(k, t)] = seen.get((k, t), 0) + 1
            if seen[(k, t)] > text.count(t):
                errors.append(f"{where}: {it} listed more often than it occurs")
            if t not in text:
                errors.append(f"{where}: {k} {t!r} is not a substring of text")
            if t != t.strip():
                errors.append(f"{where}: {k} {t!r} has surrounding white space")
            if k == "bsn":
                d = re.sub(r"\D", "", unicodedata.normalize("NFKC", t))
                if not elfproef(d):
                    errors.append(f"{where}: bsn {t!r} fails the elfproef")
            elif k == "iban" and not iban_ok(t):
                errors.append(f"{where}: iban {t!r} fails mod-97 / Dutch format")
            elif k == "phone":
                d = spoken_digits(t)
                if not (9 <= len(d) <= 13 and (d.startswith("0") or d.startswith("31"))):
                    errors.append(f"{where}: phone {t!r} reads as {d!r}")
            elif k == "email":
                if not re.search(r"@|\bat\b|\(at\)|\[at\]|apenstaartje", t, re.I):
                    errors.append(f"{where}: email {t!r} has no @ / at")
            elif k == "dob":
                if not re.search(r"(?<!\d)(19\d\d|20[0-2]\d)(?!\d)|'\d\d", t):
                    errors.append(f"{where}: dob {t!r} has no year")
            elif k == "address":
                if not re.search(r"\d", unicodedata.normalize("NFKC", t)):
                    errors.append(f"{where}: address {t!r} has no number")
            elif k == "name" and not name_matches(t, people):
                errors.append(f"{where}: name {t!r} is not a panelist or staff member of this round")
        spans, placed = locate(text, [it for it in items if isinstance(it, dict) and it.get("text")])
        if not placed:
            errors.append(f"{where}: items overlap or cannot all be placed")
        # Unlabelled things that look like personal data.
        norm = text.replace("\u200b", "").replace("\u00ad", "")
        if norm == text:
            for m in re.finditer(r"(?<![\d])\d(?:[ .\-]?\d){8}(?![\d])", text):
                if elfproef(re.sub(r"\D", "", m.group())) and not covered(spans, m.start(), m.end()):
                    errors.append(f"{where}: unlabelled elfproef number {m.group()!r}")
            for m in re.finditer(r"(?i)\bnl\s?\d\d(?:[\s.\-]?[a-z]{4})(?:[\s.\-]?\d){10}", text):
                if not covered(spans, m.start(), m.end()):
                    errors.append(f"{where}: unlabelled IBAN {m.group()!r}")
            for m in re.finditer(r"(?<![\d])0[ \-]?6(?:[ \-]{0,3}\d){8}(?!\d)", text):
                if not covered(spans, m.start(), m.end()):
                    errors.append(f"{where}: unlabelled mobile number {m.group()!r}")
        for m in re.finditer(r"@", text):
            if not covered(spans, m.start(), m.end()):
                errors.append(f"{where}: unlabelled @")
        for m in re.finditer(r"(?i)\b(?:geboren|geb\.|geboortedatum)", text):
            has_dob = any(it["kind"] == "dob" for it in items)
            if not has_dob and not re.search(r"(?i)geboren en getogen|is geboren (?:in|tijdens|uit)", text):
                errors.append(f"{where}: birth cue without a dob item")
        ftext = fold(text)
        for person in people:
            for part in fold(person).split():
                if part in PARTICLES or part in WORD_NAMES or len(part) < 3:
                    continue
                for m in re.finditer(rf"(?<![\w@.]){re.escape(part)}(?![\w@])", ftext):
                    if not covered(spans, m.start(), m.end()):
                        errors.append(f"{where}: {person!r} part {part!r} appears unlabelled")
    return rows, errors


def report(name, rows):
    pos = sum(1 for r in rows if r["expect"])
    kinds = Counter(it["kind"] for r in rows for it in r["expect"])
    sources = Counter(r["source"] for r in rows)
    print(f"{name}: {len(rows)} lines, {pos} positive, {len(rows) - pos} negative, "
          f"{sum(kinds.values())} items")
    print("  items per kind: " + ", ".join(f"{k} {kinds[k]}" for k in KINDS))
    print("  lines per source: " + ", ".join(f"{s} {sources[s]}" for s in SOURCES))
    pos_src = Counter(r["source"] for r in rows if r["expect"])
    print("  positive lines per source: " + ", ".join(f"{s} {pos_src[s]}" for s in SOURCES))


def main():
    args = sys.argv[1:]
    files = [Path(a) for a in args] if args else [HERE / "tune.jsonl", HERE / "aside.jsonl"]
    all_errors, loaded = [], {}
    for p in files:
        prefix = "a" if p.name.startswith("aside") else "t"
        if not p.exists():
            all_errors.append(f"{p}: missing")
            continue
        rows, errs = check_file(p, prefix)
        loaded[p.name] = rows
        all_errors += errs
        report(p.name, rows)
    minimum = {"tune.jsonl": 220, "aside.jsonl": 120}
    for name, rows in loaded.items():
        if name in minimum and len(rows) < minimum[name]:
            all_errors.append(f"{name}: {len(rows)} lines, need at least {minimum[name]}")
    if "tune.jsonl" in loaded and "aside.jsonl" in loaded:
        t, a = loaded["tune.jsonl"], loaded["aside.jsonl"]
        people = lambda rows: {n for r in rows for n in r["panel"] + r["staff"]}
        for n in sorted(people(t) & people(a)):
            all_errors.append(f"held-out: name {n!r} is used in both tune and aside")
        for tx in {r["text"] for r in t} & {r["text"] for r in a}:
            all_errors.append(f"held-out: text in both files: {tx!r}")
        def values(rows):
            out = set()
            for r in rows:
                for it in r["expect"]:
                    if it["kind"] in {"bsn", "iban", "phone"}:
                        out.add((it["kind"], re.sub(r"[^0-9a-z]", "", fold(it["text"]))))
                    elif it["kind"] in {"email", "address", "dob"}:
                        out.add((it["kind"], fold(it["text"])))
            return out
        for k, v in sorted(values(t) & values(a)):
            all_errors.append(f"held-out: {k} {v!r} is used in both tune and aside")
    for e in all_errors:
        print("ERROR", e)
    print("OK" if not all_errors else f"{len(all_errors)} error(s)")
    return 1 if all_errors else 0


if __name__ == "__main__":
    sys.exit(main())
