import Foundation
import Testing

@testable import PanelCore

@Suite struct RakingTests {
    /// `count` respondents with the same categories.
    func people(_ count: Int, _ categories: [String: String]) -> [[String: String]] {
        Array(repeating: categories, count: count)
    }

    func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }

    @Test func twoVariablesMatchTheirMarginsAfterRaking() throws {
        // Women and the young are over-represented in the sample.
        let respondents =
            people(30, ["sex": "f", "age": "young"]) + people(25, ["sex": "f", "age": "old"])
            + people(20, ["sex": "m", "age": "young"]) + people(5, ["sex": "m", "age": "old"])
        let sex = RakingVariable(name: "sex", targets: ["f": 0.51, "m": 0.49])
        let age = RakingVariable(name: "age", targets: ["young": 0.35, "old": 0.65])

        let result = Raking.rake(respondents: respondents, variables: [sex, age])

        #expect(result.converged)
        #expect(result.iterations > 1)
        #expect(result.weights.count == respondents.count)
        #expect(abs(mean(result.weights) - 1) < 1e-12)
        #expect(result.uncoveredCategories.isEmpty)
        #expect(result.maxMarginError <= 1e-6)
        for variable in [sex, age] {
            let margins = Raking.weightedMargins(respondents: respondents, weights: result.weights, variable: variable)
            for (category, target) in variable.targets {
                #expect(abs(margins[category]! - target) <= 1e-6, "\(variable.name)=\(category)")
            }
        }
        // Same categories, same weight; the rare old men weigh the most.
        #expect(Set(result.weights).count == 4)
        #expect(result.weights.max() == result.weights[79])
        #expect(result.effectiveSampleSize < 80)
    }

    /// The classic 4×4 IPF example (Wikipedia, "Iterative proportional fitting"): seed table
    ///
    ///     40  30  20  10 | 150
    ///     35  50 100  75 | 300
    ///     30  80  70 120 | 400
    ///     20  30  40  50 | 150
    ///     200 300 400 100  (of 1000)
    ///
    /// fitted (Python, plain IPF to 1e-12) to 64.5585 46.2325 35.3843 3.8247 / 49.9679 68.1594 156.4985 25.3742 /
    /// 56.7219 144.4282 145.0825 53.7673 / 28.7516 41.1800 63.0347 17.0337. With the 800 seed counts as
    /// respondents, each one's weight is fitted/seed · 800/1000.
    @Test func textbookFourByFourTable() throws {
        let seed = [[40, 30, 20, 10], [35, 50, 100, 75], [30, 80, 70, 120], [20, 30, 40, 50]]
        let expected = [
            [1.291170, 1.232866, 1.415372, 0.305979],
            [1.142124, 1.090550, 1.251988, 0.270658],
            [1.512585, 1.444282, 1.658086, 0.358449],
            [1.150065, 1.098132, 1.260693, 0.272540],
        ]
        var respondents: [[String: String]] = []
        var cells: [(Int, Int)] = []
        for row in 0..<4 {
            for column in 0..<4 {
                respondents += people(seed[row][column], ["row": "r\(row)", "column": "c\(column)"])
                cells += Array(repeating: (row, column), count: seed[row][column])
            }
        }
        let rows = RakingVariable(name: "row", targets: ["r0": 0.15, "r1": 0.30, "r2": 0.40, "r3": 0.15])
        let columns = RakingVariable(name: "column", targets: ["c0": 0.20, "c1": 0.30, "c2": 0.40, "c3": 0.10])

        let result = Raking.rake(respondents: respondents, variables: [rows, columns], tolerance: 1e-10)

        #expect(result.converged)
        #expect(result.weights.count == 800)
        for (weight, (row, column)) in zip(result.weights, cells) {
            #expect(abs(weight - expected[row][column]) < 1e-6, "cell \(row),\(column)")
        }
        // Kish ESS from the same script.
        #expect(abs(result.effectiveSampleSize - 643.899235) < 1e-5)
    }

    @Test func cappingKeepsWeightsWithinTheCapAtMeanOne() throws {
        // 2 of 100 respondents are "rural" while the population is half rural: uncapped weight 25.
        let respondents = people(98, ["area": "urban"]) + people(2, ["area": "rural"])
        let area = RakingVariable(name: "area", targets: ["urban": 0.5, "rural": 0.5])

        let uncapped = Raking.rake(respondents: respondents, variables: [area], cap: .infinity)
        #expect(abs(uncapped.weights[99] - 25) < 1e-9)

        for cap in [5.0, 3.0, 1.5] {
            let result = Raking.rake(respondents: respondents, variables: [area], cap: cap)
            #expect(result.converged)  // the iteration did; capping then moved the margins
            #expect(result.weights.max()! <= cap)
            #expect(result.weights.min()! >= 1 / cap)
            #expect(abs(mean(result.weights) - 1) < 1e-12)
            #expect(result.maxMarginError > 1e-6)
            #expect(result.weights[99] == cap)
        }
    }

    @Test func cappingFromBothSides() throws {
        // One respondent in a category with a tiny share, one in a category with a large one.
        let respondents =
            people(1, ["v": "tiny"]) + people(1, ["v": "huge"]) + people(48, ["v": "a"]) + people(50, ["v": "b"])
        let variable = RakingVariable(name: "v", targets: ["tiny": 0.0005, "huge": 0.2, "a": 0.4, "b": 0.3995])
        let result = Raking.rake(respondents: respondents, variables: [variable], cap: 4)
        #expect(result.weights.max()! <= 4)
        #expect(result.weights.min()! >= 0.25)
        #expect(result.weights[0] == 0.25)
        #expect(result.weights[1] == 4)
        #expect(abs(mean(result.weights) - 1) < 1e-12)
    }

    @Test func effectiveSampleSizeIsNForEqualWeightsAndSmallerOtherwise() throws {
        // A sample already matching its margins keeps equal weights.
        let balanced = people(50, ["sex": "f"]) + people(50, ["sex": "m"])
        let sex = RakingVariable(name: "sex", targets: ["f": 0.5, "m": 0.5])
        let even = Raking.rake(respondents: balanced, variables: [sex])
        #expect(even.weights == Array(repeating: 1, count: 100))
        #expect(even.iterations == 0)
        #expect(abs(even.effectiveSampleSize - 100) < 1e-9)

        let skewed = people(70, ["sex": "f"]) + people(30, ["sex": "m"])
        let uneven = Raking.rake(respondents: skewed, variables: [sex])
        #expect(uneven.effectiveSampleSize < 100)
        // Weights 5/7 and 5/3: (100)² / (70·25/49 + 30·25/9) = 84.0
        #expect(abs(uneven.effectiveSampleSize - 84) < 1e-9)
    }

    @Test func uncoveredCategoriesAreReportedAndTheirShareRedistributed() throws {
        let respondents = people(30, ["age": "18-34", "sex": "f"]) + people(10, ["age": "35-64", "sex": "m"])
        let age = RakingVariable(name: "age", targets: ["18-34": 0.3, "35-64": 0.3, "65+": 0.4])
        let sex = RakingVariable(name: "sex", targets: ["f": 0.5, "m": 0.5, "x": 0])

        let result = Raking.rake(respondents: respondents, variables: [age, sex])

        // A zero-share category without respondents is no gap in coverage.
        #expect(result.uncoveredCategories == ["age=65+"])
        #expect(result.converged)
        // 18-34 and 35-64 now share the whole population equally.
        let margins = Raking.weightedMargins(respondents: respondents, weights: result.weights, variable: age)
        #expect(abs(margins["18-34"]! - 0.5) < 1e-9)
        #expect(abs(margins["35-64"]! - 0.5) < 1e-9)
        #expect(margins["65+"] == 0)
    }

    @Test func missingAndUnknownCategoriesAreNeutral() throws {
        let respondents: [[String: String]] = [
            ["sex": "f"], ["sex": "f"], ["sex": "f"], ["sex": "m"],
            [:],  // did not say
            ["sex": "other"],  // not among the targets
        ]
        let sex = RakingVariable(name: "sex", targets: ["f": 0.5, "m": 0.5])
        let result = Raking.rake(respondents: respondents, variables: [sex])
        // Among the four known: f → 2/3, m → 2; the two others keep 1; the total is already 6.
        let expected = [2.0 / 3, 2.0 / 3, 2.0 / 3, 2, 1, 1]
        for (weight, want) in zip(result.weights, expected) { #expect(abs(weight - want) < 1e-12) }
        #expect(result.converged)
    }

    @Test func emptyInputs() {
        let sex = RakingVariable(name: "sex", targets: ["f": 0.5, "m": 0.5])
        let none = Raking.rake(respondents: [], variables: [sex])
        #expect(none.weights.isEmpty)
        #expect(none.effectiveSampleSize == 0)
        #expect(none.iterations == 0)
        #expect(none.uncoveredCategories == ["sex=f", "sex=m"])

        let noVariables = Raking.rake(respondents: people(3, ["sex": "f"]), variables: [])
        #expect(noVariables.weights == [1, 1, 1])
        #expect(noVariables.converged)
        #expect(noVariables.effectiveSampleSize == 3)
    }

    @Test func reportsNonConvergence() {
        // One pass of IPF cannot fit both margins of this table; a single iteration is not enough.
        let respondents =
            people(30, ["a": "x", "b": "p"]) + people(10, ["a": "x", "b": "q"]) + people(5, ["a": "y", "b": "p"])
            + people(55, ["a": "y", "b": "q"])
        let a = RakingVariable(name: "a", targets: ["x": 0.5, "y": 0.5])
        let b = RakingVariable(name: "b", targets: ["p": 0.3, "q": 0.7])
        let once = Raking.rake(respondents: respondents, variables: [a, b], maxIterations: 1)
        #expect(!once.converged)
        #expect(once.iterations == 1)
        let enough = Raking.rake(respondents: respondents, variables: [a, b])
        #expect(enough.converged)
    }

    @Test func largePanelRakesQuickly() throws {
        // 100,000 respondents, 3 variables, a skewed deterministic sample.
        var state: UInt64 = 0x2026
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        func pick(_ cumulative: [(String, Double)]) -> String {
            let u = next()
            return cumulative.first { u < $0.1 }?.0 ?? cumulative.last!.0
        }
        // The district depends on the age band, so the margins interact and take several passes.
        let respondents: [[String: String]] = (0..<100_000).map { _ in
            let age = pick([("18-34", 0.15), ("35-49", 0.35), ("50-64", 0.70), ("65+", 1)])
            let district =
                age == "18-34"
                ? pick([("centrum", 0.7), ("noord", 0.8), ("oost", 0.9), ("west", 1)])
                : pick([("centrum", 0.3), ("noord", 0.5), ("oost", 0.8), ("west", 1)])
            return ["age_band": age, "sex": pick([("f", 0.6), ("m", 1)]), "district": district]
        }
        let variables = [
            RakingVariable(name: "age_band", targets: ["18-34": 0.28, "35-49": 0.24, "50-64": 0.26, "65+": 0.22]),
            RakingVariable(name: "sex", targets: ["f": 0.505, "m": 0.495]),
            RakingVariable(name: "district", targets: ["centrum": 0.2, "noord": 0.3, "oost": 0.25, "west": 0.25]),
        ]

        let clock = ContinuousClock()
        var result: RakingResult?
        let elapsed = clock.measure {
            result = Raking.rake(respondents: respondents, variables: variables)
        }
        let raked = try #require(result)
        print(
            "Raking 100,000 respondents × 3 variables: \(elapsed), \(raked.iterations) iterations, "
                + "weights \(raked.weights.min()!)…\(raked.weights.max()!), margin error after capping \(raked.maxMarginError)")

        #expect(raked.converged)
        #expect(raked.weights.count == 100_000)
        #expect(abs(mean(raked.weights) - 1) < 1e-9)
        // The correlated sample needs some weights above the cap of 5; capping moves the margins a little.
        #expect(raked.weights.max()! <= 5)
        #expect(raked.weights.min()! >= 0.2)
        var largestGap = 0.0
        for variable in variables {
            let margins = Raking.weightedMargins(respondents: respondents, weights: raked.weights, variable: variable)
            for (category, target) in variable.targets { largestGap = max(largestGap, abs(margins[category]! - target)) }
        }
        #expect(abs(largestGap - raked.maxMarginError) < 1e-9)
        #expect(raked.maxMarginError < 0.01)

        // Uncapped, the margins match exactly.
        let uncapped = Raking.rake(respondents: respondents, variables: variables, cap: .infinity)
        #expect(uncapped.converged)
        #expect(uncapped.maxMarginError <= 1e-6)
        for variable in variables {
            let margins = Raking.weightedMargins(respondents: respondents, weights: uncapped.weights, variable: variable)
            for (category, target) in variable.targets { #expect(abs(margins[category]! - target) <= 1e-6) }
        }
    }
}
