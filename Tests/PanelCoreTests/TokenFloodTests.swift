import Foundation
import Testing

@testable import PanelCore

/// Issue #8: over a million mutated and random tokens and reply addresses, and not one verifies.
///
/// The originals are signed for every purpose with two keys (one active, one rotated out but still listed). Each is
/// mutated deterministically (every bit flipped, every character replaced by every character of its alphabet,
/// every truncation, every insertion, case swapped, key ids swapped, parts spliced between originals) and then at
/// random, up to a fixed budget; then random strings, in shape and not. Only the unmodified originals verify (for a
/// reply address: whatever its case, which mail systems may change).
///
/// "Verifies" for a token includes `wrongPurpose` and `expired`: both are thrown only after the signature matched.
/// Mutations are built as bytes in a reused buffer, so the time goes to the verifiers, not the generator.
@Suite struct TokenFloodTests {
    static let tokenBudget = 60_000
    static let replyBudget = 50_000
    static let randomBudget = 100_000
    static let replyPurposes: [ReplyAddress.Purpose] = [.panelist, .municipality, .answer, .revision]

    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let active = SigningKey(id: "k1", secret: Array(repeating: 7, count: 32))
    static let rotated = SigningKey(id: "k2", secret: Array(repeating: 9, count: 32))
    static let signer = TokenSigner(keys: [active, rotated])

    static let base64URL = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    /// The base32 alphabet, the digits it lacks and the separators.
    static let base32 = Array("abcdefghijklmnopqrstuvwxyz2345670189.+@".utf8)
    static let separators = Array(".=+/%: \0".utf8)

    @Test func theFloodAddsUpToAMillion() {
        let total =
            Self.tokenBudget * TokenPurpose.allCases.count + Self.replyBudget * Self.replyPurposes.count
            + Self.randomBudget
        #expect(total >= 1_000_000)
    }

