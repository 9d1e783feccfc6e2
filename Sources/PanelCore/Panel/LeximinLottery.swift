import Foundation

/// The LEXIMIN lottery over panels (Flanigan et al., Nature 2021) by column generation: the master LP in Swift, the pricing by CBC.
///
/// Volunteers who are interchangeable — same quota values, and alone in their household among the eligible — form one
/// class; the LEXIMIN probabilities are equal within a class (the optimum is unique and symmetric), so the LP works on
/// classes: a column is a panel written as how many of each class it seats, and a class's probability is the mix's
/// expected count over the class size. The lottery draws a column, then that many members of each class uniformly.
///
/// Per level the master LP maximises z, the lowest probability among the classes not yet fixed, over the columns
/// found so far (a dense tableau simplex, `Tableau`); the pricing step looks for the panel whose dual-weighted value
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
                let largest = value.max() ?? 0
                let floor = Swift.max(largest, 1e-12) * 1e-3
                for (k, volunteerClass) in classes.enumerated() {
                    for v in volunteerClass.members { volunteerWeights[Int(v)] = value[k] + floor }
                }
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

// MARK: - The master LP

/// The master LP as a dense simplex tableau, column by column:
/// maximise z subject to π_c ≥ z for every class not yet fixed, π_c ≥ f_c for the fixed, Σ λ_P = 1, λ ≥ 0, where
/// π_c = Σ_P λ_P n_Pc / size_c. Rows: 0 the convexity row, 1+c class c written −Σ a_cP λ_P + z + s_c = 0 (unfixed) or
/// −Σ a_cP λ_P + s_c = −f_c (fixed). Every row keeps an artificial identity column, never allowed back into the
/// basis, whose tableau column is the row's column of B⁻¹: that gives the duals and lets columns be added and rows be
/// fixed without starting over.
struct Tableau {
    let classSizes: [Double]
    let rows: Int
    /// Tableau rows 0..<rows, then the objective row (reduced costs).
    let stride: Int
    private var data: [Double] = []
    private var rhs: [Double]
    private var basic: [Int]
    private var cost: [Double] = []
    private var barred: [Bool] = []
    /// What each column is: -1 artificial, -2 slack, -3 z, -4 a retired z, else the panel index.
    private var kind: [Int] = []
    private var panelColumn: [Int] = []
    private var zColumn = -1
    /// +1 or -1: the sign the row had when the tableau was built (artificial coefficients).
    private var sign: [Double]
    private var fixedValue: [Double?]
    private var columns: [[(Int32, Int32)]] = []

    init(classSizes: [Double], first: [[(Int32, Int32)]]) {
        self.classSizes = classSizes
        rows = classSizes.count + 1
        stride = rows + 1
        rhs = []
        basic = []
        sign = []
        fixedValue = Array(repeating: nil, count: classSizes.count)
        columns = first
        rebuild()
    }

    var columnCount: Int { kind.count }
    var objective: Double { rhs[rows] }

    /// The original (unscaled, unflipped) column of a panel, sparse.
    private func original(panel: [(Int32, Int32)]) -> [(Int, Double)] {
        [(0, 1.0)] + panel.map { (Int($0.0) + 1, -Double($0.1) / classSizes[Int($0.0)]) }
    }

    private func originalZ() -> [(Int, Double)] {
        (0..<classSizes.count).compactMap { fixedValue[$0] == nil ? ($0 + 1, 1.0) : nil }
    }

    private func originalRHS() -> [Double] {
        [1.0] + fixedValue.map { -($0 ?? 0) }
    }

