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

/// The answer to a vote: what is stored once its transaction committed, with the deadline of the round it counts in
/// (the thank-you page names it).
public struct VoteReceipt: Sendable {
    /// The vote as stored after the commit: this one, or one received after it (from another click or device).
    public var vote: Vote
    /// Until when the panelist may still change the vote.
    public var deadline: Date
    /// The choice this vote asked for; it counts when it is `vote.choice`.
    public var choice: VoteChoice

    public init(vote: Vote, deadline: Date, choice: VoteChoice) {
        self.vote = vote
        self.deadline = deadline
        self.choice = choice
    }
}

/// What a vote checks of its round: its state and deadline. The intake's hot path reads only these two columns
/// (decoding a whole `Round` per batch of votes was a quarter of the writer's time).
struct VotingWindow: Sendable {
    var state: RoundState
    var deadline: Date

    init(state: RoundState, deadline: Date) {
        self.state = state
        self.deadline = deadline
    }

    init(_ round: Round) {
        self.init(state: round.state, deadline: round.deadline)
    }

    /// Throws what stops a vote at `now`: voting not yet open, or closed (by the tick, or by the deadline passing).
    func check(at now: Date) throws {
        switch state {
        case .scheduled, .discussion: throw StoreError.votingNotOpen
        case .closed: throw StoreError.votingClosed
        case .voting: if now >= deadline { throw StoreError.votingClosed }
        }
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
            var windows: [Int64: VotingWindow] = [:]
            return try Self.recordVote(
                db, roundId: roundId, panelistId: panelistId, choice: choice, now: now, sequence: sequence,
                windows: &windows
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
    /// This is the intake's hot path (`BallotBox` runs it for every vote of a batch), so it reads the round's state
    /// and deadline once per batch (`windows`) and otherwise uses two cached statements: one read for membership and
    /// current vote, one write (a third, for whether the panelist exists at all, only when they are not a member).
    /// Every check comes before the write, so a refused vote has written nothing and needs no savepoint. The checks
    /// and their errors are those of `ballot(_:roundId:panelistId:now:)`.
    static func recordVote(
        _ db: Database, roundId: Int64, panelistId: Int64, choice: VoteChoice, now: Date, sequence: Int64,
        windows: inout [Int64: VotingWindow]
    ) throws -> VoteReceipt {
        let window: VotingWindow
        if let known = windows[roundId] {
            window = known
        } else {
            let read = try db.cachedStatement(sql: "SELECT state, deadline FROM round WHERE id = ?")
            guard let row = try Row.fetchOne(read, arguments: [roundId]) else { throw StoreError.unknownRound(roundId) }
            window = VotingWindow(state: row[0], deadline: row[1])
            windows[roundId] = window
        }
        // A member is a panelist (roundMember references panelist, cascading), so one row answers both checks.
        let standing = try db.cachedStatement(
            sql: """
                SELECT vote.choice, vote.changes, vote.sequence FROM roundMember
                LEFT JOIN vote ON vote.roundId = roundMember.roundId AND vote.panelistId = roundMember.panelistId
                WHERE roundMember.roundId = ? AND roundMember.panelistId = ?
                """)
        guard let row = try Row.fetchOne(standing, arguments: [roundId, panelistId]) else {
            let known = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM panelist WHERE id = ?)")
            throw try Bool.fetchOne(known, arguments: [panelistId]) == true
                ? StoreError.notInPanel : StoreError.unknownPanelist
        }
        try window.check(at: now)
        var vote = Vote(roundId: roundId, panelistId: panelistId, choice: choice, castAt: now, changes: 0)
        if let current = row[0] as VoteChoice? {
            if (row[2] as Int64? ?? 0) >= sequence {
                // A vote received after this one (committed first) is stored: it stays, and this one is told so.
                let stored = try Vote.find(db, key: ["roundId": roundId, "panelistId": panelistId])
                return VoteReceipt(vote: stored, deadline: window.deadline, choice: choice)
            }
            vote.changes = (row[1] as Int? ?? 0) + (current == choice ? 0 : 1)
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
        return VoteReceipt(vote: vote, deadline: window.deadline, choice: choice)
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
        try VotingWindow(round).check(at: now)
        let current = try Vote.fetchOne(db, key: ["roundId": roundId, "panelistId": panelistId])?.choice
        return BallotContext(round: round, panelCase: panelCase, panelist: panelist, currentChoice: current)
    }
}
