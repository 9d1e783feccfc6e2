import Foundation
import Testing

@testable import PanelCore

@Suite struct AverageLinkageTests {
    /// A unit vector over features given by number.
    static func vector(_ entries: [Int32: Float]) -> SparseVector { SparseVector(normalising: entries) }

    @Test func alikeItemsGroupAndUnlikeOnesStayApart() {
        let vectors = [
            Self.vector([1: 1, 2: 1]), Self.vector([1: 1, 2: 1, 3: 0.2]), Self.vector([1: 1, 2: 0.8]),
            Self.vector([7: 1, 8: 1]), Self.vector([7: 1, 8: 1, 9: 0.3]), Self.vector([20: 1]),
        ]
        let sides = [Stance](repeating: .unclear, count: vectors.count)
        let groups = AverageLinkage(threshold: 0.1, pairThreshold: 0.25).clusters(vectors, sides: sides)
        #expect(groups == [[0, 1, 2], [3, 4], [5]])
    }

    @Test func oppositeSidesNeverFormAPairAndAMiddleWayMayJoinEither() {
        let same = Self.vector([1: 1, 2: 1])
        let linkage = AverageLinkage(threshold: 0.1, pairThreshold: 0.25)
        #expect(linkage.clusters([same, same], sides: [.support, .oppose]) == [[0], [1]])
        #expect(linkage.clusters([same, same], sides: [.support, .middle]) == [[0, 1]])
        #expect(linkage.clusters([same, same], sides: [.oppose, .unclear]) == [[0, 1]])
    }

    @Test func twoSingleItemsNeedThePairThresholdAGroupOnlyTheThreshold() {
        // 0 and 1 share one feature of two (cosine 0.5); 2 shares a little with both.
        let vectors = [Self.vector([1: 1, 2: 1]), Self.vector([1: 1, 3: 1]), Self.vector([1: 0.4, 4: 1])]
        let sides = [Stance](repeating: .unclear, count: 3)
        #expect(AverageLinkage(threshold: 0.1, pairThreshold: 0.6).clusters(vectors, sides: sides) == [[0], [1], [2]])
        #expect(AverageLinkage(threshold: 0.1, pairThreshold: 0.25).clusters(vectors, sides: sides) == [[0, 1, 2]])
        #expect(AverageLinkage(threshold: 0.3, pairThreshold: 0.25).clusters(vectors, sides: sides) == [[0, 1], [2]])
    }

    @Test func beyondTheSampleLimitItemsJoinTheGroupTheyAreMostAlike() {
        // Three themes, 60 items each, interleaved; a sample of 30 still finds every theme and places everyone.
        var vectors: [SparseVector] = []
        for index in 0..<180 {
            let theme = Int32(index % 3) * 10
            vectors.append(Self.vector([theme: 1, theme + 1: 1, theme + 2 + Int32(index % 5): 0.5]))
        }
        let sides = [Stance](repeating: .unclear, count: vectors.count)
        let exact = AverageLinkage(threshold: 0.3, pairThreshold: 0.3).clusters(vectors, sides: sides)
        var sampled = AverageLinkage(threshold: 0.3, pairThreshold: 0.3)
        sampled.sampleLimit = 30
        let passes = sampled.clusters(vectors, sides: sides)
        #expect(exact.count == 3)
        #expect(passes == exact)
        #expect(passes.allSatisfy { group in Set(group.map { $0 % 3 }).count == 1 })
    }
}
