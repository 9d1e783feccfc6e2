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
///
/// The last vote *received* counts (issue 17, finding 11): a request takes a `Ticket` as it arrives — a
/// `VoteSequence` number — and its vote never replaces a stored vote with a higher one. Every receipt names the vote
/// stored, not merely the one asked for, and a receipt is held back while a vote of the same panelist received after
/// it is still on its way (in a later batch, or still sending its body): so the pages of two racing clicks both name
/// the vote that is stored in the end.
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
        var sequence: Int64
        var continuation: CheckedContinuation<VoteReceipt, any Error>
    }

    /// A vote on its way: taken when the request arrives, before its body is read; then `cast` or `withdraw` it.
    public struct Ticket: Sendable {
        let voter: Voter
        let sequence: Int64
    }

    /// An answer held back until the votes of the same panelist received after it are answered.
    struct Held {
        var sequence: Int64
        var receipt: VoteReceipt
        var continuation: CheckedContinuation<VoteReceipt, any Error>
    }

    struct State {
        var waiting: [Ballot] = []
        /// The writer has a turn scheduled; it takes whatever waits when the turn comes.
        var writing = false
        /// Transactions written so far.
        var batches = 0
        /// The sequence numbers of the tickets taken and not yet answered or withdrawn, per panelist.
        var received: [Voter: [Int64]] = [:]
        /// Answers that wait for a vote received after them.
        var held: [Voter: [Held]] = [:]
        /// The vote stored after the last recorded vote of a panelist with tickets out.
        var stored: [Voter: Vote] = [:]
    }

    public init(database: AppDatabase, batchLimit: Int = BallotBox.defaultBatchLimit) {
        precondition(batchLimit > 0, "a batch holds at least one vote")
        self.database = database
        self.batchLimit = batchLimit
    }

    /// A vote of `panelistId` is on its way: its place in the order of votes is now.
    public func receive(roundId: Int64, panelistId: Int64) -> Ticket {
        let ticket = Ticket(voter: Voter(roundId: roundId, panelistId: panelistId), sequence: VoteSequence.next())
        state.withLock { $0.received[ticket.voter, default: []].append(ticket.sequence) }
        return ticket
    }

    /// The vote of `ticket` will not come (its request failed before `cast`): answers held for it go out.
    public func withdraw(_ ticket: Ticket) {
        let answers = state.withLock { state in Self.settle(ticket, nil, &state) }
        for (continuation, result) in answers { continuation.resume(with: result) }
    }

    /// Records a vote received now; see `cast(_:choice:now:)`.
    public func cast(roundId: Int64, panelistId: Int64, choice: VoteChoice, now: Date) async throws -> VoteReceipt {
        try await cast(receive(roundId: roundId, panelistId: panelistId), choice: choice, now: now)
    }

    /// Records the vote of `ticket`; returns once it is committed and every vote of the panelist received after it is
    /// answered too, with what is stored then. A vote received later replaces an earlier one until the deadline.
    public func cast(_ ticket: Ticket, choice: VoteChoice, now: Date) async throws -> VoteReceipt {
        try await withCheckedThrowingContinuation { continuation in
            let ballot = Ballot(
                roundId: ticket.voter.roundId, panelistId: ticket.voter.panelistId, choice: choice, now: now,
                sequence: ticket.sequence, continuation: continuation)
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
        let answers = state.withLock { state in
            zip(batch, results).flatMap { ballot, result in
                Self.settle(
                    Ticket(voter: Voter(roundId: ballot.roundId, panelistId: ballot.panelistId), sequence: ballot.sequence),
                    (ballot.continuation, result), &state)
            }
        }
        for (continuation, result) in answers { continuation.resume(with: result) }
        let more = state.withLock { state in
            if state.waiting.isEmpty { state.writing = false }
            return state.writing
        }
        if more { scheduleBatch() }
    }

    /// One transaction for the batch; the results in the batch's order, final only once this returns (after the
    /// commit). A refused vote writes nothing (every check comes before its one write), so it needs no savepoint;
    /// a write that fails is undone by SQLite on its own, and the rest of the batch still commits. Each receipt
    /// carries the vote stored at the commit: the last receipt of a panelist in the batch saw every earlier write.
    static func record(_ batch: [Ballot], in db: Database) -> [Result<VoteReceipt, any Error>] {
        var results: [Result<VoteReceipt, any Error>] = []
        results.reserveCapacity(batch.count)
        var windows: [Int64: VotingWindow] = [:]
        do {
            try db.inTransaction(.immediate) {
                for ballot in batch {
                    results.append(
                        Result {
                            try AppDatabase.recordVote(
                                db, roundId: ballot.roundId, panelistId: ballot.panelistId, choice: ballot.choice,
                                now: ballot.now, sequence: ballot.sequence, windows: &windows)
                        })
                }
                return .commit
            }
            var stored: [Voter: Vote] = [:]
            for case .success(let receipt) in results { stored[Voter(receipt.vote)] = receipt.vote }
            return results.map { result in
                result.map { receipt in
                    var receipt = receipt
                    receipt.vote = stored[Voter(receipt.vote)] ?? receipt.vote
                    return receipt
                }
            }
        } catch {
            return batch.map { _ in .failure(error) }
        }
    }
}

extension BallotBox {
    /// One panelist in one round: whose vote a receipt is.
    struct Voter: Hashable, Sendable {
        var roundId: Int64
        var panelistId: Int64

        init(roundId: Int64, panelistId: Int64) {
            self.roundId = roundId
            self.panelistId = panelistId
        }

        init(_ vote: Vote) {
            self.init(roundId: vote.roundId, panelistId: vote.panelistId)
        }
    }

    typealias Answer = (CheckedContinuation<VoteReceipt, any Error>, Result<VoteReceipt, any Error>)

    /// Under the lock: `ticket` is answered (`outcome`: its caller and result) or withdrawn (nil). Returns the answers
    /// that may go out now: this one, unless a vote of the panelist received after it is still out, and those held
    /// for no later vote any more — each naming the vote stored now. An error is never held.
    static func settle(_ ticket: Ticket, _ outcome: Answer?, _ state: inout State) -> [Answer] {
        let voter = ticket.voter
        var received = state.received[voter] ?? []
        if let index = received.firstIndex(of: ticket.sequence) { received.remove(at: index) }
        var answers: [Answer] = []
        var held = state.held[voter] ?? []
        if let (continuation, result) = outcome {
            if case .success(let receipt) = result {
                state.stored[voter] = receipt.vote
                held.append(Held(sequence: ticket.sequence, receipt: receipt, continuation: continuation))
            } else {
                answers.append((continuation, result))
            }
        }
        held.removeAll { waiting in
            guard !received.contains(where: { $0 > waiting.sequence }) else { return false }
            var receipt = waiting.receipt
            receipt.vote = state.stored[voter] ?? receipt.vote
            answers.append((waiting.continuation, .success(receipt)))
            return true
        }
        state.received[voter] = received.isEmpty ? nil : received
        state.held[voter] = held.isEmpty ? nil : held
        if received.isEmpty { state.stored[voter] = nil }
        return answers
    }
}
