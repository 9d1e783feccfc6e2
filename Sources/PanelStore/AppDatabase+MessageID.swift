import Foundation
import GRDB
import PanelCore

extension AppDatabase {
    /// The Message-ID of the outbox message named `key` (`case.r3.p42`) in this installation: `MessageID.make` with
    /// the database's salt (migration v15).
    static func messageId(_ db: Database, key: String, domain: String) throws -> String {
        // A cached statement: a round's publish asks once per member (10,000 times for a large panel).
        let statement = try db.cachedStatement(sql: "SELECT messageIdSalt FROM installation WHERE id = 1")
        guard let salt = try Data.fetchOne(statement) else {
            throw StoreError.missingInstallation
        }
        return MessageID.make(salt: [UInt8](salt), key: key, domain: domain)
    }
}
