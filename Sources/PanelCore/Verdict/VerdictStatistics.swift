import Foundation

/// A confidence interval for a proportion, both ends as proportions in 0…1.
public struct WilsonInterval: Sendable, Equatable {
    public var lower: Double
    public var upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// Whether `value` lies inside the interval, ends included.
    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }
}

/// What the municipality is told the panel said. Raw values appear in the verdict: never rename them.
public enum Verdict: String, Sendable, Codable {
    /// The interval lies wholly above one half: the panel supports the decision.
    case support
    /// The interval lies wholly below one half: the panel opposes the decision.
    case oppose
    /// The interval contains one half: the panel is split as far as these votes can tell.
    case tooClose = "too-close"
    /// Fewer votes than the quorum: no verdict is drawn.
    case noQuorum = "no-quorum"
}

/// The pure statistics behind a verdict: the Wilson interval, its classification, Kish's effective sample size.
public enum VerdictStatistics {
    /// The two-sided 95% normal quantile, Φ⁻¹(0.975).
    public static let z95 = 1.959963984540054

    /// The Wilson score interval (Wilson, 1927) for `successes` out of `trials`:
    ///
    ///     centre    = (p̂ + z²/2n) / (1 + z²/n)
    ///     halfWidth = z / (1 + z²/n) · √( p̂(1 − p̂)/n + z²/4n² )
    ///
    /// with n = `trials` and p̂ = `successes` / n, clamped to 0…1 (so 0/n has lower 0 and n/n upper 1).
    /// Counts may be fractional (weighted). Nil when `trials` is not positive and finite, `successes`
    /// lies outside 0…`trials`, or `z` is not positive and finite.
    public static func wilson(successes: Double, trials: Double, z: Double = 1.959963984540054) -> WilsonInterval? {
        guard trials.isFinite, trials > 0, successes.isFinite, successes >= 0, successes <= trials,
            z.isFinite, z > 0
        else { return nil }
        let n = trials
        let p = successes / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let halfWidth = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        // At p̂ = 0 or 1 the end is exactly 0 or 1 in exact arithmetic; clamping removes rounding dust.
        let lower = p == 0 ? 0 : max(0, centre - halfWidth)
        let upper = p == 1 ? 1 : min(1, centre + halfWidth)
        return WilsonInterval(lower: lower, upper: upper)
    }

    /// The Wilson interval for a weighted vote: the weighted support share as p̂ and Kish's effective
    /// sample size as n, so that unequal weights widen the interval as a smaller sample would.
    /// Nil when `effectiveN` is not positive, or `share` lies outside 0…1.
    public static func weightedWilson(share: Double, effectiveN: Double, z: Double = 1.959963984540054)
        -> WilsonInterval?
    {
        guard share.isFinite, share >= 0, share <= 1 else { return nil }
        return wilson(successes: share * effectiveN, trials: effectiveN, z: z)
    }

    /// The verdict class of a round.
    ///
    /// - `.noQuorum` when `support + oppose` is below `quorum` (or nobody voted);
    /// - `.tooClose` when the interval contains 0.5, ends included;
    /// - otherwise `.support` when the interval lies above 0.5 (the share is above one half), else `.oppose`.
    ///
    /// `support` and `oppose` may be weighted totals (weights of mean 1 keep their sum at the raw count).
    /// When `interval` is nil it is computed here, unweighted, from `support` out of `support + oppose`.
    public static func classify(support: Double, oppose: Double, quorum: Int, interval: WilsonInterval?) -> Verdict {
        let votes = support + oppose
        guard votes.isFinite, votes > 0, votes >= Double(quorum) else { return .noQuorum }
        guard let interval = interval ?? wilson(successes: support, trials: votes) else { return .noQuorum }
        if interval.contains(0.5) { return .tooClose }
        return interval.lower > 0.5 ? .support : .oppose
    }

    /// Kish's effective sample size, (Σw)² / Σw²: n for equal weights, smaller the more unequal they are.
    /// Zero for no weights or when every weight is zero.
    public static func effectiveSampleSize(weights: [Double]) -> Double {
        var sum = 0.0
        var sumOfSquares = 0.0
        for weight in weights {
            sum += weight
            sumOfSquares += weight * weight
        }
        guard sumOfSquares > 0 else { return 0 }
        return sum * sum / sumOfSquares
    }
}
