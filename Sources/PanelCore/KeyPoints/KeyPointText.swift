import Foundation

/// Text utilities of the key point analysis: words with accents folded, sentences, and a sentence made fit to
/// stand on its own as a key point.
enum KeyPointText {
    /// Lowercased words, accents folded ("één" → "een", "ideeën" → "ideeen"), NFKC first so full-width and
    /// compatibility forms read as plain letters and digits; format characters (zero-width spaces) join.
    static func words(_ text: String) -> [String] {
        let text = withoutPlaceholders(text)
        let source = text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCompatibilityMapping
        var result: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { result.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for scalar in source.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if value >= 0x41 && value <= 0x5A {
                    current.append(Unicode.Scalar(value + 32)!)
                } else if (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39) {
                    current.append(scalar)
                } else {
                    flush()
                }
                continue
            }
            let category = scalar.properties.generalCategory
            if category == .nonspacingMark || category == .format { continue }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(contentsOf: folded(scalar))
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    /// What the personal-data scanner put in ("[naam]", "[telefoonnummer verwijderd]") is no word of the resident's:
    /// two arguments that both mention a neighbour by name are not alike for that.
    static let placeholders = PersonalDataFinding.Kind.allCases.compactMap(PersonalDataScanner.placeholder(for:))

    static func withoutPlaceholders(_ text: String) -> String {
        guard text.contains("[") else { return text }
        var result = text
        for placeholder in placeholders { result = result.replacingOccurrences(of: placeholder, with: " ") }
        return result
    }

    /// A letter lowercased without its accents.
    static func folded(_ scalar: Unicode.Scalar) -> String.UnicodeScalarView {
        let lower = String(scalar).lowercased().decomposedStringWithCanonicalMapping
        return String.UnicodeScalarView(lower.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark })
    }

    static let abbreviations: Set<String> = [
        "bijv", "bv", "o.a", "oa", "d.w.z", "dwz", "nr", "ca", "mevr", "dhr", "enz", "etc", "m.i", "mi", "i.p.v", "ipv",
        "evt", "incl", "excl", "zgn", "m.b.t", "mbt", "t.a.v", "tav", "i.v.m", "ivm", "z.s.m", "zsm", "p.w", "p", "blz",
        "jl", "a.s", "vs", "e.d", "ed", "t.z.t", "tzt", "m.n", "mn", "resp",
    ]

    /// The sentences of `text`: lines joined unless the next one starts a list item or a blank line falls between;
    /// split after . ! ? (not in a number or after a common abbreviation) and at a line that is a list item.
    static func sentences(_ text: String) -> [String] {
        var blocks: [String] = []
        var current = ""
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = rawLine.trimming(\.isWhitespace)
            let isItem =
                line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("• ")
                || (line.first?.isNumber == true && (line.dropFirst().hasPrefix(". ") || line.dropFirst().hasPrefix(") ")))
            if line.isEmpty || isItem {
                if !current.isEmpty { blocks.append(current) }
                current = isItem ? String(line.drop { "-*•".contains($0) || $0.isNumber || $0 == "." || $0 == ")" }) : ""
                current = current.trimming(\.isWhitespace)
            } else {
                current += current.isEmpty ? line : " " + line
            }
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks.flatMap(splitSentences).map { $0.trimming(\.isWhitespace) }.filter { !$0.isEmpty }
    }

    static func splitSentences(_ block: String) -> [String] {
        // On Unicode scalars: every mark that ends or follows a sentence is one scalar, and scalars index fast.
        var result: [String] = []
        let scalars = Array(block.unicodeScalars)
        func text(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
        let closers: Set<Unicode.Scalar> = [".", "!", "?", "\"", "'", "\u{201D}", "\u{2019}", ")"]
        var start = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "." || scalar == "!" || scalar == "?" {
                var end = index + 1
                while end < scalars.count, closers.contains(scalars[end]) { end += 1 }
                let atEnd = end >= scalars.count
                var isBreak = atEnd || scalars[end].properties.isWhitespace
                if isBreak, scalar == "." {
                    // An abbreviation ("ca.", "o.a.") or a single letter ("J.") before the dot is no sentence end.
                    var wordStart = index
                    while wordStart > start, !scalars[wordStart - 1].properties.isWhitespace { wordStart -= 1 }
                    let word = text(wordStart..<index).lowercased().trimming { $0 == "(" }
                    if abbreviations.contains(word) || (word.unicodeScalars.count == 1 && word.first?.isLetter == true) {
                        isBreak = false
                    }
                }
                if isBreak {
                    result.append(text(start..<end))
                    start = end
                    index = end
                    continue
                }
            }
            index += 1
        }
        if start < scalars.count { result.append(text(start..<scalars.count)) }
        return result
    }

    /// Openings that carry no content: "Ik vind dat", "Volgens mij", "Maar", "En".
    static let openings: [String] = [
        "ik vind dat", "ik vind het", "ik vind", "ik denk dat", "ik denk", "ik geloof dat", "ik ben van mening dat",
        "volgens mij", "naar mijn mening", "mijns inziens", "wat mij betreft", "ik zou zeggen", "persoonlijk vind ik dat",
        "persoonlijk", "eerlijk gezegd", "nou", "tja", "ja", "nee", "maar", "en", "want", "dus", "ook", "verder", "bovendien",
        "daarnaast", "kortom", "al met al", "sowieso", "overigens", "bovendien", "ten eerste", "ten tweede", "tot slot",
    ]

    static let openingWords: [[String]] = openings.map { $0.split(separator: " ").map(String.init) }

    /// A sentence's words as `standalone` states it: without its openings, as long as four words remain.
    static func wordsStandingAlone(_ words: [String]) -> ArraySlice<String> {
        var rest = words[...]
        var changed = true
        while changed {
            changed = false
            for opening in openingWords where rest.starts(with: opening) {
                if rest.count - opening.count >= 4 {
                    rest = rest.dropFirst(opening.count)
                    changed = true
                }
                break
            }
        }
        return rest
    }

    /// A sentence fit to stand on its own as a key point: its content opening, a capital, a full stop, at most
    /// about `limit` characters (cut at a word, with "…").
    static func standalone(_ sentence: String, limit: Int = 220) -> String {
        var text = sentence.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "-*•>\"'“”")))
        var changed = true
        while changed {
            changed = false
            let lower = text.lowercased()
            for opening in openings
            where lower.hasPrefix(opening + " ") || lower.hasPrefix(opening + ",") || lower.hasPrefix(opening + ":") {
                let rest = text.dropFirst(opening.count).drop { $0 == " " || $0 == "," || $0 == ":" }
                if rest.split(separator: " ").count >= 4 {
                    text = String(rest)
                    changed = true
                }
                break
            }
        }
        if text.count > limit {
            let cut = text.prefix(limit)
            text = (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + " …"
        }
        if let first = text.first, first.isLowercase { text = first.uppercased() + text.dropFirst() }
        if let last = text.last, !".!?…".contains(last) { text += "." }
        return text
    }
}

extension StringProtocol {
    /// Without the leading and trailing characters `drop` names. In Swift: Foundation's `trimmingCharacters(in:)`
    /// goes through NSString and was a fifth of the analysis time at 20,000 arguments.
    func trimming(_ drop: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !drop($0) }), let last = lastIndex(where: { !drop($0) }) else { return "" }
        return String(self[first...last])
    }
}
