import Foundation
import Testing

@testable import PanelStore

/// Blocking work must not hold the cooperative pool's threads (two on a two-core machine).
@Suite struct BlockingTests {
    @Test(.timeLimit(.minutes(1))) func blockedBodiesLeaveThePoolFreeForTheTaskThatReleasesThem() async throws {
        // Given more blocked bodies than the pool has threads, each waiting for a signal
        let count = ProcessInfo.processInfo.activeProcessorCount * 4
        let gate = DispatchSemaphore(value: 0)
        let started = DispatchSemaphore(value: 0)
        let results = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<count {
                group.addTask {
                    try await Blocking.run("test") {
                        started.signal()
                        gate.wait()
                        return index
                    }
                }
            }
            // When the only thing that can release them is an ordinary task on the pool
            group.addTask {
                for _ in 0..<count { started.wait() }
                for _ in 0..<count { gate.signal() }
                return -1
            }
            var seen: [Int] = []
            for try await value in group { seen.append(value) }
            return seen
        }
        // Then every one finishes (had they held the pool's threads, the releasing task would never have run)
        #expect(results.sorted() == [-1] + Array(0..<count))
    }

    @Test func anErrorComesBackToTheCaller() async {
        struct Refused: Error {}
        await #expect(throws: Refused.self) { try await Blocking.run("test") { () throws -> Int in throw Refused() } }
    }
}
