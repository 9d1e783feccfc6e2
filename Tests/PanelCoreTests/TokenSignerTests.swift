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

    @Test func theTokenIsTheDocumentedFormatByteForByte() throws {
        // Computed outside Swift (Python's hmac, hashlib and base64): HMAC-SHA256 over `v1.{kid}.{payload}`, the first
        // 16 bytes, base64url without padding. Links already mailed must keep verifying whatever the code becomes.
        let expected = "v1.k1.djoxMjozNDU6b3Bwb3NlOjE4MDAwMDM2MDA.G37VXaFYRpHzTuFcz2txMQ"
        #expect(signer.sign(claims) == expected)
        #expect(try signer.verify(expected, purpose: .vote, now: now) == claims)
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

    @Test func base64URLDecodesWhatItEncodesAndOnlyThatSpelling() {
        // Given every length from 0 to 40 bytes, random bytes
        var generator = SystemRandomNumberGenerator()
        for length in 0...40 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = Base64URL.encode(bytes)
            // Then decoding gives the bytes back, and agrees with Foundation's decoder of the standard alphabet
            #expect(Base64URL.decode(text) == bytes)
            var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            standard += String(repeating: "=", count: (4 - standard.count % 4) % 4)
            #expect(Data(base64Encoded: standard).map(Array.init) == bytes)
        }
        // And other spellings of the same bytes are refused: padding, the standard alphabet, bits after the last byte,
        // a length no encoding has
        #expect(Base64URL.decode("MQ") == Array("1".utf8))
        for refused in ["MR", "MQ==", "M", "MTIz+", "MTIz/w", "MTI\u{00E9}", "MT I", "MTIzN"] {
            #expect(Base64URL.decode(refused) == nil, "\(refused)")
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

/// Typed link subjects: one per purpose, the same wire format as before (links already sent keep working).
@Suite struct LinkSubjectTests {
    let signer = TokenSigner(keys: [SigningKey(id: "k1", secret: Array(repeating: 7, count: 32))])
    let expires = Date(timeIntervalSince1970: 1_900_000_000)

    static let subjects: [LinkSubject] = [
        .vote(round: 4, panelist: 9, choice: .oppose), .unsubscribe(round: 4, panelist: 9), .unsubscribe(round: 0, panelist: 9),
        .quiet(round: 4, panelist: 9), .noDigest(round: 4, panelist: 9),
        .moderateArgument(round: 4, argument: 31, publish: true), .moderateArgument(round: 4, argument: 31, publish: false),
        .moderateAnswer(round: 4, question: 12, publish: true), .moderateAnswer(round: 4, question: 12, publish: false),
        .extendDiscussion(round: 4, days: 3),
        .evaluate(round: 4, panelist: 9, answer: EvaluationAnswer(question: .satisfaction, value: "4")!),
        .reviewCase(caseId: 17, version: 2, approve: true), .reviewCase(caseId: 17, version: 2, approve: false),
        .joinAnswer(volunteer: 55, answer: "age_band=65-74"), .joinConfirm(volunteer: 55), .pause(round: 0, panelist: 9),
        .erase(panelist: 9), .resubscribe(panelist: 9), .takeSeat(volunteer: 12),
    ]

    @Test func everyPurposeHasASubjectAndEverySubjectComesBackAsItWent() throws {
        #expect(Set(Self.subjects.map(\.purpose.rawValue)) == Set(TokenPurpose.allCases.map(\.rawValue)))
        for subject in Self.subjects {
            let token = signer.sign(TokenClaims(subject, expires: expires))
            let claims = try signer.verify(token, purpose: subject.purpose, now: expires.addingTimeInterval(-1))
            #expect(claims.subject == subject)
        }
    }

    @Test func theWireFormatIsTheOldOne() {
        // A case review link signed the old way (case id in `round`, version in `panelist`) and the typed way are the
        // same token, so review mails already sent keep working
        let old = signer.sign(TokenClaims(purpose: .approveCase, round: 17, panelist: 2, expires: expires))
        #expect(signer.sign(TokenClaims(.reviewCase(caseId: 17, version: 2, approve: true), expires: expires)) == old)
        let oldJoin = signer.sign(
            TokenClaims(purpose: .joinAnswer, round: 55, panelist: 0, detail: "age_band=65-74", expires: expires))
        #expect(signer.sign(TokenClaims(.joinAnswer(volunteer: 55, answer: "age_band=65-74"), expires: expires)) == oldJoin)
    }

    @Test func aLinkWhoseFieldsDoNotFitItsPurposeHasNoSubject() throws {
        // A vote link without a choice is damaged: no subject, so every route refuses it
        let token = signer.sign(TokenClaims(purpose: .vote, round: 4, panelist: 9, expires: expires))
        #expect(try signer.verify(token, purpose: .vote, now: expires.addingTimeInterval(-1)).subject == nil)
    }
}
