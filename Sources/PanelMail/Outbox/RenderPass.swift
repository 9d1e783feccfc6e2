import Foundation
import MailFormat
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
    /// Shapes whose first recipient was rendered by Mustache: a mail to a single recipient (the verdict, a late
    /// reply) would only pay for prerendering.
    private var seen: Set<Variant> = []

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
        if let recipient = RecipientValues(recipientValues),
            let template = try template(for: Variant(key: key, shape: recipient.shape), recipient, shared: sharedValues),
            let parts = template.render(recipient.strings)
        {
            return composer.compose(context, values: values, parts: parts)
        }
        return try composer.compose(context, values: values)
    }

    /// The prerendered parts for the second and later recipients of a shape; nil for its first and where they
    /// could not be made.
    private mutating func template(
        for variant: Variant, _ recipient: RecipientValues, shared: [String: Any]
    ) throws -> PrerenderedMail? {
        if let known = prerendered[variant] { return known }
        guard !seen.insert(variant).inserted else { return nil }
        let template = try PrerenderedMail(kind: variant.key.kind, shared: shared, recipient: recipient, composer: composer)
        prerendered[variant] = .some(template)
        return template
    }
}
