import Foundation
import Synchronization

/// A token bucket shared by the delivery workers: `rate` tokens a second, at most `burst` saved up.
/// `take()` blocks the calling thread until a token is free, so all connections together stay under the
/// relay's limit.
public final class TokenBucket: Sendable {
    public let rate: Double
    public let burst: Double
    /// Tokens in the bucket at `updated` (may go negative: tokens promised to threads now sleeping).
    private let state: Mutex<(tokens: Double, updated: Double?)>

    public init(rate: Double, burst: Double = 1) {
        precondition(rate > 0, "a token bucket needs a positive rate")
        self.rate = rate
        self.burst = max(1, burst)
        self.state = Mutex((tokens: max(1, burst), updated: nil))
    }

    /// Takes one token at monotonic time `now` (seconds) and returns how long the caller must wait before
    /// using it: 0 while the bucket has tokens, then `1 / rate` apart.
    public func reserve(at now: Double) -> Double {
        state.withLock { state in
            if let updated = state.updated { state.tokens = min(burst, state.tokens + (now - updated) * rate) }
            state.updated = now
            state.tokens -= 1
            return state.tokens >= 0 ? 0 : -state.tokens / rate
        }
    }

    /// Takes one token, sleeping until it is due.
    public func take() {
        let wait = reserve(at: Self.monotonicNow())
        if wait > 0 { Thread.sleep(forTimeInterval: wait) }
    }

    static func monotonicNow() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }
}
