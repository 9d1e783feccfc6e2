import Foundation

/// Panelists' questions to the municipality: recognised, normalised and merged when alike.
public enum QuestionText {
    static let prefixes = ["vraag:", "vraag aan de gemeente:", "question:"]

    /// The question in a reply that starts with "Vraag:" or "Question:", without that prefix; nil otherwise.
    public static func question(in reply: String) -> String? {
        let trimmed = reply.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = trimmed.lowercased()
        guard let prefix = prefixes.first(where: { lower.hasPrefix($0) }) else { return nil }
        let rest = trimmed.dropFirst(prefix.count).trimmingCharacters(in: .whitespacesAndNewlines)
        return rest.isEmpty ? nil : rest
    }

    /// Words that carry the question's meaning: lowercased, accents folded, short and common words dropped.
    public static func keywords(_ text: String) -> Set<String> {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "nl_NL"))
        let words = folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        return Set(words.filter { $0.count > 2 && !stopWords.contains($0) }.map(stem))
    }

    /// Jaccard similarity of keyword sets: 1 for the same question, 0 for nothing in common.
    public static func similarity(_ a: String, _ b: String) -> Double {
        let left = keywords(a)
        let right = keywords(b)
        guard !left.isEmpty || !right.isEmpty else { return 0 }
        return Double(left.intersection(right).count) / Double(left.union(right).count)
    }

    /// Two questions at least this similar are one question asked twice.
    public static let mergeThreshold = 0.5

    /// A crude Dutch suffix strip, enough to make "kosten"/"kost" and "woningen"/"woning" meet.
    static func stem(_ word: String) -> String {
        for suffix in ["heden", "ingen", "en", "es", "s", "e"] where word.count > suffix.count + 3 && word.hasSuffix(suffix) {
            return String(word.dropLast(suffix.count))
        }
        return word
    }

    static let stopWords: Set<String> = [
        "de", "het", "een", "en", "van", "dat", "die", "dit", "deze", "voor", "met", "aan", "als", "bij", "ook", "maar", "wel",
        "hoe", "wat", "wie", "waarom", "wanneer", "welke", "waar", "kan", "kon", "kunnen", "zou", "zouden", "wordt", "worden",
        "werd", "heeft", "hebben", "had", "was", "zijn", "ben", "bent", "the", "and", "what", "how", "why", "does", "did",
        "gemeente", "mevrouw", "meneer", "aanvrager", "vraag", "weten", "graag", "zij", "hij", "haar", "hem", "er", "nog",
        "naar", "uit", "over", "dan", "toe", "tot", "om", "op", "in", "is", "of", "te", "niet", "geen", "ik", "we", "wij", "u",
        "hoeveel", "eigenlijk", "precies", "much", "many",
    ]
}
