import Foundation
import PanelCore
import PanelStore
import Testing

@testable import MailFormat
@testable import PanelMail

/// Replies that are not arguments get what the resident meant (issue 14, item 3): a vote by reply, how to vote for
/// an unclear one, a stop request in ordinary words, out-of-office mail, thanks, and spam complaints.
@Suite struct MailroomReplyIntentTests {
    let fixture = MailroomBounceTests()

    /// Anna's signed reply address in the published round, and her panelist id.
    func anna(_ messages: [OutboxMessage]) throws -> (address: String, panelistId: Int64, roundId: Int64) {
        let toAnna = try #require(messages.first { $0.toAddress == "anna@example.nl" })
        let local = ReplyAddress(purpose: .panelist, round: toAnna.roundId!, subject: toAnna.panelistId!)
            .localPart(signer: MailroomBounceTests.signer)
        return ("\(local)@\(MailroomBounceTests.replyDomain)", toAnna.panelistId!, toAnna.roundId!)
    }

    func reply(
        _ text: String, to address: String, from: String = "anna@example.nl", subject: String = "Re: Uw mening gevraagd",
        id: String = UUID().uuidString, headers: String = ""
    ) -> [UInt8] {
        // A subject outside ASCII goes as a mail program sends it: RFC 2047, UTF-8, base64.
        let encoded =
            subject.allSatisfy(\.isASCII) ? subject : "=?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?="
        return Array(
            "From: \(from)\r\nTo: \(address)\r\nSubject: \(encoded)\r\nMessage-ID: <\(id)@x.example>\r\n\(headers)Content-Type: text/plain; charset=utf-8\r\n\r\n\(text)\r\n"
                .utf8)
    }

    func openVoting(_ mailroom: Mailroom, roundId: Int64) throws -> Date {
        let round = try #require(try mailroom.database.round(roundId))
        _ = try mailroom.database.take(.openVoting, roundId: roundId, now: round.voteAt, messageDomain: "t.example")
        return round.voteAt.addingTimeInterval(60)
    }

    @Test func onlyAVoteWordWhileVotingIsOpenIsAVoteAndTheLastOneCounts() throws {
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let (mailroom, messages) = try fixture.published()
        let anna = try anna(messages)
        let at = try openVoting(mailroom, roundId: anna.roundId)
        // When Anna replies "Voor." to her own reply address
        let (result, mail) = try fixture.deliver(mailroom, reply("Voor.", to: anna.address), to: anna.address, at: at)
        // Then it is her vote, as the link would record it, and she is told what was recorded
        #expect(result == .filed(.vote) && mail.detail == "vote:support")
        #expect(try mailroom.database.tally(roundId: anna.roundId).support == 1)
        #expect(try mailroom.database.argument(1) == nil)
        let confirmations = try mailroom.database.messages().filter { $0.kind == .voteRecorded }
        #expect(confirmations.map(\.toAddress) == ["anna@example.nl"])
        // When she changes her mind with "TEGEN!"
        _ = try fixture.deliver(
            mailroom, reply("TEGEN!\n\nGroet, Anna", to: anna.address), to: anna.address, at: at.addingTimeInterval(60))
        // Then the last vote counts
        let tally = try mailroom.database.tally(roundId: anna.roundId)
        #expect(tally.support == 0 && tally.oppose == 1)
        #expect(try mailroom.database.messages().filter { $0.kind == .voteRecorded }.count == 2)
    }

    @Test(arguments: ["ja", "Nee", "ja, ik steun het besluit", "Voor, prima plan hoor", "Akkoord!"])
    func anUnclearVoteIsKeptAndAnsweredWithHowToVote(text: String) throws {
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let (mailroom, messages) = try fixture.published()
        let anna = try anna(messages)
        let at = try openVoting(mailroom, roundId: anna.roundId)
        // When Anna sends a short reply that takes a side without a vote word alone
        let (result, mail) = try fixture.deliver(mailroom, reply(text, to: anna.address), to: anna.address, at: at)
        // Then nothing is counted or published, the text is kept for the moderator, and she is told how to vote
        #expect(result == .filed(.notArgument) && mail.detail == "ambiguous-vote")
        #expect(try mailroom.database.tally(roundId: anna.roundId).votes == 0)
        #expect(try mailroom.database.argument(1) == nil)
        #expect(try mailroom.database.messages().filter { $0.kind == .howToVote }.map(\.toAddress) == ["anna@example.nl"])
        // And a second one the same day is merged into that answer
        _ = try fixture.deliver(mailroom, reply("nee", to: anna.address), to: anna.address, at: at.addingTimeInterval(60))
        #expect(try mailroom.database.messages().filter { $0.kind == .howToVote }.count == 1)
    }

