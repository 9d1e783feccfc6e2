import Foundation
import TestSupport
import Testing

@testable import MailFormat
@testable import PanelMail

/// DKIM signatures (RFC 6376 relaxed/relaxed, rsa-sha256 and RFC 8463 ed25519-sha256), checked by dkimpy — an
/// implementation that shares no code with ours — against the TXT records `keys dkim` prints.
@Suite struct DKIMSignerTests {
    static let keys: [DKIMKey] = [
        try! DKIMKey.generate(.rsaSHA256, domain: "tweedemening.example", selector: "t1-rsa"),
        try! DKIMKey.generate(.ed25519SHA256, domain: "tweedemening.example", selector: "t1-ed25519"),
    ]
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-dkim-\(UUID().uuidString)")
    let time = Date(timeIntervalSince1970: 1_796_000_000)

    /// A panelist's message as the composer writes it: List-Unsubscribe, List-Id, a multipart body.
    static func message() -> [UInt8] {
        var message = MIMETests.sampleMessage()
        message.extraHeaders = [
            ("List-Unsubscribe", "<https://stem.tweedemening.example/u/v1.k1.abc.def>"),
            ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            ("List-Id", "\"Burgerpanel Gemeente Utrecht\" <utrecht.panel.tweedemening.example>"),
            ("X-Tweedemening-Kind", "vote"),
        ]
        return message.rendered()
    }

    /// Runs `scripts/dkim-verify.py` on the messages; per message, per signature: (algorithm, h=, verified).
    func dkimpy(_ messages: [[UInt8]]) throws -> [[(a: String, h: String, ok: Bool)]] {
        try DKIMVerifier.verify(messages.map { Data($0) }, records: Self.keys.map(\.zoneFileLine), in: folder).map {
            $0.map { ($0.algorithm, $0.headers, $0.verified) }
        }
    }

