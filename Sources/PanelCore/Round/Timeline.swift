import Foundation

/// When a round's steps are due. All instants are absolute; the sending window is applied by the shell.
public struct Timeline: Sendable, Equatable, Codable {
    public var publishAt: Date
    public var voteAt: Date
    public var voteReminderAt: Date
    public var deadline: Date

    public init(publishAt: Date, voteAt: Date, voteReminderAt: Date, deadline: Date) {
        self.publishAt = publishAt
        self.voteAt = voteAt
        self.voteReminderAt = voteReminderAt
        self.deadline = deadline
    }

    /// Defaults from the pilot: voting opens after 10 days, the deadline after 14, and non-voters are
    /// reminded 48 hours before the deadline (never before voting opens).
    ///
    /// Days are calendar days in `timeZone`: a case published at 17:00 the day before daylight saving time
    /// ends closes at 17:00 fourteen days later, not at 16:00.
    public static func make(
        publishAt: Date, voteAt: Date? = nil, deadline: Date? = nil,
        defaults: TimelineDefaults = TimelineDefaults(), timeZone: TimeZone = .panelDefault
    ) throws(TimelineError) -> Timeline {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        func adding(_ days: Double, to date: Date) -> Date {
            let whole = days.rounded(.towardZero)
            let shifted = calendar.date(byAdding: .day, value: Int(whole), to: date) ?? date.addingTimeInterval(whole * 86_400)
            return shifted.addingTimeInterval((days - whole) * 86_400)
        }
        let deadline = deadline ?? adding(defaults.deadlineAfterDays, to: publishAt)
        let voteAt = voteAt ?? min(adding(defaults.voteOpensAfterDays, to: publishAt), deadline)
        let reminderAt = max(voteAt, deadline.addingTimeInterval(-defaults.voteReminderHoursBeforeDeadline * 3_600))
        let timeline = Timeline(publishAt: publishAt, voteAt: voteAt, voteReminderAt: reminderAt, deadline: deadline)
        try timeline.validate()
        return timeline
    }

    public func validate() throws(TimelineError) {
        guard publishAt <= voteAt else { throw .voteBeforePublish }
        guard voteAt < deadline else { throw .deadlineNotAfterVote }
        guard voteReminderAt >= voteAt, voteReminderAt <= deadline else { throw .reminderOutsideVoting }
    }
}

public struct TimelineDefaults: Sendable, Equatable {
    public var voteOpensAfterDays: Double = 10
    public var deadlineAfterDays: Double = 14
    public var voteReminderHoursBeforeDeadline: Double = 48

    public init(voteOpensAfterDays: Double = 10, deadlineAfterDays: Double = 14, voteReminderHoursBeforeDeadline: Double = 48) {
        self.voteOpensAfterDays = voteOpensAfterDays
        self.deadlineAfterDays = deadlineAfterDays
        self.voteReminderHoursBeforeDeadline = voteReminderHoursBeforeDeadline
    }
}

public enum TimelineError: Error, Equatable, CustomStringConvertible {
    case voteBeforePublish
    case deadlineNotAfterVote
    case reminderOutsideVoting

    public var description: String {
        switch self {
        case .voteBeforePublish: "--vote-at must not be before --publish-at"
        case .deadlineNotAfterVote: "--deadline must be after the moment voting opens (--vote-at)"
        case .reminderOutsideVoting: "the vote reminder must fall between the opening of the vote and the deadline"
        }
    }
}

/// ISO 8601 with an explicit offset, as the command line takes it: 2026-12-01T09:00:00+01:00.
public enum ISOTime {
    public static func parse(_ text: String) -> Date? {
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        return plain.date(from: text) ?? withFraction.date(from: text)
    }

    public static func format(_ date: Date, timeZone: TimeZone = .panelDefault) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = timeZone
        return formatter.string(from: date)
    }
}

/// A named timeline a moderator picks when approving a case: how long the discussion and the vote last.
/// The built-in ones can be changed, and more added, under `[timelines.NAME]` in the configuration.
public struct TimelineTemplate: Sendable, Equatable {
    public var name: String
    public var defaults: TimelineDefaults

    public init(name: String, defaults: TimelineDefaults) {
        self.name = name
        self.defaults = defaults
    }

    /// The pilot's 14 days is `standaard`, the one review by mail uses.
    public static let defaultName = "standaard"

    public static let builtIn: [TimelineTemplate] = [
        TimelineTemplate(name: "standaard", defaults: TimelineDefaults()),
        TimelineTemplate(
            name: "kort",
            defaults: TimelineDefaults(voteOpensAfterDays: 5, deadlineAfterDays: 7, voteReminderHoursBeforeDeadline: 24)),
        TimelineTemplate(
            name: "lang",
            defaults: TimelineDefaults(voteOpensAfterDays: 14, deadlineAfterDays: 21, voteReminderHoursBeforeDeadline: 48)),
    ]

    /// "10 dagen discussie, 4 dagen stemmen" for a moderator choosing one.
    public var summary: String {
        let discussion = Int(defaults.voteOpensAfterDays.rounded())
        let voting = Int((defaults.deadlineAfterDays - defaults.voteOpensAfterDays).rounded())
        return "\(name): \(discussion) dagen discussie, \(voting) dagen stemmen"
    }
}