    @Test func aVoteWordDuringTheDiscussionOrFromAnotherAddressIsNoVote() throws {
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let (mailroom, messages) = try fixture.published()
        let anna = try anna(messages)
        // When Anna replies VOOR during the discussion
        let (_, early) = try fixture.deliver(
            mailroom, reply("VOOR", to: anna.address), to: anna.address, at: fixture.start.addingTimeInterval(60))
        #expect(early.disposition == .notArgument && early.detail == "vote-word:not-open")
        // And a reason that starts with "Ja, ik steun het besluit" is an argument then
        let (argument, _) = try fixture.deliver(
            mailroom,
            reply(
                "Ja, ik steun het besluit omdat de huishoudelijke hulp anders voor niemand meer te betalen is.",
                to: anna.address), to: anna.address, at: fixture.start.addingTimeInterval(120))
        #expect(argument == .filed(.argument))
        // When someone else sends VOOR with her reply address while voting is open
        let at = try openVoting(mailroom, roundId: anna.roundId)
        let (_, forged) = try fixture.deliver(
            mailroom, reply("voor", to: anna.address, from: "stranger@evil.example"), to: anna.address, at: at)
        // Then nothing is counted
        #expect(forged.disposition == .notArgument && forged.detail == "vote-word:other-address")
        #expect(try mailroom.database.tally(roundId: anna.roundId).votes == 0)
    }

    @Test(arguments: [
        "graag afmelden", "Afmelden a.u.b.", "Haal mij van de lijst", "Ik wil geen mail meer", "stop met mailen!",
        "uitschrijven", "Please remove me", "Bitte abmelden", "me désabonner svp", "quiero darme de baja",
        "cancelar inscrição", "wypisz mnie", "aboneliği iptal", "отписаться", "відписатися", "请取消订阅",
        "配信停止してください", "Hallo,\n\nIk wil graag afgemeld worden.\n\nMet vriendelijke groet,\nAnna de Vries",
    ])
    func aStopRequestInOrdinaryWordsUnsubscribesWithAnUndoLink(text: String) throws {
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let (mailroom, messages) = try fixture.published()
        let anna = try anna(messages)
        // When Anna asks to stop in her own words
        let (result, mail) = try fixture.deliver(
            mailroom, reply(text, to: anna.address), to: anna.address, at: fixture.start.addingTimeInterval(60))
        // Then she is unsubscribed, nothing is published, and she gets a confirmation (with the undo link)
        #expect(result == .filed(.request) && mail.detail == "request:unsubscribe")
        #expect(try mailroom.database.panelist(anna.panelistId)?.status == .unsubscribed)
        #expect(try mailroom.database.argument(1) == nil)
        #expect(try mailroom.database.messages().filter { $0.kind == .unsubscribed }.map(\.toAddress) == ["anna@example.nl"])
    }

    @Test func anArgumentThatMentionsStoppingStaysAnArgument() throws {
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let (mailroom, messages) = try fixture.published()
        let anna = try anna(messages)
        for (index, text) in [
            "Stop met deze bezuiniging: mijn moeder kan zonder hulp niet meer zelf het huis schoonhouden.",
            "Mensen moeten zich niet zomaar kunnen afmelden voor de hulp die ze nodig hebben.",
        ].enumerated() {
            let (result, _) = try fixture.deliver(
                mailroom, reply(text, to: anna.address), to: anna.address,
                at: fixture.start.addingTimeInterval(Double(60 * (index + 1))))
            #expect(result == .filed(.argument), "\(text)")
        }
        #expect(try mailroom.database.panelist(anna.panelistId)?.status == .active)
    }

    @Test func aStopRequestFromAnotherAddressAsksTheRegisteredAddress() throws {
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let (mailroom, messages) = try fixture.published()
        let anna = try anna(messages)
        _ = try fixture.deliver(
            mailroom, reply("graag afmelden", to: anna.address, from: "stranger@evil.example"), to: anna.address,
            at: fixture.start.addingTimeInterval(60))
        #expect(try mailroom.database.panelist(anna.panelistId)?.status == .active)
        #expect(try mailroom.database.messages().filter { $0.kind == .requestConfirm }.map(\.toAddress) == ["anna@example.nl"])
    }

