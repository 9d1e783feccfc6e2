import Foundation
import TestSupport
import Testing

@testable import MailFormat
@testable import PanelMail

/// End-to-end tests of `SMTPConnection` (libcurl) against `scripts/smtp-catcher.py` on loopback.
@Suite struct SMTPConnectionTests {
    /// MAIL FROM / RCPT TO take `<address>`: spaces around it dropped, brackets once, and nothing that could end
    /// the command or smuggle a second one.
    @Test func envelopeAddressesAreBracketedOnceAndNeverCarryALineBreak() {
        #expect(SMTPConnection.envelopeAddress("a@b.nl", allowEmpty: false) == "<a@b.nl>")
        #expect(SMTPConnection.envelopeAddress("  <a@b.nl>\t", allowEmpty: false) == "<a@b.nl>")
        #expect(SMTPConnection.envelopeAddress("\u{A0}a@b.nl\u{A0}", allowEmpty: false) == "<a@b.nl>")
        #expect(SMTPConnection.envelopeAddress("", allowEmpty: true) == "<>")
        #expect(SMTPConnection.envelopeAddress(" <> ", allowEmpty: true) == "<>")
        #expect(SMTPConnection.envelopeAddress("", allowEmpty: false) == nil)
        #expect(SMTPConnection.envelopeAddress("a@b.nl>\r\nRCPT TO:<x@y.nl", allowEmpty: false) == nil)
        #expect(SMTPConnection.envelopeAddress("\na@b.nl", allowEmpty: false) == nil)
        #expect(SMTPConnection.envelopeAddress("a@b.nl\n", allowEmpty: false) == nil)
        #expect(SMTPConnection.envelopeAddress("a b@c.nl", allowEmpty: false) == nil)
        #expect(SMTPConnection.envelopeAddress("geen-apenstaartje", allowEmpty: false) == nil)
    }

    /// A small RFC 5322 message with CRLF line ends.
    private func message(subject: String, body: [String]) -> [UInt8] {
        let lines =
            [
                "From: Panel <panel@tweedemening.test>",
                "To: lid@example.test",
                "Subject: \(subject)",
                "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=utf-8",
                "Content-Transfer-Encoding: 8bit",
                "",
            ] + body
        return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    private func settings(_ catcher: SMTPCatcher, username: String? = nil, password: String? = nil) -> SMTPSettings {
        SMTPSettings(url: catcher.url, username: username, password: password, connectTimeout: 5, timeout: 20)
    }

    /// A positive signal instead of a pause: a marker sent (with settings that work) after a refused message arrives
    /// as message number `stored + 1`, so nothing of the refused one was stored before it.
    private func expectOnlyTheMarkerArrives(
        _ catcher: SMTPCatcher, after stored: Int = 0, via settings: SMTPSettings,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let marker = try SMTPConnection(settings: settings).send(
            from: "panel@tweedemening.test", to: "lid@example.test", message: message(subject: "Markering", body: ["Daarna."]))
        #expect(marker.outcome == .accepted, "\(marker.detail)", sourceLocation: sourceLocation)
        let caught = catcher.waitForMessages(count: stored + 1, timeout: 5)
        #expect(
            caught.count == stored + 1 && caught.last?.header("Subject") == "Markering",
            "\(caught.map { $0.header("Subject") ?? "-" })",
            sourceLocation: sourceLocation)
    }

