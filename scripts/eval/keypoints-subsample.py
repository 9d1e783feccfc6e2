#!/usr/bin/env python3
"""Key point ARI as a mean over subsamples: the low-noise companion of scripts/eval/keypoints.sh.

    scripts/eval/keypoints-subsample.py RESULTS_DIR [CASE ...]     # RESULTS_DIR: keypoints.sh --out DIR
    RUNS=20 DROP=0.15 SEED=7                                       # the defaults
    MODEL=loco | none                                              # see below; unset: the shipped CorpusModel

keypoints.sh runs each case as a real round and scores one digest; one round's ARI moves by 0.05 when three replies
regroup, which is as large as most changes one wants to judge. This takes the arguments that round stored (its
db.json: texts as the binary filed them, reply numbers, reactions) and replays the analysis itself
(`KeyPointsReplay`, built in release mode) on the whole round and on RUNS-1 subsamples that each leave out a share
DROP of the arguments, then prints per case the whole round's ARI and the mean and spread over all runs, and the
share of incoherent key points (main gold point under half of the members, over every key point of 2+ members in all
runs; the replayed analysis is the current source, so a change is judged on the same stored rounds). The case
names default to every case in RESULTS_DIR; the same seed gives the same subsamples. Needs the build tools
(`swift build -c release --product KeyPointsReplay`); prints numbers, asserts nothing.

MODEL=loco replays each tune case with a CorpusModel (stance words, feature weights) learnt by corpus_model.py from the
other tune cases only, and each aside case with one learnt from every tune case: the fair way to score tune cases,
since the shipped model learnt from them. MODEL=none replays with nothing learnt. Both work in every mode below.

    scripts/eval/keypoints-subsample.py --sides RESULTS_DIR [CASE ...]

replays each whole round once and scores sides instead: each key point's stance against the gold stance of its main
gold point (the same rule as keypoints.py), each argument's stance against its reply's gold stance, with the
confusions (gold -> shown) and, with VERBOSE=1, every key point on the wrong side.

    scripts/eval/keypoints-subsample.py --flags RESULTS_DIR [CASE ...]

replays each whole round once and scores the reply-level signals as keypoints.py does (missing information, tone,
question, and non-argument replies given a key point), per split, with VERBOSE=1 every miss (FN) and false alarm
(FP) with the start of its reply. A reply the intake filed as a question for the municipality counts as flagged.

    scripts/eval/keypoints-subsample.py --needs RESULTS_DIR [CASE ...]

replays each whole round once and scores how the missing information is *merged* into needs ("Informatie die het
panel miste"): each need shown takes the gold need most of its replies name (none: replies with no gold need); per
split it prints the needs shown, the distinct gold needs they stand for, how many shown needs repeat a gold need a
larger one already stands for (split needs), how many stand for no gold need, and how many of those with 2+ arguments
mix needs (their main gold need in under half of them); VERBOSE=1 prints every need.

    scripts/eval/keypoints-subsample.py --sentences RESULTS_DIR [CASE ...]

replays each whole round once and scores how well each key point of 3+ residents is *stated*: whether its sentence
comes from an argument labelled with the point's main gold point, and how much it shares with the gold point's own
wording (cosine of Snowball stem sets, stop words left out; needs `pip install snowballstemmer`), beside the best any
member sentence of that gold point reaches (a ceiling, chosen with the gold labels). VERBOSE=1 prints each one.

    scripts/eval/keypoints-subsample.py --points RESULTS_DIR [CASE ...]

replays each whole round once and lists every key point of 2+ arguments with the gold points of its arguments, MIXED
where its main gold point is under half of them (incoherent); VERBOSE=1 also prints the start of each argument of a
mixed one. It shows the labels: for tune cases only.
"""
import collections, json, os, pathlib, random, re, statistics, subprocess, sys

