import Foundation
import PanelCore
import Testing

@testable import MailFormat
@testable import PanelMail

/// Bounces as MTAs send them (`Tests/Corpus/bounces`): the two Postfix reports were captured from a private Postfix
/// 3.7 on loopback (an unknown user rejected at RCPT, and a delay warning for a full mailbox); the others are
/// reconstructed from the documented formats of Gmail, Microsoft 365, Exim (with and without DSN), qmail and old
/// Postfix. Every one was sent with a VERP envelope sender signed by `signer` for the outbox row named below.
@Suite struct DeliveryStatusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Corpus/bounces").standardizedFileURL
    /// The key the corpus's envelope senders were signed with.
    static let signer = TokenSigner(keys: [SigningKey(id: "k1", secret: Array(repeating: 8, count: 32))])

    struct Expected: Sendable, CustomStringConvertible {
        var file: String
        var address: String
        var action: DeliveryStatus.Action
        var status: String
        var severity: DeliveryStatus.Severity
        var messageID: String
        var outboxId: Int64
        var description: String { file }
    }

    static let expected: [Expected] = [
        Expected(
            file: "postfix-user-unknown", address: "jan.jansen@bewoners.example.nl", action: .failed, status: "5.1.1",
            severity: .hard, messageID: "case.12.p4217@tdm.example.nl", outboxId: 4217),
        Expected(
            file: "postfix-delayed-mailbox-full", address: "vol@bewoners.example.nl", action: .delayed, status: "4.2.2",
            severity: .soft, messageID: "case.12.p4218@tdm.example.nl", outboxId: 4218),
        Expected(
            file: "gmail-address-not-found", address: "sanne.bakker@gmail-panel.example.nl", action: .failed,
            status: "5.1.1", severity: .hard, messageID: "case.12.p4219@tdm.example.nl", outboxId: 4219),
        Expected(
            file: "outlook365-recipient-not-found", address: "edwin.mulder@gemeente-ede.example.nl", action: .failed,
            status: "5.1.10", severity: .hard, messageID: "case.12.p4220@tdm.example.nl", outboxId: 4220),
        // Exim reports `Status: 5.0.0`; the diagnostic's 5.1.1 is the precise code.
        Expected(
            file: "exim-dsn-user-unknown", address: "p.devries@ziggo-panel.example.nl", action: .failed,
            status: "5.1.1", severity: .hard, messageID: "vote.12.p4221@tdm.example.nl", outboxId: 4221),
        Expected(
            file: "exim-legacy-failed", address: "henk@familie-smit.example.nl", action: .failed, status: "5.1.1",
            severity: .hard, messageID: "reply-reminder.12.p4222@tdm.example.nl", outboxId: 4222),
        Expected(
            file: "qmail-no-mailbox", address: "secretaris@vereniging-dorpsbelang.example.nl", action: .failed,
            status: "5.1.1", severity: .hard, messageID: "outcome.12.p4223@tdm.example.nl", outboxId: 4223),
        // A permanent 5.2.2 is still soft: the mailbox exists.
        Expected(
            file: "postfix-legacy-text-quota", address: "w.jansen@oudprovider.example.nl", action: .failed,
            status: "5.2.2", severity: .soft, messageID: "digest.12.p4224@tdm.example.nl", outboxId: 4224),
    ]

    static let notBounces = ["outlook-auto-reply-not-a-bounce"]

    static func corpus(_ name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: folder.appendingPathComponent("\(name).eml")))
    }

    static func parse(_ text: String, envelopeRecipient: String? = nil) -> DeliveryStatus? {
        DeliveryStatus.parse(Array(text.utf8), envelopeRecipient: envelopeRecipient)
    }

    // MARK: - Corpus

    @Test func everyCorpusFileHasAnExpectation() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".eml") }.map { String($0.dropLast(4)) }.sorted()
        #expect(files == (Self.expected.map(\.file) + Self.notBounces).sorted())
    }

    @Test(arguments: expected)
    func readsTheFailedRecipientStatusAndClass(_ expected: Expected) throws {
        // Given a bounce from the corpus
        let raw = try Self.corpus(expected.file)

        // When it is parsed
        let report = try #require(DeliveryStatus.parse(raw), "\(expected.file) is a bounce")

        // Then it names the one recipient, its status and class, the message and the outbox row it came from
        let recipient = try #require(report.recipients.first)
        #expect(report.recipients.count == 1)
        #expect(recipient.address == expected.address)
        #expect(recipient.action == expected.action)
        #expect(recipient.status == expected.status)
        #expect(recipient.severity == expected.severity)
        #expect(report.originalMessageID == expected.messageID)
        let envelope = try #require(report.envelopeRecipient)
        #expect(BounceAddress.verify(envelope, signer: Self.signer) == BounceAddress(outboxId: expected.outboxId))
        // The mailroom files the same message as a bounce.
        #expect(try InboundMessage.parse(raw).isBounce)
    }

    @Test(arguments: expected)
    func theDiagnosticIsOneShortLineWithoutTheReturnedBody(_ expected: Expected) throws {
        let report = try #require(DeliveryStatus.parse(try Self.corpus(expected.file)))
        for recipient in report.recipients {
            #expect(!recipient.diagnostic.isEmpty)
            #expect(recipient.diagnostic.count <= DeliveryStatus.maxDiagnosticLength)
            #expect(!recipient.diagnostic.contains("\n"))
            #expect(!recipient.diagnostic.hasPrefix("smtp;"))
            #expect(!recipient.diagnostic.contains("Beste"))
            #expect(!recipient.diagnostic.contains("Traplift"))
        }
    }

    @Test func theAutoReplyIsNotABounce() throws {
        let raw = try Self.corpus("outlook-auto-reply-not-a-bounce")
        // Sent with an empty Return-Path, as RFC 3834 asks, but by a person: an auto-reply, not a bounce.
        #expect(try InboundMessage.parse(raw).isAutoReply)
        #expect(DeliveryStatus.parse(raw) == nil)
    }

    @Test func ordinaryMailAndJunkAreNotBounces() {
        #expect(Self.parse("From: Anna <anna@bewoners.example.nl>\nSubject: Re: zaak\n\nIk ben het oneens.") == nil)
        #expect(DeliveryStatus.parse([]) == nil)
        #expect(DeliveryStatus.parse([0, 1, 2, 0xFF]) == nil)
        #expect(Self.parse("no headers here") == nil)
        // A person quoting bounce wording is still a person.
        #expect(
            Self.parse(
                """
                From: Anna <anna@bewoners.example.nl>
                Subject: Fwd: failure notice

                Hi. This is the qmail-send program at mail.example.nl.
                <jan@example.nl>:
                Sorry, no mailbox here by that name. (#5.1.1)
                """) == nil)
        // A daemon's message that is no bounce (a postmaster's note) has none of the bounce wording.
        #expect(
            Self.parse("Return-Path: <>\nFrom: postmaster@example.nl\nSubject: Onderhoud\n\nZaterdag onderhoud.") == nil)
    }

    @Test func truncatedCorpusFilesNeverTrap() throws {
        for expected in Self.expected {
            let raw = try Self.corpus(expected.file)
            for length in stride(from: 0, to: raw.count, by: 97) {
                _ = DeliveryStatus.parse(Array(raw.prefix(length)))
            }
        }
    }

    // MARK: - Reports

    static func report(_ recipients: String, headers: String = "") -> String {
        """
        Return-Path: <>
        From: Mail Delivery System <MAILER-DAEMON@mail.tdm.example.nl>
        To: bounce+k1.x@reply.tdm.example.nl
        \(headers)Subject: Undelivered Mail Returned to Sender
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="B"

        --B
        Content-Type: text/plain

        The mail system
        --B
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mail.tdm.example.nl
        \(recipients)
        --B
        Content-Type: text/rfc822-headers

        Return-Path: <bounce+k1.fromthecopy@reply.tdm.example.nl>
        Message-ID: <case.1.p1@tdm.example.nl>
        --B--
        """
    }

    @Test func listsFailedAndDelayedRecipientsInOrderAndSkipsDelivered() throws {
        // Given one report about three recipients
        let text = Self.report(
            """

            Final-Recipient: rfc822; a@example.nl
            Action: failed
            Status: 5.1.1
            Diagnostic-Code: smtp; 550 5.1.1 no such user

            Final-Recipient: rfc822; b@example.nl
            Action: delivered
            Status: 2.0.0

            Original-Recipient: rfc822;c@example.nl
            Action: delayed
            Status: 4.4.1
            Diagnostic-Code: X-Postfix; connect to mx.example.nl[192.0.2.1]:25: Connection timed out
            """)

        // When it is parsed
        let report = try #require(Self.parse(text))

        // Then the delivered one is left out and the others keep their order
        #expect(report.recipients.map(\.address) == ["a@example.nl", "c@example.nl"])
        #expect(report.recipients.map(\.severity) == [.hard, .soft])
        #expect(report.recipients[1].diagnostic == "connect to mx.example.nl[192.0.2.1]:25: Connection timed out")
        #expect(report.originalMessageID == "case.1.p1@tdm.example.nl")
    }

    @Test func aSuccessNotificationIsNothingToActOn() {
        let text = Self.report(
            """

            Final-Recipient: rfc822; a@example.nl
            Action: delivered
            Status: 2.0.0
            """)
        #expect(Self.parse(text) == nil)
    }

    @Test func theStatusComesFromTheDiagnosticWhenTheReportHasNone() throws {
        let text = Self.report(
            """

            Final-Recipient: rfc822; <a@example.nl>
            Action: Failed
            Diagnostic-Code: smtp; 554 5.7.1 Service unavailable; client host blocked using zen.spamhaus.example
            """)
        let recipient = try #require(Self.parse(text)?.recipients.first)
        #expect(recipient.address == "a@example.nl")
        #expect(recipient.status == "5.7.1")
        #expect(recipient.severity == .soft)
    }

    @Test func aLongDiagnosticIsCut() throws {
        let long = String(repeating: "woord ", count: 100)
        let text = Self.report(
            "\nFinal-Recipient: rfc822; a@example.nl\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 \(long)\n")
        let diagnostic = try #require(Self.parse(text)?.recipients.first?.diagnostic)
        #expect(diagnostic.count == DeliveryStatus.maxDiagnosticLength)
        #expect(diagnostic.hasSuffix("…"))
    }

    // MARK: - Envelope recipient

    @Test func theEnvelopeRecipientPrefersTheCallerThenOurHeaderThenAnyVERPAddress() throws {
        let recipients = "\nFinal-Recipient: rfc822; a@example.nl\nAction: failed\nStatus: 5.1.1\n"
        // The caller knows best (Postfix's pipe passes ${original_recipient}).
        #expect(
            Self.parse(Self.report(recipients), envelopeRecipient: "bounce+k1.given@x.nl")?.envelopeRecipient
                == "bounce+k1.given@x.nl")
        // Our own header comes before X-Original-To.
        let ours = Self.report(
            recipients,
            headers: "X-Original-To: bounce+k1.second@x.nl\nX-Tweedemening-Envelope-To: bounce+k1.first@x.nl\n")
        #expect(Self.parse(ours)?.envelopeRecipient == "bounce+k1.first@x.nl")
        // Only To: the VERP address there.
        #expect(Self.parse(Self.report(recipients))?.envelopeRecipient == "bounce+k1.x@reply.tdm.example.nl")
        // A To that is no VERP address loses to the Return-Path of the returned message.
        let plainTo = Self.report(recipients).replacingOccurrences(
            of: "To: bounce+k1.x@reply.tdm.example.nl", with: "To: panel@tdm.example.nl")
        #expect(Self.parse(plainTo)?.envelopeRecipient == "bounce+k1.fromthecopy@reply.tdm.example.nl")
        // No VERP address anywhere: the first address the notification was sent to.
        let noVERP = plainTo.replacingOccurrences(of: "bounce+k1.fromthecopy", with: "panel")
        #expect(Self.parse(noVERP)?.envelopeRecipient == "panel@tdm.example.nl")
    }

    @Test func theReturnedMessageNamesTheEnvelopeWhenTheHeadersDoNot() throws {
        // Given the genuine Postfix bounce with the delivery headers removed
        let text = String(decoding: try Self.corpus("postfix-user-unknown"), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !($0.hasPrefix("X-Original-To:") || $0.hasPrefix("Delivered-To:") || $0.hasPrefix("To: bounce")) }
            .joined(separator: "\n")
        // Then X-Postfix-Sender (or the returned Return-Path) still names the outbox row
        let envelope = try #require(Self.parse(text)?.envelopeRecipient)
        #expect(BounceAddress.verify(envelope, signer: Self.signer) == BounceAddress(outboxId: 4217))
    }

    // MARK: - Plain-text bounces

    @Test func aPlainBounceWithOnlyXFailedRecipients() throws {
        let text = """
            Return-Path: <>
            From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
            X-Failed-Recipients: kees@example.nl
            Subject: Delivery Status Notification (Failure)
            In-Reply-To: <case.3.p9@tdm.example.nl>

            Delivery to the following recipient failed permanently:

                 kees@example.nl

            Technical details of permanent failure:
            Google tried to deliver your message, but it was rejected by the server for the recipient domain
            example.nl by mx.example.nl. [192.0.2.5].

            The error that the other server returned was:
            550 5.1.1 <kees@example.nl>: Recipient address rejected: User unknown

            ----- Original message -----

            From: De Tweede Mening <panel@tdm.example.nl>
            """
        let report = try #require(Self.parse(text))
        #expect(report.recipients.map(\.address) == ["kees@example.nl"])
        #expect(report.recipients.first?.status == "5.1.1")
        #expect(report.recipients.first?.severity == .hard)
        #expect(report.originalMessageID == "case.3.p9@tdm.example.nl")
    }

    @Test func anEximDelayWarningIsDelayedAndSoft() throws {
        let text = """
            Return-Path: <>
            From: Mail Delivery System <Mailer-Daemon@mx.example.nl>
            Subject: Warning: message 1tF8Qz-0004Zb-2K delayed 24 hours

            This message was created automatically by mail delivery software.
            A message that you sent has not yet been delivered to one or more of its
            recipients after more than 24 hours on the queue on mx.example.nl.

            The address to which the message has not yet been delivered is:

              els@example.nl
                host mx.els.example.nl [192.0.2.8]
                Delay reason: SMTP error from remote mail server after RCPT TO:<els@example.nl>:
                452 4.2.2 Mailbox full

            No action is required on your part.
            """
        let recipient = try #require(Self.parse(text)?.recipients.first)
        #expect(recipient.address == "els@example.nl")
        #expect(recipient.action == .delayed)
        #expect(recipient.status == "4.2.2")
        #expect(recipient.severity == .soft)
    }

    @Test func aPlainBounceWithoutAnyCodeIsAPermanentFailure() throws {
        let text = """
            Return-Path: <>
            From: MAILER-DAEMON@mail.example.nl
            Subject: failure notice

            Hi. This is the qmail-send program at mail.example.nl.
            I'm afraid I wasn't able to deliver your message to the following addresses.
            This is a permanent error; I've given up. Sorry it didn't work out.

            <a@example.nl>:
            This address no longer accepts mail.

            <b@example.nl>:
            192.0.2.4 failed after I sent the message.
            Remote host said: 452 Try again later

            --- Below this line is a copy of the message.

            Message-ID: <vote.4.p2@tdm.example.nl>
            """
        let report = try #require(Self.parse(text))
        #expect(report.recipients.map(\.status) == ["5.0.0", "4.0.0"])
        #expect(report.recipients.map(\.severity) == [.hard, .soft])
        #expect(report.originalMessageID == "vote.4.p2@tdm.example.nl")
    }

    // MARK: - Classification

    @Test func classificationRules() {
        let cases: [(String, DeliveryStatus.Action, String, DeliveryStatus.Severity)] = [
            ("5.1.1", .failed, "user unknown", .hard),
            ("5.1.10", .failed, "RecipientNotFound", .hard),
            ("5.4.4", .failed, "unable to route", .hard),
            ("5.2.1", .failed, "mailbox disabled", .hard),
            ("5.2.2", .failed, "mailbox full", .soft),
            ("5.2.3", .failed, "message too large", .soft),
            ("5.3.4", .failed, "message too big for system", .soft),
            ("5.7.1", .failed, "rejected by policy", .soft),
            ("5.7.26", .failed, "DMARC", .soft),
            ("5.0.0", .failed, "user unknown", .hard),
            ("5.0.0", .failed, "552 Mailbox full", .soft),
            ("5.0.0", .failed, "Storage quota exceeded", .soft),
            ("4.2.2", .failed, "expired in queue", .soft),
            ("4.4.1", .failed, "connection timed out", .soft),
            ("5.1.1", .delayed, "odd but still retrying", .soft),
            ("garbage", .failed, "", .hard),
        ]
        for (status, action, diagnostic, expected) in cases {
            #expect(
                DeliveryStatus.severity(status: status, action: action, diagnostic: diagnostic) == expected,
                "\(status) \(action) \(diagnostic)")
        }
    }

    @Test func statusCodesAreFoundInFreeText() {
        #expect(StatusCode.enhanced(in: "550-5.1.1 The email account") == "5.1.1")
        #expect(StatusCode.enhanced(in: "(#5.1.1)") == "5.1.1")
        #expect(StatusCode.enhanced(in: "550 5.1.10 RESOLVER.ADR.RecipientNotFound") == "5.1.10")
        #expect(StatusCode.enhanced(in: "host [192.0.2.25] said: 550 user unknown") == nil)
        #expect(StatusCode.enhanced(in: "version 5.4.3.2") == nil)
        #expect(StatusCode.basic(in: "host [192.0.2.25] said: 550 user unknown") == 550)
        #expect(StatusCode.basic(in: "id 4567 at 10.0.0.1") == nil)
    }
}
