import Foundation
import Logging
import PanelCore
import PanelStore
import Testing

@testable import MailFormat
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

    // MARK: finding 3, panelists

    @Test func aReplyOurMTAMarksAsForgedIsHeldAndTheModeratorReadsWhy() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Given a published round, and our MTA's id configured
        let (mailroom, round) = try published()
        let toAnna = try panelistAddress(mailroom, "anna@example.nl", round: round)
        let toBram = try panelistAddress(mailroom, "bram@example.nl", round: round)
        let later = start.addingTimeInterval(600)

        // When a reply forged as anna arrives (DMARC fails at our MTA), and bram replies without any verdict
        let forged = try deliver(
            mailroom,
            Self.mail(
                from: "anna@example.nl", to: toAnna, headers: Self.forgedPanelist, body: "De gemeente heeft volkomen gelijk.",
                id: "f1"), to: toAnna, at: later)
        let plain = try deliver(
            mailroom, Self.mail(from: "bram@example.nl", to: toBram, body: "Ik steun de aanvrager.", id: "p1"), to: toBram,
            at: later)

        // Then the forged one is held for the moderator, the other published as before
        #expect(forged.0 == .filed(.held))
        #expect(plain.0 == .filed(.argument))
        let request = try #require(try moderationRequests(mailroom).first)
        let argumentId = try #require(request.argumentId)
        let argument = try #require(try mailroom.database.argument(argumentId))
        #expect(argument.status == .held && argument.flags == [.authenticationFailed])
        // And the moderator's mail says why, in Dutch
        let context = try mailroom.database.messageContext(request)
        #expect(context.heldReasons == [HoldReason.authenticationFailed.description])
        #expect(try mailroom.database.heldMail().map(\.kind) == [.argument(number: argument.number)])
        #expect(HoldReason.authenticationFailed.description.contains("afzender niet klopt"))
    }

    @Test func aQuestionOurMTAMarksAsForgedIsHeldNotAsked() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (mailroom, round) = try published()
        let toAnna = try panelistAddress(mailroom, "anna@example.nl", round: round)

        // When a question forged as anna arrives
        let forged = try deliver(
            mailroom,
            Self.mail(
                from: "anna@example.nl", to: toAnna, headers: Self.forgedPanelist, body: "Vraag: Waarom is dit besluit genomen?",
                id: "q1"), to: toAnna, at: start.addingTimeInterval(600))

        // Then it is held: no question goes to the municipality or into the vote mail
        #expect(forged.0 == .filed(.held))
        #expect(try mailroom.database.questions(roundId: round.id!).isEmpty)
    }

    @Test func withoutOurMTAsIdNoVerdictCountsAndRepliesAreFiledAsBefore() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Given no `inbound.authserv_id`: the same failing header could have been written by anyone
        let (mailroom, round) = try published(authservID: nil)
        let toAnna = try panelistAddress(mailroom, "anna@example.nl", round: round)

        let reply = try deliver(
            mailroom,
            Self.mail(
                from: "anna@example.nl", to: toAnna, headers: Self.forgedPanelist,
                body: "Ik steun de gemeente: de trap is te steil.",
                id: "n1"),
            to: toAnna, at: start.addingTimeInterval(600))

        #expect(reply.0 == .filed(.argument))
    }

    // MARK: finding 3, the municipality's answers and follow-ups

    /// A question from bram, mailed to the municipality; returns its answer address.
    func askedQuestion(_ mailroom: Mailroom, round: Round) throws -> (Question, String) {
        let toBram = try panelistAddress(mailroom, "bram@example.nl", round: round)
        _ = try deliver(
            mailroom, Self.mail(from: "bram@example.nl", to: toBram, body: "Vraag: Hoe steil is de trap?", id: "q"), to: toBram,
            at: start.addingTimeInterval(300))
        let question = try #require(try mailroom.database.questions(roundId: round.id!).first)
        return (question, address(.answer, round: round.id!, subject: question.id!))
    }

    @Test func anAnswerForgedAsTheMunicipalityIsHeldNotPublished() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (mailroom, round) = try published()
        let (question, answerTo) = try askedQuestion(mailroom, round: round)

        // When an "answer" from the municipality's address arrives that our MTA saw fail DKIM, SPF and DMARC
        let result = try deliver(
            mailroom,
            Self.mail(
                from: "wmo@ede.example", to: answerTo, headers: Self.forgedMunicipality, body: "De trap is heel steil.",
                id: "a1"), to: answerTo, at: start.addingTimeInterval(900))

        // Then it is held for the moderator with the reason, and reaches no panelist
        #expect(result.0 == .filed(.answer))
        let answered = try #require(try mailroom.database.question(question.id!))
        #expect(answered.answerStatus == .held)
        #expect(answered.answerFlags?.contains(.unverified) == true)
        let request = try #require(try moderationRequests(mailroom).first)
        #expect(try mailroom.database.messageContext(request).heldReasons.contains(HoldReason.unverified.description))
    }

    @Test func anAnswerWithoutAnyVerdictIsHeldToo() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Given no `inbound.authserv_id` and no secret: nothing can prove the municipality wrote it
        let (mailroom, round) = try published(authservID: nil)
        let (question, answerTo) = try askedQuestion(mailroom, round: round)

        _ = try deliver(
            mailroom,
            Self.mail(from: "wmo@ede.example", to: answerTo, headers: Self.municipalityPass, body: "Heel steil.", id: "a2"),
            to: answerTo, at: start.addingTimeInterval(900))

        #expect(try mailroom.database.question(question.id!)?.answerStatus == .held)
    }

    @Test func anAuthenticatedAnswerOrOneWithTheSecretIsPublishedButALinkIsHeld() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (mailroom, round) = try published()
        let (question, answerTo) = try askedQuestion(mailroom, round: round)

        // When the municipality answers from its address, DKIM and DMARC passing at our MTA
        _ = try deliver(
            mailroom,
            Self.mail(from: "wmo@ede.example", to: answerTo, headers: Self.municipalityPass, body: "Heel steil.", id: "a3"),
            to: answerTo, at: start.addingTimeInterval(900))
        // Then it is published
        #expect(try mailroom.database.question(question.id!)?.answerStatus == .published)

        // When it answers again with its secret and no verdict
        try mailroom.database.setSubmissionSecretHash(SubmissionSecret.hash("ede-geheim-2026"), municipalityId: "ede")
        _ = try deliver(
            mailroom,
            Self.mail(from: "wmo@ede.example", to: answerTo, body: "Geheim: ede-geheim-2026\nZestien treden.", id: "a4"),
            to: answerTo, at: start.addingTimeInterval(1_000))
        // Then that is published too, without the secret
        let secret = try #require(try mailroom.database.question(question.id!))
        #expect(secret.answerStatus == .published && secret.answer == "Zestien treden.")

        // When an authenticated answer carries a link
        _ = try deliver(
            mailroom,
            Self.mail(
                from: "wmo@ede.example", to: answerTo, headers: Self.municipalityPass,
                body: "Zie https://ede.example/trap voor de tekening.", id: "a5"), to: answerTo,
            at: start.addingTimeInterval(1_100))
        // Then it is held for the moderator
        let linked = try #require(try mailroom.database.question(question.id!))
        #expect(linked.answerStatus == .held && linked.answerFlags == [.link])
    }

    /// The round closed (voting opened and the deadline passed); returns the follow-up address.
    func closed(_ mailroom: Mailroom, _ round: Round) throws -> String {
        try mailroom.database.take(.openVoting, roundId: round.id!, now: round.voteAt, messageDomain: "t.example")
        try mailroom.database.take(.close, roundId: round.id!, now: round.deadline, messageDomain: "t.example")
        return address(.municipality, round: round.id!, subject: 0)
    }

    @Test func aFollowUpForgedAsTheMunicipalityOrWithALinkIsHeld() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (mailroom, round) = try published()
        let followUpTo = try closed(mailroom, round)
        let after = round.deadline.addingTimeInterval(3_600)

        // When a follow-up forged as the municipality arrives, with a phishing link
        let forged = try deliver(
            mailroom,
            Self.mail(
                from: "wmo@ede.example", to: followUpTo, headers: Self.forgedMunicipality,
                body: "Wij herzien het besluit. Vul uw gegevens in: https://ede-login.example/", id: "f1"), to: followUpTo,
            at: after)
        // Then it is held with the reasons, and nothing goes to the panel
        #expect(forged.0 == .filed(.held))
        #expect(forged.1.detail == "follow-up:unverified,link")
        #expect(try mailroom.database.round(round.id!)?.followUpAt == nil)

        // When the real municipality, authenticated, sends a link
        let linked = try deliver(
            mailroom,
            Self.mail(
                from: "wmo@ede.example", to: followUpTo, headers: Self.municipalityPass,
                body: "Wij blijven bij het besluit, zie https://ede.example/besluit", id: "f2"), to: followUpTo,
            at: after.addingTimeInterval(60))
        // Then that is held as well
        #expect(linked.0 == .filed(.held) && linked.1.detail == "follow-up:link")
        #expect(try mailroom.database.round(round.id!)?.followUpAt == nil)

        // When it sends its answer authenticated and without a link
        let real = try deliver(
            mailroom,
            Self.mail(
                from: "wmo@ede.example", to: followUpTo, headers: Self.municipalityPass, body: "Wij blijven bij het besluit.",
                id: "f3"), to: followUpTo, at: after.addingTimeInterval(120))
        // Then it is the follow-up the panel hears
        #expect(real.0 == .filed(.followUp))
        #expect(try mailroom.database.round(round.id!)?.followUp == "Wij blijven bij het besluit.")
        // And the moderator's list (`inbound held`) shows the two held ones and why
        let held = try mailroom.database.heldMail().filter { $0.kind == .followUp }
        #expect(held.map(\.flags) == [[.unverified, .link], [.link]])
        #expect(held[0].flags.explained == [HoldReason.unverified.description, HoldReason.link.description])
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

    // MARK: finding 12, the join address

    @Test func anUnknownCodeIsAnsweredOnlyToASenderOurMTAVouchesFor() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (mailroom, _) = try published()

        // When a join mail with an unknown code comes from a From our MTA could not verify
        let forged = try deliver(
            mailroom,
            Self.mail(
                from: "slachtoffer@elders.example", to: Self.joinAddress, subject: "AANMELDEN 234-567-89A", body: "", id: "j1"),
            to: Self.joinAddress, at: start)
        // Then it is recorded, and nobody is mailed
        #expect(forged.0 == .filed(.join) && forged.1.detail == "join-unknown:unanswered")
        #expect(try mailroom.database.messages().filter { $0.kind == .joinUnknown }.isEmpty)

        // When the same comes with our MTA's DKIM pass for the sender's domain
        let real = try deliver(
            mailroom,
            Self.mail(
                from: "bewoner@elders.example", to: Self.joinAddress,
                headers: "Authentication-Results: mx.t.example; dkim=pass header.d=elders.example",
                subject: "AANMELDEN 234-567-89A", body: "", id: "j2"), to: Self.joinAddress, at: start)
        // Then the sender hears the code is unknown
        #expect(real.1.detail == "join-unknown")
        #expect(
            try mailroom.database.messages().filter { $0.kind == .joinUnknown }.map(\.toAddress) == ["bewoner@elders.example"])
    }
}