here = pathlib.Path(__file__).resolve().parent
repo = here.parent.parent
sys.path.insert(0, str(here))
import keypoints as K  # noqa: E402  (the same ARI as the whole-round runner)


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] in ("--sides", "--flags", "--sentences", "--needs", "--points") else None
    if mode:
        del sys.argv[1]
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        return 64
    results = pathlib.Path(sys.argv[1])
    if not results.is_dir():
        print(f"keypoints-subsample: {results} is not a folder; run scripts/eval/keypoints.sh --out {results} first",
              file=sys.stderr)
        return 66
    names = sys.argv[2:] or sorted(p.name for p in results.iterdir() if (p / "db.json").exists())
    if not names:
        print(f"keypoints-subsample: no case results (db.json) in {results}; run keypoints.sh --out {results}",
              file=sys.stderr)
        return 66
    runs, drop = int(os.environ.get("RUNS", "20")), float(os.environ.get("DROP", "0.15"))
    rounds, gold = [], {}
    for name in names:
        case = json.load(open(repo / "Tests/Corpus/keypoints" / f"{name}.json"))
        work = results / name
        delivery = {int(k): v for k, v in json.load(open(work / "delivery.json")).items()}
        reply_of = {v["number"]: k for k, v in delivery.items() if v.get("number") is not None}
        stored = json.load(open(work / "db.json"))
        arguments = [{"number": a["number"], "author": a["panelistId"], "text": a["text"], "reacts": a.get("parentNumber")}
                     for a in stored["argument"] if a["status"] == "published"]
        gold[name] = ({r["id"]: r["key_points"][0] for r in case["replies"] if r["key_points"]}, reply_of,
                      {r["id"]: r["key_points"] or ["none"] for r in case["replies"]})
        generator = random.Random(int(os.environ.get("SEED", "7")))
        variants = [arguments] + [[a for a in arguments if generator.random() >= drop] for _ in range(runs - 1)]
        rounds.append({"name": name, "case": (repo / "Tests/Corpus/keypoints" / case["case_file"]).read_text(),
                       "variants": variants})
    env = dict(os.environ, PATH="/opt/swift/usr/bin:" + os.environ.get("PATH", ""))
    build = subprocess.run(["swift", "build", "-c", "release", "--product", "KeyPointsReplay"], cwd=repo, env=env,
                           capture_output=True, text=True)
    if build.returncode != 0:
        print(build.stdout + build.stderr, file=sys.stderr)
        return 70
    binary = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=repo, env=env, check=True,
                            capture_output=True, text=True).stdout.strip() + "/KeyPointsReplay"
    # MODEL=loco: each tune case is replayed with a CorpusModel (stance words, feature weights) learnt from the other
    # tune cases only (corpus_model.py), so a tune case is not judged with what was learnt from itself; an aside case
    # with one learnt from every tune case. MODEL=none: nothing learnt. Unset: the model the build ships.
    if os.environ.get("MODEL") in ("loco", "none"):
        import corpus_model as C
        tune = C.tune_cases(results)
        by_case = C.labelled(results, tune, binary) if os.environ["MODEL"] == "loco" else {}
        for entry in rounds:
            entry["model"] = C.model(by_case, [t for t in tune if t != entry["name"]]) if by_case else {}
    if mode:
        for entry in rounds:
            entry["variants"] = entry["variants"][:1]
        reports = json.loads(subprocess.run([binary, "--report"], input=json.dumps(rounds), capture_output=True,
                                            text=True, check=True).stdout)
        texts = {entry["name"]: {a["number"]: a["text"] for a in entry["variants"][0]} for entry in rounds}
        if mode == "--flags":
            return score_flags(names, reports, gold, results)
        if mode == "--needs":
            return score_needs(names, reports, gold)
        if mode == "--points":
            return list_points(names, reports, gold, texts)
        if mode == "--sentences":
            return score_sentences(names, reports, gold, texts)
        return score_sides(names, reports, gold, texts)
    replayed = json.loads(subprocess.run([binary], input=json.dumps(rounds), capture_output=True, text=True,
                                         check=True).stdout)
    by_split = {}
    for name in names:
        wanted, reply_of, carries = gold[name]
        scores = []
        incoherent, multi = 0, 0
        gold_count = collections.Counter(g for c in carries.values() for g in c if g != "none")
        big = {g for g, n in gold_count.items() if n >= 3}
        covered = None
        for run in replayed[name]:
            members = {}
            for number, points in run.items():
                for point in points:
                    members.setdefault(point, []).append(carries.get(reply_of.get(int(number)), ["none"]))
            if covered is None:
                # Coverage as keypoints.py counts it, on the whole round: gold points of 3+ replies that are the main
                # gold point of a key point.
                mains = set()
                for carried in members.values():
                    counts = collections.Counter(g for c in carried for g in c)
                    mains.add(sorted(counts, key=lambda g: (-counts[g], -gold_count[g], g))[0])
                covered = (len(big & mains), len(big))
            for carried in members.values():
                if len(carried) >= 2:
                    counts = collections.Counter(g for c in carried for g in c)
                    multi += 1
                    incoherent += max(counts.values()) / len(carried) < 0.5
            truth, predicted = [], []
            for number, points in run.items():
                reply = reply_of.get(int(number))
                if reply in wanted:
                    truth.append(wanted[reply])
                    predicted.append(points[0] if points else f"none-{number}")
            scores.append(K.ari(truth, predicted))
        split = json.load(open(repo / "Tests/Corpus/keypoints" / f"{name}.json")).get("split", "tune")
        by_split.setdefault(split, []).append((statistics.mean(scores), incoherent, multi, *covered))
        print(f"{name:40} {split:5}  whole round {scores[0]:.3f}   mean of {len(scores)} {statistics.mean(scores):.3f}"
              f"  (sd {statistics.pstdev(scores):.3f})   incoherent {incoherent / max(1, multi):.0%}"
              f"   coverage {covered[0]}/{covered[1]}")
    for split, means in sorted(by_split.items()):
        share = sum(m[1] for m in means) / max(1, sum(m[2] for m in means))
        coverage = sum(m[3] for m in means) / max(1, sum(m[4] for m in means))
        print(f"{'mean of the ' + split + ' cases':40} {'':5}  {statistics.mean(m[0] for m in means):.3f}"
              f"   incoherent over all runs {share:.1%}   coverage of the whole rounds {coverage:.2f}")
    return 0


