import Foundation

/// A fair, reproducible stratified selection of a citizens' panel from volunteers, and how fair it was.
///
/// Every panel the lottery can produce meets every quota and seats at most one person per household. Within that, the
/// chances are LEXIMIN-fair after Flanigan et al., "Fair algorithms for selecting citizens' assemblies" (Nature, 2021):
/// the lowest selection probability is as high as the quotas allow, then the next lowest, and so on.
/// 1. `LeximinLottery` groups interchangeable volunteers (same quota values, alone in their household) into classes.
/// 2. Column generation: a master LP over a growing set of feasible panels (a dense simplex in Swift) maximises the
///    lowest probability among the classes not yet fixed; a pricing step — `QuotaSampler`'s greedy fill weighted by
///    the LP duals, then best-improvement swaps — adds panels that beat the LP's dual value. When it finds none, the
///    classes with a positive dual are fixed at that level and the next level starts, until every class is fixed.
///    The pricing is a heuristic (no MILP), so a level can end slightly below the exact LEXIMIN value:
///    `scripts/eval/leximin.py` computes the exact one with HiGHS for comparison (docs/panel-selection.md).
/// 3. The lottery is the final LP mix over `panelsInLottery` panels; the seed draws one of them (`drawnPanel`), then
///    uniformly which members of each class fill its seats. The reported probabilities are exactly this lottery's.
/// The lottery depends on the input only (in any order); the seed only draws from it. Same seed and same input give the
/// same panel. `SelectionSettings.plainGreedy` is the old baseline: independent greedy panels, probabilities their
/// shares.
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
    /// Panels with a positive chance in the lottery (for `plainGreedy`: the panels drawn, each equally likely).
    public var panelsInLottery: Int
    /// Which of those panels (0-based, in the order the lottery lists them) the seed drew, so the draw can be audited.
    public var drawnPanel: Int
    /// LEXIMIN levels solved (0 for `plainGreedy`).
    public var levels: Int
    /// `leximin`, `hedge` or `plainGreedy`: what `automatic` chose.
    public var methodUsed: SelectionSettings.Method

    /// Whether every quota holds for the selected panel.
    public var meetsAllQuotas: Bool { quotaCounts.allSatisfy(\.isMet) }
    /// The median selection probability.
    public var medianProbability: Double { fairness.median }

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
        let poolRange = fixed.count..<problem.volunteers.count
        var generator = SplitMix64(seed: seed)
        var probability = [Double](repeating: 0, count: problem.volunteers.count)
        var chosen: [Int32]
        let panelsInLottery: Int
        let drawnPanel: Int
        var levels = 0

        var method = settings.method
        let classes = LeximinLottery.classes(problem: problem)
        if method == .automatic {
            method = classes.count <= settings.leximinClassLimit ? .leximin : .hedge
        }
        switch method {
        case .automatic, .leximin:
            let lottery = try LeximinLottery(problem: problem, classes: classes, open: open, settings: settings)
            for (k, volunteerClass) in lottery.classes.enumerated() {
                for v in volunteerClass.members { probability[Int(v)] = lottery.classProbability[k] }
            }
            let draw = lottery.draw(using: &generator)
            chosen = draw.chosen
            panelsInLottery = lottery.panels.count
            drawnPanel = draw.panel
            levels = lottery.levels
        case .hedge:
            (chosen, panelsInLottery, drawnPanel) = try hedge(
                problem: problem, open: open, settings: settings, generator: &generator, probability: &probability)
        case .plainGreedy:
            // Independent greedy panels with equal weights; the panel is one of them, picked uniformly.
            var sampler = problem.sampler
            let replicas = Swift.max(settings.replicas, 1)
            drawnPanel = generator.uniform(below: replicas)
            panelsInLottery = replicas
            chosen = []
            let equal = [Double](repeating: 1, count: problem.volunteers.count)
            for replica in 0..<replicas {
                var stuck: [QuotaSampler.Shortfall] = []
                guard
                    sampler.draw(weights: equal, using: &generator, attempts: settings.attemptsPerPanel, stuck: &stuck)
                else { throw SelectionError(problems: [problem.stuckProblem(stuck)]) }
                for v in sampler.chosen { probability[Int(v)] += 1 / Double(replicas) }
                if replica == drawnPanel { chosen = sampler.chosen }
            }
        }

        // The panel's quota counts, fixed members included.
        var counts = [Int](repeating: 0, count: quotas.count)
        let categoryCount = problem.sampler.categoryCount
        for v in Array(0..<fixed.count) + chosen.map(Int.init) {
            for c in 0..<categoryCount {
                let q = Int(problem.sampler.membership[v * categoryCount + c])
                if q >= 0 { counts[q] += 1 }
            }
        }
        let probabilities = poolRange.map { v in
            Probability(id: problem.volunteers[v].id, probability: probability[v])
        }
        return PanelSelection(
            selected: chosen.map { problem.volunteers[Int($0)].id }.sorted(),
            probabilities: probabilities,
            fairness: FairnessSummary(probabilities: probabilities.map(\.probability)),
            quotaCounts: zip(quotas, counts).map { QuotaCount(quota: $0, selected: $1) },
            panelsInLottery: panelsInLottery,
            drawnPanel: drawnPanel,
            levels: levels,
            methodUsed: method)
    }

    /// For pools too varied for the LP (more than `leximinClassLimit` classes): `replicas` panels, each from the last by
    /// weighted swaps that keep every quota and household rule, under multiplicative weights (Hedge against the
    /// least-chosen volunteer: each selection lowers a volunteer's weight). The lottery is those panels, the panel one
    /// of them; each probability is exactly its share. It approaches the max–min mix, not the full LEXIMIN.
    private static func hedge(
        problem: SelectionInput, open: Int, settings: SelectionSettings, generator: inout SplitMix64,
        probability: inout [Double]
    ) throws(SelectionError) -> (chosen: [Int32], panels: Int, drawn: Int) {
        var sampler = problem.sampler
        let poolRange = problem.sampler.fixedCount..<problem.volunteers.count
        let meanProbability = Double(open) / Double(Swift.max(poolRange.count, 1))
        let replicas = Swift.max(settings.replicas, 1)
        let batch = Swift.max(settings.panelsPerUpdate, 1)
        let expectedSelections = Double(replicas) * meanProbability
        let rate = settings.learningRate * (log(Double(Swift.max(poolRange.count, 2))) / expectedSelections).squareRoot()
        let drawn = generator.uniform(below: replicas)
        var weights = Array(repeating: 1.0, count: problem.volunteers.count)
        var counts = Array(repeating: 0, count: problem.volunteers.count)
        var panel: [Int32] = []
        var stuck: [QuotaSampler.Shortfall] = []
        guard sampler.draw(weights: weights, using: &generator, attempts: settings.attemptsPerPanel, stuck: &stuck)
        else { throw SelectionError(problems: [problem.stuckProblem(stuck)]) }
        sampler.startSwaps()
        let swapSteps = Swift.max(settings.swapsPerVolunteer, 1) * poolRange.count
        for replica in 0..<replicas {
            sampler.swap(steps: swapSteps, weights: weights, using: &generator)
            for v in sampler.chosen { counts[Int(v)] += 1 }
            if replica == drawn { panel = sampler.chosen }
            if rate > 0 && (replica + 1) % batch == 0 {
                let fewest = poolRange.map { counts[$0] }.min() ?? 0
                for v in poolRange {
                    weights[v] = exp(-Swift.min(rate * Double(counts[v] - fewest), settings.weightRange))
                }
            }
        }
        for v in poolRange { probability[v] = Double(counts[v]) / Double(replicas) }
        return (panel, replicas, drawn)
    }
}

