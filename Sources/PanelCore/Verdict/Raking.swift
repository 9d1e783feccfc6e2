import Foundation

/// One characteristic to weight on, with its population shares.
public struct RakingVariable: Sendable, Equatable {
    /// The key in each respondent's dictionary, e.g. "age_band".
    public var name: String
    /// Category → population share. Meant to sum to 1; shares are renormalised over the covered categories anyway.
    public var targets: [String: Double]

    public init(name: String, targets: [String: Double]) {
        self.name = name
        self.targets = targets
    }
}

/// The outcome of raking: one weight per respondent and how well it went.
public struct RakingResult: Sendable, Equatable {
    /// One per respondent, in input order, mean 1 (empty for no respondents).
    public var weights: [Double]
    /// Whether the iteration brought every margin within the tolerance (before capping).
    public var converged: Bool
    /// Full passes over all variables that were made.
    public var iterations: Int
    /// Kish's effective sample size of `weights`.
    public var effectiveSampleSize: Double
    /// "variable=category" for every category with a positive target but no respondent, in the order of the
    /// variables and sorted within each; its share is spread over the variable's other categories in proportion.
    public var uncoveredCategories: [String]
    /// The largest gap, after capping, between a weighted margin and its (renormalised) target share.
    /// Capping moves margins: the verdict can say so when this exceeds the tolerance.
    public var maxMarginError: Double
}

/// Raking (iterative proportional fitting, Deming & Stephan 1940) of respondent weights to population margins.
public enum Raking {
    /// Rakes `respondents` to the `variables`' population shares.
    ///
    /// `respondents[i][variable.name]` is respondent i's category. A missing value, or a category not in
    /// the targets, leaves that respondent's weight untouched by that variable, and the variable's margins
    /// are then measured among the respondents who do have a known category.
    ///
    /// Starting from weight 1 each, every pass scales, variable by variable, the weights in each category so
    /// that the category's weighted share equals its target. Passes stop once every margin is within
    /// `tolerance` or after `maxIterations`. The weights are then capped to [1/cap, cap] and brought back to
    /// mean 1: one common factor s is found (by bisection) such that the clamped weights clamp(s·w) have
    /// mean 1 (to rounding), which is what capping and renormalising repeatedly aims for, without leaving weights
    /// outside the cap. An infinite `cap` skips capping; a cap below 1 counts as 1 (all weights 1).
    public static func rake(
        respondents: [[String: String]], variables: [RakingVariable], cap: Double = 5, tolerance: Double = 1e-6,
        maxIterations: Int = 100
    ) -> RakingResult {
        let count = respondents.count
        let plans = variables.map { Plan(variable: $0, respondents: respondents) }
        let uncovered = plans.flatMap { plan in
            plan.uncovered.map { "\(plan.name)=\($0)" }
        }

        guard count > 0 else {
            return RakingResult(
                weights: [], converged: true, iterations: 0, effectiveSampleSize: 0, uncoveredCategories: uncovered,
                maxMarginError: 0)
        }

        var weights = [Double](repeating: 1, count: count)
        var iterations = 0
        var converged = maxError(plans, weights) <= tolerance
        while !converged && iterations < max(0, maxIterations) {
            for plan in plans { plan.adjust(&weights) }
            iterations += 1
            converged = maxError(plans, weights) <= tolerance
        }

        normaliseToMeanOne(&weights)
        capToMeanOne(&weights, cap: cap)

        return RakingResult(
            weights: weights, converged: converged, iterations: iterations,
            effectiveSampleSize: VerdictStatistics.effectiveSampleSize(weights: weights),
            uncoveredCategories: uncovered, maxMarginError: maxError(plans, weights))
    }

    /// The weighted share of each of a variable's categories, among respondents with a known category:
    /// for checking a raking and for the verdict's report. Categories without weight are 0.
    public static func weightedMargins(respondents: [[String: String]], weights: [Double], variable: RakingVariable)
        -> [String: Double]
    {
        var totals = variable.targets.mapValues { _ in 0.0 }
        var known = 0.0
        for (respondent, weight) in zip(respondents, weights) {
            guard let category = respondent[variable.name], totals[category] != nil else { continue }
            totals[category]! += weight
            known += weight
        }
        guard known > 0 else { return totals }
        return totals.mapValues { $0 / known }
    }

    // MARK: - Internals

    /// One variable, prepared: each respondent's category as an index, and the target shares renormalised
    /// over the categories that have respondents.
    private struct Plan {
        var name: String
        /// Per respondent: index into `shares`, or -1 for missing/unknown (neutral).
        var categoryIndex: [Int]
        /// Target share per category index; uncovered categories are left out.
        var shares: [Double]
        var uncovered: [String]

