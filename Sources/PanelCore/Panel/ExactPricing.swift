import CCbc
import Synchronization

/// The LEXIMIN pricing step solved exactly: the panel with the largest dual-weighted value, as a small integer program
/// in class space, by COIN-OR CBC (Debian's coinor-libcbc-dev, Eclipse Public License 2.0).
///
///     maximise   Σ_k value_k n_k
///     subject to Σ_k n_k = open seats
///                minimum_q − seated_q ≤ Σ_{k has quota q} n_k ≤ maximum_q − seated_q   for every quota q
///                Σ_{k in household h} n_k ≤ 1                                          for every shared household
///                0 ≤ n_k ≤ size_k, integer
///
/// Every column of the LEXIMIN column generation is priced here; CBC's bound proves when a level is finished, so a
/// level is fixed at the LP's true optimum, not where a heuristic gave up. The swap heuristic (`Pricing`) prices only
/// when a solve fails.
struct ExactPricing {
    /// The constraint matrix, column by column (CBC's compressed sparse column format), and the bounds.
    private let start: [CoinBigIndex]
    private let index: [Int32]
    private let element: [Double]
    private let columnUpper: [Double]
    private let rowLower: [Double]
    private let rowUpper: [Double]
    let classCount: Int

    /// A panel and its value, with CBC's bound on the best value (equal to it when `proven`).
    struct Result {
        var panel: [(Int32, Int32)]
        var worth: Double
        var bound: Double
        var proven: Bool
    }

    init(classes: [LeximinLottery.VolunteerClass], pricing: Pricing) {
        classCount = classes.count
        var lower: [Double] = [Double(pricing.open)]
        var upper: [Double] = [Double(pricing.open)]
        var rowOfQuota = [Int32](repeating: -1, count: pricing.minimum.count)
        for volunteerClass in classes {
            for q in volunteerClass.quotas where q >= 0 && rowOfQuota[Int(q)] < 0 {
                rowOfQuota[Int(q)] = Int32(lower.count)
                lower.append(Double(Swift.max(pricing.minimum[Int(q)] - pricing.baseCount[Int(q)], 0)))
                upper.append(Double(pricing.maximum[Int(q)] - pricing.baseCount[Int(q)]))
            }
        }
        var rowOfHousehold: [Int32: Int32] = [:]
        for volunteerClass in classes where volunteerClass.household >= 0 && rowOfHousehold[volunteerClass.household] == nil {
            rowOfHousehold[volunteerClass.household] = Int32(lower.count)
            lower.append(0)
            upper.append(1)
        }
        var start: [CoinBigIndex] = [0]
        var index: [Int32] = []
        for volunteerClass in classes {
            index.append(0)
            for q in volunteerClass.quotas where q >= 0 { index.append(rowOfQuota[Int(q)]) }
            if volunteerClass.household >= 0 { index.append(rowOfHousehold[volunteerClass.household]!) }
            start.append(CoinBigIndex(index.count))
        }
        self.start = start
        self.index = index
        element = [Double](repeating: 1, count: index.count)
        columnUpper = classes.map { Double($0.members.count) }
        rowLower = lower
        rowUpper = upper
    }

    /// The best panel for `value` (per class, per seat), or nil when CBC finds no feasible panel (cannot happen for
    /// a pool the greedy sampler filled) or gives up.
    func best(value: [Double], seconds: Double = 20) -> Result? {
        Self.solver.withLock { _ in solve(value: value, seconds: seconds) }
    }

    /// CBC's solve runs through its command-line driver (CbcMain1), which keeps global state: one solve at a time in
    /// the process (a selection is rare and short; tests run selections in parallel).
    private static let solver = Mutex(())

    private func solve(value: [Double], seconds: Double) -> Result? {
        guard let model = Cbc_newModel() else { return nil }
        defer { Cbc_deleteModel(model) }
        // CBC's tolerances are absolute: scale the objective so the largest value is 1.
        let scale = 1 / Swift.max(value.max() ?? 1, 1e-12)
        let objective = value.map { $0 * scale }
        let columnLower = [Double](repeating: 0, count: classCount)
        Cbc_loadProblem(
            model, Int32(classCount), Int32(rowLower.count), start, index, element, columnLower, columnUpper,
            objective, rowLower, rowUpper)
        for k in 0..<classCount { Cbc_setInteger(model, Int32(k)) }
        Cbc_setObjSense(model, -1)
        Cbc_setLogLevel(model, 0)
        Cbc_setAllowableGap(model, 1e-9)
        Cbc_setParameter(model, "ratioGap", "0")
        Cbc_setParameter(model, "threads", "1")
        // Small programs with tight relaxations: plain branch and bound proves them fastest (on skewed-150-22, 2 ms a
        // program against 8 ms with CBC's preprocessing, cuts and heuristics).
        Cbc_setParameter(model, "preprocess", "off")
        Cbc_setParameter(model, "cuts", "off")
        Cbc_setParameter(model, "heuristics", "off")
        Cbc_setMaximumSeconds(model, seconds)
        Cbc_solve(model)
        guard Cbc_isProvenInfeasible(model) == 0, let solution = Cbc_getColSolution(model) else { return nil }
        var panel: [(Int32, Int32)] = []
        var worth = 0.0
        var seats = 0
        for k in 0..<classCount {
            let n = Int32(solution[k].rounded())
            guard n > 0 else { continue }
            panel.append((Int32(k), n))
            worth += Double(n) * value[k]
            seats += Int(n)
        }
        guard seats == Int(rowLower[0]) else { return nil }
        let proven = Cbc_isProvenOptimal(model) != 0
        let bound = proven ? worth : Swift.max(Cbc_getBestPossibleObjValue(model) / scale, worth)
        return Result(panel: panel, worth: worth, bound: bound, proven: proven)
    }
}
