#!/usr/bin/python3
"""Key point evaluation helper for scripts/eval/keypoints.sh (stdlib only).

Subcommands (keypoints.sh runs them; see Tests/Corpus/keypoints/FORMAT.md for the case JSON):

  case-file CASE_JSON            print the path of the case's Markdown file
  case-title CASE_MD             print the title from its front matter
  panel CASE_JSON                print the panel CSV (case panelists, silent voters, 10 who do nothing)
  deliver CASE_JSON ROOT WORK    deliver every reply in id order through `inbound deliver`; WORK/delivery.json
  vote CASE_JSON ROOT WORK       cast every vote over HTTP (GET, then POST) from the vote mails
  collect CASE_JSON ROOT WORK    find the verdict mail; WORK/verdict.txt, WORK/arguments.csv, WORK/verdict.eml
  report [--verbose] [--json OUT] OUTDIR    score every case in OUTDIR and print the numbers

Environment (set by keypoints.sh): TWEEDEMENING_BIN_PATH, TWEEDEMENING_ROOT and the other TWEEDEMENING_*.
"""

import collections
import csv
import difflib
import email
import email.policy
import email.utils
import io
import json
import os
import pathlib
import re
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request

DOMAIN = "bewoners.example"
IDLE = 10
TARGETS = {"ari": (">=", 0.6), "coverage": (">=", 0.8), "incoherent": ("<=", 0.15), "missing_recall": (">=", 0.7)}


def fail(message):
    sys.stderr.write("keypoints.py: %s\n" % message)
    sys.exit(70)


def load_case(path):
    with open(path, encoding="utf-8") as f:
        case = json.load(f)
    case["_path"] = str(pathlib.Path(path).resolve())
    case.setdefault("case", pathlib.Path(path).stem)
    case["replies"] = sorted(case.get("replies", []), key=lambda r: r["id"])
    return case


def case_file(case):
    name = case.get("case_file") or (case["case"] + ".md")
    return str(pathlib.Path(case["_path"]).parent / name)


def panelist_email(n):
    return "panellid%03d@%s" % (int(n), DOMAIN)


def panelists(case):
    """[(email, vote or None, kind)] in panel order."""
    votes = collections.OrderedDict()
    for reply in case["replies"]:
        votes[reply["panelist"]] = reply.get("vote") or "none"   # a panelist's last reply wins (all agree)
    rows = [(panelist_email(p), None if v == "none" else v, "replier") for p, v in votes.items()]
    silent = case.get("silent_voters") or {}
    k = 0
    for side in ("support", "oppose"):
        for _ in range(int(silent.get(side, 0))):
            k += 1
            rows.append(("stil%03d@%s" % (k, DOMAIN), side, "silent"))
    for i in range(1, IDLE + 1):
        rows.append(("passief%02d@%s" % (i, DOMAIN), None, "idle"))
    return rows


# ---------------------------------------------------------------- the round


def cmd_case_file(args):
    print(case_file(load_case(args[0])))


def cmd_case_title(args):
    text = pathlib.Path(args[0]).read_text(encoding="utf-8")
    m = re.search(r"^title:\s*(.+)$", text, re.M)
    print((m.group(1).strip().strip('"') if m else pathlib.Path(args[0]).stem).replace("\r", ""))


def cmd_panel(args):
    case = load_case(args[0])
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    # No names: the binary masks the panelist's own name in replies, and invented names could collide with words.
    w.writerow(["email", "age_band", "gender", "district", "education"])
    bands = ["18-34", "35-49", "50-64", "65+"]
    genders = ["vrouw", "man"]
    districts = ["Noord", "Oost", "Zuid", "West", "Centrum"]
    education = ["laag", "middelbaar", "hoog"]
    for i, (addr, _, _) in enumerate(panelists(case)):
        w.writerow([addr, bands[i % 4], genders[i % 2], districts[i % 5], education[i % 3]])
    sys.stdout.write(out.getvalue())


def messages(root, kind=None):
    new = pathlib.Path(root, "maildir", "new")
    result = []
    if not new.is_dir():
        return result
    for path in sorted(new.iterdir()):
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        if kind is None or msg["X-Tweedemening-Kind"] == kind:
            result.append((path, msg))
    return result


def first_addr(header):
    try:
        return header.addresses[0].addr_spec.lower()
    except Exception:
        return str(header or "").strip().strip("<>").lower()


