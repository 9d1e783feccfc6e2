import Foundation

/// Dutch text into content words: lowercased, split on anything that is not a letter or digit, common function
/// words dropped, but "niet" and "geen" kept (they turn an argument around), and one-letter tokens dropped.
public enum DutchTokenizer {
    /// Every word of `text`, lowercased, in order: letters and digits, nothing dropped.
    public static func words(_ text: String) -> [String] {
        scan(text).map(\.word)
    }

    /// The content words of `text`: `words(text)` without stop words and without tokens shorter than two letters.
    public static func tokens(_ text: String) -> [String] {
        words(text).filter { $0.unicodeScalars.count >= 2 && !stopWords.contains($0) }
    }

    /// The words of `text`, each with whether only white space separates it from the word before (no punctuation,
    /// so the two may form a phrase).
    static func scan(_ text: String) -> [(word: String, followsSpace: Bool)] {
        var normalized = text.lowercased()
        if normalized.unicodeScalars.contains(where: { !$0.isASCII }) {
            normalized = normalized.precomposedStringWithCanonicalMapping
        }
        var words: [(word: String, followsSpace: Bool)] = []
        var current = String.UnicodeScalarView()
        var onlySpace = false
        for scalar in normalized.unicodeScalars {
            if isWordScalar(scalar) {
                current.append(scalar)
            } else {
                if !current.isEmpty {
                    words.append((String(current), onlySpace))
                    current = String.UnicodeScalarView()
                    onlySpace = true
                }
                if !scalar.properties.isWhitespace { onlySpace = false }
            }
        }
        if !current.isEmpty { words.append((String(current), onlySpace)) }
        return words
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            || scalar.properties.generalCategory == .nonspacingMark
    }

    /// Common Dutch function words (after Snowball's Dutch list), a few opinion fillers and the words of the case
    /// itself. Deliberately without "niet" and "geen".
    public static let stopWords: Set<String> = [
        "aan", "al", "alle", "alles", "als", "altijd", "andere", "ben", "bent", "bij", "daar", "dan", "dat", "de", "den",
        "der", "deze", "die", "dit", "doch", "doen", "door", "dus", "een", "eens", "en", "er", "ge", "geweest", "had",
        "hadden", "heb", "hebben", "heeft", "hem", "het", "hier", "hij", "hoe", "hun", "iemand", "iets", "ik", "in", "is",
        "ja", "je", "jij", "kan", "kon", "kunnen", "maar", "me", "meer", "men", "met", "mij", "mijn", "moet", "moeten",
        "na", "naar", "nog", "nu", "of", "om", "omdat", "ons", "onze", "ook", "op", "over", "reeds", "te", "tegen", "toch",
        "toen", "tot", "uit", "uw", "van", "veel", "voor", "waren", "was", "wat", "we", "wel", "werd", "wezen", "wie",
        "wij", "wil", "worden", "wordt", "zal", "ze", "zelf", "zich", "zij", "zijn", "zo", "zonder", "zou", "zouden",
        "hebt", "jullie", "haar", "hen", "wanneer", "waar", "welke", "waarom", "erg", "heel", "zeer", "echt", "gewoon",
        "vind", "vinden", "denk", "denken", "volgens", "daarom", "terwijl", "want", "nou", "niets", "ofwel", "ter",
        "tussen", "onder", "boven", "zoals", "elk", "elke", "ieder", "iedere", "mee", "zeker", "hierom", "kun", "kunt", "mag",
        "mogen", "ga", "gaat", "gaan",
        "zullen", "wilt", "willen", "moest", "kreeg", "krijgt", "laat", "laten", "even", "dezelfde", "zulke",
        // Words every argument to a municipality about a resident's case uses, and so names no theme.
        "gemeente", "mevrouw", "meneer", "aanvrager", "besluit",
    ]
}
