/// Which side an argument's words take, learnt from the labelled arguments of the evaluation set
/// (`Tests/Corpus/keypoints/`, the tune cases only) and shipped as data (`CorpusStanceData`), so a round that names
/// few sides in so many words ("terecht", "ik ben tegen") still has words that lean: "zonder hulp", "eigen keuze",
/// "belastingbetaler", "mis", "kwijt". A word counts only when it stood in arguments of at least three cases: what
/// one case's residents happen to say about their case (a name, a diagnosis) is not a side. Words only, never votes:
/// the weights come from the gold stance of what a reply *says*, written by hand for the evaluation set.
///
/// Regenerate with `scripts/eval/stance-lexicon.py RESULTS_DIR` (see `scripts/eval/README.md`).
public struct CorpusStance: Sendable {
    /// Log-odds of a word standing in an argument for the decision rather than against it.
    public let weights: [String: Float]

    public init(weights: [String: Float]) {
        self.weights = weights
    }

    /// Parses `word weight` lines (`#` comments and blank lines skipped).
    public init(text: String) {
        var weights: [String: Float] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, !parts[0].hasPrefix("#"), let weight = Float(parts[1]) else { continue }
            weights[String(parts[0])] = weight
        }
        self.weights = weights
    }

    /// The weights the build ships.
    public static let shipped = CorpusStance(text: CorpusStanceData.weights)
    /// No weights: the analysis as it was without them (for measuring).
    public static let none = CorpusStance(weights: [:])

    /// Below this a lean says nothing: on the tune cases, left out one at a time, a lean of at least 2 put 80% of the
    /// arguments it decided on their gold side (`scripts/eval/stance-lexicon.py`).
    public static let margin: Float = 2

    /// The summed log-odds of the distinct words: > 0 for the decision, < 0 against.
    public func lean<Words: Sequence<String>>(_ words: Words) -> Float {
        var seen = Set<String>()
        var sum: Float = 0
        for word in words where seen.insert(word).inserted { sum += weights[word] ?? 0 }
        return sum
    }

    /// Words that open a negation: the next three content words are negated ("niet duurder" → `¬duur`).
    static let negations: Set<String> = ["niet", "geen", "nooit", "niks", "niets", "nergens"]

    /// The words the weights are about: stems of the content words (three letters or more, no stop word, no number),
    /// a negated one prefixed `¬`, and the negation itself.
    static func words(_ words: [String], stems: [String]) -> [String] {
        var result: [String] = []
        var negated = 0
        for (word, stem) in zip(words, stems) {
            if negations.contains(word) {
                negated = 3
                result.append(word)
                continue
            }
            guard word.count >= 3, !DutchTokenizer.stopWords.contains(word), !word.allSatisfy(\.isNumber) else { continue }
            result.append(negated > 0 ? "¬" + stem : stem)
            if negated > 0 { negated -= 1 }
        }
        return result
    }
}
