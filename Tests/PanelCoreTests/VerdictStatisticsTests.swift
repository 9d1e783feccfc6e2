import Foundation
import Testing

@testable import PanelCore

/// Expected values from the Wilson score interval,
/// (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n), z = 1.959963984540054,
/// computed independently with a few lines of plain Python.
@Suite struct VerdictStatisticsTests {
    func rounded4(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    func expectWilson(_ successes: Double, _ trials: Double, _ lower: Double, _ upper: Double) throws {
        let interval = try #require(VerdictStatistics.wilson(successes: successes, trials: trials))
        #expect(rounded4(interval.lower) == lower, "lower of \(successes)/\(trials)")
        #expect(rounded4(interval.upper) == upper, "upper of \(successes)/\(trials)")
    }

    @Test func wilsonMatchesKnownValues() throws {
        try expectWilson(81, 263, 0.2553, 0.3662)
        try expectWilson(50, 100, 0.4038, 0.5962)
        try expectWilson(52, 100, 0.4232, 0.6154)
        try expectWilson(70, 100, 0.6042, 0.7811)
        try expectWilson(30, 100, 0.2189, 0.3958)
        try expectWilson(9, 11, 0.5230, 0.9486)
    }

    @Test func wilsonAtTheEdgesStaysInsideZeroToOne() throws {
        let none = try #require(VerdictStatistics.wilson(successes: 0, trials: 10))
        #expect(none.lower == 0)
        #expect(rounded4(none.upper) == 0.2775)
        let all = try #require(VerdictStatistics.wilson(successes: 10, trials: 10))
        #expect(rounded4(all.lower) == 0.7225)
        #expect(all.upper == 1)
    }

    @Test func wilsonIsSymmetric() throws {
        let a = try #require(VerdictStatistics.wilson(successes: 81, trials: 263))
        let b = try #require(VerdictStatistics.wilson(successes: 182, trials: 263))
        #expect(abs(a.lower - (1 - b.upper)) < 1e-12)
        #expect(abs(a.upper - (1 - b.lower)) < 1e-12)
    }

    @Test func wilsonRejectsMeaninglessInput() {
        #expect(VerdictStatistics.wilson(successes: 0, trials: 0) == nil)
        #expect(VerdictStatistics.wilson(successes: 3, trials: -2) == nil)
        #expect(VerdictStatistics.wilson(successes: 11, trials: 10) == nil)
        #expect(VerdictStatistics.wilson(successes: -1, trials: 10) == nil)
        #expect(VerdictStatistics.wilson(successes: .nan, trials: 10) == nil)
        #expect(VerdictStatistics.wilson(successes: 1, trials: .infinity) == nil)
        #expect(VerdictStatistics.weightedWilson(share: 0.5, effectiveN: 0) == nil)
        #expect(VerdictStatistics.weightedWilson(share: 1.2, effectiveN: 10) == nil)
    }

    @Test func wilsonWorksWithFractionalCounts() throws {
        // 40.5 of 80.25 weighted votes: the same as the formula with n = 80.25 (Python: 0.397597, 0.611322)
        let interval = try #require(VerdictStatistics.wilson(successes: 40.5, trials: 80.25))
        #expect(rounded4(interval.lower) == 0.3976)
        #expect(rounded4(interval.upper) == 0.6113)
    }

    @Test func weightedWilsonUsesShareAndEffectiveSampleSize() throws {
        // Share 0.7 at an effective n of 100 is the 70/100 interval.
        let weighted = try #require(VerdictStatistics.weightedWilson(share: 0.7, effectiveN: 100))
        let plain = try #require(VerdictStatistics.wilson(successes: 70, trials: 100))
        #expect(abs(weighted.lower - plain.lower) < 1e-12)
        #expect(abs(weighted.upper - plain.upper) < 1e-12)
        // A smaller effective n (unequal weights) widens the interval around the same share.
        let wider = try #require(VerdictStatistics.weightedWilson(share: 0.7, effectiveN: 60))
        #expect(wider.lower < weighted.lower)
        #expect(wider.upper > weighted.upper)
    }

    func classify(_ support: Double, _ oppose: Double, quorum: Int = 30) -> Verdict {
        VerdictStatistics.classify(
            support: support, oppose: oppose, quorum: quorum,
            interval: VerdictStatistics.wilson(successes: support, trials: support + oppose))
    }

    @Test func classification() {
        #expect(classify(52, 48) == .tooClose)
        #expect(classify(50, 50) == .tooClose)
        #expect(classify(70, 30) == .support)
        #expect(classify(30, 70) == .oppose)
        #expect(classify(15, 5) == .noQuorum)  // 20 votes, quorum 30
        #expect(classify(29, 0) == .noQuorum)
        #expect(classify(30, 0) == .support)  // exactly the quorum counts
        #expect(classify(0, 0, quorum: 0) == .noQuorum)  // nobody voted
    }

    @Test func classificationComputesTheIntervalWhenNotGiven() {
        #expect(VerdictStatistics.classify(support: 70, oppose: 30, quorum: 30, interval: nil) == .support)
        #expect(VerdictStatistics.classify(support: 52, oppose: 48, quorum: 30, interval: nil) == .tooClose)
    }

    @Test func intervalEndingExactlyAtOneHalfIsTooClose() {
        let touching = WilsonInterval(lower: 0.5, upper: 0.7)
        #expect(VerdictStatistics.classify(support: 60, oppose: 40, quorum: 1, interval: touching) == .tooClose)
        let below = WilsonInterval(lower: 0.3, upper: 0.5)
        #expect(VerdictStatistics.classify(support: 40, oppose: 60, quorum: 1, interval: below) == .tooClose)
    }

    /// Small pilot panels: 11 votes against a quorum of 10.
    @Test func pilotSizedPanel() {
        // 9 of 11: [0.5230, 0.9486] just clears one half.
        #expect(classify(9, 2, quorum: 10) == .support)
        // 8 of 11: [0.4344, 0.9025] does not, though 73% supported.
        #expect(classify(8, 3, quorum: 10) == .tooClose)
        #expect(classify(2, 9, quorum: 10) == .oppose)
        // The same 9 of 11 under the regular quorum of 30.
        #expect(classify(9, 2, quorum: 30) == .noQuorum)
    }

    @Test func classRawValuesAreStable() throws {
        #expect(Verdict.tooClose.rawValue == "too-close")
        #expect(Verdict.noQuorum.rawValue == "no-quorum")
        let data = try JSONEncoder().encode([Verdict.support, .oppose, .tooClose, .noQuorum])
        #expect(String(decoding: data, as: UTF8.self) == #"["support","oppose","too-close","no-quorum"]"#)
    }

    @Test func effectiveSampleSize() {
        #expect(VerdictStatistics.effectiveSampleSize(weights: [1, 1, 1, 1, 1]) == 5)
        #expect(VerdictStatistics.effectiveSampleSize(weights: [2, 2, 2]) == 3)
        // (1 + 3)² / (1 + 9) = 1.6
        #expect(abs(VerdictStatistics.effectiveSampleSize(weights: [1, 3]) - 1.6) < 1e-12)
        #expect(VerdictStatistics.effectiveSampleSize(weights: [0.5, 1.5, 1, 1]) < 4)
        #expect(VerdictStatistics.effectiveSampleSize(weights: []) == 0)
        #expect(VerdictStatistics.effectiveSampleSize(weights: [0, 0]) == 0)
    }
}
