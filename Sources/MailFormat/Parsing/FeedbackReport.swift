import Foundation

/// A spam complaint: an RFC 5965 feedback report (ARF, `multipart/report; report-type=feedback-report`) that a
/// mailbox provider sends when a recipient pressed "this is spam" on one of our messages. Reduced to what finds that
/// message: its Message-ID, the VERP envelope sender (`Return-Path`) and the reply address it carried, and the
/// recipient — from the embedded `message/rfc822` (or `text/rfc822-headers`) part and the report's fields.
public struct FeedbackReport: Sendable, Equatable {
    /// `Feedback-Type`, lowercased: `abuse` for a spam complaint.
    public var feedbackType: String
    /// The Message-ID of our message, without angle brackets.
    public var originalMessageID: String?
    /// Addresses of ours the message carried, VERP first: its `Return-Path`, `Reply-To` and `From`, and the address
    /// the report itself was delivered to.
    public var addresses: [String]
    /// The recipient of our message: the report's `Original-Rcpt-To`, else the embedded message's `To`.
    public var recipient: String?

    /// Nil when the bytes are not a feedback report.
    public static func parse(_ bytes: [UInt8], envelopeRecipient: String? = nil) -> FeedbackReport? {
        let section = MIMEParser.parseHeaders(bytes[...])
        var parser = MIMEParser()
        let root = parser.parseEntity(headers: section.fields, body: section.body, depth: 0)
        let isReport =
            root.contentType.mimeType == "multipart/report"
            && root.contentType.parameters["report-type"]?.lowercased() == "feedback-report"
        guard
            let report = DeliveryStatus.firstPart(in: root, where: { $0.contentType.mimeType == "message/feedback-report" }),
            isReport || report.id != root.id
        else { return nil }
        let fields = DeliveryStatus.fieldGroups(report.decodedBody).first ?? []
        let returned = DeliveryStatus.firstPart(in: root) {
            $0.id != root.id && DeliveryStatus.returnedTypes.contains($0.contentType.mimeType)
        }
        let original = returned.map { MIMEParser.parseHeaders($0.decodedBody[...]).fields } ?? []
        let messageID = DeliveryStatus.field("Message-ID", original).flatMap { MessageIDs.parse($0).first }
        var addresses: [String] = []
        if let envelopeRecipient { addresses.append(DeliveryStatus.cleanAddress(envelopeRecipient)) }
        if let returnPath = DeliveryStatus.field("Return-Path", original) {
            addresses.append(DeliveryStatus.cleanAddress(returnPath))
        }
        for name in ["Reply-To", "From"] {
            if let value = DeliveryStatus.field(name, original) {
                addresses += AddressList.parse(HeaderEncoding.decode(value)).map(\.address)
            }
        }
        let recipient =
            DeliveryStatus.field("Original-Rcpt-To", fields).map(DeliveryStatus.cleanAddress)
            ?? DeliveryStatus.field("To", original).flatMap { AddressList.parse(HeaderEncoding.decode($0)).first?.address }
        return FeedbackReport(
            feedbackType: (DeliveryStatus.field("Feedback-Type", fields) ?? "abuse").trimmingCharacters(in: .whitespaces)
                .lowercased(),
            originalMessageID: messageID, addresses: addresses, recipient: recipient)
    }
}
