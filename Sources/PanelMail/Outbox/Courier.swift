import Foundation
import Logging
import PanelCore
import PanelStore
import Synchronization

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

    /// Adds what another part of the pass recorded.
    mutating func add(_ other: DeliveryReport) {
        rendered += other.rendered
        sent += other.sent
        deferred += other.deferred
        failed += other.failed
        for reason in other.deferReasons { note(reason, in: \.deferReasons) }
        for reason in other.failReasons { note(reason, in: \.failReasons) }
        if let next = other.nextAttempt { nextAttempt = min(nextAttempt ?? next, next) }
        if let held = other.heldUntil { heldUntil = min(heldUntil ?? held, held) }
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

/// Renders outbox rows into the spool and delivers the spool over SMTP, over `delivery.connections`
/// parallel connections.
public struct Courier: Sendable {
    public let database: AppDatabase
    public let spool: Spool
    public let composer: MessageComposer
    public let smtp: SMTPSettings
    public let delivery: DeliverySettings
    public let retry: RetryPolicy
    public let window: SendingWindow
    /// Dates and signs each message as it leaves.
    public let handoff: Handoff
    public let logger: Logger
    /// Consecutive connection-level failures after which a worker gives up for this pass; when every worker has,
    /// the rest of the pass is deferred untried, so a dead relay costs seconds, not a timeout per message.
    static let connectionFailureLimit = 2
    static let batchSize = 500
    /// Accepted messages recorded per transaction.
    static let acceptedBatch = 100
    /// A batch smaller than this per thread is rendered on one.
    static let messagesPerRenderThread = 16
    /// Threads that render a batch: rendering is CPU-bound, SMTP delivery mostly waits.
    public let renderThreads: Int

    public init(
        database: AppDatabase, spool: Spool, composer: MessageComposer, smtp: SMTPSettings,
        delivery: DeliverySettings = DeliverySettings(), retry: RetryPolicy = RetryPolicy(),
        window: SendingWindow = .always, handoff: Handoff = Handoff(), logger: Logger,
        renderThreads: Int = min(2, ProcessInfo.processInfo.activeProcessorCount)
    ) {
        self.renderThreads = max(1, renderThreads)
        self.database = database
        self.spool = spool
        self.composer = composer
        self.smtp = smtp
        self.delivery = delivery
        self.retry = retry
        self.window = window
        self.handoff = handoff
        self.logger = logger
    }

    /// Renders every pending row into `Queue/outgoing/` and marks it queued (batch by batch, until `shouldStop`).
    ///
    /// Per batch: the contexts in one read, rendered on `renderThreads` threads (each with its own `RenderPass`),
    /// written as one pack (flushed, then renamed into place), then the batch marked queued in one transaction. A
    /// row is never queued before its message is durable in `outgoing/`.
    public func renderPending(
        now: Date, shouldStop: @Sendable () -> Bool = { false }, progress: RenderProgress? = nil
    ) throws -> Int {
        var total = 0
        while !shouldStop() {
            let batch = try database.pendingMessages(limit: Self.batchSize)
            if batch.isEmpty { return total }
            let contexts = try database.mailContexts(batch)
            let rendered = try compose(contexts)
            let messages = zip(batch, rendered).map { ($0.spoolName, $1) }
            try spool.pack(messages)
            try database.markQueued(batch.map { $0.id! }, now: now)
            total += batch.count
            progress?.hand(messages)
            progress?.advance()
        }
        return total
    }

    /// Renders a batch, the messages split over the render threads in stripes.
    private func compose(_ contexts: [MailContext]) throws -> [[UInt8]] {
        let threads = max(1, min(renderThreads, contexts.count / Self.messagesPerRenderThread))
        let failure = FirstError()
        let results = RenderedBatch(count: contexts.count)
        let work: @Sendable (Int) -> Void = { stripe in
            var pass = RenderPass(composer: self.composer)
            for index in stride(from: stripe, to: contexts.count, by: threads) where !failure.isSet {
                do {
                    results.set(index, try pass.compose(contexts[index]).rendered())
                } catch {
                    failure.set(error)
                }
            }
        }
        if threads == 1 {
            work(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: threads, execute: work)
        }
        if let error = failure.error { throw error }
        return results.all
    }

    func render(_ message: OutboxMessage) throws {
        let bytes = try composer.compose(try database.mailContext(message)).rendered()
        try spool.write(bytes, to: .outgoing, name: message.spoolName)
    }

    /// Renders and delivers everything due at `now`, the two at once: the connections start on the first batch
    /// the renderer queues and wait for the next while it renders, so a round's delivery takes about as long as
    /// its rendering or its sending, whichever is longer, instead of both after another.
    ///
    /// `shouldStop` (a daemon shutting down) is asked between render batches and before each message: once it
    /// answers true, each worker finishes the message in hand and the pass ends, recording what was accepted and
    /// leaving the rest queued and untried (no attempt counted, no backoff) for the next pass.
    public func run(now: Date, shouldStop: @escaping @Sendable () -> Bool = { false }) throws -> DeliveryReport {
        var report = DeliveryReport()
        guard window.contains(now) else {
            report.rendered = try renderPending(now: now, shouldStop: shouldStop)
            report.heldUntil = window.nextOpening(after: now)
            return report
        }
        let progress = RenderProgress()
        let rendering = DispatchGroup()
        rendering.enter()
        let renderer = Thread {
            defer { rendering.leave() }
            do {
                progress.finish(rendered: try self.renderPending(now: now, shouldStop: shouldStop, progress: progress))
            } catch {
                progress.finish(error: error)
            }
        }
        renderer.name = "courier-render"
        renderer.start()
        do {
            try deliver(now: now, into: &report, shouldStop: shouldStop, progress: progress, beforeFinish: { rendering.wait() })
        } catch {
            rendering.wait()
            throw progress.error ?? error
        }
        if let error = progress.error { throw error }
        report.rendered = progress.rendered
        return report
    }

    /// Delivers everything due, but only inside the sending window: outside it, mail stays queued
    /// (no attempt is counted) until the next `tick` inside the window.
    ///
    /// One worker per connection pulls due messages from a shared `DeliveryPass`; the calling thread is one of
    /// them and waits for the others, so the call returns when the pass is over. With `progress`, a renderer is
    /// still queueing mail: workers wait for its batches, and `beforeFinish` waits for it to end.
    public func deliver(
        now: Date, into report: inout DeliveryReport, shouldStop: @escaping @Sendable () -> Bool = { false }
    ) throws {
        try deliver(now: now, into: &report, shouldStop: shouldStop, progress: nil, beforeFinish: {})
    }

    func deliver(
        now: Date, into report: inout DeliveryReport, shouldStop: @escaping @Sendable () -> Bool,
        progress: RenderProgress?, beforeFinish: () -> Void
    ) throws {
        guard window.contains(now) else {
            report.heldUntil = window.nextOpening(after: now)
            return
        }
        // Before any thread touches libcurl.
        try SMTPConnection.initializeLibrary()
        let pass = DeliveryPass(courier: self, now: now, report: report, progress: progress)
        let workers = DispatchGroup()
        for number in 1..<delivery.connections {
            workers.enter()
            let thread = Thread {
                self.work(pass, worker: number, shouldStop: shouldStop)
                workers.leave()
            }
            thread.name = "courier-\(number)"
            thread.stackSize = 1 << 20
            thread.start()
        }
        work(pass, worker: 0, shouldStop: shouldStop)
        workers.wait()
        // Workers that gave up on the relay leave the rest to be deferred, including what is still being rendered.
        beforeFinish()
        do {
            // Stopped workers did not give up on the relay: what they left is not deferred.
            report = try pass.finish(deferUntried: !shouldStop())
        } catch {
            report = pass.currentReport
            throw error
        }
    }

    /// One connection's worker: sends due messages until none is left, or until the connection failed
    /// `connectionFailureLimit` times in a row, or until `shouldStop`. A session the server ended under a message
    /// (421, dropped connection) is retried once on a fresh connection before the message is deferred.
    func work(_ pass: DeliveryPass, worker: Int, shouldStop: @Sendable () -> Bool = { false }) {
        var session: Session?
        var failuresInARow = 0
        defer { if session != nil { logger.debug("smtp.closed", metadata: ["smtp.worker": "\(worker)"]) } }
        while failuresInARow < Self.connectionFailureLimit, !shouldStop(), let message = pass.next() {
            do {
                // Dated and signed now, not at rendering: the Date is the moment it leaves, and the signature covers it.
                let bytes = try handoff.prepare(try pass.progress?.take(message.spoolName) ?? spoolBytes(message))
                var result = try attempt(message, bytes, on: &session, pass: pass)
                failuresInARow = result.isConnectionFailure ? failuresInARow + 1 : 0
                if result.sessionEnded && failuresInARow < Self.connectionFailureLimit {
                    logger.info(
                        "mail.retry",
                        metadata: ["outbox.id": "\(message.id!)", "smtp.code": "\(result.code)", "smtp.worker": "\(worker)"])
                    result = try attempt(message, bytes, on: &session, pass: pass)
                    failuresInARow = result.isConnectionFailure ? failuresInARow + 1 : 0
                }
                try pass.record(message, result)
                if result.outcome == .accepted {
                    logger.debug(
                        "mail.sent",
                        metadata: [
                            "outbox.id": "\(message.id!)", "mail.kind": "\(message.kind.rawValue)",
                            "smtp.code": "\(result.code)",
                        ])
                }
            } catch {
                pass.stop(error)
                return
            }
        }
    }

    /// An open connection, when it was opened (monotonic seconds) and how many messages it carried.
    struct Session {
        var connection: SMTPConnection
        var opened: Double
        var messages = 0
    }

    /// One SMTP transaction, on the open session or a fresh one; a session that is due for recycling is
    /// closed first, and one that failed at the connection level is closed after.
    private func attempt(
        _ message: OutboxMessage, _ bytes: [UInt8], on session: inout Session?, pass: DeliveryPass
    ) throws -> SMTPResult {
        let clock = TokenBucket.monotonicNow()
        if let open = session,
            open.messages >= delivery.recycleAfterMessages || clock - open.opened >= delivery.recycleAfterSeconds
        {
            session = nil
        }
        if session == nil { session = Session(connection: try SMTPConnection(settings: smtp), opened: clock) }
        pass.bucket?.take()
        pass.pacer?.take(for: message.toAddress)
        let result = session!.connection.send(
            from: composer.envelopeSender(for: message), to: message.toAddress, message: bytes)
        session!.messages += 1
        if result.sessionEnded || result.isConnectionFailure { session = nil }
        return result
    }

    /// The rendered message; a file the spool lost (deleted by hand, or a restore) is rendered again, same bytes.
    private func spoolBytes(_ message: OutboxMessage) throws -> [UInt8] {
        if let bytes = spool.read(.outgoing, name: message.spoolName) { return bytes }
        try render(message)
        guard let bytes = spool.read(.outgoing, name: message.spoolName) else {
            throw SpoolError.io("cannot read \(spool.url(.outgoing, message.spoolName).path)", errno)
        }
        return bytes
    }

    func defer_(_ message: OutboxMessage, code: Int, reason: String, now: Date, report: inout DeliveryReport) throws {
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

    /// Defers many messages with one reason in one transaction (the expired among them fail one by one).
    func deferAll(_ messages: [OutboxMessage], code: Int, reason: String, now: Date, report: inout DeliveryReport) throws {
        var deferred: [(id: Int64, retryAt: Date)] = []
        for message in messages {
            if now.timeIntervalSince(message.createdAt) >= retry.expireAfter {
                try defer_(message, code: code, reason: reason, now: now, report: &report)
            } else {
                deferred.append((message.id!, now.addingTimeInterval(retry.delay(afterAttempts: message.attempts + 1))))
            }
        }
        guard !deferred.isEmpty else { return }
        try database.markDeferred(deferred, code: code, error: reason)
        report.deferred += deferred.count
        report.note(reason, in: \.deferReasons)
        for entry in deferred { report.nextAttempt = min(report.nextAttempt ?? entry.retryAt, entry.retryAt) }
        logger.info("mail.deferred", metadata: ["outbox.count": "\(deferred.count)", "smtp.code": "\(code)"])
    }

    func fail(_ message: OutboxMessage, code: Int, reason: String, report: inout DeliveryReport) throws {
        try database.markFailed(message.id!, code: code, error: reason)
        spool.bury(message.spoolName)
        report.failed += 1
        report.note(reason, in: \.failReasons)
        logger.warning("mail.failed", metadata: ["outbox.id": "\(message.id!)", "smtp.code": "\(code)"])
    }
}

/// How far the renderer of a pass is, for delivery workers that wait for its next batch, and the messages it rendered
/// in this pass, handed to the workers in memory.
///
/// A worker with nothing to do parks on a semaphore of its own, registered under the lock; `advance` and `finish`
/// signal every parked worker after changing the state, so no wake-up is lost between a worker's look and its wait.
///
/// A message is handed over only once its pack is durable and its row queued, the same bytes as in the pack: a
/// worker sends them without reading the spool back (open, read, close for every message was about 4% of a
/// 10,000-panelist tick). At most `handLimit` bytes wait at a time; what did not fit is read from the spool as before.
public final class RenderProgress: Sendable {
    private struct State {
        var batches = 0
        var done = false
        var count = 0
        var failure: (any Error)?
        /// Workers waiting for the next batch or the end.
        var waiting: [DispatchSemaphore] = []

        mutating func takeWaiting() -> [DispatchSemaphore] {
            defer { waiting.removeAll() }
            return waiting
        }
    }

    private let shared = Mutex(State())
    private let handed = Mutex(Handed())
    static let handLimit = 16 << 20

    private struct Handed {
        var messages: [String: [UInt8]] = [:]
        var bytes = 0
    }

    /// Rendered messages, durable in the spool and queued: kept for the workers while they fit under `handLimit`.
    func hand(_ messages: [(name: String, bytes: [UInt8])]) {
        handed.withLock { handed in
            for message in messages where handed.bytes + message.bytes.count <= Self.handLimit {
                handed.messages[message.name] = message.bytes
                handed.bytes += message.bytes.count
            }
        }
    }

    /// The bytes of a message handed over, once (nil: read it from the spool).
    func take(_ name: String) -> [UInt8]? {
        handed.withLock { handed in
            guard let bytes = handed.messages.removeValue(forKey: name) else { return nil }
            handed.bytes -= bytes.count
            return bytes
        }
    }

    /// Batches queued so far, and whether the renderer has ended.
    var state: (batches: Int, done: Bool) {
        shared.withLock { ($0.batches, $0.done) }
    }

    var rendered: Int { shared.withLock { $0.count } }

    var error: (any Error)? { shared.withLock { $0.failure } }

    func advance() {
        wake(
            shared.withLock { state in
                state.batches += 1
                return state.takeWaiting()
            })
    }

    func finish(rendered: Int = 0, error: (any Error)? = nil) {
        wake(
            shared.withLock { state in
                state.done = true
                state.count = rendered
                state.failure = error
                return state.takeWaiting()
            })
    }

    /// Returns once a batch after the `batches`-th is queued, or the renderer has ended.
    func wait(past batches: Int) {
        while true {
            let parked: DispatchSemaphore? = shared.withLock { state in
                guard state.batches == batches && !state.done else { return nil }
                let semaphore = DispatchSemaphore(value: 0)
                state.waiting.append(semaphore)
                return semaphore
            }
            guard let parked else { return }
            parked.wait()
        }
    }

    private func wake(_ waiting: [DispatchSemaphore]) {
        for semaphore in waiting { semaphore.signal() }
    }
}

/// The messages of a batch, filled in by several render threads (each index by one thread).
final class RenderedBatch: Sendable {
    private let messages: Mutex<[[UInt8]]>

    init(count: Int) {
        messages = Mutex(Array(repeating: [], count: count))
    }

    func set(_ index: Int, _ bytes: [UInt8]) {
        messages.withLock { $0[index] = bytes }
    }

    var all: [[UInt8]] { messages.withLock { $0 } }
}

/// The first error of several threads.
final class FirstError: Sendable {
    private let first = Mutex<(any Error)?>(nil)

    var isSet: Bool { error != nil }

    var error: (any Error)? { first.withLock { $0 } }

    func set(_ error: any Error) {
        first.withLock { first in if first == nil { first = error } }
    }
}
