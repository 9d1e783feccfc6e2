import ArgumentParser
import Foundation
import PanelCore
import PanelStore

struct QueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue", abstract: "Inspect the outbound queue.", subcommands: [Status.self])

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Messages per state, the oldest deferred one, recent failures.")
        @OptionGroup var options: RootOptions

        func run() throws {
            let status = try options.open().database.queueStatus()
            for state in OutboxStateOrder.all {
                print("\(state.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(status.counts[state] ?? 0)")
            }
            if let oldest = status.oldestDeferred {
                print(
                    "oldest deferred: #\(oldest.id!) \(oldest.kind.rawValue) round \(oldest.roundId), \(oldest.attempts) attempt(s), next \(oldest.nextAttemptAt.map { ISOTime.format($0) } ?? "-"): \(oldest.lastError ?? "")"
                )
            }
            for failed in status.failed {
                print(
                    "failed: #\(failed.id!) \(failed.kind.rawValue) round \(failed.roundId) to \(failed.toAddress): \(failed.lastError ?? "")"
                )
            }
        }
    }
}