    @Test func threeMessagesOverOneConnectionArriveIntact() throws {
        // Given a catcher and one connection
        let catcher = try SMTPCatcher()
        defer { catcher.stop() }
        let connection = try SMTPConnection(settings: settings(catcher))
        let sent = (1...3).map { n in
            message(
                subject: "Vraag \(n)",
                body: [
                    "Beste lid,",
                    ".Deze regel begint met een punt.",
                    "..en deze met twee.",
                    ".",
                    "Één café, ß, € \(n) — tweede mening.",
                ])
        }

        // When three messages go to three recipients over the same connection
        let results = sent.enumerated().map { i, bytes in
            connection.send(from: "panel@tweedemening.test", to: "lid\(i + 1)@example.test", message: bytes)
        }

        // Then all are accepted with 250 …
        for result in results {
            #expect(result.outcome == .accepted, "\(result.detail)")
            #expect(result.code == 250)
        }
        // … and arrive in order with the right envelope and exactly the bytes sent
        let caught = catcher.waitForMessages(count: 3, timeout: 5)
        try #require(caught.count == 3)
        for (i, got) in caught.enumerated() {
            #expect(got.mailFrom == "panel@tweedemening.test")
            #expect(got.rcptTo == "lid\(i + 1)@example.test")
            #expect(got.header("Subject") == "Vraag \(i + 1)")
            #expect(Array(got.messageData) == sent[i])
            #expect(got.body.contains("\r\n.Deze regel begint met een punt.\r\n..en deze met twee.\r\n.\r\n"))
            #expect(got.raw.contains("Één café, ß, € \(i + 1)"))
        }
        // … over one SMTP session (same client port for all three)
        let peers = Set(caught.compactMap(\.peer))
        #expect(peers.count == 1, "peers: \(peers)")
    }

    @Test func deferredRecipientGives451AndConnectionStaysUsable() throws {
        // Given a catcher and one connection
        let catcher = try SMTPCatcher()
        defer { catcher.stop() }
        let connection = try SMTPConnection(settings: settings(catcher))

        // When a recipient whose local part contains "defer" is tried
        let deferred = connection.send(
            from: "panel@tweedemening.test", to: "please-defer@example.test",
            message: message(subject: "Later", body: ["Nog niet."]))

        // Then the result is deferred with the server's 451
        #expect(deferred.outcome == .deferred)
        #expect(deferred.code == 451)
        #expect(deferred.detail.contains("451"))
        #expect(deferred.detail.contains("127.0.0.1:\(catcher.port)"))

        // And when the same connection sends the next message, it is accepted and is the only one stored
        let next = connection.send(
            from: "panel@tweedemening.test", to: "lid@example.test",
            message: message(subject: "Daarna", body: ["Wel."]))
        #expect(next.outcome == .accepted, "\(next.detail)")
        #expect(next.code == 250)
        let caught = catcher.waitForMessages(count: 1, timeout: 5)
        try #require(caught.count == 1)
        #expect(caught[0].rcptTo == "lid@example.test")
        #expect(caught[0].header("Subject") == "Daarna")
    }

    @Test func rejectedRecipientGives550() throws {
        // Given a catcher and one connection
        let catcher = try SMTPCatcher()
        defer { catcher.stop() }
        let connection = try SMTPConnection(settings: settings(catcher))

        // When a recipient whose local part contains "reject" is tried
        let result = connection.send(
            from: "panel@tweedemening.test", to: "reject-me@example.test",
            message: message(subject: "Nee", body: ["Onbekend."]))

        // Then the result is rejected with the server's 550 and nothing is stored
        #expect(result.outcome == .rejected)
        #expect(result.code == 550)
        #expect(result.detail.contains("550"))
        try expectOnlyTheMarkerArrives(catcher, via: settings(catcher))
    }

    @Test func nothingListeningIsDeferredWithCodeZeroNamingTheHost() throws {
        // Given a port that was just in use and is now closed
        let catcher = try SMTPCatcher()
        let port = catcher.port
        catcher.stop()
        let connection = try SMTPConnection(
            settings: SMTPSettings(
                url: "smtp://127.0.0.1:\(port)", connectTimeout: 2, timeout: 5))

        // When a message is sent there
        let result = connection.send(
            from: "panel@tweedemening.test", to: "lid@example.test",
            message: message(subject: "Niemand thuis", body: ["Hallo?"]))

        // Then it is deferred, without an SMTP code, and the detail names the host and port
        #expect(result.outcome == .deferred)
        #expect(result.code == 0)
        #expect(result.detail.contains("127.0.0.1:\(port)"), "\(result.detail)")
        #expect(result.detail.contains("could not connect"), "\(result.detail)")
    }

