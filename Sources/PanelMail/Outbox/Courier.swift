import Foundation
import Logging
import PanelCore
import PanelStore

/// What one pass of rendering and delivery did, for `tick` to report.
public struct DeliveryReport: Sendable, Equatable {
    public var rendered = 0
    public var sent = 0
    public var deferred = 0
    public var failed = 0
    /// Short reasons, deduplicated, for the moderator's one-line warnings.
    public var deferReasons: [String] = []
    public var failReasons: [String] = []
    public var nextAttempt: Date?
    /// Set when delivery waited for the sending window to open.
    public var heldUntil: Date?

    public init() {}

    mutating func note(_ reason: String, in list: WritableKeyPath<DeliveryReport, [String]>) {
        if !self[keyPath: list].contains(reason), self[keyPath: list].count < 5 { self[keyPath: list].append(reason) }
    }
}

/// When a temporary failure is tried again, and when it is given up.
public struct RetryPolicy: Sendable {
    public var firstDelay: TimeInterval = 300
    public var maxDelay: TimeInterval = 3_600
    public var expireAfter: TimeInterval = 3 * 86_400

    public init(firstDelay: TimeInterval = 300, maxDelay: TimeInterval = 3_600, expireAfter: TimeInterval = 3 * 86_400) {
        self.firstDelay = firstDelay
        self.maxDelay = maxDelay
        self.expireAfter = expireAfter
    }

    /// Exponential: 5, 10, 20, 40 minutes, then hourly.
    public func delay(afterAttempts attempts: Int) -> TimeInterval {
        min(maxDelay, firstDelay * pow(2, Double(max(0, attempts - 1))))
    }
}

/// Renders outbox rows into the spool and delivers the spool over SMTP.
public struct Courier: Sendable {
    public let database: AppDatabase
    public let spool: Spool
    public let composer: MessageComposer
    public let smtp: SMTPSettings
    public let retry: RetryPolicy
    public let window: SendingWindow
    public let logger: Logger
    /// Consecutive connection-level failures after which the rest of this pass is deferred untried,
    /// so a dead relay costs seconds, not a timeout per message.
    static let connectionFailureLimit = 2
    static let batchSize = 500
    /// Accepted messages recorded per transaction.
    static let acceptedBatch = 100

    public init(
        database: AppDatabase, spool: Spool, composer: MessageComposer, smtp: SMTPSettings,
        retry: RetryPolicy = RetryPolicy(), window: SendingWindow = .always, logger: Logger
    ) {
        self.database = database
        self.spool = spool
        self.composer = composer
        self.smtp = smtp
        self.retry = retry
        self.window = window
        self.logger = logger
    }

    /// Renders every pending row into `Queue/outgoing/` and marks it queued.
    public func renderPending(now: Date) throws -> Int {
        var total = 0
        while true {
            let batch = try database.pendingMessages(limit: Self.batchSize)
            if batch.isEmpty { return total }
            var done: [Int64] = []
            for message in batch {
                try render(message, syncFolder: false)
                done.append(message.id!)
            }
            spool.syncFolder(.outgoing)
            try database.markQueued(done, now: now)
            total += done.count
        }
    }

    func render(_ message: OutboxMessage, syncFolder: Bool = true) throws {
        let bytes = try composer.compose(try database.mailContext(message)).rendered()
        try spool.write(bytes, to: .outgoing, name: message.spoolName, syncFolder: syncFolder)
    }

    /// Renders, then delivers everything due at `now`.
    public func run(now: Date) throws -> DeliveryReport {
        var report = DeliveryReport()
        report.rendered = try renderPending(now: now)
        try deliver(now: now, into: &report)
        return report
    }

    /// Delivers everything due, but only inside the sending window: outside it, mail stays queued
    /// (no attempt is counted) until the next `tick` inside the window.
    public func deliver(now: Date, into report: inout DeliveryReport) throws {
        guard window.contains(now) else {
            report.heldUntil = window.nextOpening(after: now)
            return
        }
        var connection: SMTPConnection?
        var connectionFailures = 0
        var seen = Set<Int64>()
        // Accepted messages are recorded in batches; their spool files go only after the record. A crash
        // in between re-sends at most one batch, with the same Message-IDs.
        var accepted: [(id: Int64, code: Int, file: String)] = []
        func recordAccepted() throws {
            try database.markSent(accepted.map { ($0.id, $0.code) }, now: now)
            for entry in accepted { spool.remove(.outgoing, name: entry.file) }
            accepted.removeAll(keepingCapacity: true)
        }
        defer { try? recordAccepted() }
        while true {
            try recordAccepted()
            let batch = try database.deliverableMessages(now: now, limit: Self.batchSize).filter { !seen.contains($0.id!) }
            if batch.isEmpty { return }
            for message in batch {
                let id = message.id!
                seen.insert(id)
                if connectionFailures >= Self.connectionFailureLimit {
                    try defer_(
                        message, code: 0, reason: report.deferReasons.last ?? "SMTP server unreachable", now: now, report: &report
                    )
                    continue
                }
                var bytes = spool.read(.outgoing, name: message.spoolName)
                if bytes == nil {
                    // The spool lost the file (deleted by hand, or a restore): render it again, same bytes.
                    try render(message)
                    bytes = spool.read(.outgoing, name: message.spoolName)
                }
                guard let bytes else { throw SpoolError.io("cannot read \(spool.url(.outgoing, message.spoolName).path)", errno) }
                if connection == nil { connection = try SMTPConnection(settings: smtp) }
                let result = connection!.send(from: composer.envelopeSender(for: message), to: message.toAddress, message: bytes)
                switch result.outcome {
                case .accepted:
                    connectionFailures = 0
                    accepted.append((id, result.code, message.spoolName))
                    if accepted.count >= Self.acceptedBatch { try recordAccepted() }
                    report.sent += 1
                    logger.debug(
                        "mail.sent",
                        metadata: ["outbox.id": "\(id)", "mail.kind": "\(message.kind.rawValue)", "smtp.code": "\(result.code)"])
                case .deferred:
                    connectionFailures = result.code == 0 ? connectionFailures + 1 : 0
                    try defer_(message, code: result.code, reason: result.detail, now: now, report: &report)
                case .rejected:
                    connectionFailures = 0
                    try fail(message, code: result.code, reason: result.detail, report: &report)
                }
            }
        }
    }

    private func defer_(_ message: OutboxMessage, code: Int, reason: String, now: Date, report: inout DeliveryReport) throws {
        if now.timeIntervalSince(message.createdAt) >= retry.expireAfter {
            try fail(
                message, code: code, reason: "expired after \(Int(retry.expireAfter / 86_400)) days of retrying: \(reason)",
                report: &report)
            return
        }
        let retryAt = now.addingTimeInterval(retry.delay(afterAttempts: message.attempts + 1))
        try database.markDeferred(message.id!, code: code, error: reason, retryAt: retryAt)
        report.deferred += 1
        report.note(reason, in: \.deferReasons)
        report.nextAttempt = min(report.nextAttempt ?? retryAt, retryAt)
        logger.info("mail.deferred", metadata: ["outbox.id": "\(message.id!)", "smtp.code": "\(code)"])
    }

    private func fail(_ message: OutboxMessage, code: Int, reason: String, report: inout DeliveryReport) throws {
        try database.markFailed(message.id!, code: code, error: reason)
        spool.bury(message.spoolName)
        report.failed += 1
        report.note(reason, in: \.failReasons)
        logger.warning("mail.failed", metadata: ["outbox.id": "\(message.id!)", "smtp.code": "\(code)"])
    }
}
