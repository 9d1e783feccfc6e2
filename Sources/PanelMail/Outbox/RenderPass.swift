import Foundation
import PanelCore
import PanelStore

/// Composes many messages in a row, making the template values every recipient of one kind, round and sequence
/// shares (case sections as Markdown, tally, arguments, questions, themes, dates) once instead of per message, and
/// rendering the templates once per shape of the recipients' own values (`PrerenderedMail`).
///
/// The messages are the same bytes as `MessageComposer.compose` makes one at a time: only the per-recipient values
/// are made per message, and acknowledgements and moderation requests (about one reply each) are not shared.
/// Recipients the prerendered parts cannot vouch for are rendered by Mustache, as one at a time.
public struct RenderPass {
    public let composer: MessageComposer
    private var shared: [Key: [String: Any]] = [:]
    /// Nil where the templates could not be prerendered for that shape.
    private(set) var prerendered: [Variant: PrerenderedMail?] = [:]

    /// What the shared values depend on besides the round's rows: `follow_up_date` may fall back to the outbox time.
    struct Key: Hashable {
        var roundId: Int64
        var kind: MailKind
        var sequence: Int
        var createdAt: Date
    }

    /// The recipients of one key whose own values have one shape get the same prerendered parts.
    struct Variant: Hashable {
        var key: Key
        var shape: String
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
        let sharedValues: [String: Any]
        if let known = shared[key] {
            sharedValues = known
        } else {
            sharedValues = composer.sharedValues(for: context)
            shared[key] = sharedValues
        }
        var recipientValues: [String: Any] = [:]
        composer.addRecipientValues(context, into: &recipientValues)
        let values = sharedValues.merging(recipientValues) { $1 }
        if let recipient = RecipientValues(recipientValues) {
            let variant = Variant(key: key, shape: recipient.shape)
            let template: PrerenderedMail?
            if let known = prerendered[variant] {
                template = known
            } else {
                template = try PrerenderedMail(
                    kind: message.kind, shared: sharedValues, recipient: recipient, composer: composer)
                prerendered[variant] = .some(template)
            }
            if let parts = template?.render(recipient.strings) {
                return composer.compose(context, values: values, parts: parts)
            }
        }
        return try composer.compose(context, values: values)
    }
}
