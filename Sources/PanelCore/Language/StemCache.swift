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

    /// Words kept apart from another word the lexicon groups, under a stem of their own: "lees" stems to "les"
    /// (school), so every "Dat lees ik nergens" carried the school group and was no remark without words of its own.
    /// Stemming every word of the tune cases' replies found more such pairs: "weet"/"weten" meet "wet" (the law),
    /// "overheid" gives "over" its stem (every "over" reads as trust in the government), "opeens" meets "open",
    /// "reeds"/"redden" meet "reden", "belasting" meets "belastbaar". Keeping all of them apart made the key points
    /// mix more and lowered the aside cases' ARI (2026-12-06, later; docs/keypoints.md): the grouping was set with
    /// them, and they stay until it is set again.
    static let falseFriends: [String: String] = ["lees": "lees"]
}
