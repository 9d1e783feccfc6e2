import Foundation
import GRDB

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

    /// The `inbound.detail` of a held follow-up: `follow-up:unverified,link`.
    public static func followUpDetail(_ flags: HoldFlags) -> String { followUpPrefix + flags.stored }

    static let followUpPrefix = "follow-up:"

    /// The flags of a held follow-up's detail; before these reasons were stored, the only one was another sender.
    static func followUpFlags(detail: String?) -> HoldFlags? {
        guard let detail else { return nil }
        if detail.hasPrefix(followUpPrefix) { return HoldFlags(stored: String(detail.dropFirst(followUpPrefix.count))) }
        return detail == "follow-up from another address" ? [.otherSender] : nil
    }
}

/// The flags stored with mail kept from the panel: why it is held (`HoldReason`s), and `question` when the moderator
/// turned an argument into a question. In the database one comma-separated text (`argument.flags`,
/// `question.answerFlags`, a held follow-up's `inbound.detail`); everywhere else this type, read and written here only.
public struct HoldFlags: Sendable, Equatable, ExpressibleByArrayLiteral {
    public enum Flag: Sendable, Hashable {
        case reason(HoldReason)
        /// The moderator made the argument a question for the municipality.
        case question
        /// Written by another version of the program: kept, and shown as stored.
        case unknown(String)

        init(stored: String) {
            if stored == "question" {
                self = .question
            } else if let reason = HoldReason(rawValue: stored) {
                self = .reason(reason)
            } else {
                self = .unknown(stored)
            }
        }

        var stored: String {
            switch self {
            case .reason(let reason): reason.rawValue
            case .question: "question"
            case .unknown(let text): text
            }
        }
    }

    public private(set) var flags: [Flag]

    public init(_ flags: [Flag] = []) { self.flags = flags }

    public init(arrayLiteral reasons: HoldReason...) { flags = reasons.map(Flag.reason) }

    public init(stored: String) {
        flags = stored.split(separator: ",").map { Flag(stored: $0.trimmingCharacters(in: .whitespaces)) }
    }

    /// The text the database holds.
    public var stored: String { flags.map(\.stored).joined(separator: ",") }

    public var isEmpty: Bool { flags.isEmpty }

    public func contains(_ reason: HoldReason) -> Bool { flags.contains(.reason(reason)) }

    public mutating func insert(_ reason: HoldReason) { insert(.reason(reason)) }

    public mutating func insert(_ flag: Flag) {
        if !flags.contains(flag) { flags.append(flag) }
    }

    public mutating func insert(contentsOf other: HoldFlags) {
        for flag in other.flags { insert(flag) }
    }

    /// The moderator's reading: each reason in Dutch, a flag this version does not know as it is stored.
    public var explained: [String] {
        flags.compactMap { flag in
            switch flag {
            case .reason(let reason): reason.description
            case .question: "door de moderator een vraag gemaakt"
            case .unknown(let text): text
            }
        }
    }
}

extension HoldFlags: Codable, DatabaseValueConvertible {
    public init(from decoder: any Decoder) throws {
        self.init(stored: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(stored)
    }

    public var databaseValue: DatabaseValue { stored.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> HoldFlags? {
        String.fromDatabaseValue(dbValue).map(HoldFlags.init(stored:))
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
    public var flags: HoldFlags
}
