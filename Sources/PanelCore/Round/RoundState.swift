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
    case openVoting
    case remindVoters
    case close
}

/// Decides what must happen to a round at `now`, from its state alone. Pure: the shell makes it happen.
public enum RoundScheduler {
    /// Every step due at `now`, in order. A round that missed several moments (cron was down) catches up
    /// in one go, but a vote reminder that would arrive after the deadline is skipped.
    public static func dueSteps(
        state: RoundState, timeline: Timeline, reminderSent: Bool, now: Date
    ) -> [RoundStep] {
        var steps: [RoundStep] = []
        var state = state
        if state == .scheduled, now >= timeline.publishAt {
            steps.append(.publish)
            state = .discussion
        }
        if state == .discussion, now >= timeline.voteAt {
            steps.append(.openVoting)
            state = .voting
        }
        if state == .voting, !reminderSent, now >= timeline.voteReminderAt, now < timeline.deadline {
            steps.append(.remindVoters)
        }
        if state == .voting, now >= timeline.deadline {
            steps.append(.close)
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
}
