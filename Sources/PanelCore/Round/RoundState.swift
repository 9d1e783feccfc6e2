import Foundation

/// The life of a case's round. Raw values are stored in the database: never rename them.
public enum RoundState: String, Sendable, Codable, CaseIterable {
    /// Approved by a moderator; waiting for publishAt.
    case scheduled
    /// Case mail sent; panelists read and discuss.
    case discussion
    /// Vote mail sent; votes are recorded until the deadline.
    case voting
    /// Tallied; verdict to the municipality and the result to the panel.
    case closed
}

/// One transition the scheduler wants taken. Each is idempotent in the store.
public enum RoundStep: String, Sendable, Equatable, CaseIterable {
    case publish
    /// The municipality gets the panel's new questions, at most once a day.
    case sendQuestions
    case sendDigest
    case remindRepliers
    case openVoting
    case remindVoters
    case close
    /// The municipality has not answered the verdict: remind it once.
    case remindMunicipality
    /// Tell the panel what the municipality decided (or, after long silence, that it has not answered).
    case reportFollowUp
}

/// What has happened to a round so far: the scheduler's whole input besides the timeline.
public struct RoundProgress: Sendable, Equatable {
    public var state: RoundState
    public var digestsSent: Int
    public var replyReminderSent: Bool
    public var voteReminderSent: Bool
    /// Questions not yet mailed to the municipality.
    public var unmailedQuestions: Int
    public var questionsMailedAt: Date?
    public var closedAt: Date?
    public var followUpReceived: Bool
    public var followUpReminderSent: Bool
    public var followUpReported: Bool
    public var noAnswerReported: Bool

    public init(
        state: RoundState, digestsSent: Int = 0, replyReminderSent: Bool = false, voteReminderSent: Bool = false,
        unmailedQuestions: Int = 0, questionsMailedAt: Date? = nil, closedAt: Date? = nil, followUpReceived: Bool = false,
        followUpReminderSent: Bool = false, followUpReported: Bool = false, noAnswerReported: Bool = false
    ) {
        self.state = state
        self.digestsSent = digestsSent
        self.replyReminderSent = replyReminderSent
        self.voteReminderSent = voteReminderSent
        self.unmailedQuestions = unmailedQuestions
        self.questionsMailedAt = questionsMailedAt
        self.closedAt = closedAt
        self.followUpReceived = followUpReceived
        self.followUpReminderSent = followUpReminderSent
        self.followUpReported = followUpReported
        self.noAnswerReported = noAnswerReported
    }
}

/// Decides what must happen to a round at `now`, from its state alone. Pure: the shell makes it happen.
public enum RoundScheduler {
    /// Every step due at `now`, in order. A round that missed several moments (cron was down) catches up
    /// in one go, but reminders and digests whose moment has passed are skipped: a vote reminder after
    /// the deadline, a reply reminder or digest once voting is open.
    public static func dueSteps(
        progress: RoundProgress, timeline: Timeline, plan: DiscussionPlan = DiscussionPlan(), now: Date
    ) -> [RoundStep] {
        var steps: [RoundStep] = []
        var state = progress.state
        if state == .scheduled, now >= timeline.publishAt {
            steps.append(.publish)
            state = .discussion
        }
        if state == .discussion || state == .voting, now < timeline.deadline, progress.unmailedQuestions > 0,
            progress.questionsMailedAt.map({ now >= $0.addingTimeInterval(plan.questionMailInterval) }) ?? true
        {
            steps.append(.sendQuestions)
        }
        if state == .discussion, now < timeline.voteAt {
            if plan.digestsDue(timeline: timeline, now: now) > progress.digestsSent { steps.append(.sendDigest) }
            if !progress.replyReminderSent, now >= plan.replyReminderAt(timeline: timeline) { steps.append(.remindRepliers) }
        }
        if state == .discussion, now >= timeline.voteAt {
            steps.append(.openVoting)
            state = .voting
        }
        if state == .voting, !progress.voteReminderSent, now >= timeline.voteReminderAt, now < timeline.deadline {
            steps.append(.remindVoters)
        }
        if state == .voting, now >= timeline.deadline {
            steps.append(.close)
            return steps
        }
        if state == .closed, let closedAt = progress.closedAt {
            if progress.followUpReceived {
                if !progress.followUpReported { steps.append(.reportFollowUp) }
            } else {
                if !progress.followUpReminderSent, now >= closedAt.addingTimeInterval(plan.followUpReminderAfter) {
                    steps.append(.remindMunicipality)
                }
                if !progress.noAnswerReported, now >= closedAt.addingTimeInterval(2 * plan.followUpReminderAfter) {
                    steps.append(.reportFollowUp)
                }
            }
        }
        return steps
    }
}