    @Test func bothSignaturesVerifyWithDkimpyAndCoverTheListHeaders() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Given a message signed with an RSA and an Ed25519 key
        let signed = try DKIMSigner(keys: Self.keys).sign(Self.message(), at: time)
        // When dkimpy verifies it against the printed records
        let results = try dkimpy([signed])
        // Then both signatures verify, and h= names the present fields we sign, nothing absent
        let signatures = try #require(results.first)
        #expect(signatures.map(\.a) == ["rsa-sha256", "ed25519-sha256"])
        #expect(signatures.allSatisfy { $0.ok })
        let expected =
            "from:to:subject:date:message-id:reply-to:mime-version:content-type:list-unsubscribe:"
            + "list-unsubscribe-post:list-id"
        #expect(signatures.allSatisfy { $0.h.lowercased() == expected })
    }

    @Test func aChangedHeaderOrBodyFailsVerification() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let signed = try DKIMSigner(keys: Self.keys).sign(Self.message(), at: time)
        let text = String(decoding: signed, as: UTF8.self)
        func replacing(_ old: String, _ new: String) throws -> [UInt8] {
            try #require(text.contains(old), "\(old) is not in the message")
            return Array(text.replacingOccurrences(of: old, with: new).utf8)
        }
        // Given copies with a signed header changed, the unsubscribe link changed, and one body character changed
        let subject = try #require(text.split(separator: "\r\n").first { $0.hasPrefix("Subject: ") })
        let tampered = [
            try replacing(String(subject), "Subject: Uw stem telt niet"),
            try replacing("/u/v1.k1.abc.def", "/u/v1.k1.abc.xyz"),
            try replacing("Beste panellid,", "Beste panellid;"),
        ]
        // When dkimpy verifies the original and each copy
        let results = try dkimpy([signed] + tampered)
        // Then the original verifies and every signature of every copy fails
        #expect(results.count == 4)
        #expect(results[0].count == 2 && results[0].allSatisfy { $0.ok })
        for result in results.dropFirst() {
            #expect(result.count == 2)
            #expect(result.allSatisfy { !$0.ok })
        }
    }

    @Test func keysSurviveTheirFileAndPrintTheirRecord() throws {
        for key in Self.keys {
            // When a key is written and read back
            let read = try DKIMKey(
                domain: key.domain, selector: key.selector, algorithm: key.algorithm, fileContents: key.fileContents)
            // Then it is the same key, and its record names the algorithm
            #expect(read.publicKeyBase64 == key.publicKeyBase64)
            #expect(key.dnsRecord.hasPrefix("v=DKIM1; k=\(key.algorithm.keyType); p="))
            #expect(key.zoneFileLine.hasPrefix("\(key.selector)._domainkey.tweedemening.example. IN TXT ( \"v=DKIM1;"))
        }
        // A 2048-bit RSA key's SubjectPublicKeyInfo is 294 bytes; an Ed25519 public key 32
        #expect(Data(base64Encoded: Self.keys[0].publicKeyBase64)?.count == 294)
        #expect(Data(base64Encoded: Self.keys[1].publicKeyBase64)?.count == 32)
        // And garbage is refused with a reason
        #expect(throws: DKIMKeyError.self) {
            try DKIMKey(domain: "x.example", selector: "s", algorithm: .ed25519SHA256, fileContents: "not base64!")
        }
        #expect(throws: DKIMKeyError.self) {
            try DKIMKey(domain: "x.example", selector: "s", algorithm: .rsaSHA256, fileContents: "-----BEGIN nothing")
        }
    }

    @Test func relaxedCanonicalisationIsTheRFCExample() {
        // RFC 6376 §3.4.6, example 2
        let header: [UInt8] = Array("A: X\r\nB : Y\t\r\n\tZ  \r\n".utf8)
        let fields = DKIMSigner.fields(header[...])
        #expect(fields.map(\.name) == ["A", "B"])
        #expect(fields.map { String(decoding: DKIMSigner.relaxedHeader($0.raw), as: UTF8.self) } == ["a:X", "b:Y Z"])
        let body = DKIMSigner.relaxedBody(Array(" C \r\nD \t E\r\n\r\n\r\n".utf8)[...])
        #expect(String(decoding: body, as: UTF8.self) == " C\r\nD E\r\n")
    }

    @Test func theHandoffDatesTheMessageNowAndSignsThatDate() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Given a message rendered with the date of its step (MIMETests' sample: 24 Nov 2026)
        let rendered = Self.message()
        #expect(String(decoding: rendered, as: UTF8.self).contains("Date: "))
        let leaving = Date(timeIntervalSince1970: 1_796_107_200)  // 2026-12-01 06:40:00 UTC
        // When it is handed to SMTP
        let handed = try Handoff(signer: DKIMSigner(keys: Self.keys), clock: { leaving }).prepare(rendered)
        let text = String(decoding: handed, as: UTF8.self)
        // Then it carries exactly one Date, the moment it left, under signatures that verify
        let dates = text.split(separator: "\r\n").filter { $0.hasPrefix("Date: ") }
        #expect(dates == ["Date: Tue, 01 Dec 2026 06:40:00 +0000"])
        #expect(text.hasPrefix("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=tweedemening.example;"))
        #expect(text.contains("t=1796107200;"))
        let results = try dkimpy([handed])
        #expect(results.first?.count == 2 && results.first?.allSatisfy { $0.ok } == true)
        // And without keys it is only dated; a message without Date gets one
        let unsigned = try Handoff(clock: { leaving }).prepare(rendered)
        #expect(!String(decoding: unsigned, as: UTF8.self).contains("DKIM-Signature"))
        let undated = Array("From: a@x.example\r\n\r\nHallo\r\n".utf8)
        #expect(
            String(decoding: Handoff.redated(undated, date: leaving), as: UTF8.self)
                == "Date: Tue, 01 Dec 2026 06:40:00 +0000\r\nFrom: a@x.example\r\n\r\nHallo\r\n")
    }
}
