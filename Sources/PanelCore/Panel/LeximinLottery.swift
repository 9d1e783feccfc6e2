import Foundation

/// The LEXIMIN lottery over panels (Flanigan et al., Nature 2021) by column generation: the master LP in Swift, the pricing by CBC.
///
/// Volunteers who are interchangeable — same quota values, and alone in their household among the eligible — form one
/// class; the LEXIMIN probabilities are equal within a class (the optimum is unique and symmetric), so the LP works on
/// classes: a column is a panel written as how many of each class it seats, and a class's probability is the mix's
/// expected count over the class size. The lottery draws a column, then that many members of each class uniformly.
///
/// Per level the master LP maximises z, the lowest probability among the classes not yet fixed, over the columns
/// found so far (`MasterLP`, solved by CLP); the pricing step looks for the panel whose dual-weighted value
/// beats the LP's most, and adds it. It is exact (`ExactPricing`, a small integer program solved by CBC), so its
/// bound proves when a level is finished: then the classes with a positive dual are fixed at z and the next level
/// starts, warm from the same basis. Without exact pricing (or should CBC fail) the greedy quota sampler with the LP
/// duals as weights and best-improvement swaps (`Pricing`) price instead, and a level may end below the exact LEXIMIN
/// value. The reported probabilities are always exactly those of the lottery returned.
struct LeximinLottery {
    /// Interchangeable eligible volunteers (indices into the selection input).
    struct VolunteerClass {
        var members: [Int32]
        /// Per category, the quota of the class's value, or -1.
        var quotas: [Int32]
        /// The household, when the members share it with another eligible volunteer (then the class has one member).
        var household: Int32
    }

    let classes: [VolunteerClass]
    /// The lottery: panels as (class, count) lists, and their probabilities (positive, summing to 1).
    private(set) var panels: [[(Int32, Int32)]] = []
    private(set) var weights: [Double] = []
    /// Per class, its members' probability of selection under the lottery.
    private(set) var classProbability: [Double] = []
    private(set) var levels = 0
    private(set) var columns = 0

    init(problem: SelectionInput, classes: [VolunteerClass], open: Int, settings: SelectionSettings)
        throws(SelectionError)
    {
        self.classes = classes
        try solve(problem: problem, open: open, settings: settings)
    }

    /// The eligible pool volunteers in classes: interchangeable when they share every quota value and live alone among
    /// the eligible; someone sharing a household is a class of their own.
    static func classes(problem: SelectionInput) -> [VolunteerClass] {
        let sampler = problem.sampler
        let categoryCount = sampler.categoryCount
        let poolRange = sampler.fixedCount..<sampler.volunteerCount
        var eligibleInHousehold: [Int32: Int] = [:]
        for v in poolRange where sampler.isAvailable(v) { eligibleInHousehold[sampler.household[v], default: 0] += 1 }
        var classes: [VolunteerClass] = []
        var classOfKey: [[Int32]: Int] = [:]
        for v in poolRange where sampler.isAvailable(v) {
            let key = Array(sampler.membership[(v * categoryCount)..<((v + 1) * categoryCount)])
            let home = sampler.household[v]
            if eligibleInHousehold[home]! > 1 {
                classes.append(VolunteerClass(members: [Int32(v)], quotas: key, household: home))
            } else if let existing = classOfKey[key] {
                classes[existing].members.append(Int32(v))
            } else {
                classOfKey[key] = classes.count
                classes.append(VolunteerClass(members: [Int32(v)], quotas: key, household: -1))
            }
        }
        return classes
    }

    // MARK: - Column generation

