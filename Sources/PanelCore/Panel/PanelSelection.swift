import Foundation

/// A fair, reproducible stratified selection of a citizens' panel from volunteers, and how fair it was.
///
/// Every panel the lottery can produce meets every quota and seats at most one person per household. Within that, the
/// chances are spread as evenly as the quotas allow, after Flanigan et al., "Fair algorithms for selecting citizens'
/// assemblies" (Nature, 2021), without an LP solver:
/// 1. `QuotaSampler` fills the most urgent quota first (the Sortition Foundation's greedy) for a first valid panel.
/// 2. Weighted swap moves (one member out, one volunteer in, only when every quota and household rule still holds)
///    turn it into the next panel; a panel's chance is proportional to the product of its members' weights.
/// 3. Multiplicative weights: each time a volunteer is chosen, their weight drops, so those chosen least so far are
///    favoured next (Hedge against the least-chosen volunteer, which approaches the max–min fair mix).
/// 4. The lottery is the `replicas` panels so produced; the panel is one of them picked uniformly, so each volunteer's
///    reported probability is exactly their share of those panels.
/// Same seed and same input (in any order) give the same result.
public struct PanelSelection: Sendable, Equatable {
    public struct Probability: Sendable, Equatable {
        public var id: Int64
        public var probability: Double
    }

    public struct QuotaCount: Sendable, Equatable, CustomStringConvertible {
        public var quota: Quota
        /// Members of the whole panel with the quota's value (fixed members of a top-up included).
        public var selected: Int

        public var isMet: Bool { quota.minimum <= selected && selected <= quota.maximum }

        public var description: String {
            "\(quota): \(selected) (\(quota.minimum)–\(quota.maximum))\(isMet ? "" : " NOT MET")"
        }
    }

    /// The chosen volunteers, sorted (for a top-up: only the new members).
    public var selected: [Int64]
    /// Every candidate volunteer's chance of being chosen by this lottery, sorted by id.
    public var probabilities: [Probability]
    public var fairness: FairnessSummary
    /// Per quota, in the order given, the panel's count.
    public var quotaCounts: [QuotaCount]
    /// Panels in the lottery; the probabilities are exact shares of these.
    public var replicas: Int
    /// Which replica (0-based) became the panel, so the draw can be audited.
    public var drawnReplica: Int

    /// Whether every quota holds for the selected panel.
    public var meetsAllQuotas: Bool { quotaCounts.allSatisfy(\.isMet) }

    /// Selects `size` volunteers.
    public static func select(
        size: Int, from volunteers: [Volunteer], quotas: [Quota], seed: UInt64, settings: SelectionSettings = .standard
    ) throws(SelectionError) -> PanelSelection {
        try run(size: size, fixed: [], pool: volunteers, quotas: quotas, seed: seed, settings: settings)
    }

    /// Chooses `count` replacements from `pool` so that the current `panel` plus them meets every quota, with at most one
    /// person per household across both. `selected` holds only the replacements; `quotaCounts` the whole panel.
    public static func topUp(
        adding count: Int, to panel: [Volunteer], from pool: [Volunteer], quotas: [Quota], seed: UInt64,
        settings: SelectionSettings = .standard
    ) throws(SelectionError) -> PanelSelection {
        try run(size: panel.count + count, fixed: panel, pool: pool, quotas: quotas, seed: seed, settings: settings)
    }

