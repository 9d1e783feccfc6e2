import PanelCore
import PanelStore

extension MessageComposer {
    /// The SMTP envelope sender (`MAIL FROM`, the recipient side's `Return-Path`) of one outbox message.
    ///
    /// With a reply domain, a signed VERP address `bounce+{kid}.{base32}@{reply domain}` naming the outbox row: a
    /// bounce comes back to it through the same route as replies (`inbound deliver`) and finds its panelist even when
    /// the report itself is unreadable. Without one, the configured return path, as before.
    public func envelopeSender(for message: OutboxMessage) -> String {
        guard let domain = settings.replyDomain, !domain.isEmpty, let id = message.id else { return settings.returnPath }
        return BounceAddress(outboxId: id).address(signer: signer, domain: domain)
    }
}
