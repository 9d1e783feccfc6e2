import Foundation
import Testing

@testable import PanelCore

@Suite struct InvitationCodeTests {
    static func codes(_ count: Int, seed: UInt64 = 42) -> [InvitationCode] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in InvitationCode.make(using: &generator) }
    }

    @Test func madeCodesUseTheAlphabetAndPrintInThreeGroups() throws {
        for code in Self.codes(200) {
            #expect(code.value.count == 9)
            #expect(code.value.allSatisfy { InvitationCode.alphabet.contains($0) })
            #expect(code.formatted.count == 11)
            #expect(code.formatted.split(separator: "-").map(\.count) == [3, 3, 3])
            #expect(InvitationCode.parse(code.formatted) == code)
            #expect(InvitationCode.parse(code.value) == code)
        }
        #expect(!InvitationCode.alphabet.contains { "0O1ILUZ".contains($0) })
    }

    @Test func theSameGeneratorSeedGivesTheSameCodes() {
        #expect(Self.codes(20, seed: 7) == Self.codes(20, seed: 7))
        #expect(Self.codes(20, seed: 7) != Self.codes(20, seed: 8))
    }

    @Test func parseToleratesCaseSeparatorsAndLookAlikes() throws {
        let code = try #require(InvitationCode.parse(Self.codes(1)[0].value))
        let typed = code.value.lowercased()
        let spaced = typed.prefix(3) + " " + typed.dropFirst(3).prefix(3) + " – " + typed.suffix(3)
        #expect(InvitationCode.parse(String(spaced)) == code)
        #expect(InvitationCode.parse("  " + code.formatted.replacingOccurrences(of: "-", with: ".") + "\n") == code)

        // Z reads as 2 and U as V: the alphabet has only the latter.
        let withTwo = try #require(Self.codes(500).first { $0.value.contains("2") && $0.value.contains("V") })
        let misread = withTwo.value.replacingOccurrences(of: "2", with: "z").replacingOccurrences(of: "V", with: "u")
        #expect(InvitationCode.parse(misread) == withTwo)
    }

    @Test func parseRefusesAmbiguousCharactersAndWrongLengths() throws {
        let code = Self.codes(1)[0].value
        for bad in ["0", "O", "1", "I", "L", "!"] {
            #expect(InvitationCode.parse(bad + code.dropFirst()) == nil, "`\(bad)` was accepted")
        }
        #expect(InvitationCode.parse(String(code.dropLast())) == nil)
        #expect(InvitationCode.parse(code + "2") == nil)
        #expect(InvitationCode.parse("") == nil)
    }

    @Test func everySingleSubstitutionIsCaught() {
        for code in Self.codes(40) {
            let characters = Array(code.value)
            for position in characters.indices {
                for replacement in InvitationCode.alphabet where replacement != characters[position] {
                    var typed = characters
                    typed[position] = replacement
                    #expect(InvitationCode.parse(String(typed)) == nil, "\(String(typed)) passed as \(code)")
                }
            }
        }
    }

    @Test func everyTranspositionIsCaught() {
        for code in Self.codes(300) {
            let characters = Array(code.value)
            for first in characters.indices {
                for second in characters.indices where second > first && characters[first] != characters[second] {
                    var typed = characters
                    typed.swapAt(first, second)
                    #expect(InvitationCode.parse(String(typed)) == nil, "\(String(typed)) passed as \(code)")
                }
            }
        }
    }

    @Test func theFirstAndLastSymbolsSwappedAreCaught() throws {
        // The pair Luhn mod N misses: build a valid code with the first and last alphabet symbols side by side.
        let digits = [0, 28, 3, 4, 5, 6, 7, 8]
        let code = InvitationCode(digits: digits + [InvitationCode.checkValue(for: digits)])
        #expect(InvitationCode.parse(code.value) == code)
        var swapped = Array(code.value)
        swapped.swapAt(0, 1)
        #expect(InvitationCode.parse(String(swapped)) == nil)
    }
}