    private mutating func solve(problem: SelectionInput, open: Int, settings: SelectionSettings) throws(SelectionError) {
        var sampler = problem.sampler
        // The columns are a function of the input alone: the seed only draws from the finished lottery.
        var generator = SplitMix64(seed: 0x5EED_1E81_0000_0001)
        var classOf = [Int32](repeating: -1, count: sampler.volunteerCount)
        for (k, volunteerClass) in classes.enumerated() {
            for v in volunteerClass.members { classOf[Int(v)] = Int32(k) }
        }
        var pricing = Pricing(classes: classes, sampler: sampler, open: open)
        let exact = settings.exactPricing ? ExactPricing(classes: classes, pricing: pricing) : nil
        var found = Set<[Int32]>()
        var columnCounts: [[(Int32, Int32)]] = []

        func column(_ chosen: [Int32]) -> [(Int32, Int32)] {
            var counts: [Int32: Int32] = [:]
            for v in chosen { counts[classOf[Int(v)], default: 0] += 1 }
            return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
        func key(_ column: [(Int32, Int32)]) -> [Int32] { column.flatMap { [$0.0, $0.1] } }
        func greedy(_ weights: [Double]) throws(SelectionError) -> [(Int32, Int32)] {
            var stuck: [QuotaSampler.Shortfall] = []
            guard sampler.draw(weights: weights, using: &generator, attempts: settings.attemptsPerPanel, stuck: &stuck)
            else { throw SelectionError(problems: [problem.stuckProblem(stuck)]) }
            return column(sampler.chosen)
        }

        // Start from a few greedy panels with equal weights.
        let equal = [Double](repeating: 1, count: sampler.volunteerCount)
        for _ in 0..<Swift.max(settings.initialPanels, 1) {
            let panel = try greedy(equal)
            if found.insert(key(panel)).inserted { columnCounts.append(panel) }
        }
        let master = MasterLP(classSizes: classes.map { Double($0.members.count) }, first: columnCounts)
        var fixed = [Bool](repeating: false, count: classes.count)
        var fixedCount = 0
        var volunteerWeights = [Double](repeating: 0, count: sampler.volunteerCount)
        let maximumColumns = Swift.max(settings.maximumPanels, 10)
        let trace = ProcessInfo.processInfo.environment["LEXIMIN_TRACE"] != nil

        var fixedLevel = [Double](repeating: 0, count: classes.count)
        while fixedCount < classes.count {
            levels += 1
            // The stabilisation centre: the duals with the lowest bound on this level so far.
            var center: [Double]? = nil
            var centerBound = Double.infinity
            var exactFailed = false
            while true {
                master.optimize()
                let duals = master.classDuals()
                let threshold = master.convexityDual + 1e-9
                guard columnCounts.count < maximumColumns else { break }
                // Pricing: panels whose dual-weighted value beats the LP's.
                let value = (0..<classes.count).map { duals[$0] / Double(classes[$0].members.count) }
                var added = 0
                var gap = Double.infinity
                var tolerance = settings.levelTolerance * Swift.max(master.objective, 1e-3)
                // Exact pricing, stabilised (Wentges): price at a mix of the LP's duals and the duals that gave the
                // best bound so far, which damps the duals' swings that make column generation tail off. Any duals
                // y ≥ 0 summing to 1 over the unfixed classes bound the level: z ≤ best(y) − Σ_fixed y_c f_c.
                if let exact {
                    func bound(_ y: [Double], _ best: Double) -> Double {
                        best - (0..<classes.count).reduce(0) { $0 + (fixed[$1] ? y[$1] * fixedLevel[$1] : 0) }
                    }
                    func price(_ y: [Double]) -> ExactPricing.Result? {
                        let result = exact.best(value: (0..<classes.count).map { y[$0] / Double(classes[$0].members.count) })
                        if let result, bound(y, result.bound) < centerBound {
                            centerBound = bound(y, result.bound)
                            center = y
                        }
                        return result
                    }
                    func improves(_ panel: [(Int32, Int32)]) -> Bool {
                        panel.reduce(0) { $0 + Double($1.1) * value[Int($1.0)] } > threshold
                    }
                    var result: ExactPricing.Result?
                    if let center, settings.stabilisation > 0 {
                        let a = settings.stabilisation
                        result = price((0..<classes.count).map { a * center[$0] + (1 - a) * duals[$0] })
                        if let panel = result?.panel, !improves(panel) { result = nil }  // a mispricing
                    }
                    if result == nil { result = price(duals) }
                    if let result, improves(result.panel), found.insert(key(result.panel)).inserted {
                        columnCounts.append(result.panel)
                        master.add(result.panel)
                        added += 1
                    }
                    gap = centerBound - master.objective
                    exactFailed = result == nil
                }
                if exact == nil || exactFailed {
                    // The swap heuristic: several good panels, and an estimate of the bound, not a proof.
                    tolerance = settings.heuristicLevelTolerance * Swift.max(master.objective, 1e-3)
                    let floor = Swift.max(value.max() ?? 0, 1e-12) * 1e-3
                    for (k, volunteerClass) in classes.enumerated() {
                        for v in volunteerClass.members { volunteerWeights[Int(v)] = value[k] + floor }
                    }
                    var bestWorth = 0.0
                    for restart in 0..<Swift.max(settings.pricingRestarts, 1) {
                        let start = try restart == 0 ? pricing.best(value: value) : greedy(volunteerWeights)
                        let (panel, worth) = pricing.improve(start, value: value)
                        bestWorth = Swift.max(bestWorth, worth)
                        guard worth > threshold, found.insert(key(panel)).inserted else { continue }
                        columnCounts.append(panel)
                        master.add(panel)
                        added += 1
                    }
                    gap = bestWorth - master.convexityDual
                }
                if trace {
                    FileHandle.standardError.write(
                        Data(
                            "level \(levels) z \(master.objective) dual \(threshold) gap \(gap) columns \(columnCounts.count) added \(added)\n"
                                .utf8))
                }
                if gap <= tolerance || added == 0 { break }
            }
            // No panel improves the level: the classes with a positive dual cannot get more than z in any optimum.
            let duals = master.classDuals()
            let positive = (0..<classes.count).filter { !fixed[$0] && duals[$0] > 1e-6 }
            let toFix = positive.isEmpty ? (0..<classes.count).filter { !fixed[$0] } : positive
            for k in toFix {
                fixed[k] = true
                fixedLevel[k] = master.objective * (1 - 1e-9)
            }
            fixedCount += toFix.count
            master.fix(toFix)
        }
        master.optimize()

        // The lottery: the final mix, without the numerically zero weights.
        let mix = master.panelWeights()
        var probability = [Double](repeating: 0, count: classes.count)
        let total = mix.reduce(0) { $0 + ($1 > 1e-12 ? $1 : 0) }
        for (p, weight) in mix.enumerated() where weight > 1e-12 {
            panels.append(columnCounts[p])
            weights.append(weight / total)
            for (k, n) in columnCounts[p] {
                probability[Int(k)] += weight / total * Double(n) / Double(classes[Int(k)].members.count)
            }
        }
        classProbability = probability
        columns = columnCounts.count
    }

    /// Draws a panel from the lottery: its index among `panels`, and the chosen volunteers (indices).
    func draw(using generator: inout SplitMix64) -> (panel: Int, chosen: [Int32]) {
        let point = generator.unitInterval()
        var cumulative = 0.0
        var index = panels.count - 1
        for (p, weight) in weights.enumerated() {
            cumulative += weight
            if point < cumulative {
                index = p
                break
            }
        }
        var chosen: [Int32] = []
        for (k, n) in panels[index] {
            var members = classes[Int(k)].members
            for slot in 0..<Int(n) {
                members.swapAt(slot, slot + generator.uniform(below: members.count - slot))
                chosen.append(members[slot])
            }
        }
        return (index, chosen)
    }
}

// MARK: - Pricing

/// The pricing step in class space: a feasible panel (counts per class) with a large dual-weighted value, by
/// best-improvement swaps (one member of a class out, one of another in, every quota and household rule kept).
struct Pricing {
    let classes: [LeximinLottery.VolunteerClass]
    let categoryCount: Int
    let minimum: [Int]
    let maximum: [Int]
    let open: Int
    /// Quota counts of the fixed members.
    let baseCount: [Int]

