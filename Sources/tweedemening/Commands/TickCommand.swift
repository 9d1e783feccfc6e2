import ArgumentParser
import Foundation
import PanelCore

struct TickCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tick",
        abstract: "Take every due step as of now, then deliver the queue. Quiet on success; for cron.")

    @OptionGroup var options: RootOptions
    @Option(help: "Act as if it were this time (ISO 8601 with offset); default: the clock.") var now: String?

    func validate() throws {
        if let now { _ = try parseTime(now, option: "--now") }
    }

    func run() throws {
        let app = try options.open()
        let moment = try now.map { try parseTime($0, option: "--now") } ?? Date()
        let outcome = try Ticker(app: app, courier: try app.courier(), mailroom: try app.mailroom()).run(now: moment)
        try Self.report(outcome)
    }

    /// Deferrals are a warning (the queue retries by itself); permanent failures and blocked steps exit 1.
    static func report(_ outcome: Ticker.Outcome) throws {
        let delivery = outcome.delivery
        for warning in outcome.warnings { warn("warning: \(warning)") }
        if delivery.deferred > 0 {
            let next = delivery.nextAttempt.map { " next attempt \(ISOTime.format($0))" } ?? ""
            warn("warning: \(delivery.deferred) message(s) deferred (\(delivery.deferReasons.joined(separator: "; ")));\(next)")
        }
        var failures: [String] = outcome.problems
        if delivery.failed > 0 {
            failures.append(
                "\(delivery.failed) message(s) failed permanently (\(delivery.failReasons.joined(separator: "; "))); see `tweedemening queue status`"
            )
        }
        if !failures.isEmpty {
            throw CLIError.software(failures.joined(separator: "\ntweedemening: "))
        }
    }
}

func warn(_ line: String) {
    FileHandle.standardError.write(Data("\(line)\n".utf8))
}
