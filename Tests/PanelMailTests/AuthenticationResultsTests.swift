import Foundation
import Testing

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
        #expect(message.trustedAuthenticationResults(authservID: nil).map(\.authservID) == ["mx.tweedemening.nl"])
        #expect(!message.trustedAuthenticationResults(authservID: nil).contains { $0.authenticates(domain: "utrecht.nl") })
        #expect(message.trustedAuthenticationResults(authservID: "forged.example").count == 1)
        #expect(message.trustedAuthenticationResults(authservID: "other.example").isEmpty)
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
