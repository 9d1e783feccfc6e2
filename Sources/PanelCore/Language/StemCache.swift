import Foundation

/// Stems by surface word, so each distinct word is stemmed once.
struct StemCache {
    var known: [String: String] = [:]

    /// The Snowball stem, with one more conflation for matching: a final double vowel before a consonant is
    /// undoubled even after a vowel, which the algorithm leaves ("adequaat" meets "adequate", "ideaal" "ideale").
    mutating func stem(_ word: String) -> String {
        if let stem = known[word] { return stem }
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
}
