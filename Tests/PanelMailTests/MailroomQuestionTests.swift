import Foundation
import Logging
import PanelCore
import PanelStore
import Testing

@testable import MailFormat
@testable import PanelMail

/// Questions through the mailroom follow the same hold rules as arguments (issue #17, finding 5).
@Suite struct MailroomQuestionTests {
    let fixture = MailroomBounceTests()

    func reply(from: String, to: String, body: String, id: String) -> [UInt8] {
        MailroomBounceTests.reply(from: from, to: to, body: body, id: id)
    }

    @Test func aQuestionWithALinkIsHeldNotSentToTheMunicipality() throws {
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        // Given a published round
        let (mailroom, messages) = try fixture.published()
        let toAnna = try #require(messages.first { $0.toAddress == "anna@example.nl" })
        let toBram = try #require(messages.first { $0.toAddress == "bram@example.nl" })
        func address(_ message: OutboxMessage) -> String {
            let local = ReplyAddress(purpose: .panelist, round: message.roundId!, subject: message.panelistId!)
                .localPart(signer: MailroomBounceTests.signer)
            return "\(local)@\(MailroomBounceTests.replyDomain)"
        }
        let later = fixture.start.addingTimeInterval(600)

        // When one panelist asks a question with a phishing link, and another a plain one
        let phishing = try fixture.deliver(
            mailroom,
            reply(
                from: "anna@example.nl", to: address(toAnna),
                body: "Vraag: Heeft u dit formulier al gezien? https://gemeente-login.example/verify", id: "q1"),
            to: address(toAnna), at: later)
        let plain = try fixture.deliver(
            mailroom,
            reply(from: "bram@example.nl", to: address(toBram), body: "Vraag: Hoe oud is de trap?", id: "q2"),
            to: address(toBram), at: later)

        // Then the one with the link is held for the moderator, and only the plain one is a question
        #expect(phishing.0 == .filed(.held))
        #expect(plain.0 == .filed(.question))
        let questions = try mailroom.database.questions(roundId: toAnna.roundId!)
        #expect(questions.map(\.text) == ["Hoe oud is de trap?"])
    }
}
