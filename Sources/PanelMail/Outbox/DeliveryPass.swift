import Foundation
import PanelStore
import Synchronization

/// One delivery pass, shared by the courier's workers (one per SMTP connection): the queue of due messages
/// they pull from, the accepted messages waiting to be recorded, and the report.
///
/// Accepted messages are recorded `Courier.acceptedBatch` per transaction, and their spool files are removed
/// only after the record: a crash re-sends at most the unrecorded batch (plus the messages in flight), with
/// the same Message-IDs. Deferrals and failures are recorded at once.
///
/// The mutable part is `State`, behind one `Mutex`. No database write happens under it while a worker can wait for it:
/// workers record (`record`) outside it; `refill` only reads (it reads past the accepted messages not yet recorded,
/// which are in `seen`); only `finish`, after every worker has returned, writes under it.
final class DeliveryPass: Sendable {
    let courier: Courier
    let now: Date
    /// Shared by all connections when the relay demands a rate.
    let bucket: TokenBucket?
    /// Per-provider rates (`DeliverySettings.pacing`), shared by all connections.
    let pacer: DestinationPacer?
    /// The renderer still queueing mail for this pass, if any.
    let progress: RenderProgress?
    private let state: Mutex<State>

    typealias Accepted = (id: Int64, code: Int, file: String)

    struct State {
        /// While a new sending domain warms up: how many more messages may go today (read at the first refill).
        var remainingToday: Int?
        var warmUpRead = false
        var queue: [OutboxMessage] = []
        var position = 0
        /// Every message handed to a worker this pass: messages in flight are still `queued` in the database.
        var seen = Set<Int64>()
        var exhausted = false
        var accepted: [Accepted] = []
        /// Accepted messages a worker is marking sent outside the lock: still `queued` in the database meanwhile, so a
        /// refill reads that many more (they are in `seen` and filtered out).
        var beingRecorded = 0
        var report: DeliveryReport
        var error: (any Error)?
        /// The last connection-level failure, the reason given to messages deferred untried.
        var lastConnectionFailure: String?
    }

    init(courier: Courier, now: Date, report: DeliveryReport, progress: RenderProgress? = nil) {
        self.courier = courier
        self.now = now
        self.state = Mutex(State(report: report))
        self.progress = progress
        self.bucket = courier.delivery.ratePerSecond.map { TokenBucket(rate: $0) }
        self.pacer = DestinationPacer(courier.delivery.pacing)
    }

    /// What a worker found when it asked for the next message.
    private enum Take {
        case message(OutboxMessage)
        /// The pass stopped on an error.
        case stopped
        /// Nothing due right now.
        case empty
    }

    /// The next due message, or nil when none is left (and the renderer, if any, has ended) or the pass stopped on
    /// an error. While the renderer is still at work, waits for its next batch.
    func next() -> OutboxMessage? {
        while true {
            // Read before looking: a batch queued after this is waited for, not missed.
            let rendering = progress?.state
            let take: Take = state.withLock { state in
                guard state.error == nil else { return .stopped }
                if state.position == state.queue.count {
                    do {
                        try refill(&state, final: rendering?.done ?? true)
                    } catch {
                        state.error = error
                        return .stopped
                    }
                }
                guard state.position < state.queue.count else { return .empty }
                state.position += 1
                return .message(state.queue[state.position - 1])
            }
            switch take {
            case .message(let message): return message
            case .stopped: return nil
            case .empty:
                guard let progress, let rendering, !rendering.done else { return nil }
                progress.wait(past: rendering.batches)
            }
        }
    }

    /// Records what became of one message (after its retry, if any). The database writes (each an fsync) happen
    /// outside the lock: the other connections go on taking and recording messages meanwhile.
    func record(_ message: OutboxMessage, _ result: SMTPResult) throws {
        switch result.outcome {
        case .accepted:
            let full: [Accepted]? = state.withLock { state in
                state.accepted.append((message.id!, result.code, message.spoolName))
                state.report.sent += 1
                guard state.accepted.count >= Courier.acceptedBatch else { return nil }
                defer { state.accepted.removeAll(keepingCapacity: true) }
                state.beingRecorded += state.accepted.count
                return state.accepted
            }
            if let full {
                defer { state.withLock { $0.beingRecorded -= full.count } }
                try write(accepted: full)
            }
        case .deferred:
            var outcome = DeliveryReport()
            try courier.defer_(message, code: result.code, reason: result.detail, now: now, report: &outcome)
            state.withLock { state in
                if result.isConnectionFailure { state.lastConnectionFailure = result.detail }
                state.report.add(outcome)
            }
        case .rejected:
            var outcome = DeliveryReport()
            try courier.fail(message, code: result.code, reason: result.detail, report: &outcome)
            state.withLock { $0.report.add(outcome) }
        }
    }

