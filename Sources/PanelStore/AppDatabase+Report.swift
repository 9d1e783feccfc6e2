import Foundation
import GRDB
import PanelCore

/// One closed case in a periodic report to the council.
public struct ReportedCase: Sendable {
    public var panelCase: PanelCase
    public var round: Round
    public var questionsAsked: Int
    public var questionsAnswered: Int
}

extension AppDatabase {
    /// A municipality's cases whose round closed in [from, to).
    public func reportedCases(municipalityId: String, from: Date, to: Date) throws -> [ReportedCase] {
        try writer.read { db in
            guard try Municipality.exists(db, key: municipalityId) else { throw StoreError.unknownMunicipality(municipalityId) }
            let rounds = try Round.fetchAll(
                db,
                sql: """
                    SELECT r.* FROM round r JOIN panelCase c ON c.id = r.caseId
                    WHERE c.municipalityId = ? AND r.state = 'closed' AND r.closedAt >= ? AND r.closedAt < ?
                    ORDER BY r.closedAt, r.id
                    """,
                arguments: [municipalityId, from, to])
            return try rounds.map { round in
                let questions = try Question.filter(Column("roundId") == round.id!).fetchAll(db)
                return ReportedCase(
                    panelCase: try PanelCase.fetchOne(db, key: round.caseId)!, round: round, questionsAsked: questions.count,
                    questionsAnswered: questions.filter(\.isAnswered).count)
            }
        }
    }
}
