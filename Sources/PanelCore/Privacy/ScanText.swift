import Foundation

/// Text from outside (a reply, an answer, a case) as the personal-data scanner reads it, with the way back to
/// the characters it came from. Pure.
///
/// People and tools write the same number in many ways; the scanner should only have to know one:
/// * format and control characters are removed (a zero-width space or a soft hyphen inside a BSN, a
///   right-to-left override), except line breaks and tabs;
/// * NFKC: full-width digits (`０６`) become `06`, ligatures and compatibility forms their plain letters;
/// * every dash (non-breaking hyphen, en and em dash, minus sign) becomes `-`, every space (no-break, thin,
///   narrow) a plain space;
/// * a run of spelled-out digits ("nul zes een twee drie vier vijf zes zeven acht", "nul zes twaalf
///   vierendertig …") of six digits or more becomes those digits.
struct ScanText {
    /// The normalised characters.
    var chars: [Character]
    /// `origin[i]`: the offsets, in the original text's characters, that `chars[i]` came from.
    var origin: [Range<Int>]

    init(_ original: [Character]) {
        var chars: [Character] = []
        var origin: [Range<Int>] = []
        chars.reserveCapacity(original.count)
        origin.reserveCapacity(original.count)
        for (offset, character) in original.enumerated() {
            for normalised in Self.normalise(character) {
                chars.append(normalised)
                origin.append(offset..<(offset + 1))
            }
        }
        (self.chars, self.origin) = Self.spellingOutDigits(chars, origin)
    }

    /// The original offsets covered by the normalised range `lower..<upper` (not empty).
    func originalRange(_ lower: Int, _ upper: Int) -> Range<Int> {
        origin[lower].lowerBound..<origin[upper - 1].upperBound
    }

    // MARK: Characters

    static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .format: return true
        case .control: return !(scalar == "\n" || scalar == "\t" || scalar == "\r")
        default: return false
        }
    }

    static let dashes: Set<Unicode.Scalar> = [
        "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}", "\u{FE58}", "\u{FE63}",
        "\u{FF0D}", "\u{00AF}",
    ]

    static func normalise(_ character: Character) -> [Character] {
        if character == "\n" || character == "\r\n" || character == "\r" { return ["\n"] }
        var kept = String.UnicodeScalarView()
        for scalar in character.unicodeScalars where !isRemoved(scalar) {
            if dashes.contains(scalar) {
                kept.append("-")
            } else if scalar.properties.isWhitespace, scalar != "\n" {
                kept.append(" ")
            } else {
                kept.append(scalar)
            }
        }
        guard !kept.isEmpty else { return [] }
        let text = String(kept)
        if text.unicodeScalars.allSatisfy(\.isASCII) { return Array(text) }
        return Array(text.precomposedStringWithCompatibilityMapping)
    }

    // MARK: Spelled-out digits

    static let units: [String: String] = [
        "nul": "0", "een": "1", "twee": "2", "drie": "3", "vier": "4", "vijf": "5", "zes": "6", "zeven": "7",
        "acht": "8", "negen": "9",
    ]
    static let teens: [String: String] = [
        "tien": "10", "elf": "11", "twaalf": "12", "dertien": "13", "veertien": "14", "vijftien": "15",
        "zestien": "16", "zeventien": "17", "achttien": "18", "negentien": "19",
    ]
    static let tens: [String: Int] = [
        "twintig": 2, "dertig": 3, "veertig": 4, "vijftig": 5, "zestig": 6, "zeventig": 7, "tachtig": 8,
        "negentig": 9,
    ]

    /// The digits a Dutch number word from 0 to 99 stands for ("vierendertig" → "34"), or nil.
    static func digits(spelled word: String) -> String? {
        let word = word.lowercased().folding(options: [.diacriticInsensitive], locale: nil)
        if let unit = units[word] { return unit }
        if let teen = teens[word] { return teen }
        if let ten = tens[word] { return "\(ten)0" }
        // "vierendertig", "tweeentwintig" (tweeëntwintig folded)
        for (name, ten) in tens where word.hasSuffix("en" + name) {
            let unit = String(word.dropLast(name.count + 2))
            if let digit = units[unit], digit != "0" { return "\(ten)\(digit)" }
        }
        return nil
    }

    /// Replaces runs of at least four number words with six or more digits between them by those digits;
    /// each digit keeps the origin of its word.
    static func spellingOutDigits(_ chars: [Character], _ origin: [Range<Int>]) -> ([Character], [Range<Int>]) {
        // Words with their offsets.
        var words: [(lower: Int, upper: Int, digits: String?)] = []
        var i = 0
        while i < chars.count {
            guard chars[i].isLetter else {
                i += 1
                continue
            }
            var end = i
            while end < chars.count, chars[end].isLetter { end += 1 }
            words.append((i, end, digits(spelled: String(chars[i..<end]))))
            i = end
        }
        var runs: [(first: Int, last: Int)] = []
        var w = 0
        while w < words.count {
            guard words[w].digits != nil else {
                w += 1
                continue
            }
            var last = w
            while last + 1 < words.count, words[last + 1].digits != nil,
                chars[words[last].upper..<words[last + 1].lower].allSatisfy({ " ,-.".contains($0) }),
                words[last + 1].lower - words[last].upper <= 3
            {
                last += 1
            }
            let count = words[w...last].reduce(0) { $0 + $1.digits!.count }
            if last - w + 1 >= 4, count >= 6 { runs.append((w, last)) }
            w = last + 1
        }
        guard !runs.isEmpty else { return (chars, origin) }
        var newChars: [Character] = []
        var newOrigin: [Range<Int>] = []
        var position = 0
        for run in runs {
            newChars += chars[position..<words[run.first].lower]
            newOrigin += origin[position..<words[run.first].lower]
            for word in words[run.first...run.last] {
                let from = origin[word.lower].lowerBound..<origin[word.upper - 1].upperBound
                for digit in word.digits! {
                    newChars.append(digit)
                    newOrigin.append(from)
                }
            }
            position = words[run.last].upper
        }
        newChars += chars[position...]
        newOrigin += origin[position...]
        return (newChars, newOrigin)
    }
}

/// Outside text made safe to show: what a reader cannot see must not change what they read.
public enum OutsideText {
    /// `text` without the characters that hide or reorder text: bidirectional overrides and isolates
    /// (U+202A–202E, U+2066–2069, U+200E/F, U+061C), zero-width spaces and joiners between words (U+200B,
    /// U+2060, U+FEFF), soft hyphens, and C0/C1 control characters (ESC among them) other than tab and line
    /// breaks. Zero-width (non-)joiners stay: emoji and some scripts need them.
    public static func neutralised(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHidden) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isHidden(scalar) { scalars.append(scalar) }
        return String(scalars)
    }

    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x200C, 0x200D: return false
        case 0x00AD, 0x061C, 0x180E, 0x200B, 0x200E, 0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069,
            0xFEFF, 0xFFF9...0xFFFB:
            return true
        default: return false
        }
    }
}
