import Foundation
import GRDB
import PanelCore

/// What the vote page needs to show before anything is recorded.
public struct BallotContext: Sendable {
    public var round: Round
    public var panelCase: PanelCase
    public var panelist: Panelist
    public var currentChoice: VoteChoice?
}

/// The answer to a vote: what is stored once its transaction committed, with the round it counts in (the thank-you
/// page names the deadline).
public struct VoteReceipt: Sendable {
    /// The vote as stored after the commit: this one, or one received after it (from another click or device).
    public var vote: Vote
    public var round: Round
    /// The choice this vote asked for; it counts when it is `vote.choice`.
    public var choice: VoteChoice

    public init(vote: Vote, round: Round, choice: VoteChoice) {
        self.vote = vote
        self.round = round
        self.choice = choice
    }
}

extension AppDatabase {
    /// Checks that `panelistId` may vote in `roundId` at `now`, without recording anything.
    public func ballot(roundId: Int64, panelistId: Int64, now: Date) throws -> BallotContext {
        try writer.read { db in try Self.ballot(db, roundId: roundId, panelistId: panelistId, now: now) }
    }

    /// Records a vote in a transaction of its own; a later vote replaces an earlier one until the deadline.
    /// The intake goes through `BallotBox`, which gathers concurrent votes into one transaction.
    @discardableResult
    public func castVote(roundId: Int64, panelistId: Int64, choice: VoteChoice, now: Date) throws -> Vote {
        let sequence = VoteSequence.next()
        return try writer.write { db in
            var rounds: [Int64: Round] = [:]
            return try Self.recordVote(
                db, roundId: roundId, panelistId: panelistId, choice: choice, now: now, sequence: sequence,
                rounds: &rounds
            )
            .vote
        }
    }

    /// Inside a filing transaction: the panelist is still a member of the round (an erasure or a removal between
    /// the mailroom's first look and the filing would otherwise file mail for someone who is gone).
    static func requireMember(_ db: Database, roundId: Int64, panelistId: Int64) throws {
        let member =
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM roundMember WHERE roundId = ? AND panelistId = ?)",
                arguments: [roundId, panelistId]) ?? false
        guard member else { throw StoreError.notInPanel }
    }

    public func isMember(roundId: Int64, panelistId: Int64) throws -> Bool {
        try writer.read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM roundMember WHERE roundId = ? AND panelistId = ?)",
                arguments: [roundId, panelistId]) ?? false
        }
    }

    public func tally(roundId: Int64) throws -> Tally {
        try writer.read { db in
            let size = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM roundMember WHERE roundId = ?", arguments: [roundId]) ?? 0
            return try Self.tally(db, roundId: roundId, panelSize: size)
        }
    }

    /// Checks the ballot and records the vote, inside the caller's transaction. Changing one's choice counts in
    /// `changes`; confirming the same choice again only moves `castAt`. "The last vote counts" is the last one
    /// *received*: a stored vote with a higher `sequence` (`VoteSequence`) stays, and the receipt names it.
    ///
    /// This is the intake's hot path (`BallotBox` runs it for every vote of a batch), so it reads the round once
    /// per batch (`rounds`) and otherwise uses two cached statements: one read for panelist, membership and
    /// current vote, one write. Every check comes before the write, so a refused vote has written nothing and
    /// needs no savepoint. The checks and their errors are those of `ballot(_:roundId:panelistId:now:)`.
    static func recordVote(
        _ db: Database, roundId: Int64, panelistId: Int64, choice: VoteChoice, now: Date, sequence: Int64,
        rounds: inout [Int64: Round]
    ) throws -> VoteReceipt {
        let round: Round
        if let known = rounds[roundId] {
            round = known
        } else {
            guard let fetched = try Round.fetchOne(db, key: roundId) else { throw StoreError.unknownRound(roundId) }
            rounds[roundId] = fetched
            round = fetched
        }
        let standing = try db.cachedStatement(
            sql: """
                SELECT EXISTS (SELECT 1 FROM panelist WHERE id = :panelist),
                       EXISTS (SELECT 1 FROM roundMember WHERE roundId = :round AND panelistId = :panelist),
                       (SELECT choice FROM vote WHERE roundId = :round AND panelistId = :panelist),
                       (SELECT changes FROM vote WHERE roundId = :round AND panelistId = :panelist),
                       (SELECT sequence FROM vote WHERE roundId = :round AND panelistId = :panelist)
                """)
        guard let row = try Row.fetchOne(standing, arguments: ["round": roundId, "panelist": panelistId]) else {
            throw StoreError.unknownPanelist
        }
        guard row[0] as Bool else { throw StoreError.unknownPanelist }
        guard row[1] as Bool else { throw StoreError.notInPanel }
        switch round.state {
        case .scheduled, .discussion: throw StoreError.votingNotOpen
        case .closed: throw StoreError.votingClosed
        case .voting: if now >= round.deadline { throw StoreError.votingClosed }
        }
        var vote = Vote(roundId: roundId, panelistId: panelistId, choice: choice, castAt: now, changes: 0)
        if let current = row[2] as VoteChoice? {
            if (row[4] as Int64? ?? 0) >= sequence {
                // A vote received after this one (committed first) is stored: it stays, and this one is told so.
                let stored = try Vote.find(db, key: ["roundId": roundId, "panelistId": panelistId])
                return VoteReceipt(vote: stored, round: round, choice: choice)
            }
            vote.changes = (row[3] as Int? ?? 0) + (current == choice ? 0 : 1)
            let update = try db.cachedStatement(
                sql: """
                    UPDATE vote SET choice = ?, castAt = ?, changes = ?, sequence = ? WHERE roundId = ? AND panelistId = ?
                    """)
            try update.execute(arguments: [choice, now, vote.changes, sequence, roundId, panelistId])
        } else {
            let insert = try db.cachedStatement(
                sql: "INSERT INTO vote (roundId, panelistId, choice, castAt, changes, sequence) VALUES (?, ?, ?, ?, 0, ?)")
            try insert.execute(arguments: [roundId, panelistId, choice, now, sequence])
        }
        return VoteReceipt(vote: vote, round: round, choice: choice)
    }

    static func ballot(_ db: Database, roundId: Int64, panelistId: Int64, now: Date) throws -> BallotContext {
        guard let round = try Round.fetchOne(db, key: roundId),
            let panelCase = try PanelCase.fetchOne(db, key: round.caseId)
        else { throw StoreError.unknownRound(roundId) }
        guard let panelist = try Panelist.fetchOne(db, key: panelistId) else { throw StoreError.unknownPanelist }
        let member =
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM roundMember WHERE roundId = ? AND panelistId = ?)",
                arguments: [roundId, panelistId]) ?? false
        guard member else { throw StoreError.notInPanel }
        switch round.state {
        case .scheduled, .discussion: throw StoreError.votingNotOpen
        case .closed: throw StoreError.votingClosed
        case .voting: if now >= round.deadline { throw StoreError.votingClosed }
        }
        let current = try Vote.fetchOne(db, key: ["roundId": roundId, "panelistId": panelistId])?.choice
        return BallotContext(round: round, panelCase: panelCase, panelist: panelist, currentChoice: current)
    }
}
