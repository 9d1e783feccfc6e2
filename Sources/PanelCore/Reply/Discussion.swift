import Foundation

/// How a reply names the argument it reacts to.
public enum ArgumentReference {
    /// `#12` in the panelist's own words wins; otherwise, if the quoted part of the mail holds exactly
    /// one argument number (they quoted one argument of a digest), that one. A whole quoted digest
    /// names many and so names none.
    public static func find(reply: String, quoted: String) -> Int? {
        if let own = numbers(in: reply).first { return own }
        let inQuote = Set(numbers(in: quoted))
        return inQuote.count == 1 ? inQuote.first : nil
    }

    static func numbers(in text: String) -> [Int] {
        var result: [Int] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            defer { index += 1 }
            guard scalars[index] == "#" else { continue }
            if index > 0, CharacterSet.alphanumerics.contains(scalars[index - 1]) || scalars[index - 1] == "&" { continue }
            var end = index + 1
            var value = 0
            while end < scalars.count, end - index <= 5, let digit = Int(String(scalars[end])), scalars[end].isASCII {
                value = value * 10 + digit
                end += 1
            }
            let digits = end - index - 1
            if digits >= 1, digits <= 5, end == scalars.count || !CharacterSet.alphanumerics.contains(scalars[end]) {
                result.append(value)
            }
        }
        return result
    }
}

/// When discussion digests and the reply reminder fall, from the round's timeline.
public struct DiscussionPlan: Sendable, Equatable {
    public var digestInterval: TimeInterval
    /// The municipality gets at most one mail of new questions per this interval.
    public var questionMailInterval: TimeInterval

    /// After the verdict: when the municipality is reminded to answer; at twice this, the panel hears
    /// that no answer came (yet).
    public var followUpReminderAfter: TimeInterval
    /// Fewer votes than this give no verdict (`no-quorum`).
    public var quorum: Int
    /// A panelist is drawn into at most this many open rounds at once; 0: no limit.
    public var maxOpenRounds: Int
    /// The panel's time zone: "at most one case mail per panelist per day" counts its days.
    public var timeZone: TimeZone

    public init(
        digestInterval: TimeInterval = 3 * 86_400, questionMailInterval: TimeInterval = 86_400,
        followUpReminderAfter: TimeInterval = 14 * 86_400, quorum: Int = 30, maxOpenRounds: Int = 3,
        timeZone: TimeZone = .panelDefault
    ) {
        self.quorum = quorum
        self.maxOpenRounds = maxOpenRounds
        self.timeZone = timeZone
        self.digestInterval = max(3_600, digestInterval)
        self.questionMailInterval = questionMailInterval
        self.followUpReminderAfter = followUpReminderAfter
    }

    /// Digests due by `now`: one every interval after publication, while discussion lasts.
    /// The moment voting opens needs none: the vote mail carries the summary.
    public func digestsDue(timeline: Timeline, now: Date) -> Int {
        let end = min(now, timeline.voteAt.addingTimeInterval(-1))
        guard end >= timeline.publishAt else { return 0 }
        return Int(end.timeIntervalSince(timeline.publishAt) / digestInterval)
    }

    /// Halfway through the discussion.
    public func replyReminderAt(timeline: Timeline) -> Date {
        timeline.publishAt.addingTimeInterval(timeline.voteAt.timeIntervalSince(timeline.publishAt) / 2)
    }
}
