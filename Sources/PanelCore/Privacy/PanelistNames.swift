import Foundation

/// The names that must not reach the panel or the municipality: every panelist of the round (the writer
/// among them) and the municipality's staff. Matched as whole words, without regard to case or diacritics
/// ("celine" for Céline, "Ozdemir" for Özdemir). Pure; build once per round or message.
///
/// A name part that is also an ordinary Dutch word ("Een", "Normaal", "Bakker", "de Wit") is only a name
/// when the text shows it is one: next to another part of the same name ("Normaal Een", "Anouk de Wit"),
/// after a title or a greeting ("mevrouw Bakker", "Groet, Kok"), or capitalised inside a sentence ("ik
/// sprak Bakker"). A part that is not a common word ("Jansen", "Özdemir") is a name wherever it stands.
public struct PanelistNames: Sendable {
    /// Folded name part → the people (indexes) whose name has that part.
    let parts: [String: Set<Int>]
    /// Each person's whole name, folded, words separated by one space: "anouk van der wit".
    let fullNames: [String]

    public init(_ names: [String]) {
        var parts: [String: Set<Int>] = [:]
        for (person, name) in names.enumerated() {
            for part in Self.parts(of: name) { parts[part, default: []].insert(person) }
        }
        self.parts = parts
        fullNames = names.map { name in
            name.split(whereSeparator: { !$0.isLetter && $0 != "-" && $0 != "'" }).map { Self.fold($0) }.joined(separator: " ")
        }
    }

    public var isEmpty: Bool { parts.isEmpty }

    /// Particles of Dutch and other surnames: never a name on their own, but part of a name between parts.
    static let particles: Set<String> = [
        "de", "den", "der", "van", "het", "ter", "ten", "te", "t", "in", "op", "la", "le", "du", "el", "al", "da", "di",
        "dos", "das", "von", "vd", "v", "d", "bin", "ben", "ibn",
    ]
    /// Words right before a common word that make it a name: "mevrouw Bakker", "mevr. Kok", "wethouder Roos".
    static let titles: Set<String> = [
        "mevrouw", "mevr", "mw", "mvr", "meneer", "mr", "dhr", "heer", "fam", "familie", "collega", "buurvrouw",
        "buurman", "wethouder", "consulent", "consulente", "casemanager", "klantmanager", "dr", "dokter", "zuster",
        "juf", "meester", "tante", "oom",
    ]
    /// Greetings: a common word after them, also after a comma or on the next line, is a name ("Groet,\nKok").
    static let greetings: Set<String> = [
        "groet", "groeten", "groetjes", "gr", "mvg", "vrgr", "hallo", "hoi", "beste", "hi", "hey", "liefs", "namens",
    ]
    /// Words before or after a first name in a reply: "eens met klaas", "kees hier", "joke schreef".
    static let nameBefore: Set<String> = ["met", "volgens", "zoals"]
    static let nameAfter: Set<String> = ["hier", "schreef", "schrijft", "zegt", "zei", "noemt", "vindt", "vroeg"]

    /// Lowercased, diacritics removed, and the letters folding keeps apart written the way a Dutch keyboard
    /// would: "Yılmaz" → "yilmaz", "Søren" → "soren", "Strauß" → "strauss".
    static func fold(_ word: some StringProtocol) -> String {
        var folded = word.lowercased().folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        guard !folded.allSatisfy(\.isASCII) else { return folded }
        for (letter, plain) in [("ı", "i"), ("ø", "o"), ("ß", "ss"), ("æ", "ae"), ("œ", "oe"), ("ł", "l"), ("đ", "d")] {
            folded = folded.replacingOccurrences(of: letter, with: plain)
        }
        return folded
    }

    /// "Müller" is also written "Mueller", "Özdemir" "Oezdemir": the German way of leaving out the dots.
    static func transliterations(_ word: some StringProtocol) -> [String] {
        let lowered = word.lowercased()
        guard lowered.contains(where: { "äöü".contains($0) }) else { return [] }
        return [
            fold(
                lowered.replacingOccurrences(of: "ä", with: "ae").replacingOccurrences(of: "ö", with: "oe")
                    .replacingOccurrences(of: "ü", with: "ue"))
        ]
    }

    /// The parts of a name worth matching: letters only, two or more, no particles; "Anne-Marie" gives
    /// "anne-marie", "anne" and "marie".
    static func parts(of name: String) -> Set<String> {
        var result: Set<String> = []
        for word in name.split(whereSeparator: { !$0.isLetter && $0 != "-" && $0 != "'" }) {
            for written in [fold(word)] + transliterations(word) {
                let folded = written.trimmingCharacters(in: CharacterSet(charactersIn: "-'"))
                let pieces = folded.split(whereSeparator: { $0 == "-" || $0 == "'" }).map(String.init)
                for piece in pieces + (pieces.count > 1 ? [folded] : []) where piece.count >= 2 && !particles.contains(piece) {
                    result.insert(piece)
                }
            }
        }
        return result
    }

    // MARK: Common words

    /// Common Dutch words, lowercased as written → whether the word is also a common first name or surname (`*` in the list).
    static let commonWords: [String: Bool] = {
        var words: [String: Bool] = [:]
        for entry in commonWordList.split(whereSeparator: \.isWhitespace) {
            let nameLike = entry.hasPrefix("*")
            let word = (nameLike ? entry.dropFirst() : entry[...]).lowercased()
            words[word] = (words[word] ?? false) || nameLike
        }
        return words
    }()

    // MARK: Matching

    struct Word {
        var lower: Int
        var upper: Int
        var folded: String
        var text: String
    }