    @Test(arguments: TokenPurpose.allCases)
    func mutatedTokensNeverVerify(purpose: TokenPurpose) throws {
        // Given tokens of this purpose from both keys, for two sets of claims
        let claims = Self.claims(purpose)
        let originals = claims.flatMap { claims in
            [Self.signer, TokenSigner(keys: [Self.rotated])].map { Array($0.sign(claims).utf8) }
        }
        for (original, expected) in zip(originals, claims.flatMap { [$0, $0] }) {
            #expect(
                try Self.signer.verify(String(decoding: original, as: UTF8.self), purpose: purpose, now: Self.now) == expected)
        }
        // When every mutation of them is verified for this purpose
        var flood = Flood(originals: originals, budget: Self.tokenBudget) { candidate in
            do throws(TokenError) {
                _ = try Self.signer.verify(candidate, purpose: purpose, now: Self.now)
                return true
            } catch {
                switch error {
                case .wrongPurpose, .expired: return true
                case .malformed, .unknownKey, .badSignature: return false
                }
            }
        }
        for original in originals {
            flood.mutateEveryByte(of: original, alphabet: Self.base64URL + Self.separators)
            flood.swapCase(of: original)
            let parts = original.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).map(Array.init)
            try #require(parts.count == 4)
            for kid in ["k2", "k1", "K1", "k3", "", "k1.k1"] {
                flood.feed(Self.dotted([parts[0], Array(kid.utf8), parts[2], parts[3]]))
            }
            for other in originals {
                let otherParts = other.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).map(Array.init)
                flood.feed(Self.dotted([parts[0], parts[1], parts[2], otherParts[3]]))
                flood.feed(Self.dotted([parts[0], otherParts[1], parts[2], parts[3]]))
            }
        }
        let deterministic = flood.fed
        let seed = UInt64(TokenPurpose.allCases.firstIndex(of: purpose) ?? 0)
        flood.mutateAtRandom(alphabet: Self.base64URL + Self.separators, seed: 0x70C3 + seed)
        // Then none verifies
        #expect(deterministic < Self.tokenBudget && flood.fed == Self.tokenBudget)
        #expect(flood.accepted.isEmpty, "verified: \(flood.accepted.prefix(5))")
    }

    @Test(arguments: TokenFloodTests.replyPurposes)
    func mutatedReplyAddressesNeverVerify(purpose: ReplyAddress.Purpose) throws {
        // Given addresses of this purpose from both keys
        let addresses = [
            ReplyAddress(purpose: purpose, round: 12, subject: 345),
            ReplyAddress(purpose: purpose, round: 4_294_967_295, subject: 0),
        ]
        let originals = addresses.flatMap { address in
            [Self.signer, TokenSigner(keys: [Self.rotated])].map { Array(address.localPart(signer: $0).utf8) }
        }
        for (original, expected) in zip(originals, addresses.flatMap { [$0, $0] }) {
            let local = String(decoding: original, as: UTF8.self)
            // Case does not matter and the domain is not ours to check: they verify.
            #expect(ReplyAddress.verify(local, signer: Self.signer) == expected)
            #expect(ReplyAddress.verify(local.uppercased() + "@ANTWOORD.EXAMPLE.NL", signer: Self.signer) == expected)
        }
        // When every mutation of them is verified
        var flood = Flood(originals: originals, budget: Self.replyBudget, sameAs: Flood.localPartLowercased) { candidate in
            ReplyAddress.verify(candidate, signer: Self.signer) != nil
        }
        let prefix = ReplyAddress.prefix.utf8.count
        for original in originals {
            flood.mutateEveryByte(of: original, alphabet: Self.base32)
            // Every bit of the signed bytes, re-encoded: the payload and the MAC, not just their spelling.
            let dot = try #require(original[prefix...].firstIndex(of: 0x2E))
            let head = Array(original[...dot])
            let bytes = try #require(Base32.decode(String(decoding: original[(dot + 1)...], as: UTF8.self)))
            for bit in 0..<(bytes.count * 8) {
                var flipped = bytes
                flipped[bit / 8] ^= 1 << (bit % 8)
                flood.feed(head + Array(Base32.encode(flipped).utf8))
            }
            for kid in ["k2", "k1", "k3", "", "k1.k1"] {
                flood.feed(Array("reply+\(kid).".utf8) + original[(dot + 1)...])
            }
            for other in originals where other != original {
                let otherBytes = try #require(Base32.decode(String(decoding: other[(other.count - 40)...], as: UTF8.self)))
                flood.feed(head + Array(Base32.encode(Array(bytes.prefix(9) + otherBytes.suffix(16))).utf8))
            }
        }
        let deterministic = flood.fed
        flood.mutateAtRandom(alphabet: Self.base32, seed: 0x3E91 + UInt64(purpose.rawValue))
        // Then none verifies
        #expect(deterministic < Self.replyBudget && flood.fed == Self.replyBudget)
        #expect(flood.accepted.isEmpty, "verified: \(flood.accepted.prefix(5))")
    }

    @Test func randomStringsNeverVerify() {
        // Given random strings: tokens and reply addresses in shape with a known key id, and arbitrary bytes
        var random = SplitMix64(seed: 0x5EED)
        var accepted: [String] = []
        var buffer: [UInt8] = []
        buffer.reserveCapacity(128)
        func append(_ count: Int, from alphabet: [UInt8]) {
            for _ in 0..<count { buffer.append(alphabet[Int(random.next() % UInt64(alphabet.count))]) }
        }
        // When each is verified as a token for some purpose, or as a reply address
        for index in 0..<Self.randomBudget {
            buffer.removeAll(keepingCapacity: true)
            switch index % 4 {
            case 0:
                buffer += Array("v1.k1.".utf8)
                append(Int(random.next() % 60), from: Self.base64URL)
                buffer.append(0x2E)
                append(22, from: Self.base64URL)
            case 1:
                buffer += Array("reply+k1.".utf8)
                append(40, from: Array(Self.base32.prefix(32)))
            default:
                for _ in 0..<Int(random.next() % 80) { buffer.append(UInt8(truncatingIfNeeded: random.next())) }
            }
            let candidate = String(decoding: buffer, as: UTF8.self)
            let purpose = TokenPurpose.allCases[index % TokenPurpose.allCases.count]
            let verified: Bool
            if index % 4 == 1 || index % 4 == 3 {
                verified = ReplyAddress.verify(candidate, signer: Self.signer) != nil
            } else {
                do throws(TokenError) {
                    _ = try Self.signer.verify(candidate, purpose: purpose, now: Self.now)
                    verified = true
                } catch {
                    verified = error != .malformed && error != .unknownKey && error != .badSignature
                }
            }
            if verified { accepted.append(candidate) }
        }
        // Then none verifies
        #expect(accepted.isEmpty, "verified: \(accepted.prefix(5))")
    }

    static func dotted(_ parts: [[UInt8]]) -> [UInt8] { Array(parts.joined(separator: [UInt8(ascii: ".")])) }

    /// Two sets of claims per purpose, with what that purpose carries.
    static func claims(_ purpose: TokenPurpose) -> [TokenClaims] {
        let expires = now.addingTimeInterval(3_600)
        var first = TokenClaims(purpose: purpose, round: 12, panelist: 345, expires: expires)
        var second = TokenClaims(purpose: purpose, round: 4_000_000_000, panelist: 1, expires: expires.addingTimeInterval(86_400))
        switch purpose {
        case .vote:
            first.choice = .oppose
            second.choice = .support
        case .evaluate:
            first.answer = EvaluationAnswer(question: .satisfaction, value: "4")
            second.answer = EvaluationAnswer(question: .trust, value: "more")
        default: break
        }
        return [first, second]
    }
}

