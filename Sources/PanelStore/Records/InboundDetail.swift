import Foundation

/// The structured values of `inbound.detail`, written and read in one place. The column also holds free text
/// (why a message was refused, a vote word's reading); these are the ones code reads back. (A held follow-up's
/// reasons are `HoldReason.followUpDetail`.)
public enum InboundDetail: Equatable, Sendable {
    /// An argument that came with attachments (they are not kept): the acknowledgement says so.
    case attachments(Int)
    /// The municipality's answer to a question.
    case question(Int64)

    static let attachmentsPrefix = "attachments:"
    static let questionPrefix = "question:"

    public var rawValue: String {
        switch self {
        case .attachments(let count): Self.attachmentsPrefix + String(count)
        case .question(let id): Self.questionPrefix + String(id)
        }
    }

    /// The structured value `text` holds, or nil for free text.
    public init?(_ text: String?) {
        guard let text else { return nil }
        if text.hasPrefix(Self.attachmentsPrefix), let count = Int(text.dropFirst(Self.attachmentsPrefix.count)) {
            self = .attachments(count)
        } else if text.hasPrefix(Self.questionPrefix), let id = Int64(text.dropFirst(Self.questionPrefix.count)) {
            self = .question(id)
        } else {
            return nil
        }
    }
}