def db(root):
    conn = sqlite3.connect("file:%s?mode=ro" % pathlib.Path(root, "tweedemening.sqlite"), uri=True, timeout=30)
    conn.row_factory = sqlite3.Row
    return conn


def columns(conn, table):
    return {row[1] for row in conn.execute("PRAGMA table_info(%s)" % table)}


def filed(root, message_id, email_addr, order):
    """What became of one delivered message: inbound row + its argument (by inboundId, else by panelist and order)."""
    conn = db(root)
    try:
        inbound = conn.execute(
            "SELECT * FROM inbound WHERE messageId LIKE ? ORDER BY id DESC LIMIT 1", ("%" + message_id + "%",)
        ).fetchone()
        info = {"inbound_id": None, "disposition": None, "detail": None, "number": None, "status": None, "flags": None}
        if inbound is not None:
            info.update(inbound_id=inbound["id"], disposition=inbound["disposition"], detail=inbound["detail"])
        acols = columns(conn, "argument")
        arg = None
        if inbound is not None and "inboundId" in acols:
            arg = conn.execute("SELECT * FROM argument WHERE inboundId = ? ORDER BY number LIMIT 1", (inbound["id"],)).fetchone()
        if arg is None and "inboundId" not in acols:
            pid = conn.execute("SELECT id FROM panelist WHERE lower(email) = ?", (email_addr,)).fetchone()
            if pid is not None:
                rows = conn.execute("SELECT * FROM argument WHERE panelistId = ? ORDER BY number", (pid[0],)).fetchall()
                if order < len(rows):
                    arg = rows[order]
        if arg is not None:
            info.update(number=arg["number"], status=arg["status"], flags=arg["flags"] if "flags" in acols else None)
        return info
    finally:
        conn.close()


def cmd_deliver(args):
    case = load_case(args[0])
    root, work = args[1], pathlib.Path(args[2])
    binary = os.environ["TWEEDEMENING_BIN_PATH"]
    reply_to, subject = {}, "Re: Nieuwe casus"
    for _, msg in messages(root, "case"):
        reply_to[first_addr(msg["To"])] = first_addr(msg["Reply-To"])
        subject = "Re: " + str(msg["Subject"])
    if not reply_to:
        fail("no case mail reached the panel after the publish tick")
    records, written = {}, collections.Counter()
    slug = re.sub(r"[^A-Za-z0-9-]", "-", case["case"])
    for reply in case["replies"]:
        n = reply["id"]
        addr = panelist_email(reply["panelist"])
        if addr not in reply_to:
            fail("no case mail to %s (panelist %s)" % (addr, reply["panelist"]))

        def number_of(m):
            ref = records.get(int(m.group(1)))
            return "#%d" % ref["number"] if ref and ref.get("status") == "published" and ref.get("number") else "#?"

        body = re.sub(r"#\{(\d+)\}", number_of, reply["body"])
        body = body.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")
        message_id = "kp-%s-%d-%d" % (slug, n, int(time.time()))
        head = (
            "From: %s\r\nTo: %s\r\nSubject: %s\r\nDate: %s\r\nMessage-ID: <%s@%s>\r\nMIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            % (addr, reply_to[addr], subject, email.utils.formatdate(localtime=False), message_id, DOMAIN)
        )
        raw = head.encode("utf-8") + body.encode("utf-8") + b"\r\n"
        proc = subprocess.run([binary, "inbound", "deliver"], input=raw, capture_output=True)
        info = filed(root, message_id, addr, written[addr])
        if info.get("number") is not None:
            written[addr] += 1
        info.update(reply=n, panelist=reply["panelist"], message_id=message_id, exit=proc.returncode,
                    stderr=proc.stderr.decode("utf-8", "replace").strip()[-500:], body=body)
        records[n] = info
        if proc.returncode != 0:
            sys.stderr.write("reply %d: inbound deliver exited %d\n" % (n, proc.returncode))
    (work / "delivery.json").write_text(json.dumps({str(k): v for k, v in records.items()}, ensure_ascii=False, indent=1))
    counts = collections.Counter(r["disposition"] for r in records.values())
    sys.stderr.write("delivered %d replies: %s\n" % (len(records), dict(counts)))


