import Foundation
import PanelCore
import PanelStore
import Testing

@testable import MailFormat
@testable import PanelMail

/// One scanner, with the round's names, for every reply (issue #17, finding 2).
@Suite struct MailroomPersonalDataTests {
    let fixture = MailroomBounceTests()

    func reply(from: String, to: String, body: String, id: String) -> [UInt8] {
        MailroomBounceTests.reply(from: from, to: to, body: body, id: id)
    }

    @Test func aFellowPanelistsNameAndASpelledOutNumberAreMaskedAndTheReplyHeld() throws {
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        // Given a published round whose panelists have names, and a municipality with a case officer
        let (mailroom, messages) = try fixture.published()
        _ = try mailroom.database.importPanel(
            municipalityId: "ede",
            rows: [
                PanelistRow(email: "anna@example.nl", name: "Anna Kok"),
                PanelistRow(email: "bram@example.nl", name: "Bram Özdemir"),
            ])
        try mailroom.database.setStaffNames(["Marleen Hoekstra"], municipalityId: "ede")
        let address = try fixture.replyAddress(of: "anna@example.nl", in: messages)

        // When Anna names a fellow panelist without his diacritics, the case officer, and her phone number in words
        let body = """
            Ik ben het eens met Bram Ozdemir: mevrouw Hoekstra had dit anders moeten doen. Een kok kan dat ook.
            Bel me: nul zes een twee drie vier vijf zes zeven acht.

            Groet, Anna
            """
        let (result, _) = try fixture.deliver(
            mailroom, reply(from: "anna@example.nl", to: address, body: body, id: "p1"), to: address,
            at: fixture.start.addingTimeInterval(600))

        // Then the argument waits for the moderator, with every name and the number masked and "kok" the word left
        #expect(result == .filed(.held))
        let argument = try #require(try mailroom.database.argument(1))
        #expect(argument.status == .held)
        #expect(
            argument.text == """
                Ik ben het eens met [naam]: mevrouw [naam] had dit anders moeten doen. Een kok kan dat ook.
                Bel me: [telefoonnummer verwijderd].

                Groet, [naam]
                """)
    }

    @Test func aSignedReplyIsMaskedButNotHeld() throws {
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let (mailroom, messages) = try fixture.published()
        _ = try mailroom.database.importPanel(
            municipalityId: "ede", rows: [PanelistRow(email: "anna@example.nl", name: "Anna Kok")])
        let address = try fixture.replyAddress(of: "anna@example.nl", in: messages)
        let (result, _) = try fixture.deliver(
            mailroom,
            reply(
                from: "anna@example.nl", to: address, body: "De buren kunnen helpen.\n\nMet vriendelijke groet,\nAnna Kok",
                id: "p2"),
            to: address, at: fixture.start.addingTimeInterval(600))
        #expect(result == .filed(.argument))
        #expect(try mailroom.database.argument(1)?.text == "De buren kunnen helpen.\n\nMet vriendelijke groet,\n[naam]")
    }
}