/// Tuning of `PanelSelection`; the defaults suit panels of tens to hundreds from hundreds to thousands of volunteers.
public struct SelectionSettings: Sendable, Equatable {
    public enum Method: Sendable, Equatable {
        /// LEXIMIN when the pool has at most `leximinClassLimit` classes of interchangeable volunteers, else Hedge (the
        /// default: the LP takes about a minute at 600 classes, 2,000 volunteers; Hedge stays under a second at 5,000).
        case automatic
        /// The LEXIMIN lottery by column generation.
        case leximin
        /// Multiplicative weights over swap-linked panels: the max–min mix approximately, fast at any size.
        case hedge
        /// Independent greedy panels with equal weights (the Sortition Foundation's legacy procedure): the baseline.
        case plainGreedy
    }

    public var method: Method
    /// `automatic` uses LEXIMIN up to this many classes of interchangeable volunteers.
    public var leximinClassLimit: Int
    /// For `hedge` and `plainGreedy`: the panels drawn, whose shares are the probabilities. LEXIMIN ignores it.
    public var replicas: Int
    /// For `hedge`: panels between weight updates, the step's multiplier, the weight floor (e^-range), and the swap
    /// moves between panels per volunteer.
    public var panelsPerUpdate: Int
    public var learningRate: Double
    public var weightRange: Double
    public var swapsPerVolunteer: Int
    /// Greedy panels with equal weights that seed the column generation.
    public var initialPanels: Int
    /// Pricing attempts per round: the last best panel improved by swaps, then greedy panels weighted by the duals.
    public var pricingRestarts: Int
    /// A ceiling on the panels (columns) the LP may collect; a safety bound, far above what the levels need.
    public var maximumPanels: Int
    /// LEXIMIN: price every column exactly (an integer program solved by CBC, `ExactPricing`), so that each level is
    /// proven, not guessed; without it (or should CBC fail) the swap heuristic prices, and a level may end below the
    /// exact LEXIMIN value.
    public var exactPricing: Bool
    /// With exact pricing, a level ends when the best panel could raise its lowest probability by less than this
    /// share of it (the bound is proven).
    public var levelTolerance: Double
    /// With exact pricing, the weight of the best duals so far in the duals priced (Wentges's smoothing; 0 prices at
    /// the LP's own duals).
    public var stabilisation: Double
    /// With the swap heuristic, the same share (larger: the heuristic's columns tail off).
    public var heuristicLevelTolerance: Double
    /// Restarts allowed per greedy panel before the selection gives up and names the quota it got stuck on.
    public var attemptsPerPanel: Int

