import Foundation
import Testing

@testable import PanelCore

@Suite struct TokenSignerTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let key = SigningKey(id: "k1", secret: Array(repeating: 7, count: 32))
    var signer: TokenSigner { TokenSigner(keys: [key]) }
    var claims: TokenClaims {
        TokenClaims(purpose: .vote, round: 12, panelist: 345, choice: .oppose, expires: now.addingTimeInterval(3_600))
    }

    @Test func signedTokenVerifiesToTheSameClaims() throws {
        let token = signer.sign(claims)
        #expect(token.hasPrefix("v1.k1."))
        #expect(try signer.verify(token, purpose: .vote, now: now) == claims)
    }

    @Test func alteredTokensAreRejected() {
        // Given a valid token
        let token = signer.sign(claims)
        let parts = token.split(separator: ".").map(String.init)
        // When the payload names another panelist but keeps the mac
        let forgedPayload = Base64URL.encode(Array("v:12:346:oppose:\(Int(now.timeIntervalSince1970) + 3600)".utf8))
        let forged = [parts[0], parts[1], forgedPayload, parts[3]].joined(separator: ".")
        // Then it does not verify
        #expect(throws: TokenError.badSignature) { try signer.verify(forged, purpose: .vote, now: now) }
        // And flipping any single character of the token breaks it
        for index in token.indices {
            var chars = Array(token)
            let offset = token.distance(from: token.startIndex, to: index)
            chars[offset] = chars[offset] == "A" ? "B" : "A"
            let mutated = String(chars)
            if mutated == token { continue }
            #expect(throws: (any Error).self) { try signer.verify(mutated, purpose: .vote, now: now) }
        }
    }

    @Test func wrongPurposeExpiredAndUnknownKeyAreRejected() {
        let token = signer.sign(claims)
        #expect(throws: TokenError.wrongPurpose) { try signer.verify(token, purpose: .unsubscribe, now: now) }
        #expect(throws: TokenError.expired(claims)) {
            try signer.verify(token, purpose: .vote, now: now.addingTimeInterval(3_600))
        }
        let other = TokenSigner(keys: [SigningKey(id: "k2", secret: Array(repeating: 9, count: 32))])
        #expect(throws: TokenError.unknownKey) { try other.verify(token, purpose: .vote, now: now) }
        let sameIdOtherSecret = TokenSigner(keys: [SigningKey(id: "k1", secret: Array(repeating: 9, count: 32))])
        #expect(throws: TokenError.badSignature) { try sameIdOtherSecret.verify(token, purpose: .vote, now: now) }
    }

    @Test func rotatedKeysKeepVerifyingOldTokens() throws {
        // Given a token signed with the old key
        let old = signer.sign(claims)
        // When a new key becomes active and the old one stays listed
        let rotated = TokenSigner(keys: [SigningKey(id: "k2", secret: Array(repeating: 1, count: 32)), key])
        // Then old and new tokens verify, and new ones carry the new key id
        #expect(try rotated.verify(old, purpose: .vote, now: now) == claims)
        let fresh = rotated.sign(claims)
        #expect(fresh.hasPrefix("v1.k2."))
        #expect(try rotated.verify(fresh, purpose: .vote, now: now) == claims)
    }

    @Test func garbageIsMalformedNotACrash() {
        for input in [
            "", ".", "v1", "v1.k1", "v1.k1..", "v1.k1.%%%.AAAA", "v2.k1.abc.def", String(repeating: "x", count: 5000),
            "v1.k1.\(Base64URL.encode(Array("v:1:2".utf8))).AAAAAAAAAAAAAAAAAAAAAA",
        ] {
            #expect(throws: (any Error).self) { try signer.verify(input, purpose: .vote, now: now) }
        }
    }

    @Test func randomTokensAreNeverAccepted() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")
        var accepted = 0
        for _ in 0..<20_000 {
            let body = String(
                (0..<Int.random(in: 20...60, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            if (try? signer.verify("v1.k1.\(body)", purpose: .vote, now: now)) != nil { accepted += 1 }
        }
        #expect(accepted == 0)
    }
}
