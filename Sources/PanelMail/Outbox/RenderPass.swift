import Foundation
import PanelCore
import PanelStore

/// Composes many messages in a row, making the template values every recipient of one kind, round and sequence
/// shares (case sections as Markdown, tally, arguments, questions, themes, dates) once instead of per message.
///
/// The messages are the same bytes as `MessageComposer.compose` makes one at a time: only the per-recipient values
/// are made per message, and acknowledgements and moderation requests (about one reply each) are not shared.
public struct RenderPass {
    public let composer: MessageComposer
    private var shared: [Key: [String: Any]] = [:]

    /// What the shared values depend on besides the round's rows: `follow_up_date` may fall back to the outbox time.
    struct Key: Hashable {
        var roundId: Int64
        var kind: MailKind
        var sequence: Int
        var createdAt: Date
    }

    public init(composer: MessageComposer) {
        self.composer = composer
    }

    public mutating func compose(_ mail: MailContext) throws -> OutgoingMessage {
        guard case .round(let context) = mail else { return try composer.compose(mail) }
        let message = context.message
        guard let roundId = context.round.id, message.kind != .acknowledgement, message.kind != .moderation else {
            return try composer.compose(context)
        }
        let key = Key(roundId: roundId, kind: message.kind, sequence: message.sequence, createdAt: message.createdAt)
        var values: [String: Any]
        if let known = shared[key] {
            values = known
        } else {
            values = composer.sharedValues(for: context)
            shared[key] = values
        }
        composer.addRecipientValues(context, into: &values)
        return try composer.compose(context, values: values)
    }
}
