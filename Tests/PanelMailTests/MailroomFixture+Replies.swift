import Foundation
import PanelCore
import PanelStore
import Testing

@testable import MailFormat
@testable import PanelMail

/// What the mailroom tests send: a panelist's signed reply address and a plain-text reply to it.
extension MailroomBounceTests {
    /// The signed reply address of the round mail that went to `email`.
    func replyAddress(of email: String, in messages: [OutboxMessage]) throws -> String {
        let message = try #require(messages.first { $0.toAddress == email })
        let local = ReplyAddress(purpose: .panelist, round: message.roundId!, subject: message.panelistId!)
            .localPart(signer: Self.signer)
        return "\(local)@\(Self.replyDomain)"
    }

    /// A plain-text UTF-8 reply, as a mail client sends it.
    static func reply(from: String, to: String, body: String, id: String, subject: String = "Re: casus") -> [UInt8] {
        Array(
            "From: \(from)\r\nTo: \(to)\r\nSubject: \(subject)\r\nMessage-ID: <\(id)@bewoners.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\(body)\r\n"
                .utf8)
    }
}