    /// Stops the pass: workers get no more messages, and `finish` throws `error`.
    func stop(_ error: any Error) {
        state.withLock { state in
            if state.error == nil { state.error = error }
        }
    }

    /// After every worker has returned: defers untried what is left (every worker gave up on the relay) unless
    /// `deferUntried` is false (the workers were told to stop), records the last accepted messages, and returns
    /// the report — or throws the error that stopped the pass.
    func finish(deferUntried: Bool = true) throws -> DeliveryReport {
        try state.withLock { state in
            if state.error == nil, deferUntried {
                // Every worker has returned: nobody waits for the lock. What is left is deferred a batch per
                // transaction (a dead relay with 10,000 queued messages costs 10,000 / `Courier.batchSize` commits,
                // not 10,000).
                do {
                    while true {
                        if state.position == state.queue.count { try refill(&state) }
                        guard state.position < state.queue.count else { break }
                        let untried = Array(state.queue[state.position...])
                        state.position = state.queue.count
                        try courier.deferAll(
                            untried, code: 0, reason: state.lastConnectionFailure ?? "SMTP server unreachable",
                            now: now, report: &state.report)
                    }
                } catch {
                    state.error = error
                }
            }
            if let error = state.error {
                try? recordAccepted(&state)
                throw error
            }
            try recordAccepted(&state)
            return state.report
        }
    }

    /// The report so far (for a caller that got an error from `finish`).
    var currentReport: DeliveryReport {
        state.withLock { $0.report }
    }

    // MARK: Called with the lock held, on the locked state

    /// The next due messages; `final`: nothing more will be queued this pass, so none left means the pass is over.
    private func refill(_ state: inout State, final: Bool = true) throws {
        state.queue.removeAll(keepingCapacity: true)
        state.position = 0
        guard !state.exhausted else { return }
        if !state.warmUpRead {
            state.warmUpRead = true
            state.remainingToday = try courier.warmUpAllowance(now: now)
        }
        // Messages in the workers' hands, those accepted but not yet recorded (fewer than `Courier.acceptedBatch`: a
        // worker records a full batch, outside the lock) and those being recorded are still due in the database: they
        // are in `seen`, so read that many more.
        let seen = state.seen
        var batch = try courier.database.deliverableMessages(
            now: now,
            limit: Courier.batchSize + state.accepted.count + state.beingRecorded + courier.delivery.connections
        )
        .filter { !seen.contains($0.id!) }
        if let remaining = state.remainingToday {
            // The day's warm-up limit reached: the rest stays queued for tomorrow's passes, untried.
            batch = Array(batch.prefix(max(0, remaining)))
            state.remainingToday = remaining - batch.count
        }
        if batch.isEmpty {
            if final || state.remainingToday == 0 { state.exhausted = true }
            return
        }
        for message in batch { state.seen.insert(message.id!) }
        state.queue = batch
    }

    /// From `finish`, on the locked state, after every worker has returned (nobody waits for the lock): the last
    /// accepted messages, fewer than a batch.
    private func recordAccepted(_ state: inout State) throws {
        guard !state.accepted.isEmpty else { return }
        try write(accepted: state.accepted)
        state.accepted.removeAll(keepingCapacity: true)
    }

    /// Marks a batch sent in one transaction, then removes its spool files (a crash in between re-sends the batch
    /// with the same Message-IDs, never loses it).
    private func write(accepted batch: [Accepted]) throws {
        try courier.database.markSent(batch.map { ($0.id, $0.code) }, now: now)
        for entry in batch { courier.spool.remove(.outgoing, name: entry.file) }
    }
}