    private static func run(
        size: Int, fixed: [Volunteer], pool: [Volunteer], quotas: [Quota], seed: UInt64, settings: SelectionSettings
    ) throws(SelectionError) -> PanelSelection {
        let open = size - fixed.count
        guard open > 0 else { throw SelectionError(problems: [.panelSizeNotPositive(open)]) }
        let problem = try SelectionInput(fixed: fixed, pool: pool, quotas: quotas, size: size)
        var sampler = problem.sampler
        var generator = SplitMix64(seed: seed)
        let poolRange = fixed.count..<problem.volunteers.count
        let meanProbability = Double(open) / Double(poolRange.count)

        func drawPanel(_ weights: [Double]) throws(SelectionError) {
            var stuck: [QuotaSampler.Shortfall] = []
            guard sampler.draw(weights: weights, using: &generator, attempts: settings.attemptsPerPanel, stuck: &stuck)
            else { throw SelectionError(problems: [problem.stuckProblem(stuck)]) }
        }

        // Multiplicative weights (Hedge): each time a volunteer is chosen their weight falls by a factor e^rate, so the
        // next panels favour those chosen least so far. The lottery is the mix of all `replicas` panels: the average,
        // not the last weights, is what approaches the fairest mix the quotas allow.
        let replicas = Swift.max(settings.replicas, 1)
        let batch = Swift.max(settings.panelsPerUpdate, 1)
        let expectedSelections = Double(replicas) * meanProbability
        let rate = settings.learningRate * (log(Double(Swift.max(poolRange.count, 2))) / expectedSelections).squareRoot()
        let drawnReplica = generator.uniform(below: replicas)
        var weights = Array(repeating: 1.0, count: problem.volunteers.count)
        var counts = Array(repeating: 0, count: problem.volunteers.count)
        var panel: [Int32] = []
        var panelCounts: [Int] = []
        let swapSteps = settings.swapsPerVolunteer * poolRange.count
        if swapSteps > 0 {
            try drawPanel(weights)
            sampler.startSwaps()
        }
        for replica in 0..<replicas {
            if swapSteps > 0 {
                sampler.swap(steps: swapSteps, weights: weights, using: &generator)
            } else {
                try drawPanel(weights)
            }
            for v in sampler.chosen { counts[Int(v)] += 1 }
            if replica == drawnReplica {
                panel = sampler.chosen
                panelCounts = sampler.counts
            }
            if rate > 0 && (replica + 1) % batch == 0 {
                let fewest = poolRange.map { counts[$0] }.min() ?? 0
                for v in poolRange {
                    weights[v] = exp(-Swift.min(rate * Double(counts[v] - fewest), settings.weightRange))
                }
            }
        }

        let probabilities = poolRange.map { v in
            Probability(id: problem.volunteers[v].id, probability: Double(counts[v]) / Double(replicas))
        }
        return PanelSelection(
            selected: panel.map { problem.volunteers[Int($0)].id }.sorted(),
            probabilities: probabilities,
            fairness: FairnessSummary(probabilities: probabilities.map(\.probability)),
            quotaCounts: zip(quotas, panelCounts).map { QuotaCount(quota: $0, selected: $1) },
            replicas: replicas,
            drawnReplica: drawnReplica)
    }
}

/// Tuning of `PanelSelection`; the defaults suit panels of tens to hundreds from hundreds to thousands of volunteers.
public struct SelectionSettings: Sendable, Equatable {
    /// Panels in the lottery: the probabilities are exact shares of these, and the panel is one of them.
    public var replicas: Int
    /// Panels between weight updates.
    public var panelsPerUpdate: Int
    /// Multiplies the Hedge step √(ln volunteers / expected selections per volunteer); 0 keeps all weights equal.
    public var learningRate: Double
    /// No weight falls below e^-weightRange times the largest, so nobody is shut out by rounding.
    public var weightRange: Double
    /// Swap moves between panels, per volunteer in the pool; 0 draws every panel afresh with the greedy sampler.
    public var swapsPerVolunteer: Int
    /// Restarts allowed per greedy panel before the selection gives up and names the quota it got stuck on.
    public var attemptsPerPanel: Int

    public init(
        replicas: Int = 1000, panelsPerUpdate: Int = 10, learningRate: Double = 5, weightRange: Double = 30,
        swapsPerVolunteer: Int = 2, attemptsPerPanel: Int = 200
    ) {
        self.replicas = replicas
        self.panelsPerUpdate = panelsPerUpdate
        self.learningRate = learningRate
        self.weightRange = weightRange
        self.swapsPerVolunteer = swapsPerVolunteer
        self.attemptsPerPanel = attemptsPerPanel
    }

    public static let standard = SelectionSettings()
    /// Independent greedy panels with equal weights: the Sortition Foundation's legacy procedure, the baseline.
    public static let plainGreedy = SelectionSettings(learningRate: 0, swapsPerVolunteer: 0)
}

