import Foundation

/// A panelist's answer to "do you support the municipality's decision?".
public enum VoteChoice: String, Sendable, CaseIterable, Codable {
    case support
    case oppose
}

/// The count of one round's votes against the size of its panel.
public struct Tally: Sendable, Equatable, Codable {
    public var support: Int
    public var oppose: Int
    /// Panelists the round was published to: the denominator of turnout.
    public var panelSize: Int

    public init(support: Int, oppose: Int, panelSize: Int) {
        self.support = support
        self.oppose = oppose
        self.panelSize = panelSize
    }

    public var votes: Int { support + oppose }

    /// The share supporting the municipality with its 95% Wilson interval; nil when nobody voted.
    public var supportInterval: WilsonInterval? {
        VerdictStatistics.wilson(successes: Double(support), trials: Double(votes))
    }

    /// What the panel said: support or oppose only when the 95% interval excludes 50% and enough voted.
    public func verdict(quorum: Int) -> Verdict {
        VerdictStatistics.classify(support: Double(support), oppose: Double(oppose), quorum: quorum, interval: supportInterval)
    }

    /// Share of votes supporting the municipality, 0…100, or nil when nobody voted.
    public var supportPercent: Double? { votes == 0 ? nil : 100 * Double(support) / Double(votes) }
    public var opposePercent: Double? { votes == 0 ? nil : 100 * Double(oppose) / Double(votes) }
    /// Share of the panel that voted, 0…100, or nil for an empty panel.
    public var turnoutPercent: Double? { panelSize == 0 ? nil : 100 * Double(votes) / Double(panelSize) }
}

extension Double {
    /// Dutch rendering with one decimal where it matters: "62,5" or "60".
    public var dutchPercent: String {
        let rounded = (self * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.1f", rounded).replacingOccurrences(of: ".", with: ",")
    }
}
