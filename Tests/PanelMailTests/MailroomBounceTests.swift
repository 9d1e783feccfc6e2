import Foundation
import Logging
import PanelCore
import PanelStore
import TestSupport
import Testing

@testable import MailFormat
@testable import PanelMail

/// Bounces through the mailroom: every corpus bounce, rewritten to come back to the VERP address of a real outbox row,
/// finds its panelist; forged and unsigned addresses change nothing; an auto-reply is no bounce.
@Suite struct MailroomBounceTests {
    /// Another key than the corpus's: the rewritten addresses are really ours.
    static let signer = TokenSigner(keys: [SigningKey(id: "k2", secret: Array(repeating: 9, count: 32))])
    static let replyDomain = "reply.t.example"

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-bounce-\(UUID().uuidString)")
    let start = ISOTime.parse("2026-12-01T09:00:00+01:00")!

    /// A published round for two panelists, and a mailroom for its inbound mail.
    func published() throws -> (Mailroom, [OutboxMessage]) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = try AppDatabase.open(path: folder.appendingPathComponent("b.sqlite").path)
        try database.addMunicipality(id: "ede", name: "Gemeente Ede", email: "wmo@ede.example")
        _ = try database.importPanel(
            municipalityId: "ede", rows: [PanelistRow(email: "anna@example.nl"), PanelistRow(email: "bram@example.nl")])
        let text =
            "---\ntitle: T\ndomain: Wmo\nconsent_reference: X\n---\n# Besluit\na\n# Standpunt gemeente\nb\n# Standpunt aanvrager\nc\n# Kaders\nd\n# Vraag aan het panel\ne\n"
        let caseId = try database.submitCase(municipalityId: "ede", file: try CaseFile.parse(text), source: text)
        let round = try database.approveCase(caseId, CaseApproval(timeline: try Timeline.make(publishAt: start), override: true))
        try database.take(.publish, roundId: round.id!, now: start, messageDomain: "t.example")
        let spool = Spool(root: folder.appendingPathComponent("Queue"))
        try spool.prepare()
        let mailroom = Mailroom(
            database: database, spool: spool, signer: Self.signer, messageDomain: "t.example", moderatorAddress: nil,
            logger: Logger(label: "test"))
        return (mailroom, try database.messages(roundId: round.id!))
    }

    static func verp(_ message: OutboxMessage) -> String {
        BounceAddress(outboxId: message.id!).address(signer: signer, domain: replyDomain)
    }

    /// The corpus bounce, as if it were about `message`: its VERP local part made ours for that row, and — for the
    /// Message-ID way — the returned Message-ID and failed address those of the row.
    static func corpus(_ expected: DeliveryStatusTests.Expected, about message: OutboxMessage, verpLocalPart: String? = nil)
        throws -> [UInt8]
    {
        let original = BounceAddress(outboxId: expected.outboxId).localPart(signer: DeliveryStatusTests.signer)
        let ours = verpLocalPart ?? BounceAddress(outboxId: message.id!).localPart(signer: signer)
        var text = String(decoding: try DeliveryStatusTests.corpus(expected.file), as: UTF8.self)
        #expect(text.range(of: original, options: .caseInsensitive) != nil, "\(expected.file) names its VERP address")
        text = text.replacingOccurrences(of: original, with: ours, options: .caseInsensitive)
            .replacingOccurrences(of: expected.messageID, with: message.messageId)
            .replacingOccurrences(of: expected.address, with: message.toAddress)
        return Array(text.utf8)
    }

    func deliver(_ mailroom: Mailroom, _ bytes: [UInt8], to recipient: String?, at date: Date) throws -> (
        MailroomResult, InboundMail
    ) {
        let name = try mailroom.accept(bytes, envelopeRecipient: recipient, now: date)
        let result = try mailroom.process(name: name, now: date)
        return (result, try #require(try mailroom.database.inboundMail(spoolName: name)))
    }

    @Test(arguments: DeliveryStatusTests.expected)
    func everyCorpusBounceFindsItsPanelist(_ expected: DeliveryStatusTests.Expected) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (mailroom, messages) = try published()
        let message = messages[0]
        let panelistId = try #require(message.panelistId)

        // When the bounce comes back through the MTA pipe to the message's VERP address
        let (result, mail) = try deliver(
            mailroom, try Self.corpus(expected, about: message), to: Self.verp(message), at: start.addingTimeInterval(600))

        // Then it is filed as a bounce about that panelist, without any text of the mail
        #expect(result == .filed(.bounce))
        #expect(mail.panelistId == panelistId && mail.roundId == message.roundId)
        let panelist = try #require(try mailroom.database.panelist(panelistId))
        switch expected.severity {
        case .hard:
            // And a hard bounce suspends, giving the status and the reason without the address
            #expect(mail.detail == "hard \(expected.status) p\(panelistId) suspended")
            #expect(panelist.suspendedAt != nil && panelist.softBounces == 0)
            let reason = try #require(panelist.suspendReason)
            #expect(reason.hasPrefix("hard bounce \(expected.status)"), "\(reason)")
            #expect(!reason.contains("@") && !reason.contains("\n"), "\(reason)")
        case .soft:
            // And a soft one is counted
            #expect(mail.detail == "soft \(expected.status) p\(panelistId) 1/\(AppDatabase.softBounceLimit)")
            #expect(panelist.suspendedAt == nil && panelist.softBounces == 1)
        }
        // And the other panelist is untouched
        let other = try #require(try mailroom.database.panelist(messages[1].panelistId!))
        #expect(other.suspendedAt == nil && other.softBounces == 0)
    }

    @Test func softBouncesCountOnceADayAndSuspendAtTheFifthDay() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (mailroom, messages) = try published()
        let message = messages[1]
        let panelistId = message.panelistId!
        let delayed = try #require(DeliveryStatusTests.expected.first { $0.file == "postfix-delayed-mailbox-full" })
        let bytes = try Self.corpus(delayed, about: message)

        // Given Postfix's delay warnings, three on the first day (no envelope recipient: the webhook without ?recipient)
        for hour in 0..<3 {
            _ = try deliver(mailroom, bytes, to: nil, at: start.addingTimeInterval(Double(hour) * 3_600))
        }
        #expect(try mailroom.database.panelist(panelistId)?.softBounces == 1)
        // When one comes on each of the next four days
        var last: InboundMail?
        for day in 1...4 {
            let at = start.addingTimeInterval(Double(day) * 86_400)
            #expect(try mailroom.database.panelist(panelistId)?.suspendedAt == nil)
            last = try deliver(mailroom, bytes, to: Self.verp(message), at: at).1
        }
        // Then the fifth counted day suspends, and says why
        let panelist = try #require(try mailroom.database.panelist(panelistId))
        #expect(panelist.softBounces == 5 && panelist.suspendedAt == start.addingTimeInterval(4 * 86_400))
        #expect(panelist.suspendReason?.hasPrefix("5 soft bounces on different days, the last 4.2.2") == true)
        #expect(last?.detail == "soft 4.2.2 p\(panelistId) 5/5 suspended")
    }

    @Test func aForgedBounceAddressChangesNothing() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (mailroom, messages) = try published()
        let message = messages[0]
        let hard = try #require(DeliveryStatusTests.expected.first { $0.file == "postfix-user-unknown" })
        let genuine = BounceAddress(outboxId: message.id!).localPart(signer: Self.signer)
        // A local part someone made up for this row (a key we do not have), and ours with one character changed
        let otherKey = TokenSigner(keys: [SigningKey(id: "k2", secret: Array(repeating: 1, count: 32))])
        let madeUp = BounceAddress(outboxId: message.id!).localPart(signer: otherKey)
        let altered = String(genuine.dropLast()) + (genuine.last == "a" ? "b" : "a")

        for (index, forged) in [madeUp, altered].enumerated() {
            // When a bounce with our Message-ID and the panelist's address arrives at the forged address
            let bytes = try Self.corpus(hard, about: message, verpLocalPart: forged)
            let (result, mail) = try deliver(
                mailroom, bytes, to: "\(forged)@\(Self.replyDomain)", at: start.addingTimeInterval(Double(index)))
            // Then it is recorded, matched to nobody, and the Message-ID is not trusted instead
            #expect(result == .filed(.bounce))
            #expect(mail.detail == "hard 5.1.1 unmatched" && mail.panelistId == nil)
        }
        #expect(try mailroom.database.panelists(municipalityId: "ede").allSatisfy { $0.suspendedAt == nil })
    }

    @Test func withoutAVERPAddressTheMessageIDAndTheFailedAddressFindTheRow() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (mailroom, messages) = try published()
        let message = messages[1]
        let exim = try #require(DeliveryStatusTests.expected.first { $0.file == "exim-dsn-user-unknown" })
        // Given a bounce of mail sent before VERP, to the plain return path
        let text = String(decoding: try Self.corpus(exim, about: message), as: UTF8.self)
            .replacingOccurrences(
                of: BounceAddress(outboxId: message.id!).localPart(signer: Self.signer) + "@reply.tdm.example.nl",
                with: "panel@t.example")
        #expect(!text.contains("bounce+"))

        // When it arrives
        let (_, mail) = try deliver(mailroom, Array(text.utf8), to: "panel@t.example", at: start)

        // Then the returned Message-ID with the failed address finds the panelist
        #expect(mail.detail == "hard 5.1.1 p\(message.panelistId!) suspended")
        #expect(try mailroom.database.panelist(message.panelistId!)?.suspendedAt == start)
    }

    @Test func anAutoReplyToTheBounceAddressIsNoBounce() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (mailroom, messages) = try published()
        let message = messages[0]
        // Given an out-of-office that answered the Return-Path instead of the Reply-To
        let text = String(decoding: try DeliveryStatusTests.corpus("outlook-auto-reply-not-a-bounce"), as: UTF8.self)
            .replacingOccurrences(
                of: "reply+k1.obaaaaabqaaaaaaaaaeqxq6k6ecwmp2v3yhkigva@reply.tdm.example.nl", with: Self.verp(message))
        #expect(text.contains(Self.verp(message)))

        // When it arrives
        let (result, mail) = try deliver(mailroom, Array(text.utf8), to: Self.verp(message), at: start)

        // Then it is an auto-reply, and the panelist still gets mail
        #expect(result == .filed(.autoReply) && mail.disposition == .autoReply)
        let panelist = try #require(try mailroom.database.panelist(message.panelistId!))
        #expect(panelist.suspendedAt == nil && panelist.softBounces == 0)
    }

    @Test func aBounceThatReportsNoFailureIsRecordedOnly() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (mailroom, messages) = try published()
        // Given a delivery notice (success) to a real VERP address
        let text = """
            Return-Path: <>\r
            From: Mail Delivery System <MAILER-DAEMON@mx.example.nl>\r
            To: \(Self.verp(messages[0]))\r
            Subject: Successful Mail Delivery Report\r
            MIME-Version: 1.0\r
            Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r
            \r
            --B\r
            Content-Type: message/delivery-status\r
            \r
            Reporting-MTA: dns; mx.example.nl\r
            \r
            Final-Recipient: rfc822; \(messages[0].toAddress)\r
            Action: delivered\r
            Status: 2.0.0\r
            --B--\r

            """
        let (result, mail) = try deliver(mailroom, Array(text.utf8), to: Self.verp(messages[0]), at: start)
        #expect(result == .filed(.bounce) && mail.detail == "no failed recipient")
        #expect(try mailroom.database.panelist(messages[0].panelistId!)?.suspendedAt == nil)
    }

    @Test func theDiagnosticLosesItsAddresses() {
        #expect(
            Mailroom.withoutAddresses("550 5.1.1 <jan.jansen@bewoners.example.nl>: Recipient address rejected")
                == "550 5.1.1 [adres]: Recipient address rejected")
        #expect(Mailroom.withoutAddresses("user jan@x.nl unknown") == "user [adres] unknown")
        #expect(Mailroom.withoutAddresses("Mailbox full") == "Mailbox full")
    }

    @Test func theCourierSendsEachMessageFromItsOwnBounceAddress() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let catcher = try SMTPCatcher()
        defer { catcher.stop() }
        let (mailroom, messages) = try published()
        let settings = MailSettings(
            from: MailAddress("panel@t.example"), baseURL: "http://127.0.0.1:1", replyDomain: Self.replyDomain)
        let composer = MessageComposer(
            templates: try MailTemplates(directories: [MessageComposerTests.shipped]), signer: Self.signer,
            settings: settings)
        let courier = Courier(
            database: mailroom.database, spool: mailroom.spool, composer: composer, smtp: SMTPSettings(url: catcher.url),
            logger: Logger(label: "test"))

        // When the case mail goes out
        #expect(try courier.run(now: start).sent == 2)

        // Then each envelope sender is the signed bounce address of its own outbox row
        let caught = catcher.waitForMessages(count: 2, timeout: 5)
        #expect(caught.count == 2)
        for mail in caught {
            let row = try #require(messages.first { $0.toAddress == mail.rcptTo })
            #expect(mail.mailFrom == Self.verp(row))
            #expect(mail.mailFrom.hasSuffix("@\(Self.replyDomain)"))
            #expect(BounceAddress.verify(mail.mailFrom, signer: Self.signer) == BounceAddress(outboxId: row.id!))
        }
        // And without a reply domain the configured return path stays
        let plain = MessageComposer(
            templates: composer.templates, signer: Self.signer,
            settings: MailSettings(from: MailAddress("panel@t.example"), returnPath: "bounces@t.example", baseURL: "x"))
        #expect(plain.envelopeSender(for: messages[0]) == "bounces@t.example")
    }
}
