import Foundation
import Synchronization

/// The order in which votes were received, so that "your last vote counts" means the last one clicked, not the last
/// one committed. A number is taken when a request arrives, before the vote waits for its transaction; a stored vote
/// is only replaced by one with a higher number.
///
/// The numbers are microseconds since 1970, moved on by one where the clock has not: strictly increasing within the
/// process, and above the numbers of an earlier run as long as the clock does not go back across a restart.
public enum VoteSequence {
    private static let last = Atomic<Int64>(0)

    /// A number above every one handed out before in this process.
    public static func next(now: Date = Date()) -> Int64 {
        let clock = Int64(now.timeIntervalSince1970 * 1_000_000)
        var previous = last.load(ordering: .relaxed)
        while true {
            let number = max(clock, previous + 1)
            let (exchanged, original) = last.compareExchange(
                expected: previous, desired: number, ordering: .relaxed)
            if exchanged { return number }
            previous = original
        }
    }
}
