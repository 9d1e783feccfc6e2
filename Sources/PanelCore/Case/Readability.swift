import Foundation

/// How easy a Dutch text is to read: syllables, sentences and the Flesch–Douma score. Pure; no I/O.
///
/// Flesch–Douma scores run roughly from 0 (very hard) to 100 (very easy); language level B1 is about 60 and up.
public enum Readability {
    /// The number of syllables in one Dutch word: its vowel groups.
    ///
    /// `a e i o u y` (and their accented forms) are vowels and "ij" counts as one. The common diphthongs and
    /// digraphs (`aa ee oo uu ie oe eu ei ij ui ou au`, `ieu eeu oei aai ooi`, plus `eau ai ioe` from loanwords)
    /// count once; other adjacent vowels count apart ("the-a-ter", "si-tu-a-tie"). A trema starts a new syllable
    /// ("ru-ï-ne"). A word with letters but no vowel ("PGB") has one syllable; one without letters has none.
    public static func syllables(_ word: String) -> Int {
        var letters: [Character?] = []
        var trema: [Bool] = []
        for character in word.lowercased() {
            if let (base, hasTrema) = vowelForms[character] {
                letters.append(base)
                trema.append(hasTrema)
            } else if character.isLetter {
                letters.append(character)
                trema.append(false)
            } else {
                letters.append(nil)
                trema.append(false)
            }
        }
        func isVowel(_ i: Int) -> Bool {
            guard let c = letters[i], plainVowels.contains(c) else { return false }
            let previous = i > 0 ? letters[i - 1] : nil
            if c == "u", previous == "q" { return false }  // "consequent": qu is a consonant
            if c == "y", previous == nil, i + 1 < letters.count, let next = letters[i + 1], plainVowels.contains(next) {
                return false  // "yoghurt"
            }
            return true
        }
        var count = 0
        var i = 0
        while i < letters.count {
            guard isVowel(i) else {
                i += 1
                continue
            }
            var length = 1
            for pattern in vowelPatterns where i + pattern.count <= letters.count {
                let matches = pattern.indices.allSatisfy { offset in
                    letters[i + offset] == pattern[offset] && (offset == 0 || !trema[i + offset])
                }
                if matches {
                    length = pattern.count
                    break
                }
            }
            count += 1
            i += length
        }
        if count == 0, letters.contains(where: { $0 != nil }) { return 1 }
        return count
    }

    /// Flesch–Douma: 206.835 − 0.93 × (words per sentence) − 77 × (syllables per word). `nil` without words.
    public static func fleschDouma(_ text: String) -> Double? {
        let counted = sentences(text).map(words(in:)).filter { !$0.isEmpty }
        return fleschDouma(sentenceWords: counted)
    }

    /// The sentences of `text`: split after `.`, `!` and `?` (followed by a space or the end), at blank lines,
    /// headings and list items. Soft line breaks inside a paragraph are joined. An abbreviation ("bijv.",
    /// "o.a.", "art.", "nr.") does not end a sentence when a lowercase letter or digit follows; a title ("dhr.",
    /// "mevr.", "mr.") never does. List markers and heading hashes are left off.
    public static func sentences(_ text: String) -> [String] {
        let lines = lineSplit(text).enumerated().map { (number: $0.offset + 1, text: $0.element) }
        return sentenceSpans(lines).map(\.text)
    }

    // MARK: - Internals shared with CaseCheck

