import Foundation
import Testing

@testable import MailFormat
@testable import PanelMail

/// Reading the MTA's verdict on a case mail: which checks passed, for which domain, written by whom.
@Suite struct AuthenticationResultsTests {
    @Test func dkimSpfAndDmarcAreReadWithCommentsAndVersion() throws {
        let results = try #require(
            AuthenticationResults(
                "mx.tweedemening.nl 1; dkim=pass (2048-bit key; unprotected) header.d=utrecht.nl header.s=sel1 "
                    + "header.b=AbC; spf=pass (mx: domain of wmo@utrecht.nl designates 1.2.3.4) smtp.mailfrom=wmo@utrecht.nl; "
                    + "dmarc=pass (p=reject dis=none) header.from=utrecht.nl"))
        #expect(results.authservID == "mx.tweedemening.nl")
        #expect(results.results.map(\.method) == ["dkim", "spf", "dmarc"])
        #expect(results.results[0].properties["header.d"] == "utrecht.nl")
        #expect(results.authenticates(domain: "utrecht.nl"))
        #expect(results.summary == "dkim=pass, spf=pass, dmarc=pass")
    }

    @Test func passForAnotherDomainOrAFailDoesNotVouch() throws {
        let other = try #require(
            AuthenticationResults("mx.example; dkim=pass header.d=mailchimp.com; spf=fail smtp.mailfrom=utrecht.nl"))
        #expect(!other.authenticates(domain: "utrecht.nl"))
        let none = try #require(AuthenticationResults("mx.example; none"))
        #expect(none.results.isEmpty)
        #expect(!none.authenticates(domain: "utrecht.nl"))
        // "utrecht.nl.evil.example" is neither the domain nor a parent or subdomain of it.
        let lookalike = try #require(AuthenticationResults("mx.example; dkim=pass header.d=utrecht.nl.evil.example"))
        #expect(!lookalike.authenticates(domain: "utrecht.nl"))
    }

    @Test func relaxedAlignmentAcceptsParentAndSubdomains() throws {
        let parent = try #require(AuthenticationResults("mx.example; dkim=pass header.d=utrecht.nl"))
        #expect(parent.authenticates(domain: "wmo.utrecht.nl"))
        let child = try #require(AuthenticationResults("mx.example; spf=pass smtp.mailfrom=bounce.utrecht.nl"))
        #expect(child.authenticates(domain: "utrecht.nl"))
        let quoted = try #require(AuthenticationResults("mx.example; spf=pass smtp.mailfrom=\"wmo@utrecht.nl\""))
        #expect(quoted.authenticates(domain: "utrecht.nl"))
    }

    @Test func onlyOurOwnHeaderIsTrusted() throws {
        // A sender can put any Authentication-Results in its mail; the MTA adds its own on top.
        let raw = """
            Authentication-Results: mx.tweedemening.nl; dkim=fail header.d=utrecht.nl
            Authentication-Results: forged.example; dkim=pass header.d=utrecht.nl
            From: wmo@utrecht.nl
            To: zaken@reply.tweedemening.nl
            Subject: zaak

            tekst
            """
        let message = try InboundMessage.parse(Array(raw.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        #expect(
            message.trustedAuthenticationResults(authservID: "mx.tweedemening.nl").map(\.authservID) == ["mx.tweedemening.nl"])
        #expect(message.trustedAuthenticationResults(authservID: "forged.example").count == 1)
        #expect(message.trustedAuthenticationResults(authservID: "other.example").isEmpty)
        // Without a configured id none counts, not even the topmost: a sender can write that one too when our MTA
        // adds none (issue #17, finding 4).
        #expect(message.trustedAuthenticationResults(authservID: nil).isEmpty)
        #expect(message.trustedAuthenticationResults(authservID: "").isEmpty)
    }

    /// What "our MTA marks the mail as failing" means (issue #17, finding 3), written down as cases.
    @Test(arguments: [
        // A pass for the From domain wins over anything else.
        ("dkim=pass header.d=utrecht.nl; spf=fail smtp.mailfrom=utrecht.nl; dmarc=fail header.from=utrecht.nl", "pass"),
        ("spf=pass smtp.mailfrom=bounce.utrecht.nl; dmarc=fail header.from=utrecht.nl", "pass"),
        // DMARC failing for the From domain (or naming no domain) fails.
        ("dkim=none; spf=none; dmarc=fail (p=reject) header.from=utrecht.nl", "fail"),
        ("dmarc=fail", "fail"),
        // DKIM and SPF both failing (softfail counts) for the From domain fail.
        ("dkim=fail header.d=utrecht.nl; spf=softfail smtp.mailfrom=wmo@utrecht.nl", "fail"),
        // One of the two alone does not: a forwarder breaks SPF, an unsigned mail has no DKIM.
        ("dkim=none; spf=fail smtp.mailfrom=utrecht.nl", "unknown"),
        ("dkim=fail header.d=utrecht.nl; spf=none", "unknown"),
        // Failures about another domain say nothing about this one.
        ("dmarc=fail header.from=elders.example", "unknown"),
        ("dkim=fail header.d=mailchimp.com; spf=fail smtp.mailfrom=mailchimp.com", "unknown"),
        ("dkim=temperror header.d=utrecht.nl; spf=neutral smtp.mailfrom=utrecht.nl", "unknown"),
        ("none", "unknown"),
    ])
    func failingMeansDmarcOrBothDkimAndSpfFailWithoutAnyPass(results: String, expected: String) throws {
        let field = try #require(AuthenticationResults("mx.example; " + results))
        let verdict = SenderAuthentication([field], domain: "utrecht.nl")
        #expect("\(verdict)" == expected, "\(results)")
        #expect(SenderAuthentication([], domain: "utrecht.nl") == .unknown)
    }

    @Test func theSecretLineIsFoundRemovedAndComparedByHash() {
        let (secret, text) = SubmissionSecret.extract(from: "Goedemorgen,\n  Geheim:  abc123xyz  \n---\ntitle: x\n")
        #expect(secret == "abc123xyz")
        #expect(text == "Goedemorgen,\n---\ntitle: x\n")
        let hash = SubmissionSecret.hash("abc123xyz")
        #expect(hash.count == 64)
        #expect(SubmissionSecret.matches("abc123xyz", storedHash: hash))
        #expect(SubmissionSecret.matches("abc123xyz", storedHash: hash.uppercased()))
        #expect(!SubmissionSecret.matches("abc123xy", storedHash: hash))
        #expect(SubmissionSecret.extract(from: "geen geheim hier").secret == nil)
    }
}
