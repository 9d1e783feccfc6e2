import Foundation

/// Why mail from outside is held for the moderator instead of reaching the panel: stored comma-separated in
/// `argument.flags`, `question.answerFlags` and (after `follow-up:`) a held follow-up's `inbound.detail`.
/// The description is what the moderator reads, in Dutch.
public enum HoldReason: String, Sendable, CaseIterable, CustomStringConvertible {
    /// A reply from another address than the panelist's (or an answer not from the municipality's address).
    case otherSender = "other-sender"
    case link
    case personalData = "personal-data"
    case language
    /// Our MTA marked the mail as failing DMARC, or DKIM and SPF, for the sender's domain: likely forged.
    case authenticationFailed = "auth-fail"
    /// Mail that speaks for a municipality (an answer, a follow-up) without the proof a case needs: its registered
    /// address with DKIM/SPF/DMARC passing at our MTA, or its secret line.
    case unverified
    /// Longer than `MessageComposer.argumentCharacters`: cut, and held.
    case tooLong = "too-long"
    /// More than `AppDatabase.argumentsPerDay` arguments from this panelist in this round within 24 hours.
    case tooMany = "too-many"

    public var description: String {
        switch self {
        case .otherSender: "verstuurd vanaf een ander adres dan het geregistreerde"
        case .link: "bevat een link"
        case .personalData: "bevatte persoonsgegevens (al vervangen)"
        case .language: "bevat mogelijk grove taal"
        case .authenticationFailed: "onze mailserver meldt dat de afzender niet klopt (DMARC, of DKIM en SPF, mislukt)"
        case .unverified:
            "niet bewezen dat dit van de gemeente komt (geen DKIM/SPF/DMARC-pass bij onze mailserver en geen geheim)"
        case .tooLong: "te lang (ingekort tot 4.000 tekens)"
        case .tooMany: "meer dan 6 bijdragen van deze deelnemer in 24 uur"
        }
    }

    /// The moderator's reading of stored flags: each known flag in Dutch, an unknown one as it is stored.
    public static func explain(_ flags: String) -> [String] {
        flags.split(separator: ",").map { flag in
            let flag = flag.trimmingCharacters(in: .whitespaces)
            return HoldReason(rawValue: flag)?.description ?? flag
        }
    }

    /// The `inbound.detail` of a held follow-up: `follow-up:unverified,link`.
    public static func followUpDetail(_ reasons: [HoldReason]) -> String {
        followUpPrefix + reasons.map(\.rawValue).joined(separator: ",")
    }

    static let followUpPrefix = "follow-up:"

    /// The flags of a held follow-up's detail; before these reasons were stored, the only one was another sender.
    static func followUpFlags(detail: String?) -> String? {
        guard let detail else { return nil }
        if detail.hasPrefix(followUpPrefix) { return String(detail.dropFirst(followUpPrefix.count)) }
        return detail == "follow-up from another address" ? HoldReason.otherSender.rawValue : nil
    }
}

/// A message waiting for the moderator, and why: what `inbound held` lists.
public struct HeldMail: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case argument(number: Int)
        case answer(questionNumber: Int)
        case followUp
    }
    public var inboundId: Int64
    public var receivedAt: Date
    public var fromAddress: String?
    public var caseId: Int64?
    public var kind: Kind
    /// Comma-separated `HoldReason` raw values.
    public var flags: String
}