def labelled_case(name):
    """The labelled case NAME and its split (tune or aside)."""
    case = json.load(open(repo / "Tests/Corpus/keypoints" / f"{name}.json"))
    return case, case.get("split", "tune")


def labelled_cases(names, gold):
    """Each case of NAMES with its labels: (name, case, split, reply of each argument number, gold points per reply)."""
    for name in names:
        case, split = labelled_case(name)
        _, reply_of, carries = gold[name]
        yield name, case, split, reply_of, carries


# The bits of ArgumentReading.Signals in the report's JSON.
SIGNAL_BITS = {"missing": 1, "tone": 2, "question": 4}


def score_flags(names, reports, gold, results):
    """Reply-level signals of each whole round against the gold; prints, returns 0."""
    verbose = os.environ.get("VERBOSE") == "1"
    totals = {}
    for name, case, split, reply_of, _ in labelled_cases(names, gold):
        delivery = {int(k): v for k, v in json.load(open(results / name / "delivery.json")).items()}
        readings = {reply_of.get(r["number"]): r for r in reports[name]["readings"]}
        counts = collections.Counter()
        for reply in case["replies"]:
            reading = readings.get(reply["id"], {"signals": 0, "keyPoints": []})
            wanted = {"missing": bool(reply["missing_information"]), "tone": reply["tone"], "question": reply["question"]}
            for flag, bit in SIGNAL_BITS.items():
                shown = reading["signals"] & bit != 0
                if flag == "question" and delivery.get(reply["id"], {}).get("disposition") == "question":
                    shown = True
                outcome = "tp" if wanted[flag] and shown else "fn" if wanted[flag] else "fp" if shown else None
                if outcome:
                    counts[(flag, outcome)] += 1
                if verbose and outcome in ("fn", "fp"):
                    print(f"  {outcome.upper()} {flag:8} {name[:20]:20} #{reply['id']:<3} {reply['body'][:160]!r}")
            if reply.get("non_argument"):
                counts[("leakage", "of")] += 1
                counts[("leakage", "tp")] += bool(reading["keyPoints"])
                if verbose and reading["keyPoints"]:
                    print(f"  LEAK {'':8} {name[:20]:20} #{reply['id']:<3} {reply['body'][:160]!r}")
        totals.setdefault(split, collections.Counter()).update(counts)
    for split, counts in sorted(totals.items()):
        line = []
        for flag in SIGNAL_BITS:
            tp, fn, fp = (counts[(flag, o)] for o in ("tp", "fn", "fp"))
            line.append(f"{flag} {tp / max(1, tp + fn):.2f} / {tp / max(1, tp + fp):.2f}")
        line.append(f"leakage {counts[('leakage', 'tp')]} of {counts[('leakage', 'of')]}")
        print(f"{split}: recall / precision  " + "   ".join(line))
    return 0


