import ArgumentParser
import Foundation
import PanelCore
import PanelMail
import PanelStore

struct QueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue", abstract: "Inspect the outbound queue.",
        subcommands: [Status.self, Show.self, Retry.self, Hold.self, Release.self])

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Messages per state, the oldest deferred one, recent failures.")
        @OptionGroup var options: RootOptions

        func run() throws {
            let app = try options.open()
            let database = app.database
            let status = try database.queueStatus()
            for state in OutboxStateOrder.all {
                print("\(state.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(status.counts[state] ?? 0)")
            }
            print("complaints \(try database.complaintCount())")
            let unfiled = app.spool.names(in: .unfiled).filter { $0.hasSuffix(".eml") }
            print("unfiled   \(unfiled.count)")
            if let oldest = status.oldestDeferred {
                print(
                    "oldest deferred: #\(oldest.id!) \(oldest.kind.rawValue) \(oldest.roundId.map { "round \($0)" } ?? "case \(oldest.caseId ?? 0)"), \(oldest.attempts) attempt(s), next \(oldest.nextAttemptAt.map { ISOTime.format($0) } ?? "-"): \(oldest.lastError ?? "")"
                )
            }
            for name in unfiled {
                let why = app.spool.read(.unfiled, name: name + ".why").map { String(decoding: $0, as: UTF8.self) } ?? ""
                let reason = why.trimmingCharacters(in: .whitespacesAndNewlines)
                print("unfiled: Queue/unfiled/\(name): \(reason) (`tweedemening inbound refile \(name)` once fixed)")
            }
            for failed in status.failed {
                print(
                    "failed: #\(failed.id!) \(failed.kind.rawValue) \(failed.roundId.map { "round \($0)" } ?? "case \(failed.caseId ?? 0)") to \(failed.toAddress): \(failed.lastError ?? "")"
                )
            }
        }
    }
}

extension QueueCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One message: state, attempts, last SMTP reply, spool file.")
        @OptionGroup var options: RootOptions
        @Argument(help: "The message number (#N in queue status).") var id: Int64

        func run() throws {
            let app = try options.open()
            guard let message = try app.database.outboxMessage(id) else {
                throw CLIError.data(StoreError.unknownMessage(id).description)
            }
            let file = app.spool.location(message.spoolName) ?? "(not rendered yet, or delivered)"
            print(
                """
                #\(message.id!) \(message.kind.rawValue), \(message.roundId.map { "round \($0)" } ?? "case \(message.caseId ?? 0)"), to \(message.toAddress)
                state: \(message.state.rawValue), attempts: \(message.attempts), created \(ISOTime.format(message.createdAt))
                next attempt: \(message.nextAttemptAt.map { ISOTime.format($0) } ?? "-"), sent: \(message.sentAt.map { ISOTime.format($0) } ?? "-")
                last reply: \(message.lastCode.map(String.init) ?? "-") \(message.lastError ?? "")
                Message-ID: <\(message.messageId)>
                file: \(file)
                """)
        }
    }

    struct Retry: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Try a failed or deferred message again at the next tick (rendered anew, same Message-ID).")
        @OptionGroup var options: RootOptions
        @Argument(help: "The message number (#N in queue status).") var id: Int64

        func run() throws {
            let app = try options.open()
            let message = try app.database.retryMessage(id, now: Date())
            try app.database.audit(actor: "moderator", action: "queue.retry", subject: "message #\(id)")
            app.spool.remove(.dead, name: message.spoolName)
        }
    }
}

/// Which messages `queue hold` and `queue release` act on.
struct MessageSelection: ParsableArguments {
    @Argument(help: "Message numbers (#N in queue status).") var ids: [Int64] = []
    @Option(name: .customLong("case"), help: "Every message about this case.") var caseId: Int64?
    @Flag(help: "Every message not yet sent.") var all = false

    func validate() throws {
        let given = (ids.isEmpty ? 0 : 1) + (caseId == nil ? 0 : 1) + (all ? 1 : 0)
        guard given == 1 else { throw ValidationError("name messages by number, or give --case N, or --all (one of them)") }
    }

    var scope: OutboxScope { all ? .all : caseId.map { .caseId($0) } ?? .ids(ids) }
}

extension QueueCommand {
    struct Hold: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Keep messages back (e.g. a mistake in a case mail): not rendered or sent until released.")
        @OptionGroup var options: RootOptions
        @OptionGroup var selection: MessageSelection

        func run() throws {
            let app = try options.open()
            let held = try app.database.hold(selection.scope, now: Date())
            try app.database.audit(actor: "moderator", action: "queue.hold", subject: "\(held) messages")
            print("held \(held) message(s); `tweedemening queue release` sends them again")
        }
    }

    struct Release: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Release held messages: rendered anew (same Message-ID) and sent at the next tick.")
        @OptionGroup var options: RootOptions
        @OptionGroup var selection: MessageSelection

        func run() throws {
            let app = try options.open()
            let released = try app.database.release(selection.scope)
            try app.database.audit(actor: "moderator", action: "queue.release", subject: "\(released) messages")
            print("released \(released) message(s)")
        }
    }
}