    /// The spans (offsets into `chars`) that are names, merged over particles: "Anouk de Wit" is one span.
    func spans(in chars: [Character]) -> [Range<Int>] {
        guard !parts.isEmpty else { return [] }
        var words: [Word] = []
        var i = 0
        while i < chars.count {
            guard chars[i].isLetter else {
                i += 1
                continue
            }
            var end = i
            while end < chars.count,
                chars[end].isLetter
                    || ((chars[end] == "-" || chars[end] == "'") && end + 1 < chars.count && chars[end + 1].isLetter)
            {
                end += 1
            }
            let text = String(chars[i..<end])
            words.append(Word(lower: i, upper: end, folded: Self.fold(text), text: text))
            i = end
        }
        var isName = [Bool](repeating: false, count: words.count)
        func between(_ w: Int) -> ArraySlice<Character> { chars[words[w - 1].upper..<words[w].lower] }
        for (w, word) in words.enumerated() {
            guard let people = parts[word.folded] else { continue }
            // As written, diacritics and all: "gül" is not the Dutch word "gul".
            let common = Self.commonWords[word.text.lowercased()]
            if let partner = partner(of: w, people: people, words: words, chars: chars),
                common == nil || Self.commonWords[words[partner].text.lowercased()] == nil || Self.isTitlecase(word.text)
                    || Self.isTitlecase(words[partner].text)
            {
                isName[w] = true
                isName[partner] = true
                continue
            }
            guard let nameLike = common else {
                isName[w] = true  // not an ordinary word: a name wherever it stands
                continue
            }
            if w > 0, Self.titles.contains(words[w - 1].folded),
                between(w).allSatisfy({ $0 == " " }) || (between(w) == [".", " "] && words[w - 1].text.count <= 4)
            {
                isName[w] = true
                continue
            }
            if w > 0, Self.greetings.contains(words[w - 1].folded),
                between(w).allSatisfy({ $0 == " " || $0 == "," || $0 == "\n" || $0 == "!" })
            {
                isName[w] = true
                continue
            }
            if nameLike,
                (w > 0 && Self.nameBefore.contains(words[w - 1].folded) && between(w).allSatisfy({ $0 == " " }))
                    || (w + 1 < words.count && Self.nameAfter.contains(words[w + 1].folded)
                        && between(w + 1).allSatisfy({ $0 == " " || $0 == "," }))
            {
                isName[w] = true
                continue
            }
            guard Self.isTitlecase(word.text), word.folded.count >= 3 else { continue }
            if startsSentence(word.lower, chars) {
                if nameLike { isName[w] = true }
            } else {
                isName[w] = true
            }
        }
        // Merge neighbouring name words, with the particles between them.
        var spans: [Range<Int>] = []
        var w = 0
        while w < words.count {
            guard isName[w] else {
                w += 1
                continue
            }
            var last = w
            var next = w + 1
            while next < words.count, Self.particles.contains(words[next].folded) || isName[next],
                chars[words[next - 1].upper..<words[next].lower].allSatisfy({ $0 == " " })
            {
                if isName[next] { last = next }
                next += 1
            }
            spans.append(extendedBack(words[w].lower, first: w, words: words, chars: chars)..<words[last].upper)
            w = last + 1
        }
        return spans
    }

    /// A name span starting at word `first` extended back over the particles of that name ("Van den Broek",
    /// "de heer De Groot") and an initial ("Z. van der Meer").
    func extendedBack(_ lower: Int, first: Int, words: [Word], chars: [Character]) -> Int {
        var start = lower
        var tail = words[first].folded
        var w = first - 1
        while w >= 0, Self.particles.contains(words[w].folded),
            chars[words[w].upper..<words[w + 1].lower].allSatisfy({ $0 == " " })
        {
            let candidate = words[w].folded + " " + tail
            guard fullNames.contains(where: { " \($0) ".contains(" \(candidate) ") }) else { break }
            tail = candidate
            start = words[w].lower
            w -= 1
        }
        // An initial: one capital letter and a full stop, then a space.
        if start >= 3, chars[start - 1] == " ", chars[start - 2] == ".", chars[start - 3].isUppercase,
            start == 3 || !chars[start - 4].isLetter
        {
            start -= 3
        }
        return start
    }

    /// Another word of the same person's name right next to word `w` (only spaces and particles between).
    func partner(of w: Int, people: Set<Int>, words: [Word], chars: [Character]) -> Int? {
        for step in [1, -1] {
            var other = w + step
            while other >= 0, other < words.count {
                let (left, right) = step == 1 ? (words[other - 1], words[other]) : (words[other], words[other + 1])
                guard chars[left.upper..<right.lower].allSatisfy({ $0 == " " }) else { break }
                if let theirs = parts[words[other].folded], !theirs.isDisjoint(with: people),
                    words[other].folded != words[w].folded
                {
                    return other
                }
                guard Self.particles.contains(words[other].folded) else { break }
                other += step
            }
        }
        return nil
    }

    static func isTitlecase(_ word: String) -> Bool {
        guard let first = word.first, first.isUppercase else { return false }
        return word.dropFirst().contains(where: \.isLowercase)
    }

    /// Whether the word at `offset` begins a sentence: the text starts there, or a full stop, question or
    /// exclamation mark, colon or line break comes before it (spaces, quotes and bullets between).
    func startsSentence(_ offset: Int, _ chars: [Character]) -> Bool {
        var i = offset - 1
        while i >= 0,
            chars[i] == " " || chars[i] == "\"" || chars[i] == "'" || chars[i] == "(" || chars[i] == "-"
                || chars[i] == "*" || chars[i] == "“" || chars[i] == "‘"
        {
            i -= 1
        }
        guard i >= 0 else { return true }
        return ".!?:\n".contains(chars[i])
    }
}