    init(classes: [LeximinLottery.VolunteerClass], sampler: QuotaSampler, open: Int) {
        self.classes = classes
        categoryCount = sampler.categoryCount
        minimum = sampler.minimum
        maximum = sampler.maximum
        self.open = open
        var base = [Int](repeating: 0, count: sampler.minimum.count)
        for v in 0..<sampler.fixedCount {
            for c in 0..<sampler.categoryCount {
                let q = Int(sampler.membership[v * sampler.categoryCount + c])
                if q >= 0 { base[q] += 1 }
            }
        }
        baseCount = base
        self.lastBest = []
    }

    private var lastBest: [(Int32, Int32)]

    /// The best panel found by the last `improve`, the start of the next pricing (the duals change little).
    func best(value: [Double]) -> [(Int32, Int32)] { lastBest }

    /// Improves `start` by swaps until none gains; returns the panel and its value Σ n_c value_c.
    mutating func improve(_ start: [(Int32, Int32)], value: [Double]) -> ([(Int32, Int32)], Double) {
        guard !start.isEmpty || !lastBest.isEmpty else { return ([], 0) }
        let start = start.isEmpty ? lastBest : start
        var n = [Int32](repeating: 0, count: classes.count)
        var count = baseCount
        var householdTaken: [Int32: Int] = [:]
        for (k, m) in start {
            n[Int(k)] = m
            for c in 0..<categoryCount {
                let q = Int(classes[Int(k)].quotas[c])
                if q >= 0 { count[q] += Int(m) }
            }
            if classes[Int(k)].household >= 0 { householdTaken[classes[Int(k)].household] = Int(k) }
        }
        let byValueDown = (0..<classes.count).sorted { (value[$0], $1) > (value[$1], $0) }
        var steps = 0
        while steps < 10 * open + 100 {
            steps += 1
            var bestGain = 1e-13
            var bestMove: (Int, Int)? = nil
            for a in 0..<classes.count where n[a] > 0 {
                let qa = classes[a].quotas
                for b in byValueDown {
                    let gain = value[b] - value[a]
                    if gain <= bestGain { break }
                    if b == a || n[b] >= Int32(classes[b].members.count) { continue }
                    let home = classes[b].household
                    if home >= 0, let taken = householdTaken[home], taken != a { continue }
                    let qb = classes[b].quotas
                    var valid = true
                    for c in 0..<categoryCount where qa[c] != qb[c] {
                        let out = Int(qa[c])
                        let into = Int(qb[c])
                        if out >= 0 && count[out] <= minimum[out] || into >= 0 && count[into] >= maximum[into] {
                            valid = false
                            break
                        }
                    }
                    if valid {
                        bestGain = gain
                        bestMove = (a, b)
                        break
                    }
                }
            }
            guard let (a, b) = bestMove else { break }
            n[a] -= 1
            n[b] += 1
            for c in 0..<categoryCount {
                let out = Int(classes[a].quotas[c])
                let into = Int(classes[b].quotas[c])
                if out >= 0 { count[out] -= 1 }
                if into >= 0 { count[into] += 1 }
            }
            if classes[a].household >= 0 { householdTaken[classes[a].household] = nil }
            if classes[b].household >= 0 { householdTaken[classes[b].household] = b }
        }
        var panel: [(Int32, Int32)] = []
        var worth = 0.0
        for k in 0..<classes.count where n[k] > 0 {
            panel.append((Int32(k), n[k]))
            worth += Double(n[k]) * value[k]
        }
        lastBest = panel
        return (panel, worth)
    }
}
