#!/usr/bin/env python3
"""Learns what the key point analysis ships from the labelled set (`CorpusModel`): stance words and feature weights,
from the tune cases only.

    scripts/eval/corpus_model.py RESULTS_DIR            # RESULTS_DIR: scripts/eval/keypoints.sh --out DIR
    scripts/eval/corpus_model.py --write RESULTS_DIR    # also rewrite Sources/PanelCore/KeyPoints/CorpusModelData.swift

Takes the arguments each tune case's round stored (db.json: the text as the binary filed it, trimmed and scrubbed) and
asks the analysis itself which words it weighs (`KeyPointsReplay --stance-words`) and which features it groups on
(`--features`), so the words are the analysis's own. Only what stood in arguments of at least MIN_CASES (3) different
cases is kept: what one case's residents say about their own case is no lesson for another.

* Stance words: the gold stance of each reply (support / oppose; middle and none left out); a naive Bayes, add-one, no
  prior: a word's weight is log P(word | for) / P(word | against).
* Feature weights: over every pair of labelled replies of one case that share a feature, how often the two make a
  same gold key point, against how often any two replies of a case do (the lift, smoothed toward 1 by K = 10 pairs).
  A feature's weight is lift / 3, at most 1 and at least 0.25: a feature shared as often by replies making different
  points as by replies making the same one is worth a quarter; one that marks a same point three times more often than
  chance keeps its IDF. Stems and the lexicon's families ("~geldzaken") are weighed; its synonym groups ("=netwerk")
  are not: they say by hand that their words mean the same.

Prints, before writing anything, how well the stance words place arguments of a case they did not learn from (each
tune case left out in turn, at margins 1, 2 and 3). The ARI and incoherence those weights give, each tune case judged
with weights learnt from the others: `MODEL=loco scripts/eval/keypoints-subsample.py RESULTS_DIR`. The aside cases are
never read here. Needs the build tools (`swift build -c release --product KeyPointsReplay`).
"""
import collections, itertools, json, math, os, pathlib, subprocess, sys

here = pathlib.Path(__file__).resolve().parent
repo = here.parent.parent
corpus = repo / "Tests/Corpus/keypoints"
MIN_CASES = 3
SMOOTHING = 10.0  # pairs
LIFT_FOR_FULL_WEIGHT = 3.0
FLOOR = 0.25


def replay_binary():
    env = dict(os.environ, PATH="/opt/swift/usr/bin:" + os.environ.get("PATH", ""))
    build = subprocess.run(["swift", "build", "-c", "release", "--product", "KeyPointsReplay"], cwd=repo, env=env,
                           capture_output=True, text=True)
    if build.returncode != 0:
        sys.exit(build.stdout + build.stderr)
    return subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=repo, env=env, check=True,
                          capture_output=True, text=True).stdout.strip() + "/KeyPointsReplay"


def tune_cases(results):
    return sorted(p.name for p in pathlib.Path(results).iterdir() if (p / "db.json").exists()
                  and (corpus / f"{p.name}.json").exists()
                  and json.load(open(corpus / f"{p.name}.json")).get("split") == "tune")


def labelled(results, names, binary):
    """{case: [(stance words, features, gold stance, gold key points)]} for each case's published arguments."""
    rounds, reply_of, gold = [], {}, {}
    for name in names:
        case = json.load(open(corpus / f"{name}.json"))
        work = pathlib.Path(results) / name
        delivery = {int(k): v for k, v in json.load(open(work / "delivery.json")).items()}
        reply_of[name] = {v["number"]: k for k, v in delivery.items() if v.get("number") is not None}
        gold[name] = {r["id"]: r for r in case["replies"]}
        stored = json.load(open(work / "db.json"))
        arguments = [{"number": a["number"], "author": a["panelistId"], "text": a["text"], "reacts": a.get("parentNumber")}
                     for a in stored["argument"] if a["status"] == "published"]
        rounds.append({"name": name, "case": (corpus / case["case_file"]).read_text(), "variants": [arguments]})
    asked = {}
    for mode in ("--stance-words", "--features"):
        asked[mode] = json.loads(subprocess.run([binary, mode], input=json.dumps(rounds), capture_output=True,
                                                text=True, check=True).stdout)
    result = {}
    for name in names:
        rows = []
        for number in sorted(set(asked["--stance-words"][name]) | set(asked["--features"][name]), key=int):
            reply = gold[name].get(reply_of[name].get(int(number)))
            if reply is None:
                continue
            rows.append((set(asked["--stance-words"][name].get(number, [])), set(asked["--features"][name].get(number, [])),
                         reply["stance"], set(reply["key_points"])))
        result[name] = rows
    return result