    @Test func authenticationWithRightAndWrongPassword() throws {
        // Given a catcher that requires AUTH
        let catcher = try SMTPCatcher(auth: "panel:geheim-42")
        defer { catcher.stop() }

        // When sending with the right credentials
        let good = try SMTPConnection(settings: settings(catcher, username: "panel", password: "geheim-42"))
            .send(
                from: "panel@tweedemening.test", to: "lid@example.test",
                message: message(subject: "Met login", body: ["Ingelogd."]))
        // Then the message is accepted and stored
        #expect(good.outcome == .accepted, "\(good.detail)")
        let caught = catcher.waitForMessages(count: 1, timeout: 5)
        try #require(caught.count == 1)
        #expect(caught[0].header("Subject") == "Met login")

        // When sending with a wrong password, or without credentials
        let wrong = try SMTPConnection(settings: settings(catcher, username: "panel", password: "fout"))
            .send(
                from: "panel@tweedemening.test", to: "lid@example.test",
                message: message(subject: "Fout wachtwoord", body: ["Nee."]))
        let anonymous = try SMTPConnection(settings: settings(catcher))
            .send(
                from: "panel@tweedemening.test", to: "lid@example.test",
                message: message(subject: "Zonder login", body: ["Nee."]))

        // Then neither is accepted (535 / 530 are permanent) and nothing more is stored
        #expect(wrong.outcome != .accepted)
        #expect(wrong.code == 535, "\(wrong.detail)")
        #expect(anonymous.outcome != .accepted)
        #expect(anonymous.code == 530, "\(anonymous.detail)")
        try expectOnlyTheMarkerArrives(catcher, after: 1, via: settings(catcher, username: "panel", password: "geheim-42"))
    }

    // MARK: TLS (catcher with a throwaway self-signed certificate)

    @Test func requiredStartTLSWithAuthenticationIsAccepted() throws {
        // Given a catcher that requires STARTTLS and then AUTH
        let catcher = try SMTPCatcher(auth: "panel:geheim-42", tls: .startTLS)
        defer { catcher.stop() }
        #expect(catcher.url.hasPrefix("smtp://"))

        // When sending over smtp:// with STARTTLS required and the self-signed certificate not verified
        let result = try SMTPConnection(
            settings: SMTPSettings(
                url: catcher.url, requireStartTLS: true, username: "panel", password: "geheim-42",
                verifyPeer: false, connectTimeout: 5, timeout: 20)
        )
        .send(
            from: "panel@tweedemening.test", to: "lid@example.test",
            message: message(subject: "Via STARTTLS", body: ["Versleuteld."]))

        // Then it is accepted with 250 and arrives
        #expect(result.outcome == .accepted, "\(result.detail)")
        #expect(result.code == 250, "\(result.detail)")
        let caught = catcher.waitForMessages(count: 1, timeout: 5)
        try #require(caught.count == 1)
        #expect(caught[0].rcptTo == "lid@example.test")
        #expect(caught[0].header("Subject") == "Via STARTTLS")
    }

    /// With AUTH (the server of the test above) and without: without AUTH, the catcher's `auth_required`
    /// cannot be what answers 530, so only the STARTTLS requirement can.
    @Test(arguments: [true, false])
    func withoutRequireStartTLSTheSameServerRefusesThePlainSession(withAuth: Bool) throws {
        // Given a catcher that requires STARTTLS (and then AUTH, or no AUTH)
        let catcher = try SMTPCatcher(auth: withAuth ? "panel:geheim-42" : nil, tls: .startTLS)
        defer { catcher.stop() }

        // When sending with the same settings but without requireStartTLS (so the session stays plain)
        let result = try SMTPConnection(
            settings: SMTPSettings(
                url: catcher.url, requireStartTLS: false,
                username: withAuth ? "panel" : nil, password: withAuth ? "geheim-42" : nil,
                verifyPeer: false, connectTimeout: 5, timeout: 20)
        )
        .send(
            from: "panel@tweedemening.test", to: "lid@example.test",
            message: message(subject: "Onversleuteld", body: ["Nee."]))

        // Then the server's "530 Must issue a STARTTLS command first" refuses it and nothing is stored
        #expect(result.outcome == .rejected, "\(result.detail)")
        #expect(result.code == 530, "\(result.detail)")
        #expect(result.detail.contains("530"), "\(result.detail)")
        try expectOnlyTheMarkerArrives(
            catcher,
            via: SMTPSettings(
                url: catcher.url, requireStartTLS: true, username: withAuth ? "panel" : nil,
                password: withAuth ? "geheim-42" : nil, verifyPeer: false, connectTimeout: 5, timeout: 20))
    }