def vote_links(msg):
    text = msg.get_body(preferencelist=("plain",)).get_content()
    lines = [l.strip() for l in text.splitlines()]
    support = oppose = None
    for i, line in enumerate(lines):
        if not line.startswith("http"):
            continue
        before = lines[i - 1].lower() if i else ""
        if support is None and before.startswith("ja,"):
            support = line
        elif oppose is None and before.startswith("nee,"):
            oppose = line
    if support is None or oppose is None:  # the template changed: the first two links, as the template had them
        links = [w for w in text.split() if w.startswith("http")]
        support, oppose = links[0], links[1]
    return support, oppose


def http(link, method):
    req = urllib.request.Request(link, data=b"" if method == "POST" else None, method=method)
    if method == "POST":
        req.add_header("Content-Type", "application/x-www-form-urlencoded")
    for attempt in range(5):
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                resp.read()
                return resp.status
        except urllib.error.HTTPError as e:
            if e.code == 429 and attempt < 4:
                time.sleep(2)
                continue
            return e.code


def cmd_vote(args):
    case = load_case(args[0])
    root, work = args[1], pathlib.Path(args[2])
    wanted = {addr: v for addr, v, _ in panelists(case) if v}
    mails = {first_addr(msg["To"]): msg for _, msg in messages(root, "vote")}
    if not mails:
        fail("no vote mail was sent when voting opened")
    cast, problems = collections.Counter(), []
    for addr, choice in wanted.items():
        if addr not in mails:
            problems.append("%s: no vote mail" % addr)
            continue
        support, oppose = vote_links(mails[addr])
        link = support if choice == "support" else oppose
        g = http(link, "GET")
        p = http(link, "POST")
        if g != 200 or p not in (200, 303):
            problems.append("%s: GET %s, POST %s" % (addr, g, p))
        else:
            cast[choice] += 1
    (work / "votes.json").write_text(json.dumps({"cast": cast, "problems": problems}, indent=1))
    sys.stderr.write("votes cast: %s; problems: %d\n" % (dict(cast), len(problems)))
    for p in problems:
        sys.stderr.write("  " + p + "\n")
    if problems and not cast:
        fail("no vote could be cast")


def cmd_collect(args):
    case = load_case(args[0])
    root, work = args[1], pathlib.Path(args[2])
    verdicts = messages(root, "verdict")
    if not verdicts:
        conn = db(root)
        state = [dict(r) for r in conn.execute("SELECT id, state FROM round")]
        fail("%s: no verdict mail (X-Tweedemening-Kind: verdict) in the Maildir; rounds: %s" % (case["case"], state))
    conn = db(root)
    states = [dict(r) for r in conn.execute("SELECT id, state FROM round")]
    conn.close()
    if any(s["state"] != "closed" for s in states):
        fail("%s: the round did not close after the deadline tick: %s" % (case["case"], states))
    path, msg = verdicts[-1]
    (work / "verdict.eml").write_bytes(path.read_bytes())
    text = msg.get_body(preferencelist=("plain",)).get_content()
    (work / "verdict.txt").write_text(text, encoding="utf-8")
    csv_text = None
    for part in msg.iter_attachments():
        name = part.get_filename() or ""
        if name.endswith(".csv") or part.get_content_type() == "text/csv":
            content = part.get_content()
            if isinstance(content, bytes):
                content = content.decode("utf-8")
            csv_text = content.lstrip("\ufeff")
            break
    if csv_text is None:
        csv_text = ""
        sys.stderr.write("keypoints.py: %s: the verdict mail has no CSV attachment\n" % case["case"])
    (work / "arguments.csv").write_text(csv_text, encoding="utf-8")
    (work / "verdict-headers.json").write_text(json.dumps({
        "verdict": msg["X-Tweedemening-Verdict"], "subject": str(msg["Subject"])}, ensure_ascii=False))
    # What the database knows, for the report (the root is removed afterwards).
    conn = db(root)
    snapshot = {}
    for table in ("inbound", "argument", "question"):
        try:
            cols = [c for c in columns(conn, table) if c != "raw"]
            snapshot[table] = [dict(r) for r in conn.execute("SELECT %s FROM %s" % (",".join(cols), table))]
        except sqlite3.Error:
            pass
    (work / "db.json").write_text(json.dumps(snapshot, ensure_ascii=False, default=str, indent=1))
    conn.close()
    shutil_copy(root, work)


def shutil_copy(root, work):
    import shutil
    try:
        shutil.copy(pathlib.Path(root, "tweedemening.toml"), work / "tweedemening.toml")
    except OSError:
        pass


