import Foundation
import MailFormat
import PanelCore
import PanelStore

/// What an inbound message proves about its sender: our own MTA's verdict on the From domain, and a
/// municipality's secret line. The one owner of the rule for mail that speaks for a municipality (a case, an
/// answer to a question, the follow-up to a verdict).
struct SenderTrust {
    /// The From address, lowercased; empty without one.
    let from: String
    /// The domain of the From address.
    let domain: String
    /// The Authentication-Results of our own MTA (`inbound.authserv_id`); none when no id is configured.
    let results: [AuthenticationResults]
    let authentication: SenderAuthentication
    /// The `Geheim:` line, if the mail has one.
    let secret: String?
    /// The message with the secret line taken out of its text.
    let message: InboundMessage
    /// The raw message without the secret: the secret is not kept, not even in the raw mail.
    let bytes: [UInt8]

    init(_ message: InboundMessage, bytes: [UInt8], authservID: String?) {
        from = message.from?.address.lowercased() ?? ""
        domain = from.split(separator: "@").last.map(String.init) ?? ""
        results = message.trustedAuthenticationResults(authservID: authservID)
        authentication = SenderAuthentication(results, domain: domain)
        let (secret, text) = SubmissionSecret.extract(from: message.text)
        self.secret = secret
        var message = message
        message.text = text
        self.message = message
        self.bytes = secret.map { SubmissionSecret.redact($0, in: bytes) } ?? bytes
    }

    /// Our MTA saw DKIM, SPF or DMARC pass for the sender's domain.
    var isAuthenticated: Bool { authentication == .pass }

    /// The mail carries `municipality`'s secret.
    func carriesSecret(of municipality: Municipality) -> Bool {
        guard let secret, let hash = municipality.submissionSecretHash else { return false }
        return SubmissionSecret.matches(secret, storedHash: hash)
    }

    /// Mail speaks for `municipality` only from its registered address, and when our MTA vouches for that
    /// address's domain or the mail carries the municipality's secret.
    func speaks(for municipality: Municipality) -> Bool {
        !from.isEmpty && from == municipality.email.lowercased() && (isAuthenticated || carriesSecret(of: municipality))
    }

    /// What our MTA said, for a refusal or the moderator: "dkim=fail, spf=none".
    var checks: String {
        results.isEmpty ? "geen controle-uitslag van onze mailserver" : results.map(\.summary).joined(separator: "; ")
    }
}

extension Mailroom {
    func senderTrust(_ message: InboundMessage, bytes: [UInt8]) -> SenderTrust {
        SenderTrust(message, bytes: bytes, authservID: addresses?.authservID)
    }

    /// Our MTA's verdict on the From domain: `.unknown` without `inbound.authserv_id`.
    func authentication(of message: InboundMessage) -> SenderAuthentication {
        let domain = message.from?.address.lowercased().split(separator: "@").last.map(String.init) ?? ""
        return SenderAuthentication(message.trustedAuthenticationResults(authservID: addresses?.authservID), domain: domain)
    }

    /// Whether mail from `municipality` can be proven at all: our MTA's Authentication-Results are trusted only
    /// with `inbound.authserv_id` configured, and a secret only when the municipality has one.
    func canVerify(_ municipality: Municipality) -> Bool {
        addresses?.authservID != nil || municipality.submissionSecretHash != nil
    }
}