    /// Builds the tableau from scratch: artificial basis, phase 1, then phase 2's objective.
    private mutating func rebuild() {
        let b = originalRHS()
        sign = b.map { $0 < 0 ? -1 : 1 }
        data = []
        cost = []
        barred = []
        kind = []
        panelColumn = []
        basic = []
        func append(_ entries: [(Int, Double)], kind k: Int, cost c: Double, barred bar: Bool) {
            var column = [Double](repeating: 0, count: stride)
            for (row, value) in entries { column[row] += sign[row] * value }
            data += column
            kind.append(k)
            cost.append(c)
            barred.append(bar)
        }
        for row in 0..<rows { append([(row, sign[row])], kind: -1, cost: 0, barred: true) }
        basic = Array(0..<rows)
        for c in 0..<classSizes.count { append([(c + 1, 1)], kind: -2, cost: 0, barred: false) }
        zColumn = kind.count
        append(originalZ(), kind: -3, cost: 1, barred: false)
        for (p, panel) in columns.enumerated() {
            panelColumn.append(kind.count)
            append(original(panel: panel), kind: p, cost: 0, barred: false)
        }
        rhs = b.enumerated().map { sign[$0.offset] * $0.element } + [0]
        // Phase 1: minimise the artificials (maximise their negative sum).
        let artificialCost = (0..<kind.count).map { kind[$0] == -1 ? -1.0 : 0.0 }
        setObjective(artificialCost)
        for j in 0..<kind.count where kind[j] == -1 { barred[j] = false }
        iterate()
        for j in 0..<kind.count where kind[j] == -1 { barred[j] = true }
        // Drive artificials out of the basis where a real column can replace them.
        for row in 0..<rows where kind[basic[row]] == -1 {
            if let j = (0..<kind.count).first(where: { !barred[$0] && abs(data[$0 * stride + row]) > 1e-9 }) {
                pivot(row: row, column: j)
            }
        }
        setObjective(cost)
    }

    /// Sets the objective row for costs c: reduced cost c_B·T_j − c_j.
    private mutating func setObjective(_ c: [Double]) {
        let basicCost = basic.map { c[$0] }
        for j in 0..<kind.count {
            var sum = 0.0
            for row in 0..<rows { sum += basicCost[row] * data[j * stride + row] }
            data[j * stride + rows] = sum - c[j]
        }
        var value = 0.0
        for row in 0..<rows { value += basicCost[row] * rhs[row] }
        rhs[rows] = value
    }

    /// Pivots column q into the basis at row r (the right-hand side with it).
    private mutating func pivot(row r: Int, column q: Int) {
        let stride = stride
        let n = kind.count
        let pivotRHS = rhs[r] / data[q * stride + r]
        for i in 0..<stride where i != r { rhs[i] -= data[q * stride + i] * pivotRHS }
        rhs[r] = pivotRHS
        data.withUnsafeMutableBufferPointer { t in
            let pivotColumn = Array(t[(q * stride)..<((q + 1) * stride)])
            let element = pivotColumn[r]
            pivotColumn.withUnsafeBufferPointer { pc in
                for j in 0..<n where j != q {
                    let base = j * stride
                    let entry = t[base + r]
                    if entry == 0 { continue }
                    let ratio = entry / element
                    for i in 0..<stride { t[base + i] -= ratio * pc[i] }
                    t[base + r] = ratio
                }
            }
            for i in 0..<stride { t[q * stride + i] = 0 }
            t[q * stride + r] = 1
        }
        basic[r] = q
    }

    /// Primal simplex from the current basic feasible solution: Dantzig's rule, Bland's while degenerate pivots repeat.
    private mutating func iterate() {
        var degenerate = 0
        for _ in 0..<200_000 {
            let bland = degenerate > 40
            var entering = -1
            var best = -1e-10
            for j in 0..<kind.count where !barred[j] {
                let reduced = data[j * stride + rows]
                if reduced < best {
                    entering = j
                    best = reduced
                    if bland { break }
                }
            }
            guard entering >= 0 else { return }
            // Harris's two-pass ratio test: the largest pivot among the rows within a small tolerance of the minimum
            // ratio, so that no tiny pivot spoils the tableau (Bland's smallest index while degenerate).
            let base = entering * stride
            var bound = Double.infinity
            for row in 0..<rows {
                let entry = data[base + row]
                if entry > 1e-9 { bound = Swift.min(bound, (Swift.max(rhs[row], 0) + 1e-9) / entry) }
            }
            var leaving = -1
            var largest = 0.0
            var ratio = 0.0
            for row in 0..<rows {
                let entry = data[base + row]
                guard entry > 1e-9, Swift.max(rhs[row], 0) / entry <= bound else { continue }
                let better = bland ? leaving < 0 || basic[row] < basic[leaving] : entry > largest
                if better {
                    leaving = row
                    largest = entry
                    ratio = Swift.max(rhs[row], 0) / entry
                }
            }
            guard leaving >= 0 else { return }  // unbounded: cannot happen, z ≤ 1
            degenerate = ratio < 1e-12 ? degenerate + 1 : 0
            pivot(row: leaving, column: entering)
        }
    }

