import Foundation
import Logging
import PanelCore
import PanelStore
import Testing

@testable import PanelMail

/// Who mail may claim to be (issue #17, findings 3, 4 and 12): a reply our MTA marks as forged is held; an answer or
/// follow-up speaks for the municipality only with the proof a case needs; a case is taken only when something can
/// prove its sender; an unknown invitation code is answered only to a sender our MTA vouches for.
@Suite struct MailroomSenderTrustTests {
    static let signer = TokenSigner(keys: [SigningKey(id: "k3", secret: Array(repeating: 7, count: 32))])
    static let replyDomain = "reply.t.example"
    static let authservID = "mx.t.example"
    static let moderator = "moderator@t.example"
    static let casesAddress = "zaken@reply.t.example"
    static let joinAddress = "aanmelden@reply.t.example"

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-trust-\(UUID().uuidString)")
    let start = ISOTime.parse("2026-12-01T09:00:00+01:00")!

    /// Our MTA's verdicts, as OpenDMARC and OpenDKIM write them.
    static let forgedPanelist =
        "Authentication-Results: mx.t.example; dkim=none; spf=fail smtp.mailfrom=example.nl; dmarc=fail header.from=example.nl"
    static let forgedMunicipality =
        "Authentication-Results: mx.t.example; dkim=fail header.d=ede.example; spf=softfail smtp.mailfrom=ede.example; "
        + "dmarc=fail (p=none) header.from=ede.example"
    static let municipalityPass =
        "Authentication-Results: mx.t.example; dkim=pass header.d=ede.example; dmarc=pass header.from=ede.example"

    /// A published round of Ede (`wmo@ede.example`) for anna and bram, and a mailroom with the cases and join addresses,
    /// a moderator, and `authservID` as our MTA's id.
    func published(authservID: String? = Self.authservID) throws -> (Mailroom, Round) {
        let database = try publishedRound(in: folder, emails: ["anna@example.nl", "bram@example.nl"], start: start)
        let spool = Spool(root: folder.appendingPathComponent("Queue"))
        try spool.prepare()
        let mailroom = Mailroom(
            database: database, spool: spool, signer: Self.signer, messageDomain: "t.example", moderatorAddress: Self.moderator,
            addresses: IntakeAddresses(casesAddress: Self.casesAddress, joinAddress: Self.joinAddress, authservID: authservID),
            logger: Logger(label: "test"))
        let round = try #require(try database.cases(municipalityId: "ede").first?.1)
        return (mailroom, round)
    }

    static func mail(from: String, to: String, headers: String = "", subject: String = "Re: casus", body: String, id: String)
        -> [UInt8]
    {
        Array(
            ((headers.isEmpty ? "" : headers + "\r\n")
                + "From: \(from)\r\nTo: \(to)\r\nSubject: \(subject)\r\nMessage-ID: <\(id)@afzender.example>\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n\(body.replacingOccurrences(of: "\n", with: "\r\n"))\r\n")
                .utf8)
    }