# ---------------------------------------------------------------- scoring


def norm(text):
    return re.sub(r"\s+", " ", (text or "")).strip().lower()


def similarity(a, b):
    a, b = norm(a), norm(b)
    if not a or not b:
        return 0.0
    if a in b or b in a:
        return 0.9 + 0.1 * min(len(a), len(b)) / max(len(a), len(b))
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def comb2(n):
    return n * (n - 1) / 2


def ari(gold, pred):
    """Adjusted Rand index of two labelings of the same items (Hubert & Arabie)."""
    n = len(gold)
    if n < 2:
        return None
    table = collections.Counter(zip(gold, pred))
    a = collections.Counter(gold)
    b = collections.Counter(pred)
    index = sum(comb2(v) for v in table.values())
    sa = sum(comb2(v) for v in a.values())
    sb = sum(comb2(v) for v in b.values())
    expected = sa * sb / comb2(n)
    maximum = (sa + sb) / 2
    if maximum == expected:
        return 1.0 if index == expected else 0.0
    return (index - expected) / (maximum - expected)


def split_list(value):
    return [x.strip() for x in re.split(r"[;,]", value or "") if x.strip()]


def quoted_section(text, heading_prefix):
    """[(pseudonym, quote)] under the heading in the old digest text."""
    out, inside = [], False
    for line in text.splitlines():
        s = line.strip()
        if s.startswith(heading_prefix):
            inside = True
            continue
        if inside:
            m = re.match(r'^- "(.*)" \((Deelnemer \d+)\)$', s, re.S)
            if m:
                out.append((m.group(2), m.group(1)))
            elif s == "" or not s.startswith("-"):
                inside = False
    return out


def find_quoted_rows(quotes, rows):
    found = set()
    for pseudonym, quote in quotes:
        q = norm(quote.rstrip("…").rstrip())
        best, best_score = None, 0.0
        for row in rows:
            if row.get("deelnemer") and row["deelnemer"] != pseudonym:
                continue
            t = norm(row["tekst"])
            score = 1.0 if t.startswith(q) or q in t else similarity(q, t[: len(q) + 20])
            if score > best_score:
                best, best_score = row, score
        if best is not None and best_score >= 0.6:
            found.add(best["nummer"])
    return found


def score_case(work):
    work = pathlib.Path(work)
    case = load_case(pathlib.Path(work, "case.json")) if (work / "case.json").exists() else None
    return case


