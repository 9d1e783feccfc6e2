import Foundation

/// Cue phrases: what a sentence does besides making a point.
enum KeyPointCue: String, CaseIterable {
    case support, oppose, middle, missing, tone, thanks, question, negation, offtopic, elsewhere, compliment
}

/// Stemmed phrases, looked up by their first stem.
struct PhraseIndex {
    private(set) var byFirst: [String: [[String]]] = [:]

    mutating func add(_ stems: [String]) {
        guard let first = stems.first else { return }
        byFirst[first, default: []].append(stems)
        byFirst[first]?.sort { $0.count > $1.count }
    }

    /// The longest phrase that starts at `position`, as its length.
    func match(_ stems: [String], at position: Int) -> Int? {
        guard let candidates = byFirst[stems[position]] else { return nil }
        for phrase in candidates where position + phrase.count <= stems.count {
            if stems[position..<(position + phrase.count)].elementsEqual(phrase) { return phrase.count }
        }
        return nil
    }

    /// Every match, left to right, not overlapping: (start, length).
    func matches(_ stems: [String]) -> [(start: Int, length: Int)] {
        var result: [(Int, Int)] = []
        var position = 0
        while position < stems.count {
            if let length = match(stems, at: position) {
                result.append((position, length))
                position += length
            } else {
                position += 1
            }
        }
        return result
    }

    func contains(_ stems: [String]) -> Bool { !matches(stems).isEmpty }
}

/// The social-domain lexicon, read from `SocialDomainLexicon.source`: synonym groups that make different words one
/// feature, words that never group arguments, and cue phrases. Every word is matched by its stem, accents folded.
struct KeyPointLexicon {
    /// A single-word term's stem → its group's feature.
    var concepts: [String: String] = [:]
    /// Multi-word terms → their group's feature.
    var conceptPhrases = PhraseIndex()
    var conceptOfPhrase: [[String]: String] = [:]
    /// A group's feature → its family's feature (`~ family: group, …`), emitted beside it.
    var family: [String: String] = [:]
    var stop: Set<String> = []
    var cues: [KeyPointCue: PhraseIndex] = [:]

    static let socialDomain = KeyPointLexicon(source: SocialDomainLexicon.source)

    init(source: String) {
        var stems = StemCache()
        func phrase(_ text: String) -> [String] { KeyPointText.words(text).map { stems.stem($0) } }
        for rawLine in source.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#"), let colon = line.firstIndex(of: ":") else { continue }
            let head = line[..<colon].trimmingCharacters(in: .whitespaces)
            let terms = line[line.index(after: colon)...].split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty }
            if head.hasPrefix("=") || head.hasPrefix("+") {
                let feature = "=" + head.dropFirst().trimmingCharacters(in: .whitespaces)
                for term in terms {
                    let stemmed = phrase(term)
                    if stemmed.count == 1 {
                        concepts[stemmed[0]] = concepts[stemmed[0]] ?? feature
                    } else if stemmed.count > 1, conceptOfPhrase[stemmed] == nil {
                        conceptOfPhrase[stemmed] = feature
                        conceptPhrases.add(stemmed)
                    }
                }
            } else if head.hasPrefix("~") {
                let name = "~" + head.dropFirst().trimmingCharacters(in: .whitespaces)
                for term in terms { family["=" + term] = name }
            } else if head == "stop" {
                for term in terms { stop.formUnion(phrase(term)) }
            } else if head.hasPrefix("cue."), let cue = KeyPointCue(rawValue: String(head.dropFirst(4))) {
                for term in terms {
                    let stemmed = phrase(term)
                    if !stemmed.isEmpty { cues[cue, default: PhraseIndex()].add(stemmed) }
                }
            }
        }
    }

    func cue(_ cue: KeyPointCue) -> PhraseIndex { cues[cue] ?? PhraseIndex() }
}