/// How evenly a lottery spreads its chances over the volunteers.
public struct FairnessSummary: Sendable, Equatable, CustomStringConvertible {
    public var volunteers: Int
    public var minimum: Double
    public var maximum: Double
    public var mean: Double
    /// 0 when everyone has the same chance, towards 1 when a few have all of it.
    public var gini: Double
    /// Share of volunteers whose chance is below half the mean.
    public var shareBelowHalfMean: Double
    /// Volunteers who can never be chosen.
    public var neverChosen: Int

    public init(probabilities: [Double]) {
        let sorted = probabilities.sorted()
        volunteers = sorted.count
        minimum = sorted.first ?? 0
        maximum = sorted.last ?? 0
        let total = sorted.reduce(0, +)
        let mean = sorted.isEmpty ? 0 : total / Double(sorted.count)
        self.mean = mean
        let n = Double(sorted.count)
        let ranked = sorted.enumerated().reduce(0.0) { $0 + Double($1.offset + 1) * $1.element }
        gini = total > 0 ? 2 * ranked / (n * total) - (n + 1) / n : 0
        shareBelowHalfMean = sorted.isEmpty ? 0 : Double(sorted.filter { $0 < mean / 2 }.count) / n
        neverChosen = sorted.filter { $0 == 0 }.count
    }

    public var description: String {
        func percent(_ value: Double) -> String { String(format: "%.2f%%", value * 100) }
        return "\(volunteers) volunteers: chance min \(percent(minimum)), max \(percent(maximum)), mean \(percent(mean)); "
            + "Gini \(String(format: "%.3f", gini)); \(percent(shareBelowHalfMean)) below half the mean; "
            + "\(neverChosen) never chosen"
    }
}

/// Why no panel was selected: every problem found, each saying what to change.
public struct SelectionError: Error, Equatable, CustomStringConvertible {
    public var problems: [SelectionIssue]

    public var description: String {
        "no panel was selected; fix these and try again:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}

public enum SelectionIssue: Sendable, Equatable, CustomStringConvertible {
    case panelSizeNotPositive(Int)
    case duplicateVolunteer(id: Int64)
    case notEnoughHouseholds(seats: Int, households: Int)
    case quotaShort(Quota, needed: Int, available: Int, valuesPresent: [String])
    case minimumsAboveSize(category: String, sum: Int, size: Int)
    case maximumsBelowSize(category: String, sum: Int, unlisted: Int, size: Int)
    case alreadyAboveMaximum(Quota, members: Int)
    case samplerStuck(constraint: String, stuck: Int, attempts: Int, short: Int)

    public var description: String {
        switch self {
        case .panelSizeNotPositive(let seats):
            return "there are \(seats) seats to fill; ask for at least 1"
        case .duplicateVolunteer(let id):
            return "volunteer \(id) appears more than once; give every volunteer one entry"
        case .notEnoughHouseholds(let seats, let households):
            return "\(seats) seats but only \(households) households among the eligible volunteers (one per household); "
                + "recruit more volunteers or choose a smaller panel"
        case .quotaShort(let quota, let needed, let available, let present):
            var text =
                "quota \(quota) needs at least \(needed) but only \(available) volunteers (one per household) "
                + "have that value: short by \(needed - available)"
            if available == 0 && !present.isEmpty {
                text += "; volunteers have \(quota.category) values \(present.joined(separator: ", "))"
            }
            return text
        case .minimumsAboveSize(let category, let sum, let size):
            return "the minimums for \(category) add up to \(sum), more than the \(size) seats: "
                + "lower them by \(sum - size) in total"
        case .maximumsBelowSize(let category, let sum, let unlisted, let size):
            let others = unlisted > 0 ? " plus \(unlisted) volunteers without a listed \(category) value" : ""
            return "the maximums for \(category) add up to \(sum)\(others), fewer than the \(size) seats: "
                + "raise them by \(size - sum - unlisted) in total"
        case .alreadyAboveMaximum(let quota, let members):
            return "the current panel already has \(members) members with \(quota), above its maximum \(quota.maximum); "
                + "adding people cannot fix that, so raise the maximum or replace members"
        case .samplerStuck(let constraint, let stuck, let attempts, let short):
            return "no panel meeting every quota was found in \(attempts) attempts; most often stuck on \(constraint) "
                + "(\(stuck) of \(attempts) attempts, short by up to \(short)): loosen it or recruit more volunteers for it"
        }
    }
}
