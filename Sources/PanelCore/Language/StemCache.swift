import Foundation

/// Stems by surface word, so each distinct word is stemmed once.
struct StemCache {
    var known: [String: String] = [:]

    /// The Snowball stem, with one more conflation for matching: a final double vowel before a consonant is
    /// undoubled even after a vowel, which the algorithm leaves ("adequaat" meets "adequate", "ideaal" "ideale").
    mutating func stem(_ word: String) -> String {
        if let stem = known[word] { return stem }
        if let stem = Self.falseFriends[word] {
            known[word] = stem
            return stem
        }
        var letters = Array(DutchStemmer.stem(word).unicodeScalars)
        let count = letters.count
        if count >= 4, !DutchStemmer.isVowel(letters[count - 1]), letters[count - 2] == letters[count - 3],
            ["a", "e", "o", "u"].contains(letters[count - 2])
        {
            letters.remove(at: count - 2)
        }
        let stem = String(String.UnicodeScalarView(letters))
        known[word] = stem
        return stem
    }

    /// Common words whose stem is the stem of another word the lexicon groups, each kept apart under a stem of its
    /// own: "weet" and "weten" stem to "wet" (the law), "lees" to "les" (school), "overheid" to "over" (so every
    /// "over" read as the government), "opeens" to "open" (openness), "reeds" and "redden" to "red" with "reden" (a
    /// reason), "belasting" to "belast" with "belastbaar" (what someone can carry). Found by stemming every word of
    /// the tune cases' replies and listing those that meet a lexicon term of another meaning.
    static let falseFriends: [String: String] = [
        "weet": "weet", "weten": "weet", "wist": "weet", "wisten": "weet", "geweten": "geweten",
        "lees": "lees", "overheid": "overheid", "overheden": "overheid", "opeens": "opeens", "reeds": "reeds",
        "redden": "redden", "red": "redden", "redt": "redden", "gered": "redden", "belasting": "belasting",
        "belastingen": "belasting",
    ]
}