def evaluate(case, work):
    work = pathlib.Path(work)
    delivery = {int(k): v for k, v in json.loads((work / "delivery.json").read_text()).items()}
    text = (work / "verdict.txt").read_text(encoding="utf-8")
    csv_text = (work / "arguments.csv").read_text(encoding="utf-8")
    verdict_headers = json.loads((work / "verdict-headers.json").read_text())
    reader = csv.DictReader(io.StringIO(csv_text))
    header = reader.fieldnames or []
    rows = [dict(r) for r in reader]
    new_format = "kernpunten" in header
    fmt = "new" if new_format else ("old" if "thema" in header else "unknown")
    for r in rows:
        try:
            r["nummer"] = int(str(r.get("nummer", "")).strip().lstrip("#"))
        except ValueError:
            r["nummer"] = None

    replies = {r["id"]: r for r in case["replies"]}
    # ---- map CSV rows to gold replies
    by_number = {v["number"]: k for k, v in delivery.items() if v.get("number") is not None}
    row_reply, fallback = {}, 0
    for i, row in enumerate(rows):
        rid = by_number.get(row["nummer"])
        if rid is None:
            best, best_score = None, 0.0
            for k, v in delivery.items():
                s = similarity(row.get("tekst", ""), v.get("body", ""))
                if s > best_score:
                    best, best_score = k, s
            if best is not None and best_score >= 0.4:
                rid = best
                fallback += 1
        row_reply[i] = rid
    # ---- predictions per reply
    pred_kps = collections.defaultdict(list)
    signals = collections.defaultdict(set)
    for i, row in enumerate(rows):
        rid = row_reply[i]
        if rid is None:
            continue
        if new_format:
            kps = split_list(row.get("kernpunten"))
            for s in split_list(row.get("signalen")):
                signals[rid].add(s.lower())
        else:
            thema = (row.get("thema") or "").strip()
            kps = ["%s: %s" % (row.get("kant", ""), thema)] if thema else []
        for kp in kps:
            if kp not in pred_kps[rid]:
                pred_kps[rid].append(kp)
    if not new_format:
        missing_rows = find_quoted_rows(quoted_section(text, "Informatie die panelleden misten"), rows)
        tone_rows = find_quoted_rows(quoted_section(text, "Over de toon"), rows)
        num_reply = {row["nummer"]: row_reply[i] for i, row in enumerate(rows)}
        for num in missing_rows:
            if num_reply.get(num) is not None:
                signals[num_reply[num]].add("ontbrekende informatie")
        for num in tone_rows:
            if num_reply.get(num) is not None:
                signals[num_reply[num]].add("toon")
    for rid, v in delivery.items():
        if v.get("disposition") == "question":
            signals[rid].add("vraag (filed as question)")

    # ---- delivery
    published = {rid for rid in row_reply.values() if rid is not None}
    not_published = []
    for rid in sorted(replies):
        if rid not in published:
            v = delivery.get(rid, {})
            not_published.append({"reply": rid, "disposition": v.get("disposition"), "status": v.get("status"),
                                  "flags": v.get("flags"), "detail": v.get("detail"), "exit": v.get("exit")})
    delivered = sum(1 for v in delivery.values() if v.get("inbound_id") is not None)

    # ---- ARI
    labelled = [rid for rid in sorted(replies) if replies[rid].get("key_points")]
    gold_labels = [replies[rid]["key_points"][0] for rid in labelled]
    pred_labels = [pred_kps[rid][0] if pred_kps.get(rid) else "_single_%d" % rid for rid in labelled]
    ari_value = ari(gold_labels, pred_labels)

    # ---- predicted key points: members, main gold point, purity
    gold_count = collections.Counter(kp for r in case["replies"] for kp in (r.get("key_points") or []))
    gold_count["none"] = sum(1 for r in case["replies"] if not r.get("key_points"))
    members = collections.defaultdict(list)
    for rid in sorted(pred_kps):
        for kp in pred_kps[rid]:
            members[kp].append(rid)
    predicted = []
    for kp, mem in members.items():
        carried = collections.Counter()
        for rid in mem:
            for g in (replies[rid].get("key_points") or ["none"]):
                carried[g] += 1
        main = sorted(carried, key=lambda g: (-carried[g], -gold_count[g], g))[0]
        predicted.append({"id": kp, "members": mem, "main": main, "carried": carried[main],
                          "purity": carried[main] / len(mem), "sentence": sentence_for(kp, text, new_format)})
    predicted.sort(key=lambda p: (-len(p["members"]), p["id"]))
    big_gold = sorted(g for g, c in gold_count.items() if g != "none" and c >= 3)
    mains = {p["main"] for p in predicted}
    covered = [g for g in big_gold if g in mains]
    multi = [p for p in predicted if len(p["members"]) >= 2]
    incoherent = [p for p in multi if p["purity"] < 0.5]

    def pr(gold_fn, pred_fn):
        gold = {rid for rid, r in replies.items() if gold_fn(r)}
        pred = {rid for rid in replies if pred_fn(rid)}
        tp = len(gold & pred)
        return {"gold": len(gold), "predicted": len(pred), "tp": tp,
                "recall": tp / len(gold) if gold else None, "precision": tp / len(pred) if pred else None}

    missing = pr(lambda r: bool(r.get("missing_information")), lambda rid: "ontbrekende informatie" in signals[rid])
    tone = pr(lambda r: bool(r.get("tone")), lambda rid: "toon" in signals[rid])
    question = pr(lambda r: bool(r.get("question")),
                  lambda rid: "vraag" in signals[rid] or "vraag (filed as question)" in signals[rid])
    nonarg = [rid for rid, r in replies.items() if r.get("non_argument")]
    leaked = [rid for rid in nonarg if pred_kps.get(rid)]

    # ---- sides: each argument's stance by content (CSV `strekking`) against the reply's gold stance, and each key
    # point's side in the digest (its section, or "(voor het besluit; …)" under "Ook genoemd") against the gold stance
    # of its main gold point. Only what has a gold side (support / oppose / middle) counts.
    strekking = {"steunt besluit": "support", "steunt besluit niet": "oppose", "midden": "middle"}
    argument_side = [0, 0]
    for i, row in enumerate(rows):
        rid = row_reply[i]
        gold_stance = replies.get(rid, {}).get("stance") if rid is not None else None
        if new_format and gold_stance in ("support", "oppose", "middle"):
            argument_side[1] += 1
            argument_side[0] += strekking.get((row.get("strekking") or "").strip()) == gold_stance
    point_side_of = digest_sides(text) if new_format else {}
    gold_point_stance = {kp["id"]: kp.get("stance") for kp in case.get("key_points", [])}
    point_side = [0, 0]
    for point in predicted:
        gold_stance = gold_point_stance.get(point["main"])
        if point["id"] in point_side_of and gold_stance in ("support", "oppose", "middle"):
            point_side[1] += 1
            point_side[0] += point_side_of[point["id"]] == gold_stance

    return {
        "case": case["case"], "split": case.get("split"), "format": fmt,
        "verdict": verdict_headers.get("verdict"),
        "replies": len(replies), "delivered": delivered, "published": len(rows),
        "rows_mapped_by_text": fallback, "rows_unmapped": sum(1 for v in row_reply.values() if v is None),
        "not_published": not_published,
        "dispositions": dict(collections.Counter(v.get("disposition") for v in delivery.values())),
        "ari": ari_value, "ari_items": len(labelled),
        "ari_pairs": {"gold": gold_labels, "pred": pred_labels},
        "coverage": len(covered) / len(big_gold) if big_gold else None,
        "coverage_n": [len(covered), len(big_gold)], "gold_points_3plus": big_gold, "covered": covered,
        "incoherent": len(incoherent) / len(multi) if multi else None, "incoherent_n": [len(incoherent), len(multi)],
        "missing_information": missing, "tone": tone, "question": question,
        "non_argument_leakage": len(leaked) / len(nonarg) if nonarg else None,
        "non_argument_n": [len(leaked), len(nonarg)],
        "argument_side": argument_side[0] / argument_side[1] if argument_side[1] else None,
        "argument_side_n": argument_side,
        "point_side": point_side[0] / point_side[1] if point_side[1] else None, "point_side_n": point_side,
        "predicted_key_points": len(predicted), "predicted": predicted,
        "reply_number": {rid: delivery.get(rid, {}).get("number") for rid in sorted(replies)},
    }