def score_needs(names, reports, gold):
    """How the missing information is merged into needs, per split; prints, returns 0."""
    verbose = os.environ.get("VERBOSE") == "1"
    totals = {}
    for name, case, split, reply_of, _ in labelled_cases(names, gold):
        needs_of = {r["id"]: r["missing_information"] for r in case["replies"]}
        shown = []
        for remark in reports[name]["missingInformation"]:
            named = collections.Counter(n for a in remark["arguments"] for n in needs_of.get(reply_of.get(a), []) or ["none"])
            main = sorted(named, key=lambda n: (-named[n], n))[0]
            carrying = sum(1 for a in remark["arguments"] if main in (needs_of.get(reply_of.get(a), []) or ["none"]))
            shown.append((main, len(remark["arguments"]), remark["sentence"]))
            if len(remark["arguments"]) >= 2:
                totals.setdefault(split, collections.Counter()).update(
                    {"merged": 1, "mixed": carrying * 2 < len(remark["arguments"])})
        counts = collections.Counter(shown=len(shown), none=sum(1 for m, _, _ in shown if m == "none"))
        seen = set()
        for main, size, sentence in sorted(shown, key=lambda x: -x[1]):
            if main != "none":
                counts["repeats"] += main in seen
                seen.add(main)
            if verbose:
                print(f"  {name[:24]:24} {main:5} {size:2} args  {sentence[:100]}")
        counts["gold"] = len(seen)
        counts["gold named"] = len({n for r in case["replies"] for n in r["missing_information"]})
        totals.setdefault(split, collections.Counter()).update(counts)
    for split, c in sorted(totals.items()):
        print(f"{split}: {c['shown']} needs shown for {c['gold']} of {c['gold named']} gold needs named; "
              f"{c['repeats']} repeat a gold need a larger one stands for, {c['none']} stand for none; "
              f"{c['mixed']} of {c['merged']} needs of 2+ arguments mix (their main gold need under half)")
    return 0


STOP_WORDS = set("""de het een en of maar dat die dit deze is zijn was waren heeft hebben had ik je jij u hij zij ze we wij
ons onze mijn haar hun er hier daar dan als om te van voor met naar op in aan bij uit door over tot niet geen wel ook nog al
zo toch nu dus want omdat wat wie waar hoe waarom wordt worden kan kunnen moet moeten zou zouden gaat gaan heel erg veel meer
echt gewoon even""".split())


def score_sentences(names, reports, gold, texts):
    """How well key points of 3+ residents state their main gold point; prints, returns 0 (69 without snowballstemmer)."""
    try:
        import snowballstemmer
    except ImportError:
        print("keypoints-subsample: --sentences needs the Snowball stemmer: pip install snowballstemmer", file=sys.stderr)
        return 69
    stemmer = snowballstemmer.stemmer("dutch")
    verbose = os.environ.get("VERBOSE") == "1"

    def stems(text):
        words = [w for w in re.findall(r"[a-zà-ÿ]+", text.lower()) if w not in STOP_WORDS and len(w) > 2]
        return set(stemmer.stemWords(words))

    def cosine(a, b):
        return len(a & b) / (len(a) * len(b)) ** 0.5 if a and b else 0.0

    totals = {}
    for name, case, split, reply_of, carries in labelled_cases(names, gold):
        wording = {kp["id"]: stems(kp["text"]) for kp in case.get("key_points", [])}
        gold_count = collections.Counter(g for c in carries.values() for g in c)
        total = totals.setdefault(split, collections.Counter())
        for point in reports[name]["keyPoints"]:
            if point["residents"] < 3:
                continue
            carried = collections.Counter(g for n in point["arguments"] for g in carries.get(reply_of.get(n), ["none"]))
            main = sorted(carried, key=lambda g: (-carried[g], -gold_count[g], g))[0]
            if main not in wording:
                continue
            sentence = point["sentence"]
            start = sentence.rstrip(".").lower()[:40]
            source = [n for n in point["arguments"] if start in texts[name].get(n, "").lower()]
            from_main = any(main in carries.get(reply_of.get(n), []) for n in source)
            shared = cosine(stems(sentence), wording[main])
            best = max((cosine(stems(part), wording[main]) for n in point["arguments"]
                        if main in carries.get(reply_of.get(n), [])
                        for part in re.split(r"(?<=[.!?])\s+", texts[name].get(n, ""))), default=0.0)
            total.update({"points": 1, "from_main": from_main})
            total["shared"] += shared
            total["best"] += best
            if verbose:
                print(f"  {name[:20]:20} K{point['id']:<3} {shared:.2f} (best {best:.2f}) {'' if from_main else 'OTHER '}"
                      f"{sentence[:90]!r}\n  {'':26}gold {main}: {case_point_text(case, main)[:90]}")
    for split, total in sorted(totals.items()):
        n = max(1, total["points"])
        print(f"{split}: {total['points']} key points of 3+ residents; sentence from an argument of the main gold point "
              f"{total['from_main'] / n:.0%}; shares with the gold wording {total['shared'] / n:.3f} "
              f"(best member sentence {total['best'] / n:.3f})")
    return 0