    func deliver(_ mailroom: Mailroom, _ bytes: [UInt8], to recipient: String, at date: Date) throws -> (
        MailroomResult, InboundMail
    ) {
        let name = try mailroom.accept(bytes, envelopeRecipient: recipient, now: date)
        let result = try mailroom.process(name: name, now: date)
        return (result, try #require(try mailroom.database.inboundMail(spoolName: name)))
    }

    func address(_ purpose: ReplyAddress.Purpose, round: Int64, subject: Int64) -> String {
        "\(ReplyAddress(purpose: purpose, round: round, subject: subject).localPart(signer: Self.signer))@\(Self.replyDomain)"
    }

    func panelistAddress(_ mailroom: Mailroom, _ email: String, round: Round) throws -> String {
        let panelist = try #require(try mailroom.database.panelists(email: email).first)
        return address(.panelist, round: round.id!, subject: panelist.id!)
    }

    func moderationRequests(_ mailroom: Mailroom) throws -> [OutboxMessage] {
        try mailroom.database.messages().filter { $0.kind == .moderation }
    }

    // MARK: finding 4, cases by mail

    static let caseText =
        "---\ntitle: Traplift\ndomain: Wmo\nconsent_reference: EDE-1\n---\n# Besluit\na\n# Standpunt gemeente\nb\n"
        + "# Standpunt aanvrager\nc\n# Kaders\nd\n# Vraag aan het panel\ne\n"

    @Test func withoutOurMTAsIdOrASecretACaseIsRefusedAndTheModeratorToldWhatToConfigure() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Given no `inbound.authserv_id`, and no secret for Ede
        let (mailroom, _) = try published(authservID: nil)
        let before = try mailroom.database.cases(municipalityId: "ede").count

        // When a case arrives from Ede's address with an Authentication-Results anyone could have written
        let result = try deliver(
            mailroom,
            Self.mail(
                from: "wmo@ede.example", to: Self.casesAddress,
                headers: "Authentication-Results: mx.t.example; dkim=pass header.d=ede.example", subject: "Nieuwe zaak",
                body: Self.caseText, id: "c1"), to: Self.casesAddress, at: start)

        // Then it is refused and recorded; the moderator is asked to configure a check
        #expect(result.0 == .filed(.caseRefused))
        #expect(result.1.detail?.contains("nog niet worden aangenomen") == true)
        #expect(try mailroom.database.cases(municipalityId: "ede").count == before)
        let intake = try mailroom.database.messages().filter { $0.roundId == nil }
        let setup = try #require(intake.first { $0.kind == .caseSetup })
        #expect(setup.toAddress == Self.moderator && setup.municipalityId == "ede")
        #expect(intake.contains { $0.kind == .caseRefused && $0.toAddress == "wmo@ede.example" })

        // And a second one the same day does not mail the moderator again
        _ = try deliver(
            mailroom,
            Self.mail(from: "wmo@ede.example", to: Self.casesAddress, subject: "Nog een", body: Self.caseText, id: "c2"),
            to: Self.casesAddress, at: start.addingTimeInterval(60))
        #expect(try mailroom.database.messages().filter { $0.kind == .caseSetup }.count == 1)
    }

    @Test func onlyOurMTAsAuthenticationResultsVouchForACase() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (mailroom, _) = try published()
        let before = try mailroom.database.cases(municipalityId: "ede").count

        // When a case comes with a pass written under another id (by the sender)
        let forged = try deliver(
            mailroom,
            Self.mail(
                from: "wmo@ede.example", to: Self.casesAddress,
                headers: "Authentication-Results: mx.forged.example; dkim=pass header.d=ede.example", body: Self.caseText,
                id: "c3"), to: Self.casesAddress, at: start)
        // Then it is refused
        #expect(forged.0 == .filed(.caseRefused))

        // When our MTA wrote the pass
        let real = try deliver(
            mailroom,
            Self.mail(
                from: "wmo@ede.example", to: Self.casesAddress, headers: Self.municipalityPass, body: Self.caseText, id: "c4"),
            to: Self.casesAddress, at: start)
        // Then the case is taken
        #expect(real.0 == .filed(.caseSubmission))
        #expect(try mailroom.database.cases(municipalityId: "ede").count == before + 1)
        #expect(try mailroom.database.messages().filter { $0.kind == .caseSetup }.isEmpty)
    }

    @Test func withASecretButNoMTAIdACaseWithTheSecretIsTaken() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (mailroom, _) = try published(authservID: nil)
        try mailroom.database.setSubmissionSecretHash(SubmissionSecret.hash("ede-geheim-2026"), municipalityId: "ede")

        let result = try deliver(
            mailroom,
            Self.mail(
                from: "wmo@ede.example", to: Self.casesAddress, body: "Geheim: ede-geheim-2026\n" + Self.caseText, id: "c5"),
            to: Self.casesAddress, at: start)

        #expect(result.0 == .filed(.caseSubmission))
    }

}
