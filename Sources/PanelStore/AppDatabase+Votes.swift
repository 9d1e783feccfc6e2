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

/// A vote that was recorded, with the round it counts in (the thank-you page names the deadline).
public struct VoteReceipt: Sendable {
    public var vote: Vote
    public var round: Round
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
        try writer.write { db in try Self.recordVote(db, roundId: roundId, panelistId: panelistId, choice: choice, now: now).vote
        }
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
    /// `changes`; confirming the same choice again only moves `castAt`.
    static func recordVote(_ db: Database, roundId: Int64, panelistId: Int64, choice: VoteChoice, now: Date) throws
        -> VoteReceipt
    {
        let ballot = try Self.ballot(db, roundId: roundId, panelistId: panelistId, now: now)
        if ballot.currentChoice != nil,
            var vote = try Vote.fetchOne(db, key: ["roundId": roundId, "panelistId": panelistId])
        {
            if vote.choice != choice { vote.changes += 1 }
            vote.choice = choice
            vote.castAt = now
            try vote.update(db)
            return VoteReceipt(vote: vote, round: ballot.round)
        }
        let vote = Vote(roundId: roundId, panelistId: panelistId, choice: choice, castAt: now, changes: 0)
        try vote.insert(db)
        return VoteReceipt(vote: vote, round: ballot.round)
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