def list_points(names, reports, gold, texts):
    """Every key point of 2+ arguments of each whole round: its members' gold points, marked MIXED when its main gold
    point is under half of them (incoherent); with VERBOSE=1 each member's start. Prints, returns 0."""
    verbose = os.environ.get("VERBOSE") == "1"
    for name, case, split, reply_of, carries in labelled_cases(names, gold):
        print(f"== {name} ({split})")
        for point in reports[name]["keyPoints"]:
            if len(point["arguments"]) < 2:
                continue
            carried = collections.Counter(g for n in point["arguments"] for g in carries.get(reply_of.get(n), ["none"]))
            main, count = carried.most_common(1)[0]
            mixed = count * 2 < len(point["arguments"])
            labels = " ".join("/".join(carries.get(reply_of.get(n), ["none"])) for n in point["arguments"])
            print(f"  K{point['id']:<3} {point['stance']:8} {'MIXED' if mixed else '     '} [{labels}]  {point['sentence'][:80]}")
            if verbose and mixed:
                for n in point["arguments"]:
                    print(f"        #{n:<3} {'/'.join(carries.get(reply_of.get(n), ['none'])):6} {texts[name].get(n, '')[:110]!r}")
    return 0


def case_point_text(case, point_id):
    return next((kp["text"] for kp in case.get("key_points", []) if kp["id"] == point_id), "")


def score_sides(names, reports, gold, texts):
    """Key point and argument stances of each whole round against the gold; prints, returns 0. VERBOSE=1 lists the
    key points on the wrong side, VERBOSE=2 also every argument read on the wrong side, with its text."""
    verbose = os.environ.get("VERBOSE") in ("1", "2")
    by_argument = os.environ.get("VERBOSE") == "2"
    totals = {}
    for name, case, split, reply_of, carries in labelled_cases(names, gold):
        stance_of_reply = {r["id"]: r.get("stance") for r in case["replies"]}
        point_stance = {kp["id"]: kp.get("stance") for kp in case.get("key_points", [])}
        gold_count = collections.Counter(g for c in carries.values() for g in c)
        report = reports[name]
        points, arguments = collections.Counter(), collections.Counter()
        for point in report["keyPoints"]:
            carried = collections.Counter(g for n in point["arguments"] for g in carries.get(reply_of.get(n), ["none"]))
            main = sorted(carried, key=lambda g: (-carried[g], -gold_count[g], g))[0]
            wanted = point_stance.get(main)
            if wanted in ("support", "oppose", "middle"):
                points[(wanted, point["stance"])] += 1
                if verbose and wanted != point["stance"]:
                    print(f"  {name[:20]:20} K{point['id']:<3} gold {wanted:7} shown {point['stance']:7} "
                          f"{len(point['arguments']):2} args  {point['sentence'][:90]}")
        for reading in report["readings"]:
            wanted = stance_of_reply.get(reply_of.get(reading["number"]))
            if wanted in ("support", "oppose", "middle"):
                arguments[(wanted, reading["stance"])] += 1
                if by_argument and wanted != reading["stance"]:
                    text = " ".join(texts[name].get(reading["number"], "").split())
                    print(f"  {name[:20]:20} #{reading['number']:<3} gold {wanted:7} shown {reading['stance']:7} {text[:150]}")
        for kind, counts in (("points", points), ("arguments", arguments)):
            totals.setdefault((split, kind), collections.Counter()).update(counts)
        right = lambda c: sum(v for (g, s), v in c.items() if g == s)  # noqa: E731
        print(f"{name:40} {split:5}  key point side right {right(points)}/{sum(points.values())}"
              f"   argument stance right {right(arguments)}/{sum(arguments.values())}")
    for (split, kind), counts in sorted(totals.items()):
        right = sum(v for (g, s), v in counts.items() if g == s)
        print(f"{split} {kind}: {right}/{sum(counts.values())} = {right / max(1, sum(counts.values())):.0%}")
        for wanted in ("support", "oppose", "middle"):
            shown = {s: counts[(wanted, s)] for s in ("support", "oppose", "middle", "unclear")}
            print(f"    gold {wanted:8} shown " + "  ".join(f"{s} {v:3}" for s, v in shown.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
