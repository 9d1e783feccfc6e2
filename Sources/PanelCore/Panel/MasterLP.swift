import CCbc

/// The LEXIMIN master LP, solved by COIN-OR CLP (the LP solver under CBC, Debian's coinor-libclp-dev), warm from the
/// last basis as columns are added and levels fixed:
///
///     maximise z_ℓ  subject to  Σ_P λ_P = 1,  λ ≥ 0,
///                               π_c − z_ℓ ≥ 0   for every class c not yet fixed,
///                               π_c ≥ f_c       for every class fixed at an earlier level's value f_c,
///     where π_c = Σ_P λ_P n_Pc / size_c, the class's probability under the mix.
///
/// Each level has its own z column (−1 in the rows of the classes unfixed at that level); fixing ends the level's z
/// (bounds 0, no cost), gives the fixed rows their level as a lower bound and adds the next level's z. The current
/// mix stays feasible throughout, so CLP's primal simplex continues from its basis.
final class MasterLP {
    private let model: UnsafeMutableRawPointer
    let classSizes: [Double]
    private var fixed: [Bool]
    /// The column of the current level's z; the panels' columns, in the order added.
    private var zColumn: Int32 = 0
    private var panelColumns: [Int32] = []

    init(classSizes: [Double], first: [[(Int32, Int32)]]) {
        model = Clp_newModel()!
        self.classSizes = classSizes
        fixed = Array(repeating: false, count: classSizes.count)
        Clp_setLogLevel(model, 0)
        let rows = classSizes.count + 1
        let rowLower = [1.0] + [Double](repeating: 0, count: classSizes.count)
        let rowUpper = [1.0] + [Double](repeating: Double.greatestFiniteMagnitude, count: classSizes.count)
        // The first level's z: −1 in every class row, objective −1 (CLP minimises −z).
        let start: [CoinBigIndex] = [0, CoinBigIndex(classSizes.count)]
        let index = (1..<rows).map { Int32($0) }
        let value = [Double](repeating: -1, count: classSizes.count)
        Clp_loadProblem(
            model, 1, Int32(rows), start, index, value, [0], [Double.greatestFiniteMagnitude], [-1], rowLower, rowUpper)
        zColumn = 0
        for panel in first { add(panel) }
    }

    deinit { Clp_deleteModel(model) }

    /// Adds a panel as a column.
    func add(_ panel: [(Int32, Int32)]) {
        let index = [Int32(0)] + panel.map { $0.0 + 1 }
        let value = [1.0] + panel.map { Double($0.1) / classSizes[Int($0.0)] }
        let start: [CoinBigIndex] = [0, CoinBigIndex(index.count)]
        panelColumns.append(Clp_numberColumns(model))
        Clp_addColumns(model, 1, [0], [Double.greatestFiniteMagnitude], [0], start, index, value)
    }

    /// Solves from the current basis (from scratch should CLP stop without an optimum).
    func optimize() {
        if Clp_primal(model, 0) != 0 || Clp_status(model) != 0 {
            _ = Clp_initialSolve(model)
        }
    }

    /// z, the lowest probability among the classes not yet fixed.
    var objective: Double { -Clp_objectiveValue(model) }

    /// The duals y_c of the class rows (≥ 0); they sum to 1 over the unfixed classes.
    func classDuals() -> [Double] {
        let price = Clp_dualRowSolution(model)!
        return (0..<classSizes.count).map { Swift.max(price[$0 + 1], 0) }
    }

    /// The dual of the convexity row: a panel improves the LP when Σ_c y_c n_c / size_c exceeds it.
    var convexityDual: Double { -Clp_dualRowSolution(model)![0] }

    /// Fixes the given classes at the current z and starts the next level.
    func fix(_ classes: [Int]) {
        let z = objective
        let rowLower = Clp_rowLower(model)!
        // A hair below z, so rounding in the last digits cannot make the current mix infeasible.
        for c in classes {
            fixed[c] = true
            rowLower[c + 1] = z * (1 - 1e-9)  // as LeximinLottery records it
        }
        Clp_columnUpper(model)![Int(zColumn)] = 0
        Clp_objective(model)![Int(zColumn)] = 0
        let open = (0..<classSizes.count).filter { !fixed[$0] }
        guard !open.isEmpty else { return }
        let index = open.map { Int32($0 + 1) }
        let start: [CoinBigIndex] = [0, CoinBigIndex(index.count)]
        zColumn = Clp_numberColumns(model)
        Clp_addColumns(
            model, 1, [0], [Double.greatestFiniteMagnitude], [-1], start, index,
            [Double](repeating: -1, count: index.count))
    }

    /// The mix: each panel's weight in the current solution.
    func panelWeights() -> [Double] {
        let solution = Clp_primalColumnSolution(model)!
        return panelColumns.map { Swift.max(solution[Int($0)], 0) }
    }
}