        init(variable: RakingVariable, respondents: [[String: String]]) {
            name = variable.name
            // Non-finite or negative shares count as 0.
            let targets = variable.targets.mapValues { $0.isFinite && $0 > 0 ? $0 : 0 }
            var present = Set<String>()
            for respondent in respondents {
                if let category = respondent[variable.name], targets[category] != nil { present.insert(category) }
            }
            let covered = targets.keys.filter { present.contains($0) }.sorted()
            uncovered = targets.filter { !present.contains($0.key) && $0.value > 0 }.keys.sorted()
            let coveredTotal = covered.reduce(0.0) { $0 + targets[$1]! }
            shares = covered.map { coveredTotal > 0 ? targets[$0]! / coveredTotal : 0 }
            let index = Dictionary(uniqueKeysWithValues: covered.enumerated().map { ($1, $0) })
            categoryIndex = respondents.map { respondent in
                respondent[variable.name].flatMap { index[$0] } ?? -1
            }
        }

        /// Weighted totals per category and over all known respondents.
        func totals(_ weights: [Double]) -> (perCategory: [Double], known: Double) {
            var perCategory = [Double](repeating: 0, count: shares.count)
            weights.withUnsafeBufferPointer { w in
                categoryIndex.withUnsafeBufferPointer { c in
                    for i in 0..<w.count where c[i] >= 0 { perCategory[c[i]] += w[i] }
                }
            }
            return (perCategory, perCategory.reduce(0, +))
        }

        /// Scales each category so its weighted share equals its target, keeping the known respondents' total.
        func adjust(_ weights: inout [Double]) {
            let (perCategory, known) = totals(weights)
            guard known > 0 else { return }
            // A category whose weights are all zero cannot be scaled up; it is left alone.
            let factors = zip(shares, perCategory).map { share, total in total > 0 ? share * known / total : 1 }
            weights.withUnsafeMutableBufferPointer { w in
                categoryIndex.withUnsafeBufferPointer { c in
                    for i in 0..<w.count where c[i] >= 0 { w[i] *= factors[c[i]] }
                }
            }
        }

        /// The largest gap between a category's weighted share and its target share.
        func error(_ weights: [Double]) -> Double {
            let (perCategory, known) = totals(weights)
            guard known > 0 else { return shares.isEmpty ? 0 : .infinity }
            return zip(shares, perCategory).reduce(0.0) { max($0, abs($1.1 / known - $1.0)) }
        }
    }

    private static func maxError(_ plans: [Plan], _ weights: [Double]) -> Double {
        plans.reduce(0.0) { max($0, $1.error(weights)) }
    }

    private static func normaliseToMeanOne(_ weights: inout [Double]) {
        let sum = weights.reduce(0, +)
        guard sum > 0, sum.isFinite else {
            weights = [Double](repeating: 1, count: weights.count)
            return
        }
        let factor = Double(weights.count) / sum
        for i in weights.indices { weights[i] *= factor }
    }

    /// Replaces `weights` (mean 1) by clamp(s·w, 1/cap, cap) with s chosen so the mean is 1 again.
    /// The mean of the clamped weights grows continuously with s from 1/cap to cap, so bisection finds s.
    private static func capToMeanOne(_ weights: inout [Double], cap: Double) {
        guard !cap.isNaN, cap.isFinite else { return }
        let upper = max(cap, 1)
        let lower = 1 / upper
        if weights.allSatisfy({ lower <= $0 && $0 <= upper }) { return }
        let n = Double(weights.count)
        func mean(_ s: Double) -> Double {
            weights.reduce(0.0) { $0 + min(upper, max(lower, s * $1)) } / n
        }
        // mean(0) = lower ≤ 1; find an s with mean(s) ≥ 1 (the weights have mean 1, so s = upper suffices
        // unless too few are positive: keep doubling).
        var low = 0.0
        var high = upper
        while mean(high) < 1 && high < 1e300 { high *= 2 }
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if mean(middle) < 1 { low = middle } else { high = middle }
            if high - low <= high * 1e-15 { break }
        }
        let s = high
        for i in weights.indices { weights[i] = min(upper, max(lower, s * weights[i])) }
        // Bisection leaves the mean within rounding of 1; a last rescale of the weights strictly inside the
        // cap removes that without moving any weight across it.
        let total = weights.reduce(0, +)
        let pinned = weights.reduce(0.0) { $0 + ($1 == lower || $1 == upper ? $1 : 0) }
        let free = total - pinned
        if free > 0 {
            let factor = (n - pinned) / free
            for i in weights.indices where weights[i] != lower && weights[i] != upper {
                weights[i] = min(upper, max(lower, weights[i] * factor))
            }
        }
    }
}
