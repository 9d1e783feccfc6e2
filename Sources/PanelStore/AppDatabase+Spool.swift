import Foundation
import GRDB

extension AppDatabase {
    /// A cheap check that the database answers (for `/healthz`).
    public func ping() throws {
        _ = try writer.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
    }

    /// The states of these outbox rows; an id without a row (erased, or never there) is absent.
    public func outboxStates(_ ids: [Int64]) throws -> [Int64: OutboxMessage.State] {
        try writer.read { db in
            var states: [Int64: OutboxMessage.State] = [:]
            for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
                let rows = try Row.fetchAll(
                    db, sql: "SELECT id, state FROM outbox WHERE id IN (\(chunk.map { _ in "?" }.joined(separator: ",")))",
                    arguments: StatementArguments(chunk))
                for row in rows {
                    if let state = OutboxMessage.State(rawValue: row["state"]) { states[row["id"]] = state }
                }
            }
            return states
        }
    }
}
