/// A short code printed on a postal invitation, typed back by the invitee to register.
///
/// Eight random characters and one check character from a 29-symbol alphabet without look-alikes
/// (`23456789ABCDEFGHJKMNPQRSTVWXY`: no 0/O, 1/I/L, U/V or Z/2 pairs), printed in three groups of three:
/// `K7Q-MR4-TX9`. That gives 29⁸ ≈ 5·10¹¹ codes (39 bits), plenty for a rate-limited registration form.
///
/// The check character makes `Σ (i + 1) · value(cᵢ) ≡ 0 (mod 29)` over all nine positions. Because 29 is prime
/// and the weights 1…9 are distinct and non-zero, every single wrong character and every swap of two different
/// characters (adjacent or not) changes the sum, so it is always caught. (Luhn mod N would miss the swap of the
/// first and last alphabet symbols, as Luhn mod 10 misses 09 ↔ 90.)
///
/// A code is pure randomness: it carries no personal data and says nothing about who received it.
public struct InvitationCode: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The symbols in value order: digits 2–9, then letters without I, L, O, U and Z.
    public static let alphabet: [Character] = Array("23456789ABCDEFGHJKMNPQRSTVWXY")
    /// Random characters before the check character.
    public static let randomLength = 8
    /// Characters in a code, check character included.
    public static let length = randomLength + 1

    static let modulus = 29
    static let values: [Character: Int] = Dictionary(
        uniqueKeysWithValues: alphabet.enumerated().map { ($0.element, $0.offset) })
    /// Typed characters that are not in the alphabet but clearly mean one that is.
    static let lookAlikes: [Character: Character] = ["Z": "2", "U": "V"]

    /// The nine characters without separators, e.g. `K7QMR4TX9`: what to store and compare.
    public let value: String

    /// Grouped for print and reading aloud, e.g. `K7Q-MR4-TX9`.
    public var formatted: String {
        let characters = Array(value)
        return [0, 3, 6].map { String(characters[$0..<$0 + 3]) }.joined(separator: "-")
    }

    public var description: String { formatted }

    /// A fresh code: eight characters drawn uniformly from `alphabet`, then the check character.
    public static func make(using generator: inout some RandomNumberGenerator) -> InvitationCode {
        let digits = (0..<randomLength).map { _ in generator.uniform(below: modulus) }
        return InvitationCode(digits: digits + [checkValue(for: digits)])
    }

    /// The code a person typed, or nil when it is not a valid code.
    ///
    /// Tolerates lower case, spaces, dashes (also en/em dashes), dots and underscores anywhere, and reads `Z` as `2`
    /// and `U` as `V`, since the alphabet has only the latter. `0`, `O`, `1`, `I` and `L` are refused rather than
    /// guessed, and a code whose check character does not match is refused.
    public static func parse(_ typed: String) -> InvitationCode? {
        var digits: [Int] = []
        for character in typed {
            if character.isWhitespace || "-‐‑‒–—._".contains(character) { continue }
            let upper = Character(character.uppercased())
            guard let value = values[lookAlikes[upper] ?? upper] else { return nil }
            digits.append(value)
            if digits.count > length { return nil }
        }
        guard digits.count == length, weightedSum(digits) % modulus == 0 else { return nil }
        return InvitationCode(digits: digits)
    }

    public static func < (lhs: InvitationCode, rhs: InvitationCode) -> Bool { lhs.value < rhs.value }

    init(digits: [Int]) {
        value = String(digits.map { Self.alphabet[$0] })
    }

    /// The check value that makes the weighted sum of all nine positions a multiple of 29.
    static func checkValue(for randomDigits: [Int]) -> Int {
        // (sum + 9·check) ≡ 0 (mod 29), and 13 is the inverse of 9 mod 29 (9 · 13 = 117 = 4 · 29 + 1).
        let sum = weightedSum(randomDigits) % modulus
        return (modulus - sum) * 13 % modulus
    }

    static func weightedSum(_ digits: [Int]) -> Int {
        digits.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element }
    }
}