    @Test(arguments: [
        "Automatische Antwort: Uw mening gevraagd", "Automatisch antwoord: Re: zaak 1", "Afwezig", "Out of office",
        "Autoreply", "Réponse automatique : zaak", "Respuesta automática", "Resposta automática", "Risposta automatica",
        "Automatyczna odpowiedź", "Otomatik yanıt", "Автоматический ответ", "Автоматична відповідь", "Frånvaro",
        "Autosvar", "Fravær", "Automaattinen vastaus", "Automatická odpověď", "Răspuns automat", "自动回复", "自動返信",
        "رد تلقائي", "AW: Automatische Antwort",
    ])
    func anOutOfOfficeSubjectWithoutHeadersIsAutomatic(subject: String) throws {
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let (mailroom, messages) = try fixture.published()
        let anna = try anna(messages)
        let (result, _) = try fixture.deliver(
            mailroom, reply("Ik ben tot maandag afwezig en lees mijn mail dan weer.", to: anna.address, subject: subject),
            to: anna.address, at: fixture.start.addingTimeInterval(60))
        #expect(result == .filed(.autoReply))
        #expect(try mailroom.database.messages().filter { $0.kind.isAutomaticAnswer }.isEmpty)
    }

    @Test func listMailIsAutomatic() throws {
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let (mailroom, messages) = try fixture.published()
        let anna = try anna(messages)
        let (result, _) = try fixture.deliver(
            mailroom,
            reply(
                "Nieuwsbrief van de buurtvereniging: de vergadering is verplaatst naar donderdag.", to: anna.address,
                headers: "List-Id: Buurt <buurt.lists.example>\r\n"), to: anna.address, at: fixture.start.addingTimeInterval(60))
        #expect(result == .filed(.autoReply))
    }

    @Test(arguments: ["Dank u wel!", "Bedankt", "Ok", "👍", "Thanks", "Groet, Anna", "Oké, dank je wel voor de info"])
    func thanksAreNotPublishedOrAnswered(text: String) throws {
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let (mailroom, messages) = try fixture.published()
        let anna = try anna(messages)
        let (result, mail) = try fixture.deliver(
            mailroom, reply(text, to: anna.address), to: anna.address, at: fixture.start.addingTimeInterval(60))
        #expect(result == .filed(.notArgument) && mail.detail == "thanks")
        #expect(try mailroom.database.argument(1) == nil)
        #expect(try mailroom.database.messages().filter { $0.kind.isAutomaticAnswer }.isEmpty)
    }

    @Test func aSpamComplaintUnsubscribesAndIsCounted() throws {
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let (mailroom, messages) = try fixture.published()
        let toAnna = try #require(messages.first { $0.toAddress == "anna@example.nl" })
        // An ARF report from a provider, about the case mail to Anna (found by our Message-ID and her address)
        let report = """
            From: Feedback Loop <fbl@provider.example>\r
            To: abuse@t.example\r
            Subject: FW: complaint\r
            Message-ID: <fbl-1@provider.example>\r
            MIME-Version: 1.0\r
            Content-Type: multipart/report; report-type=feedback-report; boundary="b"\r
            \r
            --b\r
            Content-Type: text/plain\r
            \r
            This is an email abuse report.\r
            --b\r
            Content-Type: message/feedback-report\r
            \r
            Feedback-Type: abuse\r
            User-Agent: SomeFBL/1.0\r
            Version: 1\r
            Original-Rcpt-To: anna@example.nl\r
            \r
            --b\r
            Content-Type: text/rfc822-headers\r
            \r
            From: De Tweede Mening <panel@t.example>\r
            To: anna@example.nl\r
            Subject: Uw mening gevraagd\r
            Message-ID: <\(toAnna.messageId)>\r
            \r
            --b--\r

            """
        let (result, mail) = try fixture.deliver(
            mailroom, Array(report.utf8), to: "abuse@t.example", at: fixture.start.addingTimeInterval(600))
        #expect(result == .filed(.complaint))
        #expect(mail.detail == "complaint p\(toAnna.panelistId!) unsubscribed")
        #expect(try mailroom.database.panelist(toAnna.panelistId!)?.status == .unsubscribed)
        #expect(try mailroom.database.complaintCount() == 1)
        #expect(try mailroom.database.messages().filter { $0.kind.isAutomaticAnswer }.isEmpty)
    }
}
