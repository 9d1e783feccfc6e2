import Foundation
import PanelCore
import PanelStore
import Testing

@testable import MailFormat
@testable import PanelMail

/// Mail commands from another address than the panelist's do not act; the registered address gets links
/// (issue #17, finding 8).
@Suite struct MailroomRequestTests {
    let fixture = MailroomBounceTests()

    @Test(arguments: ["AFMELDEN", "PAUZE"])
    func aCommandFromAnotherAddressAsksTheRegisteredAddress(command: String) throws {
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let (mailroom, messages) = try fixture.published()
        let toAnna = try #require(messages.first { $0.toAddress == "anna@example.nl" })
        let local = ReplyAddress(purpose: .panelist, round: toAnna.roundId!, subject: toAnna.panelistId!)
            .localPart(signer: MailroomBounceTests.signer)
        let address = "\(local)@\(MailroomBounceTests.replyDomain)"
        func mail(from: String, id: String) -> [UInt8] {
            Array(
                "From: \(from)\r\nTo: \(address)\r\nSubject: \(command)\r\nMessage-ID: <\(id)@x.example>\r\n\r\n\(command)\r\n"
                    .utf8)
        }
        // When someone else sends the command with Anna's reply address
        _ = try fixture.deliver(
            mailroom, mail(from: "stranger@evil.example", id: "s1"), to: address, at: fixture.start.addingTimeInterval(60))
        // Then Anna is still an active panelist, not paused, and only her own address is asked to confirm
        let anna = try #require(try mailroom.database.panelist(toAnna.panelistId!))
        #expect(anna.status == .active && anna.pausedUntil == nil)
        let asked = try mailroom.database.messages().filter { $0.kind == .requestConfirm }
        #expect(asked.map(\.toAddress) == ["anna@example.nl"])
        // When Anna sends it herself, it acts at once
        _ = try fixture.deliver(
            mailroom, mail(from: "anna@example.nl", id: "a1"), to: address, at: fixture.start.addingTimeInterval(120))
        let after = try #require(try mailroom.database.panelist(toAnna.panelistId!))
        #expect(command == "AFMELDEN" ? after.status == .unsubscribed : after.pausedUntil != nil)
    }
}
