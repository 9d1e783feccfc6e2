import Foundation
import GRDB
import PanelCore
import Synchronization

/// Group commit for votes. Concurrent `cast` calls are gathered and recorded in one transaction, so the voters
/// of a busy moment share one fsync of the WAL instead of paying one each.
///
/// A batch (at most `batchLimit` votes) goes to the database writer as soon as the previous one has committed:
/// nobody waits for a timer, and a lone vote is written at once. Each caller resumes only after the transaction
/// holding its vote committed, so an answer "your vote counts" is never ahead of the disk. A vote that is refused
/// (round closed, not in the panel, …) writes nothing and is reported to its caller with the same `StoreError` as
/// `AppDatabase.castVote`; the rest of the batch commits.
/// When the transaction itself fails, every vote of the batch gets that error and none is recorded.
public final class BallotBox: Sendable {
    public static let defaultBatchLimit = 256

    let database: AppDatabase
    let batchLimit: Int
    let state = Mutex(State())

    struct Ballot: Sendable {
        var roundId: Int64
        var panelistId: Int64
        var choice: VoteChoice
        var now: Date
        var continuation: CheckedContinuation<VoteReceipt, any Error>
    }

    struct State {
        var waiting: [Ballot] = []
        /// The writer has a turn scheduled; it takes whatever waits when the turn comes.
        var writing = false
        /// Transactions written so far.
        var batches = 0
    }

    public init(database: AppDatabase, batchLimit: Int = BallotBox.defaultBatchLimit) {
        precondition(batchLimit > 0, "a batch holds at least one vote")
        self.database = database
        self.batchLimit = batchLimit
    }

    /// Records a vote; returns once it is committed. A later vote replaces an earlier one until the deadline.
    public func cast(roundId: Int64, panelistId: Int64, choice: VoteChoice, now: Date) async throws -> VoteReceipt {
        try await withCheckedThrowingContinuation { continuation in
            let ballot = Ballot(roundId: roundId, panelistId: panelistId, choice: choice, now: now, continuation: continuation)
            let startsWriting = state.withLock { state in
                state.waiting.append(ballot)
                guard !state.writing else { return false }
                state.writing = true
                return true
            }
            if startsWriting { scheduleBatch() }
        }
    }

    /// Asks the writer for a turn. The batch is taken when the turn comes, not now: votes that arrive while the
    /// writer is busy (with the previous batch, or anything else) join it.
    func scheduleBatch() {
        database.writer.asyncWriteWithoutTransaction { db in self.writeBatch(db) }
    }

    /// On the writer: records what is waiting (up to `batchLimit`), resumes its callers after the commit, and asks
    /// for another turn while votes wait. Other writes get their turns in between.
    func writeBatch(_ db: Database) {
        let batch: [Ballot] = state.withLock { state in
            guard !state.waiting.isEmpty else {
                state.writing = false
                return []
            }
            let batch = Array(state.waiting.prefix(batchLimit))
            state.waiting.removeFirst(batch.count)
            state.batches += 1
            return batch
        }
        guard !batch.isEmpty else { return }
        let results = Self.record(batch, in: db)
        for (ballot, result) in zip(batch, results) { ballot.continuation.resume(with: result) }
        let more = state.withLock { state in
            if state.waiting.isEmpty { state.writing = false }
            return state.writing
        }
        if more { scheduleBatch() }
    }

    /// One transaction for the batch; the results in the batch's order, final only once this returns (after the
    /// commit). A refused vote writes nothing (every check comes before its one write), so it needs no savepoint;
    /// a write that fails is undone by SQLite on its own, and the rest of the batch still commits.
    static func record(_ batch: [Ballot], in db: Database) -> [Result<VoteReceipt, any Error>] {
        var results: [Result<VoteReceipt, any Error>] = []
        results.reserveCapacity(batch.count)
        var rounds: [Int64: Round] = [:]
        do {
            try db.inTransaction(.immediate) {
                for ballot in batch {
                    results.append(
                        Result {
                            try AppDatabase.recordVote(
                                db, roundId: ballot.roundId, panelistId: ballot.panelistId, choice: ballot.choice,
                                now: ballot.now, rounds: &rounds)
                        })
                }
                return .commit
            }
            return results
        } catch {
            return batch.map { _ in .failure(error) }
        }
    }
}