    /// Solves the LP from the current basis; should rounding have spoilt the tableau (a negative basic value, or a
    /// lowest probability below 0 or above 1), it is rebuilt from the columns and solved again.
    mutating func optimize() {
        iterate()
        if objective > 1 + 1e-7 || objective < -1e-7 || rhs[0..<rows].contains(where: { $0 < -1e-7 }) {
            rebuild()
            iterate()
        }
    }

    /// The duals y_c of the class rows (≥ 0); they sum to 1 over the unfixed classes.
    func classDuals() -> [Double] {
        (0..<classSizes.count).map { c in sign[c + 1] * data[(c + 1) * stride + rows] }
    }

    /// The dual of the convexity row: a panel improves the LP when Σ_c y_c n_c / size_c exceeds it.
    var convexityDual: Double { sign[0] * data[rows] }

    /// The tableau column of an original column: B⁻¹a through the artificials' columns, objective row included.
    private func transformed(_ entries: [(Int, Double)]) -> [Double] {
        var column = [Double](repeating: 0, count: stride)
        for (row, value) in entries where value != 0 {
            let scale = sign[row] * value
            let base = row * stride
            for i in 0..<stride { column[i] += scale * data[base + i] }
        }
        return column
    }

    /// Adds a panel as a new column.
    mutating func add(_ panel: [(Int32, Int32)]) {
        columns.append(panel)
        panelColumn.append(kind.count)
        data += transformed(original(panel: panel))  // cost 0: the objective entry is already c_B B⁻¹a
        kind.append(columns.count - 1)
        cost.append(0)
        barred.append(false)
    }

    /// Fixes the given classes at the current optimum z: their rows lose z and get right-hand side z. The current
    /// solution stays feasible; a new z column replaces the old one in the basis (or the tableau is rebuilt).
    mutating func fix(_ classes: [Int]) {
        let z = Swift.max(objective, 0)
        for c in classes { fixedValue[c] = z }
        let newRHS = transformed(originalRHS().enumerated().map { ($0.offset, $0.element) })
        let newZ = transformed(originalZ())
        let oldZ = zColumn
        let row = basic.firstIndex(of: oldZ)
        // The retired z: cost 0 and never again in the basis.
        cost[oldZ] = 0
        barred[oldZ] = true
        kind[oldZ] = -4
        zColumn = kind.count
        data += newZ
        kind.append(-3)
        cost.append(1)
        barred.append(false)
        for i in 0..<stride { rhs[i] = newRHS[i] }
        if let row {
            guard abs(newZ[row]) > 1e-7 else {
                rebuildKeepingColumns()
                return
            }
            pivot(row: row, column: zColumn)
        }
        setObjective(cost)
        if rhs[0..<rows].contains(where: { $0 < -1e-7 }) { rebuildKeepingColumns() }
    }

    private mutating func rebuildKeepingColumns() {
        rebuild()
    }

    /// The mix: each panel's weight in the current solution.
    func panelWeights() -> [Double] {
        var weight = [Double](repeating: 0, count: columns.count)
        for row in 0..<rows where kind[basic[row]] >= 0 { weight[kind[basic[row]]] = Swift.max(rhs[row], 0) }
        return weight
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
