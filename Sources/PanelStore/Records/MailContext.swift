import Foundation
import PanelCore

// What the store reads for one outbox row, in one transaction (`AppDatabase.mailContext`): records and facts, no
// wording and no template keys. `MessageComposer` (PanelMail) turns them into the templates' values; the store never
// knows what a template shows, and the composer never reads the database.

/// The facts one round mail is made from.
public struct MessageContext: Sendable {
    public var message: OutboxMessage
    public var round: Round
    public var panelCase: PanelCase
    public var municipality: Municipality
    public var panelist: Panelist?
    /// The current tally (for verdict and outcome mail: the stored final one).
    public var tally: Tally
    /// The panelist's own vote, if any.
    public var vote: VoteChoice?
    /// For a digest: the arguments it carries; for vote and outcome mail: every published argument;
    /// for an acknowledgement or moderation request: the one argument it is about.
    public var arguments: [ArgumentView] = []
    /// The recipient's pseudonym in this round, once they have one.
    public var pseudonym: Int?
    /// Attachments that came with the reply an acknowledgement answers (not taken as arguments).
    public var attachmentCount: Int = 0
    /// For the questions mail: the questions it carries; a digest: the answers it carries; vote,
    /// verdict and outcome mail: every question; an acknowledgement or moderation request: the one.
    public var questions: [QuestionView] = []
    /// For a moderation request: why the argument or answer is held, in Dutch (`HoldReason`).
    public var heldReasons: [String] = []
}

/// The facts one intake mail is made from: about a case under review (no round yet) or a (future) panelist.
public struct IntakeMailContext: Sendable {
    public var message: OutboxMessage
    /// Nil for a refused submission that named no case.
    public var panelCase: PanelCase?
    /// The version the mail is about (`message.sequence`).
    public var version: CaseVersion?
    public var municipality: Municipality?
    /// For the approval: the round and its dates.
    public var round: Round?
    /// For a refusal: why the mail was not taken as a case.
    public var refusal: String?
    /// For a refusal: the subject of the mail refused, so the sender recognises it.
    public var refusedSubject: String?
    /// For the join mail: who joined, and the questions to ask.
    public var volunteer: VolunteerRecord?
    public var questions: [BackgroundQuestion] = []
    /// For a panelist's own privacy mail (my data, erase, pause).
    public var panelist: Panelist?
    public var personalData: PersonalData?
}

/// The context of one outbox row: round mail, or intake mail.
public enum MailContext: Sendable {
    case round(MessageContext)
    case intake(IntakeMailContext)
}
