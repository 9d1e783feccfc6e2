import Foundation
import PanelStore

/// One delivery pass, shared by the courier's workers (one per SMTP connection): the queue of due messages
/// they pull from, the accepted messages waiting to be recorded, and the report.
///
/// Accepted messages are recorded `Courier.acceptedBatch` per transaction, and their spool files are removed
/// only after the record: a crash re-sends at most the unrecorded batch (plus the messages in flight), with
/// the same Message-IDs. Deferrals and failures are recorded at once.
///
/// `@unchecked Sendable`: every mutable property is read and written only while holding `lock`.
final class DeliveryPass: @unchecked Sendable {
    let courier: Courier
    let now: Date
    /// Shared by all connections when the relay demands a rate.
    let bucket: TokenBucket?
    /// Per-provider rates (`DeliverySettings.pacing`), shared by all connections.
    let pacer: DestinationPacer?
    /// While a new sending domain warms up: how many more messages may go today (read at the first refill).
    private var remainingToday: Int?
    private var warmUpRead = false
    private let lock = NSLock()
    private var queue: [OutboxMessage] = []
    private var position = 0
    /// Every message handed to a worker this pass: messages in flight are still `queued` in the database.
    private var seen = Set<Int64>()
    private var exhausted = false
    private var accepted: [(id: Int64, code: Int, file: String)] = []
    /// Accepted messages a worker is marking sent outside the lock: still `queued` in the database meanwhile, so a
    /// refill reads that many more (they are in `seen` and filtered out).
    private var beingRecorded = 0
    private var report: DeliveryReport
    private var error: (any Error)?
    /// The last connection-level failure, the reason given to messages deferred untried.
    private var lastConnectionFailure: String?

    /// The renderer still queueing mail for this pass, if any.
    let progress: RenderProgress?

    init(courier: Courier, now: Date, report: DeliveryReport, progress: RenderProgress? = nil) {
        self.courier = courier
        self.now = now
        self.report = report
        self.progress = progress
        self.bucket = courier.delivery.ratePerSecond.map { TokenBucket(rate: $0) }
        self.pacer = DestinationPacer(courier.delivery.pacing)
    }

    /// The next due message, or nil when none is left (and the renderer, if any, has ended) or the pass stopped on
    /// an error. While the renderer is still at work, waits for its next batch.
    func next() -> OutboxMessage? {
        while true {
            // Read before looking: a batch queued after this is waited for, not missed.
            let rendering = progress?.state
            lock.lock()
            guard error == nil else {
                lock.unlock()
                return nil
            }
            if position == queue.count {
                do {
                    try refill(final: rendering?.done ?? true)
                } catch {
                    self.error = error
                    lock.unlock()
                    return nil
                }
            }
            if position < queue.count {
                position += 1
                let message = queue[position - 1]
                lock.unlock()
                return message
            }
            lock.unlock()
            guard let progress, let rendering, !rendering.done else { return nil }
            progress.wait(past: rendering.batches)
        }
    }

    /// Records what became of one message (after its retry, if any). The database writes (each an fsync) happen
    /// outside `lock`: the other connections go on taking and recording messages meanwhile.
    func record(_ message: OutboxMessage, _ result: SMTPResult) throws {
        switch result.outcome {
        case .accepted:
            let full: [(id: Int64, code: Int, file: String)]? = locked {
                accepted.append((message.id!, result.code, message.spoolName))
                report.sent += 1
                guard accepted.count >= Courier.acceptedBatch else { return nil }
                defer { accepted.removeAll(keepingCapacity: true) }
                beingRecorded += accepted.count
                return accepted
            }
            if let full {
                defer { locked { beingRecorded -= full.count } }
                try write(accepted: full)
            }
        case .deferred:
            var outcome = DeliveryReport()
            try courier.defer_(message, code: result.code, reason: result.detail, now: now, report: &outcome)
            locked {
                if result.isConnectionFailure { lastConnectionFailure = result.detail }
                report.add(outcome)
            }
        case .rejected:
            var outcome = DeliveryReport()
            try courier.fail(message, code: result.code, reason: result.detail, report: &outcome)
            locked { report.add(outcome) }
        }
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Stops the pass: workers get no more messages, and `finish` throws `error`.
    func stop(_ error: any Error) {
        lock.lock()
        defer { lock.unlock() }
        if self.error == nil { self.error = error }
    }

    /// After every worker has returned: defers untried what is left (every worker gave up on the relay) unless
    /// `deferUntried` is false (the workers were told to stop), records the last accepted messages, and returns
    /// the report — or throws the error that stopped the pass.
    func finish(deferUntried: Bool = true) throws -> DeliveryReport {
        lock.lock()
        defer { lock.unlock() }
        if error == nil, deferUntried {
            // Every worker has returned: nobody waits for the lock. What is left is deferred a batch per transaction
            // (a dead relay with 10,000 queued messages costs 10,000 / `Courier.batchSize` commits, not 10,000).
            do {
                while true {
                    if position == queue.count { try refill() }
                    guard position < queue.count else { break }
                    let untried = Array(queue[position...])
                    position = queue.count
                    try courier.deferAll(
                        untried, code: 0, reason: lastConnectionFailure ?? "SMTP server unreachable", now: now,
                        report: &report)
                }
            } catch {
                self.error = error
            }
        }
        if let error {
            try? recordAccepted()
            throw error
        }
        try recordAccepted()
        return report
    }

    /// The report so far (for a caller that got an error from `finish`).
    var currentReport: DeliveryReport {
        lock.lock()
        defer { lock.unlock() }
        return report
    }

    // MARK: Called with `lock` held

    /// The next due messages; `final`: nothing more will be queued this pass, so none left means the pass is over.
    private func refill(final: Bool = true) throws {
        queue.removeAll(keepingCapacity: true)
        position = 0
        guard !exhausted else { return }
        // Record first, so the accepted messages no longer come back as due.
        try recordAccepted()
        if !warmUpRead {
            warmUpRead = true
            remainingToday = try courier.warmUpAllowance(now: now)
        }
        // Messages in the workers' hands and those being marked sent are still due in the database: read past them.
        var batch = try courier.database.deliverableMessages(
            now: now, limit: Courier.batchSize + beingRecorded + courier.delivery.connections
        )
        .filter { !seen.contains($0.id!) }
        if let remaining = remainingToday {
            // The day's warm-up limit reached: the rest stays queued for tomorrow's passes, untried.
            batch = Array(batch.prefix(max(0, remaining)))
            remainingToday = remaining - batch.count
        }
        if batch.isEmpty {
            if final || remainingToday == 0 { exhausted = true }
            return
        }
        for message in batch { seen.insert(message.id!) }
        queue = batch
    }

    /// Under `lock`, from `refill` and `finish`: before the next read of due messages, so that accepted ones do not
    /// come back as due (once per `Courier.batchSize` messages, not per message).
    private func recordAccepted() throws {
        guard !accepted.isEmpty else { return }
        try write(accepted: accepted)
        accepted.removeAll(keepingCapacity: true)
    }

    /// Marks a batch sent in one transaction, then removes its spool files (a crash in between re-sends the batch
    /// with the same Message-IDs, never loses it).
    private func write(accepted batch: [(id: Int64, code: Int, file: String)]) throws {
        try courier.database.markSent(batch.map { ($0.id, $0.code) }, now: now)
        for entry in batch { courier.spool.remove(.outgoing, name: entry.file) }
    }
}
