import Foundation

/// Blocking work (a synchronous database write with its fsync, a tick that waits for a lock or a relay) run on a
/// thread of its own, so it never holds one of the few threads of Swift's cooperative pool: on a two-core machine
/// that pool has two, and request handling needs them.
public enum Blocking {
    /// Runs `body` on a new thread and resumes with its result. A thread per call: the callers are a tick every
    /// interval and the inbound webhook, not a hot path; votes go through `BallotBox`, which uses GRDB's own queue.
    public static func run<T: Sendable>(_ name: String, _ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try body() })
            }
            thread.name = name
            thread.start()
        }
    }
}
