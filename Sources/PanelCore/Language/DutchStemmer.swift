import Foundation

/// The classic Snowball stemmer for Dutch (Martin Porter's, https://snowballstem.org/algorithms/dutch/stemmer.html).
///
/// Implemented from the published description: accents removed, `i` between vowels and `y` after a vowel (or
/// initial) treated as consonants, R1 with at least three letters before it, then steps 1 (heden/en/ene/s/se),
/// 2 (e), 3a (heid), 3b (end/ing/ig/lijk/baar/bar) and 4 (undouble a vowel).
public enum DutchStemmer {
    /// The stem of one word (lowercased first).
    public static func stem(_ word: String) -> String {
        var stemmer = Word(letters: Array(word.lowercased().unicodeScalars))
        stemmer.run()
        return String(String.UnicodeScalarView(stemmer.letters))
    }
}

extension DutchStemmer {
    // Marks for `i` and `y` that act as consonants; the input is lowercased, so capitals never occur in it.
    static let consonantI: Unicode.Scalar = "I"
    static let consonantY: Unicode.Scalar = "Y"

    /// a e i o u y è: the vowels. Capital I and Y (consonants by position) are not among them.
    static func isVowel(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a", "e", "i", "o", "u", "y", "\u{E8}": return true
        default: return false
        }
    }

    /// The accents the algorithm folds first: umlauts and acutes on a e i o u.
    static func unaccented(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "\u{E4}", "\u{E1}": return "a"
        case "\u{EB}", "\u{E9}": return "e"
        case "\u{EF}", "\u{ED}": return "i"
        case "\u{F6}", "\u{F3}": return "o"
        case "\u{FC}", "\u{FA}": return "u"
        default: return scalar
        }
    }

    /// One word being stemmed: its letters, R1 and R2 as offsets into them.
    struct Word {
        var letters: [Unicode.Scalar]
        var r1 = 0
        var r2 = 0

        mutating func run() {
            prelude()
            markRegions()
            stepOne()
            let eFound = stepTwo()
            stepThreeA()
            stepThreeB(eFound: eFound)
            stepFour()
            for index in letters.indices {
                if letters[index] == consonantI {
                    letters[index] = "i"
                } else if letters[index] == consonantY {
                    letters[index] = "y"
                }
            }
        }

        /// Accents off; initial `y`, `y` after a vowel and `i` between vowels become consonants.
        mutating func prelude() {
            for index in letters.indices { letters[index] = unaccented(letters[index]) }
            if letters.first == "y" { letters[0] = consonantY }
            var index = 1
            while index < letters.count {
                if isVowel(letters[index - 1]) {
                    if letters[index] == "y" {
                        letters[index] = consonantY
                    } else if letters[index] == "i", index + 1 < letters.count, isVowel(letters[index + 1]) {
                        letters[index] = consonantI
                    }
                }
                index += 1
            }
        }

        /// R1 starts after the first non-vowel that follows a vowel, but not before the fourth letter; R2 starts
        /// after the next such vowel–non-vowel pair (counted from where R1 would have started unadjusted).
        mutating func markRegions() {
            let afterFirst = regionStart(from: 0)
            r1 = max(afterFirst, 3)
            r2 = regionStart(from: afterFirst)
        }

        func regionStart(from start: Int) -> Int {
            var index = start
            while index < letters.count, !isVowel(letters[index]) { index += 1 }
            while index < letters.count, isVowel(letters[index]) { index += 1 }
            return min(index + 1, letters.count)
        }

        func ends(with suffix: String) -> Bool {
            let tail = suffix.unicodeScalars
            guard letters.count >= tail.count else { return false }
            return letters[(letters.count - tail.count)...].elementsEqual(tail)
        }

        /// Whether the letters just before `position` are `text`.
        func precededBy(_ text: String, at position: Int) -> Bool {
            let head = text.unicodeScalars
            guard position >= head.count else { return false }
            return letters[(position - head.count)..<position].elementsEqual(head)
        }

        func isNonVowel(at index: Int) -> Bool { index >= 0 && index < letters.count && !isVowel(letters[index]) }

        mutating func undouble() {
            guard letters.count >= 2 else { return }
            let last = letters[letters.count - 1]
            if (last == "k" || last == "d" || last == "t") && letters[letters.count - 2] == last {
                letters.removeLast()
            }
        }

        /// Step 1(b) and 3a: delete `en`/`ene` at `start` if in R1, after a non-vowel that does not end "gem".
        mutating func enEnding(at start: Int) -> Bool {
            guard start >= r1, isNonVowel(at: start - 1), !precededBy("gem", at: start) else { return false }
            letters.removeSubrange(start...)
            undouble()
            return true
        }

        mutating func stepOne() {
            if ends(with: "heden") {
                let start = letters.count - 5
                if start >= r1 { letters.replaceSubrange(start..., with: "heid".unicodeScalars) }
            } else if ends(with: "ene") {
                _ = enEnding(at: letters.count - 3)
            } else if ends(with: "en") {
                _ = enEnding(at: letters.count - 2)
            } else if ends(with: "se") || ends(with: "s") {
                let start = letters.count - (ends(with: "se") ? 2 : 1)
                let before = start - 1
                if start >= r1, before >= 0, !isVowel(letters[before]), letters[before] != "j" {
                    letters.removeSubrange(start...)
                }
            }
        }

        /// Step 2: a final `e` in R1 after a non-vowel goes, then the ending is undoubled. Returns whether it went.
        mutating func stepTwo() -> Bool {
            guard ends(with: "e") else { return false }
            let start = letters.count - 1
            guard start >= r1, isNonVowel(at: start - 1) else { return false }
            letters.removeLast()
            undouble()
            return true
        }

        mutating func stepThreeA() {
            guard ends(with: "heid") else { return }
            let start = letters.count - 4
            guard start >= r2, !precededBy("c", at: start) else { return }
            letters.removeSubrange(start...)
            if ends(with: "en") { _ = enEnding(at: letters.count - 2) }
        }

        mutating func stepThreeB(eFound: Bool) {
            if ends(with: "end") || ends(with: "ing") {
                let start = letters.count - 3
                guard start >= r2 else { return }
                letters.removeSubrange(start...)
                if ends(with: "ig"), letters.count - 2 >= r2, !precededBy("e", at: letters.count - 2) {
                    letters.removeLast(2)
                } else {
                    undouble()
                }
            } else if ends(with: "ig") {
                let start = letters.count - 2
                guard start >= r2, !precededBy("e", at: start) else { return }
                letters.removeLast(2)
            } else if ends(with: "lijk") {
                let start = letters.count - 4
                guard start >= r2 else { return }
                letters.removeLast(4)
                _ = stepTwo()
            } else if ends(with: "baar") {
                let start = letters.count - 4
                guard start >= r2 else { return }
                letters.removeLast(4)
            } else if ends(with: "bar") {
                let start = letters.count - 3
                guard start >= r2, eFound else { return }
                letters.removeLast(3)
            }
        }

        /// Step 4: C + aa/ee/oo/uu + D (D a non-vowel other than consonant-I) loses one of the vowels.
        mutating func stepFour() {
            let count = letters.count
            guard count >= 4 else { return }
            let last = letters[count - 1]
            guard !isVowel(last), last != consonantI else { return }
            let vowel = letters[count - 2]
            guard vowel == letters[count - 3], ["a", "e", "o", "u"].contains(vowel), !isVowel(letters[count - 4]) else { return }
            letters.remove(at: count - 2)
        }
    }
}