def digest_sides(text):
    """Each key point's side as the digest shows it: {"K3": "support" | "oppose" | "middle" | "unclear"}."""
    sections = [("VOOR UW BESLUIT", "support"), ("TEGEN UW BESLUIT", "oppose"), ("EEN MIDDENWEG", "middle"),
                ("ANDERE PUNTEN", "unclear")]
    words = {"voor het besluit": "support", "tegen het besluit": "oppose", "middenweg": "middle",
             "zonder duidelijke kant": "unclear"}
    sides, current = {}, None
    for line in text.splitlines():
        stripped = line.strip()
        heading = [side for title, side in sections if stripped.upper().startswith(title)]
        if heading:
            current = heading[0]
        elif stripped.isupper() and len(stripped) > 3:
            current = None
        match = re.match(r"^(K\d+)\. ", stripped)
        if match and current:
            sides.setdefault(match.group(1), current)
    flat = re.sub(r"\s*\n\s*", " ", text)
    for match in re.finditer(r"- (K\d+)\. .*?\((voor het besluit|tegen het besluit|middenweg|zonder duidelijke kant)[;)]",
                             flat):
        sides.setdefault(match.group(1), words[match.group(2)])
    return sides


def sentence_for(kp, text, new_format):
    """The digest line that states this key point: `K1. …` / `- K2. …` (new), `- label (…` (old)."""
    label = kp.split(": ", 1)[1] if not new_format and ": " in kp else kp
    if new_format:
        heads = [re.compile(r"^\s*(?:[-*•]\s*)?%s\s*[.:)]\s+\S" % re.escape(label))]
        anywhere = re.compile(r"(?<![A-Za-z0-9])%s(?![0-9A-Za-z])" % re.escape(label))
    else:
        heads = [re.compile(r"^\s*- %s \(" % re.escape(label))]
        anywhere = None
    lines = text.splitlines()
    for pat in heads:
        for line in lines:
            if pat.search(line):
                return line.strip()
    if anywhere is not None:
        for line in lines:
            if anywhere.search(line) and len(line) < 400 and "(K1, K2" not in line:
                return line.strip()
    return None


def fmt(x, digits=2):
    if x is None:
        return "n/a"
    if isinstance(x, float):
        return ("%." + str(digits) + "f") % x
    return str(x)