def train_stance(by_case, names):
    """{word: log-odds for/against} from the arguments of `names`."""
    count = {"support": collections.Counter(), "oppose": collections.Counter()}
    documents = collections.Counter()
    cases = collections.defaultdict(set)
    for name in names:
        for words, _, stance, _ in by_case[name]:
            if stance not in ("support", "oppose"):
                continue
            documents[stance] += 1
            for word in words:
                count[stance][word] += 1
                cases[word].add(name)
    weights = {}
    for word, seen in cases.items():
        if len(seen) < MIN_CASES:
            continue
        forit = (count["support"][word] + 1) / (documents["support"] + 2)
        against = (count["oppose"][word] + 1) / (documents["oppose"] + 2)
        weight = round(math.log(forit / against), 2)
        if weight != 0:
            weights[word] = weight
    return weights


def train_features(by_case, names):
    """{feature: weight in [FLOOR, 1]} from the pairs of labelled replies of each case in `names`."""
    same, pairs, cases = collections.Counter(), collections.Counter(), collections.defaultdict(set)
    base_same = base_pairs = 0
    for name in names:
        rows = [(features, points) for _, features, _, points in by_case[name] if points]
        for (fa, ga), (fb, gb) in itertools.combinations(rows, 2):
            alike = bool(ga & gb)
            base_same += alike
            base_pairs += 1
            for feature in fa & fb:
                pairs[feature] += 1
                same[feature] += alike
                cases[feature].add(name)
    base = base_same / max(1, base_pairs)
    weights = {}
    for feature, n in pairs.items():
        if len(cases[feature]) < MIN_CASES or base == 0:
            continue
        # A synonym group of the lexicon ("=netwerk": buren, vangnet, netwerk, mantelzorg) says by hand that its words
        # mean the same: it keeps its weight. Measured with each tune case judged by weights learnt from the others:
        # weighing the groups too cut incoherence further (9.8% against 10.6%) but split three residents who say "de
        # buren", "haar netwerk" and "het sociale vangnet" in a small round.
        if feature.lstrip("¬").startswith("="):
            continue
        lift = (same[feature] + base * SMOOTHING) / (n + SMOOTHING) / base
        weight = round(min(1.0, max(FLOOR, lift / LIFT_FOR_FULL_WEIGHT)), 2)
        if weight < 1:
            weights[feature] = weight
    return weights


def model(by_case, names):
    """The model the analysis takes (KeyPointsReplay's "model" field)."""
    return {"stance": train_stance(by_case, names), "features": train_features(by_case, names)}


def placed(weights, rows, margin):
    right = wrong = undecided = 0
    for words, _, stance, _ in rows:
        if stance not in ("support", "oppose"):
            continue
        lean = sum(weights.get(w, 0) for w in sorted(words))
        if abs(lean) < margin:
            undecided += 1
        elif (lean > 0) == (stance == "support"):
            right += 1
        else:
            wrong += 1
    return right, wrong, undecided


def main():
    write = "--write" in sys.argv
    args = [a for a in sys.argv[1:] if a != "--write"]
    if not args or args[0] in ("-h", "--help"):
        print(__doc__)
        return 64
    results = pathlib.Path(args[0])
    names = tune_cases(results) if results.is_dir() else []
    if len(names) < MIN_CASES + 1:
        print(f"corpus_model: {results} holds {len(names)} tune case rounds; run scripts/eval/keypoints.sh --out "
              f"{results} first", file=sys.stderr)
        return 66
    by_case = labelled(results, names, replay_binary())
    sided = sum(1 for rows in by_case.values() for row in rows if row[2] in ("support", "oppose"))
    print(f"tune cases: {len(names)}, arguments with a gold side: {sided}")
    print("stance words, each case left out in turn (learnt from the others):")
    for margin in (1, 2, 3):
        totals = [0, 0, 0]
        for name in names:
            r = placed(train_stance(by_case, [n for n in names if n != name]), by_case[name], margin)
            totals = [a + b for a, b in zip(totals, r)]
        right, wrong, undecided = totals
        print(f"  margin {margin}: right {right}, wrong {wrong}, undecided {undecided}"
              f"  (right {right / max(1, right + wrong):.0%} of those decided)")
    learnt = model(by_case, names)
    print(f"stance words: {len(learnt['stance'])}; features weighed under 1: {len(learnt['features'])}"
          f" (each in arguments of at least {MIN_CASES} cases)")
    if write:
        lines = [f"        stance {w} {learnt['stance'][w]:.2f}" for w in sorted(learnt["stance"])]
        lines += [f"        feature {f} {learnt['features'][f]:.2f}" for f in sorted(learnt["features"])]
        target = repo / "Sources/PanelCore/KeyPoints/CorpusModelData.swift"
        target.write_text(
            "// Generated by scripts/eval/corpus_model.py from the tune cases of Tests/Corpus/keypoints: do not edit by "
            "hand.\n// `stance WORD LOG-ODDS` (for the decision rather than against it) and `feature NAME WEIGHT` (beside "
            "its IDF):\n// see `CorpusModel`.\nenum CorpusModelData {\n"
            "    static let text = \"\"\"\n" + "\n".join(lines) + "\n        \"\"\"\n}\n", encoding="utf-8")
        print(f"wrote {target.relative_to(repo)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