    /// The lines of `text` as `CaseFile.parse` sees them (CRLF and CR normalised), so line numbers agree.
    static func lineSplit(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    static func fleschDouma(sentenceWords: [[String]]) -> Double? {
        let sentences = sentenceWords.filter { !$0.isEmpty }
        let words = sentences.flatMap { $0 }
        guard !words.isEmpty else { return nil }
        let syllableCount = words.reduce(0) { $0 + syllables($1) }
        let wordsPerSentence = Double(words.count) / Double(sentences.count)
        let syllablesPerWord = Double(syllableCount) / Double(words.count)
        return 206.835 - 0.93 * wordsPerSentence - 77 * syllablesPerWord
    }

    /// The words of a sentence: runs of letters and digits (with inner hyphens and apostrophes) that hold a
    /// letter. Web addresses and Markdown link targets are left out; bare numbers are not words.
    static func words(in text: String) -> [String] {
        var words: [String] = []
        for token in text.replacingOccurrences(of: "](", with: "] (").split(whereSeparator: \.isWhitespace) {
            let lowered = token.lowercased()
            if lowered.contains("://") || lowered.contains("www.") || lowered.hasPrefix("(http") { continue }
            var current = ""
            func finish() {
                let trimmed = current.trimmingCharacters(in: CharacterSet(charactersIn: "-'’"))
                if trimmed.contains(where: \.isLetter) { words.append(trimmed) }
                current = ""
            }
            for character in token {
                if character.isLetter || character.isNumber || character == "-" || character == "'" || character == "’" {
                    current.append(character)
                } else {
                    finish()
                }
            }
            finish()
        }
        return words
    }

    /// Sentences with the 1-based line each starts on. `lines` are (line number, text) in file order; a gap
    /// in the numbering, a blank line, a heading or a list item ends the running sentence.
    static func sentenceSpans(_ lines: [(number: Int, text: String)]) -> [(text: String, line: Int)] {
        var spans: [(text: String, line: Int)] = []
        var characters: [Character] = []
        var lineOf: [Int] = []
        var previousNumber: Int?
        func flush() {
            spans += split(characters, lineOf: lineOf)
            characters = []
            lineOf = []
        }
        for (number, raw) in lines {
            if let previousNumber, number != previousNumber + 1 { flush() }
            previousNumber = number
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed == "---" {
                flush()
                continue
            }
            let (content, startsBlock) = stripMarker(trimmed)
            if startsBlock { flush() }
            if !characters.isEmpty {
                characters.append(" ")
                lineOf.append(number)
            }
            for character in content {
                characters.append(character)
                lineOf.append(number)
            }
            if trimmed.hasPrefix("#") { flush() }  // a heading is a sentence of its own
        }
        flush()
        return spans
    }

    /// A line without its heading hashes, list marker or quote marker, and whether such a marker began a block.
    static func stripMarker(_ line: String) -> (content: Substring, startsBlock: Bool) {
        var content = Substring(line)
        if content.hasPrefix("#") {
            return (content.drop(while: { $0 == "#" }).drop(while: \.isWhitespace), true)
        }
        while content.hasPrefix(">") { content = content.dropFirst().drop(while: \.isWhitespace) }
        for bullet in ["- ", "* ", "+ ", "• "] where content.hasPrefix(bullet) {
            return (content.dropFirst(bullet.count).drop(while: \.isWhitespace), true)
        }
        let digits = content.prefix(while: \.isNumber)
        if !digits.isEmpty, digits.count <= 3 {
            let rest = content.dropFirst(digits.count)
            if let marker = rest.first, marker == "." || marker == ")", rest.dropFirst().first?.isWhitespace ?? false {
                return (rest.dropFirst().drop(while: \.isWhitespace), true)
            }
        }
        return (content, false)
    }

    static func split(_ characters: [Character], lineOf: [Int]) -> [(text: String, line: Int)] {
        var spans: [(text: String, line: Int)] = []
        var start = 0
        func emit(upTo end: Int) {
            let text = String(characters[start..<end]).trimmingCharacters(in: .whitespaces)
            if text.contains(where: { $0.isLetter || $0.isNumber }) {
                let first = (start..<end).first(where: { !characters[$0].isWhitespace }) ?? start
                spans.append((text, lineOf[first]))
            }
            start = end
        }
        var i = 0
        while i < characters.count {
            let c = characters[i]
            guard c == "." || c == "!" || c == "?" || c == "…" else {
                i += 1
                continue
            }
            var end = i + 1
            while end < characters.count, ".!?…\"'”’»)".contains(characters[end]) { end += 1 }
            guard end == characters.count || characters[end].isWhitespace else {
                i = end
                continue
            }
            if c == ".", end == i + 1, isAbbreviation(characters, dotAt: i, next: nextVisible(characters, from: end)) {
                i = end
                continue
            }
            emit(upTo: end)
            i = end
        }
        if start < characters.count { emit(upTo: characters.count) }
        return spans
    }

    static func nextVisible(_ characters: [Character], from index: Int) -> Character? {
        characters[index...].first(where: { !$0.isWhitespace })
    }

    /// Abbreviations that do not end a sentence when a lowercase letter or a digit follows.
    static let abbreviations: Set<String> = [
        "bijv", "bv", "o.a", "art", "nr", "nrs", "blz", "ca", "enz", "etc", "evt", "i.v.m", "m.b.t", "t.a.v",
        "d.w.z", "e.d", "e.a", "z.g.a", "zgn", "jl", "resp", "incl", "excl", "max", "min", "vgl", "zie", "t.z.t",
        "i.p.v", "m.i.v", "n.a.v", "o.b.v", "p.p", "p.w", "t.b.v", "t.o.v", "v.w.b", "geb", "ong", "wo", "mnd",
    ]
    /// Titles that never end a sentence.
    static let titles: Set<String> = ["dhr", "mevr", "mw", "mr", "dr", "drs", "ir", "ing", "prof", "st"]

    static func isAbbreviation(_ characters: [Character], dotAt dot: Int, next: Character?) -> Bool {
        var start = dot
        while start > 0, characters[start - 1].isLetter || characters[start - 1] == "." { start -= 1 }
        let word = String(characters[start..<dot]).lowercased()
        guard !word.isEmpty else { return false }
        if titles.contains(word) { return next != nil }
        guard let next, next.isLowercase || next.isNumber || next == "(" else { return false }
        // "o.a.", "d.w.z.", "i.v.m.": letters with inner dots are abbreviations too.
        return abbreviations.contains(word) || (word.contains(".") && word.split(separator: ".").allSatisfy { $0.count <= 2 })
    }

    static let plainVowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]

    /// Accented vowels: their base vowel, and whether the accent is a trema (which starts a new syllable).
    static let vowelForms: [Character: (Character, Bool)] = {
        var forms: [Character: (Character, Bool)] = [:]
        let accents: [(Character, String, Character)] = [
            ("a", "áàâã", "ä"), ("e", "éèê", "ë"), ("i", "íìî", "ï"), ("o", "óòôõ", "ö"), ("u", "úùû", "ü"),
            ("y", "ý", "ÿ"),
        ]
        for (base, plain, trema) in accents {
            for accented in plain { forms[accented] = (base, false) }
            forms[trema] = (base, true)
        }
        return forms
    }()

    /// Vowel combinations that make one syllable, longest first.
    static let vowelPatterns: [[Character]] = [
        "ieu", "eeu", "oei", "aai", "ooi", "eau", "ioe",
        "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ei", "ij", "ui", "ou", "au", "ai", "ey", "ay", "oy",
    ].map(Array.init)
}
