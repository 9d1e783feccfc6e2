#!/usr/bin/env python3
"""Learns the stance words the key point analysis ships (`CorpusStance`) from the tune cases of the labelled set.

    scripts/eval/stance_lexicon.py RESULTS_DIR            # RESULTS_DIR: scripts/eval/keypoints.sh --out DIR
    scripts/eval/stance_lexicon.py --write RESULTS_DIR    # also rewrite Sources/PanelCore/KeyPoints/CorpusStanceData.swift

Takes the arguments each tune case's round stored (db.json: the text as the binary filed it, trimmed and scrubbed),
asks the analysis which words it weighs for each (`KeyPointsReplay --stance-words`, so the words are the analysis's
own), and pairs them with the gold stance of the reply (support / oppose; middle and none are left out). A naive
Bayes over those words, add-one, no prior: a word's weight is log P(word | for) / P(word | against). Only words that
stood in arguments of at least MIN_CASES (3) different cases count: what one case's residents say about their own
case (a name, a diagnosis, an amount) is no side in another case.

Prints, before writing anything, how well the words place arguments on a case they did not learn from: each tune case
left out in turn, trained on the others, at margins 1, 2 and 3 (right / wrong / undecided). The aside cases are never
read here. Needs the build tools (`swift build -c release --product KeyPointsReplay`).
"""
import collections, json, math, os, pathlib, subprocess, sys

here = pathlib.Path(__file__).resolve().parent
repo = here.parent.parent
corpus = repo / "Tests/Corpus/keypoints"
MIN_CASES = int(os.environ.get("MIN_CASES", "3"))


def replay_binary():
    env = dict(os.environ, PATH="/opt/swift/usr/bin:" + os.environ.get("PATH", ""))
    build = subprocess.run(["swift", "build", "-c", "release", "--product", "KeyPointsReplay"], cwd=repo, env=env,
                           capture_output=True, text=True)
    if build.returncode != 0:
        sys.exit(build.stdout + build.stderr)
    return subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=repo, env=env, check=True,
                          capture_output=True, text=True).stdout.strip() + "/KeyPointsReplay"


def labelled(results, names, binary):
    """{case: [(words, gold stance)]} for the published arguments of each case's stored round."""
    rounds, reply_of, gold = [], {}, {}
    for name in names:
        case = json.load(open(corpus / f"{name}.json"))
        work = pathlib.Path(results) / name
        delivery = {int(k): v for k, v in json.load(open(work / "delivery.json")).items()}
        reply_of[name] = {v["number"]: k for k, v in delivery.items() if v.get("number") is not None}
        gold[name] = {r["id"]: r["stance"] for r in case["replies"]}
        stored = json.load(open(work / "db.json"))
        arguments = [{"number": a["number"], "author": a["panelistId"], "text": a["text"], "reacts": a.get("parentNumber")}
                     for a in stored["argument"] if a["status"] == "published"]
        rounds.append({"name": name, "case": (corpus / case["case_file"]).read_text(), "variants": [arguments]})
    words = json.loads(subprocess.run([binary, "--stance-words"], input=json.dumps(rounds), capture_output=True,
                                      text=True, check=True).stdout)
    result = {}
    for name in names:
        rows = []
        for number, ws in words[name].items():
            stance = gold[name].get(reply_of[name].get(int(number)))
            if stance in ("support", "oppose"):
                rows.append((set(ws), stance))
        result[name] = rows
    return result


def train(by_case, names):
    """Weights {word: log-odds for/against} from the arguments of `names`."""
    count = {"support": collections.Counter(), "oppose": collections.Counter()}
    documents = collections.Counter()
    cases = collections.defaultdict(set)
    for name in names:
        for words, stance in by_case[name]:
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


def placed(weights, rows, margin):
    right = wrong = undecided = 0
    for words, stance in rows:
        lean = sum(weights.get(w, 0) for w in words)
        if abs(lean) < margin:
            undecided += 1
        elif (lean > 0) == (stance == "support"):
            right += 1
        else:
            wrong += 1
    return right, wrong, undecided


def tune_cases(results):
    return sorted(p.name for p in pathlib.Path(results).iterdir() if (p / "db.json").exists()
                  and (corpus / f"{p.name}.json").exists()
                  and json.load(open(corpus / f"{p.name}.json")).get("split") == "tune")


def main():
    write = "--write" in sys.argv
    args = [a for a in sys.argv[1:] if a != "--write"]
    if not args or args[0] in ("-h", "--help"):
        print(__doc__)
        return 64
    results = pathlib.Path(args[0])
    names = tune_cases(results)
    if len(names) < MIN_CASES + 1:
        print(f"stance_lexicon: {results} holds {len(names)} tune case rounds; run scripts/eval/keypoints.sh --out "
              f"{results} on the tune cases first", file=sys.stderr)
        return 66
    by_case = labelled(results, names, replay_binary())
    print(f"tune cases: {len(names)}, arguments with a gold side: {sum(len(v) for v in by_case.values())}")
    print("left out one case at a time (trained on the others):")
    for margin in (1, 2, 3):
        totals = [0, 0, 0]
        for name in names:
            r = placed(train(by_case, [n for n in names if n != name]), by_case[name], margin)
            totals = [a + b for a, b in zip(totals, r)]
        right, wrong, undecided = totals
        print(f"  margin {margin}: right {right}, wrong {wrong}, undecided {undecided}"
              f"  (right {right / max(1, right + wrong):.0%} of those decided)")
    weights = train(by_case, names)
    print(f"words weighed: {len(weights)} (in arguments of at least {MIN_CASES} cases)")
    if write:
        lines = "\n".join(f"        {w} {weights[w]:.2f}" for w in sorted(weights))
        target = repo / "Sources/PanelCore/KeyPoints/CorpusStanceData.swift"
        target.write_text(
            "// Generated by scripts/eval/stance_lexicon.py from the tune cases of Tests/Corpus/keypoints: do not edit by "
            "hand.\n// One `word weight` per line: the log-odds of the word standing in an argument for the decision "
            "rather than\n// against it (`CorpusStance`).\nenum CorpusStanceData {\n"
            f"    static let weights = \"\"\"\n{lines}\n        \"\"\"\n}}\n", encoding="utf-8")
        print(f"wrote {target.relative_to(repo)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