    @Test func implicitTLSWithAuthenticationIsAccepted() throws {
        // Given a catcher that speaks TLS from the first byte and requires AUTH
        let catcher = try SMTPCatcher(auth: "panel:geheim-42", tls: .implicit)
        defer { catcher.stop() }
        #expect(catcher.url == "smtps://127.0.0.1:\(catcher.port)")

        // When sending over smtps:// with the self-signed certificate not verified
        let result = try SMTPConnection(
            settings: SMTPSettings(
                url: catcher.url, username: "panel", password: "geheim-42",
                verifyPeer: false, connectTimeout: 5, timeout: 20)
        )
        .send(
            from: "panel@tweedemening.test", to: "lid@example.test",
            message: message(subject: "Via SMTPS", body: ["Versleuteld vanaf het begin."]))

        // Then it is accepted with 250 and arrives
        #expect(result.outcome == .accepted, "\(result.detail)")
        #expect(result.code == 250, "\(result.detail)")
        let caught = catcher.waitForMessages(count: 1, timeout: 5)
        try #require(caught.count == 1)
        #expect(caught[0].header("Subject") == "Via SMTPS")
    }

    @Test(arguments: [SMTPCatcher.TLSMode.implicit, .startTLS])
    func verifyingTheSelfSignedCertificateFailsAsATLSError(mode: SMTPCatcher.TLSMode) throws {
        // Given a TLS catcher with a self-signed certificate that no trust store knows
        let catcher = try SMTPCatcher(tls: mode)
        defer { catcher.stop() }
        func send(verifyPeer: Bool) throws -> SMTPResult {
            try SMTPConnection(
                settings: SMTPSettings(
                    url: catcher.url, requireStartTLS: mode == .startTLS,
                    verifyPeer: verifyPeer, connectTimeout: 5, timeout: 20)
            )
            .send(
                from: "panel@tweedemening.test", to: "lid@example.test",
                message: message(subject: "Vertrouwd?", body: ["Controle."]))
        }

        // When sending with peer verification on
        let verified = try send(verifyPeer: true)

        // Then it is deferred without an SMTP code, the detail says TLS / certificate and names the server,
        // and nothing is stored
        #expect(verified.outcome == .deferred, "\(verified.detail)")
        #expect(verified.code == 0, "\(verified.detail)")
        #expect(verified.detail.contains("TLS"), "\(verified.detail)")
        #expect(verified.detail.lowercased().contains("certificate"), "\(verified.detail)")
        #expect(verified.detail.contains("127.0.0.1:\(catcher.port)"), "\(verified.detail)")

        // And with verification off the same server accepts it (the certificate was the only problem), as the first
        // and only message stored
        try expectOnlyTheMarkerArrives(
            catcher,
            via: SMTPSettings(
                url: catcher.url, requireStartTLS: mode == .startTLS, verifyPeer: false, connectTimeout: 5, timeout: 20))
    }

    @Test func requiredStartTLSThatTheServerDoesNotOfferIsATLSErrorSayingSo() throws {
        // Given a plain catcher (no STARTTLS offered)
        let catcher = try SMTPCatcher()
        defer { catcher.stop() }
        // When STARTTLS is required
        let result = try SMTPConnection(
            settings: SMTPSettings(url: catcher.url, requireStartTLS: true, connectTimeout: 5, timeout: 20)
        )
        .send(from: "panel@tweedemening.test", to: "lid@example.test", message: message(subject: "TLS?", body: ["Nee."]))
        // Then it is deferred, and the reason names TLS and STARTTLS; nothing was sent in the clear
        #expect(result.outcome == .deferred && result.code == 0, "\(result.detail)")
        #expect(result.detail.contains("TLS") && result.detail.contains("STARTTLS"), "\(result.detail)")
        try expectOnlyTheMarkerArrives(catcher, via: settings(catcher))
    }