def pct(x):
    return "n/a" if x is None else "%.0f%%" % (100 * x)


def target(name, value):
    op, t = TARGETS[name]
    if value is None:
        return "(target %s %s)" % (op, pct(t) if name == "incoherent" else t)
    ok = value >= t if op == ">=" else value <= t
    shown = pct(t) if name == "incoherent" else t
    return "(target %s %s: %s)" % (op, shown, "ok" if ok else "MISSED")


def pooled(results):
    """Numbers over a group of cases: ratios from summed counts; ARI also pooled over all labelled replies."""
    if not results:
        return None
    g, p = [], []
    for r in results:
        g += ["%s/%s" % (r["case"], x) for x in r["ari_pairs"]["gold"]]
        p += ["%s/%s" % (r["case"], x) for x in r["ari_pairs"]["pred"]]

    def ratio(key):
        a = sum(r[key][0] for r in results)
        b = sum(r[key][1] for r in results)
        return (a / b if b else None), [a, b]

    def prsum(key):
        gold = sum(r[key]["gold"] for r in results)
        pred = sum(r[key]["predicted"] for r in results)
        tp = sum(r[key]["tp"] for r in results)
        return {"gold": gold, "predicted": pred, "tp": tp,
                "recall": tp / gold if gold else None, "precision": tp / pred if pred else None}

    aris = [r["ari"] for r in results if r["ari"] is not None]
    cov, cov_n = ratio("coverage_n")
    inc, inc_n = ratio("incoherent_n")
    leak, leak_n = ratio("non_argument_n")
    arg_side, arg_side_n = ratio("argument_side_n")
    point_side, point_side_n = ratio("point_side_n")
    return {
        "cases": [r["case"] for r in results],
        "replies": sum(r["replies"] for r in results), "delivered": sum(r["delivered"] for r in results),
        "published": sum(r["published"] for r in results),
        "ari": ari(g, p), "ari_mean": sum(aris) / len(aris) if aris else None,
        "coverage": cov, "coverage_n": cov_n, "incoherent": inc, "incoherent_n": inc_n,
        "missing_information": prsum("missing_information"), "tone": prsum("tone"), "question": prsum("question"),
        "non_argument_leakage": leak, "non_argument_n": leak_n,
        "argument_side": arg_side, "argument_side_n": arg_side_n, "point_side": point_side, "point_side_n": point_side_n,
        "predicted_key_points": sum(r["predicted_key_points"] for r in results),
    }


def print_numbers(title, r, group=False):
    print("== %s" % title)
    print("  replies delivered / published:  %d of %d delivered, %d arguments published"
          % (r["delivered"], r["replies"], r["published"]))
    if group:
        print("  ARI:                            %s pooled, %s mean of cases  %s"
              % (fmt(r["ari"]), fmt(r["ari_mean"]), target("ari", r["ari"])))
    else:
        print("  ARI:                            %s over %d replies with a gold key point  %s"
              % (fmt(r["ari"]), r["ari_items"], target("ari", r["ari"])))
    print("  coverage:                       %s (%d of %d gold key points with >=3 replies)  %s"
          % (fmt(r["coverage"]), r["coverage_n"][0], r["coverage_n"][1], target("coverage", r["coverage"])))
    print("  incoherent:                     %s (%d of %d predicted key points with >=2 members)  %s"
          % (pct(r["incoherent"]), r["incoherent_n"][0], r["incoherent_n"][1], target("incoherent", r["incoherent"])))
    for key, name in (("missing_information", "missing information"), ("tone", "tone"), ("question", "question")):
        m = r[key]
        extra = "  " + target("missing_recall", m["recall"]) if key == "missing_information" else ""
        print("  %-31s recall %s (%d/%d), precision %s (%d/%d)%s"
              % (name + ":", fmt(m["recall"]), m["tp"], m["gold"], fmt(m["precision"]), m["tp"], m["predicted"], extra))
    print("  non-argument leakage:           %s (%d of %d non-argument replies got a key point)"
          % (pct(r["non_argument_leakage"]), r["non_argument_n"][0], r["non_argument_n"][1]))
    print("  key point side right:           %s (%d of %d key points whose main gold point has a side)"
          % (pct(r["point_side"]), r["point_side_n"][0], r["point_side_n"][1]))
    print("  argument stance right:          %s (%d of %d published arguments with a gold side)"
          % (pct(r["argument_side"]), r["argument_side_n"][0], r["argument_side_n"][1]))
    print("  predicted key points:           %d" % r["predicted_key_points"])