/// The purpose of an outgoing message, as named in the `X-Tweedemening-Kind` header and in the outbox.
public enum MailKind: String, Sendable, Codable, CaseIterable {
    case caseMail = "case"
    case vote
    case voteReminder = "vote-reminder"
    case verdict
    case outcome
    case digest
    case replyReminder = "reply-reminder"
    /// To the municipality: the panel's new questions, each with its own reply address.
    case questions
    /// To the moderator: questions came late; a signed link extends the discussion.
    case extensionOffer = "extension-offer"
    /// To the panel: the discussion was extended; the new dates.
    case timelineChange = "timeline-change"
    /// To the municipality: a reminder to answer the verdict.
    case followUpReminder = "follow-up-reminder"
    /// To the panel: what the municipality did with the verdict, or that it has not answered yet.
    case followUp = "follow-up"
    /// To the panelist: their argument as it will be shown (or that it waits for the moderator).
    case acknowledgement
    /// To the panelist: a reply that came after the deadline, answered politely and not stored.
    case lateReply = "late-reply"
    /// To the moderator: an argument held for review, with signed approve/reject links.
    case moderation
    /// To the moderator: a submitted case (version) with its check report and approve/return links.
    case caseReview = "case-review"
    /// To the municipality: its case arrived, with the findings it can already fix.
    case caseReceived = "case-received"
    /// To a sender on the cases address: why the mail was not taken as a case.
    case caseRefused = "case-refused"
    /// To the municipality: the moderator returned the case, with the reason and how to send a new version.
    case caseReturned = "case-returned"
    /// To the municipality: the case is approved, with its dates.
    case caseApproved = "case-approved"
    /// To the moderator: a case mail was refused because nothing can prove who sent it (no
    /// `inbound.authserv_id`, no secret for the municipality); what to configure.
    case caseSetup = "case-setup"
    /// To a resident who mailed a valid invitation code: the background questions, privacy, and the confirm link.
    case join
    /// To a resident whose code was not recognised.
    case joinUnknown = "join-unknown"
    /// To a panelist who mailed "MIJN GEGEVENS": what is stored about them.
    case myData = "my-data"
    /// To a panelist who mailed "VERWIJDER MIJ": the link that confirms erasure.
    case eraseConfirm = "erase-confirm"
    /// To a panelist who mailed "PAUZE": until when.
    case paused
    /// To a panelist's registered address after "AFMELDEN" or "PAUZE" came from another address: links to do it.
    case requestConfirm = "request-confirm"
    /// To a panelist who voted by replying VOOR or TEGEN: what was recorded, and how to change it.
    case voteRecorded = "vote-recorded"
    /// To a panelist whose reply looked like a vote but was not one ("ja", "nee", a vote word before voting opens):
    /// how to vote. The text waits for the moderator; it is not published.
    case howToVote = "how-to-vote"
    /// To a panelist who asked in their own words to stop ("graag afmelden"): done, with a link to undo it.
    case unsubscribed
    /// To a reserve: a seat on the panel fell empty; a link takes it.
    case seatOffer = "seat-offer"
    /// To a member who neither voted nor argued in two rounds: their seat goes to a reserve; thanks, and how to come back.
    case seatReleased = "seat-released"

    /// Mail the program sends because mail came in, not on a schedule: anyone who can send us mail can make
    /// us send these, so they are capped per address (`AppDatabase.mayAnswer`).
    public var isAutomaticAnswer: Bool {
        switch self {
        case .acknowledgement, .lateReply, .myData, .eraseConfirm, .paused, .join, .joinUnknown, .caseReceived,
            .caseRefused, .requestConfirm, .voteRecorded, .howToVote, .unsubscribed:
            true
        default: false
        }
    }

    /// Automatic answers that say the same thing each time: a second request within a day is merged into the first.
    public var mergesRepeats: Bool {
        switch self {
        case .lateReply, .myData, .eraseConfirm, .paused, .joinUnknown, .requestConfirm, .howToVote, .unsubscribed: true
        default: false
        }
    }

    /// Mail outside any round: about a case under review, or to a (future) panelist about themselves.
    public var isIntake: Bool {
        switch self {
        case .caseReview, .caseReceived, .caseRefused, .caseSetup, .caseReturned, .caseApproved, .join, .joinUnknown,
            .myData, .eraseConfirm, .paused, .requestConfirm, .unsubscribed, .seatOffer, .seatReleased:
            true
        default: false
        }
    }
}

/// What the municipality did with the panel's verdict, as read from its answer.
public enum FollowUpDecision: String, Sendable, Codable {
    /// It adopts the panel's view (and so reconsiders the decision).
    case adopts
    /// It keeps its decision.
    case keeps
    case unclear

    /// Reads the decision from the municipality's own words. Only clear phrases count; anything else is
    /// `unclear`, and the text itself goes to the panel either way.
    public static func read(_ text: String) -> FollowUpDecision {
        let lower = text.lowercased()
        let adopts = [
            "nemen het oordeel over", "neemt het oordeel over", "nemen het advies over", "oordeel overnemen",
            "heroverwegen", "herzien het besluit", "besluit herzien", "passen het besluit aan", "we adopt", "adopt the panel",
        ]
        let keeps = [
            "blijven bij", "blijft bij", "handhaven", "handhaaft", "houden vast aan", "houdt vast aan",
            "we keep", "keep our decision",
        ]
        let adopted = adopts.contains { lower.contains($0) }
        let kept = keeps.contains { lower.contains($0) }
        if adopted == kept { return .unclear }
        return adopted ? .adopts : .keeps
    }
}