    // MARK: A server that stops talking

    /// A server that never greets, never answers EHLO, or takes the data and never answers the final dot is
    /// given up after `stallTimeout`, long before the transaction's `timeout`.
    @Test(arguments: [SMTPStaller.Mode.greeting, .command, .data])
    func aStalledServerIsGivenUpAfterTheStallTimeout(mode: SMTPStaller.Mode) throws {
        let staller = try SMTPStaller(mode: mode)
        defer { staller.stop() }
        let connection = try SMTPConnection(
            settings: SMTPSettings(url: staller.url, connectTimeout: 5, timeout: 120, stallTimeout: 1))
        let began = Date()
        let result = connection.send(
            from: "panel@tweedemening.test", to: "lid@example.test", message: message(subject: "Stil", body: ["…"]))
        #expect(result.outcome == .deferred && result.code == 0, "\(result.detail)")
        #expect(result.detail.contains("timed out"), "\(result.detail)")
        #expect(result.detail.contains("127.0.0.1:\(staller.port)"), "\(result.detail)")
        // Generous against a busy machine, far below the 120 s transaction timeout
        #expect(Date().timeIntervalSince(began) < 60)
    }

    @Test func aConnectionDroppedAfterTheDataEndsTheSession() throws {
        // Given smtp-sink hanging up, without a reply, after the final dot
        let sink = try SMTPSink(options: ["-q", "."])
        defer { sink.stop() }
        let result = try SMTPConnection(settings: SMTPSettings(url: sink.url, connectTimeout: 5, timeout: 20))
            .send(from: "panel@tweedemening.test", to: "lid@example.test", message: message(subject: "Weg", body: ["."]))
        // Then it is deferred without a code, and marked as a session the server ended (worth one fresh retry)
        #expect(result.outcome == .deferred && result.code == 0, "\(result.detail)")
        #expect(result.sessionEnded && result.isConnectionFailure)
        #expect(result.detail.contains("connection dropped"), "\(result.detail)")
    }

    @Test func a421EndsTheSessionAndCountsAsAConnectionFailure() throws {
        let sink = try SMTPSink(options: ["-Q", "RCPT"])
        defer { sink.stop() }
        let result = try SMTPConnection(settings: SMTPSettings(url: sink.url, connectTimeout: 5, timeout: 20))
            .send(from: "panel@tweedemening.test", to: "lid@example.test", message: message(subject: "Dicht", body: ["."]))
        #expect(result.outcome == .deferred && result.code == 421, "\(result.detail)")
        #expect(result.sessionEnded && result.isConnectionFailure)
    }

    @Test func settingsDescriptionNeverShowsThePassword() {
        // Given settings with a password
        let settings = SMTPSettings(url: "smtps://mail.example.test:465", username: "panel", password: "zeer-geheim")
        // When described, Then the password is redacted
        #expect(!settings.description.contains("zeer-geheim"))
        #expect(!String(describing: settings).contains("zeer-geheim"))
        #expect(settings.description.contains("<redacted>"))
    }

    @Test func invalidInputIsRefusedWithoutTalkingToAServer() throws {
        // Given a connection to a closed port (would be "deferred, code 0" if contacted)
        let connection = try SMTPConnection(settings: SMTPSettings(url: "smtp://127.0.0.1:9", connectTimeout: 1))
        // When the recipient would smuggle an SMTP command, Then it is rejected locally
        let smuggled = connection.send(from: "a@b.test", to: "x@y.test>\r\nRCPT TO:<z@y.test", message: [])
        #expect(smuggled.outcome == .rejected)
        #expect(smuggled.detail.contains("invalid recipient"))
        // And a URL that is not SMTP is refused at init
        #expect(throws: SMTPError.self) { try SMTPConnection(settings: SMTPSettings(url: "http://example.test")) }
    }
}