def summary_only(r):
    keep = ["case", "split", "format", "verdict", "replies", "delivered", "published", "ari", "ari_items", "coverage",
            "coverage_n", "incoherent", "incoherent_n", "missing_information", "tone", "question",
            "non_argument_leakage", "non_argument_n", "argument_side", "argument_side_n", "point_side", "point_side_n",
            "predicted_key_points", "dispositions"]
    return {k: r[k] for k in keep}


def cmd_report(args):
    verbose = "--verbose" in args or "-v" in args
    json_out = None
    rest = []
    i = 0
    while i < len(args):
        if args[i] == "--json":
            json_out = args[i + 1]
            i += 2
            continue
        if args[i] not in ("--verbose", "-v"):
            rest.append(args[i])
        i += 1
    outdir = pathlib.Path(rest[0])
    results = []
    for work in sorted(p for p in outdir.iterdir() if (p / "case.json").exists() and (p / "verdict.txt").exists()):
        case = load_case(work / "case.json")
        results.append(evaluate(case, work))
    if not results:
        fail("no finished case in %s" % outdir)
    for r in results:
        aside = r["split"] == "aside"
        print()
        print_numbers("%s (%s, %s CSV, verdict %s)" % (r["case"], r["split"], r["format"], r["verdict"]), r)
        if aside:
            continue
        if r["not_published"]:
            print("  not published:")
            for x in r["not_published"]:
                print("    reply %-4s disposition=%s status=%s flags=%s%s" % (
                    x["reply"], x["disposition"], x["status"], x["flags"] or "-",
                    " detail=%s" % x["detail"] if x["detail"] else ""))
        if r["rows_mapped_by_text"] or r["rows_unmapped"]:
            print("  CSV rows mapped by text similarity: %d, not mapped: %d" % (r["rows_mapped_by_text"], r["rows_unmapped"]))
        print("  gold points with >=3 replies: %s; covered: %s" % (", ".join(r["gold_points_3plus"]) or "-",
                                                                    ", ".join(r["covered"]) or "-"))
        if verbose:
            print("  predicted key points (members: gold reply id, with the argument number the binary gave it):")
            for p in r["predicted"]:
                shown = ["%s(#%s)" % (m, r["reply_number"].get(m)) for m in p["members"]]
                print("    [%s] %d members %s  main %s  purity %.0f%%" % (
                    p["id"], len(p["members"]), " ".join(shown), p["main"], 100 * p["purity"]))
                if p["sentence"]:
                    print("        %s" % p["sentence"])
    groups = {}
    for split in ("tune", "aside"):
        members = [r for r in results if r["split"] == split]
        if members:
            groups[split] = pooled(members)
            print()
            print_numbers("ALL %s cases (%d): %s" % (split.upper(), len(members), ", ".join(groups[split]["cases"])),
                          groups[split], group=True)
    other = [r for r in results if r["split"] not in ("tune", "aside")]
    if other:
        groups["other"] = pooled(other)
        print()
        print_numbers("cases without split tune/aside (%d)" % len(other), groups["other"], group=True)
    if json_out:
        data = {"cases": [summary_only(r) if r["split"] == "aside" else r for r in results], "groups": groups,
                "targets": TARGETS}
        pathlib.Path(json_out).write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str))
        print("\nnumbers written to %s" % json_out)


def main():
    if len(sys.argv) < 2:
        sys.stderr.write(__doc__)
        sys.exit(64)
    command, args = sys.argv[1], sys.argv[2:]
    if command in ("deliver", "vote", "collect"):
        # keep a copy of the case beside its results, for `report`
        pathlib.Path(args[2]).mkdir(parents=True, exist_ok=True)
        pathlib.Path(args[2], "case.json").write_text(pathlib.Path(args[0]).read_text(encoding="utf-8"), encoding="utf-8")
    handlers = {"case-file": cmd_case_file, "case-title": cmd_case_title, "panel": cmd_panel, "deliver": cmd_deliver,
                "vote": cmd_vote, "collect": cmd_collect, "report": cmd_report}
    if command not in handlers:
        sys.stderr.write(__doc__)
        sys.exit(64)
    handlers[command](args)


if __name__ == "__main__":
    main()
