import Foundation
import Logging
import PanelCore
import PanelMail
import PanelStore

/// One pass of the scheduler: take every due round step, then render and deliver the queue.
///
/// `tick` from cron and the `serve` loop both run this, under an exclusive lock on `{root}/.tick.lock`,
/// so two runners never deliver the same spool file at once. The steps themselves are idempotent
/// in the database as well, so even without the lock no message could be written twice.
struct Ticker {
    let app: App
    let courier: Courier
    let mailroom: Mailroom

    struct Outcome {
        var steps: [(Int64, RoundStep)] = []
        var problems: [String] = []
        /// Worth a line in cron's mail, but nothing failed (exit 0).
        var warnings: [String] = []
        var delivery = DeliveryReport()
        var inbound = 0
    }

    /// `shouldStop` ends delivery early (between messages), for a daemon that is shutting down.
    func run(now: Date, shouldStop: @escaping @Sendable () -> Bool = { false }) throws -> Outcome {
        try TickLock.withLock(at: app.configuration.root.appendingPathComponent(".tick.lock").path) {
            var outcome = Outcome()
            // Mail that arrived while the database was busy, or before a crash, is filed first.
            let leftovers = mailroom.processLeftovers(now: now)
            outcome.inbound = leftovers.filed.count
            outcome.problems += leftovers.setAside
            for round in try app.database.openRounds() {
                let steps = RoundScheduler.dueSteps(
                    progress: try app.database.progress(of: round), timeline: round.timeline,
                    plan: app.configuration.discussionPlan, now: now)
                for step in steps {
                    do {
                        try app.database.take(
                            step, roundId: round.id!, now: now, messageDomain: courier.composer.settings.messageDomain,
                            plan: app.configuration.discussionPlan, moderatorAddress: app.configuration.moderatorAddress)
                        outcome.steps.append((round.caseId, step))
                        app.logger.info("round.step", metadata: ["case.id": "\(round.caseId)", "round.step": "\(step.rawValue)"])
                    } catch let error as StoreError {
                        outcome.problems.append("case \(round.caseId): cannot \(step.rawValue): \(error)")
                        break
                    }
                }
            }
            // Empty seats: members who left are replaced by the next fitting reserve, by mail.
            let seats = try app.database.fillVacancies(now: now, messageDomain: courier.composer.settings.messageDomain)
            for vacancy in seats.opened {
                app.logger.info(
                    "panel.vacancy", metadata: ["panelist.id": "\(vacancy.panelistId)", "reason": "\(vacancy.reason.rawValue)"])
            }
            if !seats.invited.isEmpty { app.logger.info("panel.seat-offer", metadata: ["reserves": "\(seats.invited.count)"]) }
            for municipality in seats.unfilled {
                outcome.warnings.append(
                    "municipality \(municipality): an empty seat has no fitting reserve left; "
                        + "run `tweedemening panel select --municipality \(municipality) --top-up …`")
            }
            // Personal data of rounds closed longer than the retention period, and unconfirmed joiners after 30 days.
            let cleaned = try app.database.applyRetention(
                closedBefore: now.addingTimeInterval(-Double(app.configuration.retentionDays) * 86_400), now: now)
            if cleaned > 0 { app.logger.info("privacy.retention", metadata: ["rounds": "\(cleaned)"]) }
            // What a crash left in the spool: files of mail already sent, or of rows that are gone.
            let swept = try SpoolSweeper(database: app.database, spool: app.spool).sweep()
            if swept > 0 { app.logger.info("spool.swept", metadata: ["messages": "\(swept)"]) }
            outcome.delivery = try courier.run(now: now, shouldStop: shouldStop)
            return outcome
        }
    }
}

/// An exclusive `flock` on a file: released by the kernel if the process dies.
enum TickLock {
    static func withLock<T>(at path: String, _ body: () throws -> T) throws -> T {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw CLIError.unavailable("cannot open lock file \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw CLIError.unavailable("cannot lock \(path): \(String(cString: strerror(errno)))") }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
