import Foundation
import Logging
import MailFormat
import PanelCore
import PanelStore

extension Mailroom {
    /// Files a bounce: reads the report, finds the outbox row it is about and lets the store suspend or score the
    /// panelist (`AppDatabase.fileBounce`). The row is found by the signed VERP address the bounce came back to
    /// (`BounceAddress`), else by the returned Message-ID together with the failed address; a `bounce+` address we
    /// did not sign matches nothing. No bounce is ever answered.
    func fileBounce(
        name: String, bytes: [UInt8], message: InboundMessage, now: Date,
        softBounceLimit: Int = AppDatabase.softBounceLimit
    ) throws -> MailroomResult {
        let envelope = message.header("X-Tweedemening-Envelope-To")
        guard let report = DeliveryStatus.parse(bytes, envelopeRecipient: envelope) else {
            // A success notice, or a bounce we cannot read: kept for the moderator, nothing to act on.
            try record(name, bytes, message, .bounce, detail: "no failed recipient", now: now)
            return .filed(.bounce)
        }
        // One recipient per SMTP transaction, so normally one entry; the worst one counts.
        let recipient = report.recipients.first { $0.severity == .hard } ?? report.recipients[0]
        let notice = BounceNotice(
            origin: bounceOrigin(report), severity: recipient.severity == .hard ? .hard : .soft,
            status: recipient.status, diagnostic: Self.withoutAddresses(recipient.diagnostic))
        let mail = InboundMail(
            spoolName: name, receivedAt: now, messageId: message.messageID, fromAddress: message.from?.address,
            roundId: nil, panelistId: nil, disposition: .bounce, detail: nil, raw: Data(bytes))
        let (filed, effect) = try database.fileBounce(mail, notice: notice, now: now, softBounceLimit: softBounceLimit)
        var metadata: Logger.Metadata = [
            "inbound.id": "\(filed.id ?? 0)", "bounce.severity": "\(notice.severity.rawValue)",
            "bounce.status": "\(notice.status)",
        ]
        switch effect {
        case .suspended(let panelistId):
            metadata["panelist.id"] = "\(panelistId)"
            logger.notice("panelist.suspended", metadata: metadata)
        case .counted(let panelistId, let count):
            metadata["panelist.id"] = "\(panelistId)"
            metadata["panelist.soft_bounces"] = "\(count)"
            logger.info("inbound.bounce", metadata: metadata)
        case .unchanged(let panelistId):
            metadata["panelist.id"] = "\(panelistId)"
            logger.info("inbound.bounce", metadata: metadata)
        case .notPanelist(let outboxId, let recipientKey):
            // The municipality's or the moderator's address bounces: a person has to look at it.
            metadata["outbox.id"] = "\(outboxId)"
            metadata["outbox.recipient"] = "\(recipientKey)"
            logger.warning("bounce.not_panelist", metadata: metadata)
        case .unmatched, .alreadyFiled:
            logger.info("inbound.bounce", metadata: metadata)
        }
        return .filed(.bounce)
    }

    /// Files a spam complaint (an ARF report): the message it is about is found like a bounce's — the signed VERP
    /// address, else our Message-ID together with the recipient — or, failing both, by the signed reply address it
    /// carried; that panelist is unsubscribed (`AppDatabase.fileComplaint`). Never answered.
    func fileComplaint(_ report: FeedbackReport, name: String, bytes: [UInt8], message: InboundMessage, now: Date) throws
        -> MailroomResult
    {
        var origin = BounceNotice.Origin.unknown
        if let verp = report.addresses.lazy.compactMap({ BounceAddress.verify($0, signer: self.signer) }).first {
            origin = .outbox(verp.outboxId)
        } else if let messageId = report.originalMessageID, let recipient = report.recipient {
            origin = .messageId(messageId, recipients: [recipient])
        }
        let named = report.addresses.lazy.compactMap { ReplyAddress.verify($0, signer: self.signer) }
            .first { $0.purpose == .panelist }?.subject
        let mail = InboundMail(
            spoolName: name, receivedAt: now, messageId: message.messageID, fromAddress: message.from?.address,
            roundId: nil, panelistId: nil, disposition: .complaint, detail: nil, raw: Data(bytes))
        let filed = try database.fileComplaint(mail, origin: origin, panelistId: named, now: now)
        logger.notice(
            "inbound.complaint",
            metadata: [
                "inbound.id": "\(filed.id ?? 0)", "complaint.type": "\(report.feedbackType)",
                "inbound.detail": "\(filed.detail ?? "")",
            ])
        return .filed(.complaint)
    }

    /// Where the bounced message can be found: the verified VERP address; without any `bounce+` address, the
    /// returned Message-ID; a `bounce+` address that does not verify is forged or damaged and matches nothing.
    func bounceOrigin(_ report: DeliveryStatus) -> BounceNotice.Origin {
        if let envelope = report.envelopeRecipient {
            if let address = BounceAddress.verify(envelope, signer: signer) { return .outbox(address.outboxId) }
            let local = envelope.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " <>\t"))
            if local.hasPrefix(DeliveryStatus.verpPrefix) { return .unknown }
        }
        guard let messageId = report.originalMessageID, !messageId.isEmpty else { return .unknown }
        return .messageId(messageId, recipients: report.recipients.map(\.address))
    }

    /// The diagnostic without e-mail addresses (`550 5.1.1 <jan@…>: User unknown` → `550 5.1.1 [adres]: User
    /// unknown`): the reason is kept on the panelist and shown to the moderator, who knows whose address it was.
    static func withoutAddresses(_ text: String) -> String {
        text.replacingOccurrences(
            of: #"<?[^\s<>@]+@[^\s<>@]+>?"#, with: "[adres]", options: .regularExpression)
    }
}