    public init(
        method: Method = .automatic, leximinClassLimit: Int = 1000, replicas: Int = 1000, initialPanels: Int = 10,
        pricingRestarts: Int = 6, maximumPanels: Int = 6000, exactPricing: Bool = true,
        levelTolerance: Double = 1e-5, stabilisation: Double = 0.9, heuristicLevelTolerance: Double = 0.002,
        attemptsPerPanel: Int = 200,
        panelsPerUpdate: Int = 10, learningRate: Double = 5, weightRange: Double = 30, swapsPerVolunteer: Int = 2
    ) {
        self.levelTolerance = levelTolerance
        self.heuristicLevelTolerance = heuristicLevelTolerance
        self.stabilisation = stabilisation
        self.exactPricing = exactPricing
        self.method = method
        self.leximinClassLimit = leximinClassLimit
        self.panelsPerUpdate = panelsPerUpdate
        self.learningRate = learningRate
        self.weightRange = weightRange
        self.swapsPerVolunteer = swapsPerVolunteer
        self.replicas = replicas
        self.initialPanels = initialPanels
        self.pricingRestarts = pricingRestarts
        self.maximumPanels = maximumPanels
        self.attemptsPerPanel = attemptsPerPanel
    }

    public static let standard = SelectionSettings()
    /// Independent greedy panels with equal weights: the Sortition Foundation's legacy procedure, the baseline.
    public static let plainGreedy = SelectionSettings(method: .plainGreedy)
}

/// How evenly a lottery spreads its chances over the volunteers.
public struct FairnessSummary: Sendable, Equatable, CustomStringConvertible {
    public var volunteers: Int
    public var minimum: Double
    public var maximum: Double
    public var mean: Double
    public var median: Double
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
        let middle = sorted.count / 2
        median =
            sorted.isEmpty ? 0 : sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
        let n = Double(sorted.count)
        let ranked = sorted.enumerated().reduce(0.0) { $0 + Double($1.offset + 1) * $1.element }
        gini = total > 0 ? 2 * ranked / (n * total) - (n + 1) / n : 0
        shareBelowHalfMean = sorted.isEmpty ? 0 : Double(sorted.filter { $0 < mean / 2 }.count) / n
        neverChosen = sorted.filter { $0 == 0 }.count
    }

    public var description: String {
        func percent(_ value: Double) -> String { String(format: "%.2f%%", value * 100) }
        return "\(volunteers) volunteers: chance min \(percent(minimum)), median \(percent(median)), "
            + "max \(percent(maximum)), mean \(percent(mean)); "
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
