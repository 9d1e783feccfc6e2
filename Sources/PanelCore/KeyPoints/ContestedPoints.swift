import Foundation

/// One of the municipality's own arguments and how many arguments against the decision took it on.
public struct ContestedPoint: Sendable, Equatable {
    public var point: String
    public var mentions: Int

    public init(point: String, mentions: Int) {
        self.point = point
        self.mentions = mentions
    }
}

/// Which of the municipality's points the panel contested most: arguments that oppose the decision *by what they
/// say* (never by their author's vote) and share its words.
public enum ContestedPoints {
    public static func rank(_ points: [String], report: KeyPointReport, arguments: [KeyPointArgument]) -> [ContestedPoint] {
        let opposing = Set(report.readings.filter { $0.stance == .oppose }.map(\.number))
        var stems = StemCache()
        let texts = arguments.filter { opposing.contains($0.number) }.map { argument in
            Set(DutchTokenizer.tokens(argument.text).map { stems.stem($0) })
        }
        let negations: Set<String> = [DutchStemmer.stem("niet"), DutchStemmer.stem("geen")]
        var ranked: [(offset: Int, point: ContestedPoint)] = []
        for (offset, point) in points.enumerated() {
            var keywords = Set(DutchTokenizer.tokens(point).map { stems.stem($0) })
            keywords.subtract(negations)
            var mentions = 0
            if !keywords.isEmpty {
                for argument in texts {
                    let shared = keywords.intersection(argument).count
                    if shared >= 2 || (shared >= 1 && shared * 2 >= keywords.count) { mentions += 1 }
                }
            }
            ranked.append((offset, ContestedPoint(point: displayed(point), mentions: mentions)))
        }
        ranked.sort { $0.point.mentions != $1.point.mentions ? $0.point.mentions > $1.point.mentions : $0.offset < $1.offset }
        return ranked.map(\.point)
    }

    /// A bullet line without its bullet.
    static func displayed(_ point: String) -> String {
        var text = point.trimmingCharacters(in: .whitespacesAndNewlines)
        while let first = text.first, "-*•–".contains(first) {
            text = String(text.dropFirst()).trimmingCharacters(in: .whitespaces)
        }
        return text
    }
}