/// Feeds up to `budget` candidates to a verifier and keeps those it accepts, skipping the originals themselves.
private struct Flood {
    let originals: Set<[UInt8]>
    let budget: Int
    /// What makes two spellings the same (for a reply address: the local part, whatever its case).
    let sameAs: ([UInt8]) -> [UInt8]
    let verifies: (String) -> Bool
    var fed = 0
    var accepted: [String] = []
    private var buffer: [UInt8] = []

    init(
        originals: [[UInt8]], budget: Int, sameAs: @escaping ([UInt8]) -> [UInt8] = { $0 },
        verifies: @escaping (String) -> Bool
    ) {
        self.budget = budget
        self.sameAs = sameAs
        self.originals = Set(originals.map(sameAs))
        self.verifies = verifies
    }

    mutating func feed(_ candidate: [UInt8]) {
        guard fed < budget else { return }
        let text = String(decoding: candidate, as: UTF8.self)
        // Whether it is an original is asked only of what verifies: off the hot path, and not counted as fed.
        if verifies(text) {
            guard !originals.contains(sameAs(candidate)) else { return }
            accepted.append(text)
        }
        fed += 1
    }

    /// Every bit flipped, every byte replaced by every character of `alphabet`, every byte deleted, every character
    /// inserted everywhere, every prefix and suffix.
    mutating func mutateEveryByte(of original: [UInt8], alphabet: [UInt8]) {
        buffer = original
        for index in original.indices {
            for bit in 0..<8 {
                buffer[index] ^= 1 << bit
                feed(buffer)
                buffer[index] = original[index]
            }
            for character in alphabet where character != original[index] {
                buffer[index] = character
                feed(buffer)
            }
            buffer[index] = original[index]
        }
        for index in original.indices {
            buffer = original
            buffer.remove(at: index)
            feed(buffer)
        }
        for index in 0...original.count {
            for character in alphabet {
                buffer = original
                buffer.insert(character, at: index)
                feed(buffer)
            }
        }
        for length in 0..<original.count {
            feed(Array(original.prefix(length)))
            feed(Array(original.suffix(length)))
        }
    }

    /// Each letter's case swapped on its own, then all of them.
    mutating func swapCase(of original: [UInt8]) {
        for index in original.indices where Self.isLetter(original[index]) {
            buffer = original
            buffer[index] ^= 0x20
            feed(buffer)
        }
        feed(original.map { Self.isLetter($0) ? $0 ^ 0x20 : $0 })
    }

    /// One to four random edits (replace, insert, delete, flip a bit) of a random original, up to the budget.
    mutating func mutateAtRandom(alphabet: [UInt8], seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let originals = Array(self.originals).sorted { $0.lexicographicallyPrecedes($1) }
        while fed < budget {
            buffer = originals[Int(random.next() % UInt64(originals.count))]
            for _ in 0...(random.next() % 4) {
                let index = Int(random.next() % UInt64(buffer.count + 1))
                let character = alphabet[Int(random.next() % UInt64(alphabet.count))]
                switch random.next() % 4 {
                case 0 where index < buffer.count: buffer[index] = character
                case 1: buffer.insert(character, at: index)
                case 2 where index < buffer.count: buffer.remove(at: index)
                case 3 where index < buffer.count: buffer[index] ^= 1 << (random.next() % 8)
                default: buffer.append(character)
                }
            }
            feed(buffer)
        }
    }

    static func isLetter(_ byte: UInt8) -> Bool { isUpper(byte) || (0x61...0x7A).contains(byte) }
    /// The part before the last `@`, in lower case: the domain is the mail server's business, case the mail system's.
    static func localPartLowercased(_ bytes: [UInt8]) -> [UInt8] {
        bytes[..<(bytes.lastIndex(of: UInt8(ascii: "@")) ?? bytes.endIndex)].map { isUpper($0) ? $0 | 0x20 : $0 }
    }

    static func isUpper(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }
}
