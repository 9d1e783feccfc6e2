import Foundation
import MailFormat
import PanelCore
import PanelStore

extension Mailroom {
    /// A resident mails the join address with the code from the municipality's letter ("AANMELDEN K7Q-MR4-TX9",
    /// or the code anywhere in subject or text). Registered panelists may also send "MIJN GEGEVENS" or
    /// "VERWIJDER MIJ" here: the answer goes to the registered address, so a forged sender learns nothing. An
    /// unknown code is answered only when our MTA vouches for the sender (no backscatter to forged senders).
    func fileJoin(name: String, bytes: [UInt8], message: InboundMessage, now: Date) throws -> MailroomResult {
        guard let from = message.from?.address.lowercased(), !from.isEmpty else {
            try record(name, bytes, message, .join, detail: "no sender", now: now)
            return .filed(.join)
        }
        let reply = ReplyTrimmer.trim(message.text)
        if let request = PanelistRequest.read(subject: message.subject, reply: reply),
            request == .myData || request == .erase, let panelist = try database.panelists(email: from).first
        {
            return try fileRequest(request, panelist: panelist, name: name, bytes: bytes, message: message, now: now)
        }
        let codes = Self.invitationCodes(in: message.subject + "\n" + reply)
        let mail = InboundMail(
            spoolName: name, receivedAt: now, messageId: message.messageID, fromAddress: message.from?.address, roundId: nil,
            panelistId: nil, disposition: .join, detail: nil, raw: Data(bytes))
        // "Code unknown" goes only to a sender our MTA vouches for: a forged From must not make us mail a stranger.
        let outcome = try database.join(
            codes: codes, email: from, inbound: mail, answerUnknown: authentication(of: message) == .pass, now: now,
            messageDomain: messageDomain)
        logger.info("inbound.join", metadata: ["join.known": "\(outcome != .unknownCode)"])
        return .filed(.join)
    }

    /// A panelist's request from a signed reply address or a registered one.
    func fileRequest(
        _ request: PanelistRequest, panelist: Panelist, name: String, bytes: [UInt8], message: InboundMessage, now: Date
    ) throws -> MailroomResult {
        let mail = InboundMail(
            spoolName: name, receivedAt: now, messageId: message.messageID, fromAddress: message.from?.address, roundId: nil,
            panelistId: panelist.id, disposition: .request, detail: nil, raw: Data(bytes))
        let registered = message.from?.address.lowercased() == panelist.email.lowercased()
        try database.filePanelistRequest(
            request, panelistId: panelist.id!, inbound: mail, now: now, messageDomain: messageDomain,
            fromRegisteredAddress: registered)
        logger.info("inbound.request", metadata: ["request": "\(request.name)"])
        return .filed(.request)
    }

    /// Every valid invitation code in a text: runs of 9 code characters, with or without separators.
    static func invitationCodes(in text: String) -> [InvitationCode] {
        var codes: [InvitationCode] = []
        let pattern = #"[0-9A-Za-z](?:[\s\-–—._]?[0-9A-Za-z]){8}"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        for match in regex.matches(in: text, range: range) {
            guard let swiftRange = Range(match.range, in: text), let code = InvitationCode.parse(String(text[swiftRange]))
            else { continue }
            if !codes.contains(code) { codes.append(code) }
        }
        return codes
    }
}
