import Foundation
import GRDB
import PanelCore

extension AppDatabase {
    /// Records one evaluation answer of a round's member; a later click on the same question replaces it.
    public func recordEvaluation(roundId: Int64, panelistId: Int64, answer: EvaluationAnswer, now: Date) throws {
        try writer.write { db in
            guard
                try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM roundMember WHERE roundId = ? AND panelistId = ?)",
                    arguments: [roundId, panelistId]) == true
            else { throw StoreError.notInPanel }
            guard let round = try Round.fetchOne(db, key: roundId), round.state == .closed else { throw StoreError.votingNotOpen }
            try db.execute(
                sql: """
                    INSERT INTO evaluation (roundId, panelistId, question, answer, answeredAt) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (roundId, panelistId, question) DO UPDATE SET answer = excluded.answer, answeredAt = excluded.answeredAt
                    """,
                arguments: [roundId, panelistId, answer.question.rawValue, answer.value, now])
        }
    }

    /// The evaluation of the given rounds together.
    public func evaluationSummary(roundIds: [Int64]) throws -> EvaluationSummary {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql:
                    "SELECT panelistId, question, answer FROM evaluation WHERE roundId IN (\(roundIds.map { _ in "?" }.joined(separator: ",")))",
                arguments: StatementArguments(roundIds))
            return EvaluationSummary(
                answers: rows.compactMap { row in
                    EvaluationQuestion(rawValue: row["question"]).map { ($0, row["answer"], row["panelistId"]) }
                })
        }
    }
}
