import Foundation
import GRDB
import PanelCore

/// What `case show` prints: the case, its round, and the counts that matter to a moderator.
public struct CaseOverview: Sendable {
    public var panelCase: PanelCase
    public var round: Round?
    public var panelSize: Int
    public var votes: Tally?
    public var messagesByState: [OutboxMessage.State: Int]
}

extension AppDatabase {
    public func submitCase(municipalityId: String, file: CaseFile, source: String, now: Date = Date()) throws -> Int64 {
        try writer.write { db in
            guard try Municipality.exists(db, key: municipalityId) else {
                throw StoreError.unknownMunicipality(municipalityId)
            }
            var record = PanelCase(
                id: nil, municipalityId: municipalityId, title: file.title, domain: file.domain,
                consentReference: file.consentReference, decision: file[.decision],
                municipalityView: file[.municipalityView], applicantView: file[.applicantView],
                framework: file[.framework], question: file[.question], source: source, status: .submitted,
                createdAt: now)
            try record.insert(db)
            return record.id!
        }
    }

    /// Approves a case for publication with `timeline`. Re-approving before publication moves the timeline.
    @discardableResult
    public func approveCase(_ caseId: Int64, timeline: Timeline) throws -> Round {
        try writer.write { db in
            guard var panelCase = try PanelCase.fetchOne(db, key: caseId) else { throw StoreError.unknownCase(caseId) }
            if var round = try Round.filter(Round.Columns.caseId == caseId).fetchOne(db) {
                guard round.state == .scheduled else {
                    throw StoreError.caseAlreadyRunning(caseId, state: round.state.rawValue)
                }
                round.publishAt = timeline.publishAt
                round.voteAt = timeline.voteAt
                round.voteReminderAt = timeline.voteReminderAt
                round.deadline = timeline.deadline
                try round.update(db)
                return round
            }
            panelCase.status = .approved
            try panelCase.update(db)
            var round = Round(
                id: nil, caseId: caseId, state: .scheduled, publishAt: timeline.publishAt, voteAt: timeline.voteAt,
                voteReminderAt: timeline.voteReminderAt, deadline: timeline.deadline)
            try round.insert(db)
            return round
        }
    }

    public func cases(municipalityId: String? = nil) throws -> [(PanelCase, Round?)] {
        try writer.read { db in
            var request = PanelCase.order(Column("id"))
            if let municipalityId { request = request.filter(Column("municipalityId") == municipalityId) }
            return try request.fetchAll(db).map { panelCase in
                (panelCase, try Round.filter(Round.Columns.caseId == panelCase.id!).fetchOne(db))
            }
        }
    }

    public func caseOverview(_ caseId: Int64) throws -> CaseOverview {
        try writer.read { db in
            guard let panelCase = try PanelCase.fetchOne(db, key: caseId) else { throw StoreError.unknownCase(caseId) }
            let round = try Round.filter(Round.Columns.caseId == caseId).fetchOne(db)
            var panelSize = 0
            var votes: Tally?
            var messages: [OutboxMessage.State: Int] = [:]
            if let roundId = round?.id {
                panelSize =
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM roundMember WHERE roundId = ?", arguments: [roundId]) ?? 0
                votes = try Self.tally(db, roundId: roundId, panelSize: panelSize)
                let rows = try Row.fetchAll(
                    db, sql: "SELECT state, COUNT(*) AS n FROM outbox WHERE roundId = ? GROUP BY state", arguments: [roundId])
                for row in rows {
                    if let state = OutboxMessage.State(rawValue: row["state"]) { messages[state] = row["n"] }
                }
            }
            return CaseOverview(panelCase: panelCase, round: round, panelSize: panelSize, votes: votes, messagesByState: messages)
        }
    }

    public func round(_ id: Int64) throws -> Round? {
        try writer.read { db in try Round.fetchOne(db, key: id) }
    }

    static func tally(_ db: Database, roundId: Int64, panelSize: Int) throws -> Tally {
        let support = try Vote.filter(Vote.Columns.roundId == roundId && Vote.Columns.choice == VoteChoice.support).fetchCount(db)
        let oppose = try Vote.filter(Vote.Columns.roundId == roundId && Vote.Columns.choice == VoteChoice.oppose).fetchCount(db)
        return Tally(support: support, oppose: oppose, panelSize: panelSize)
    }
}
