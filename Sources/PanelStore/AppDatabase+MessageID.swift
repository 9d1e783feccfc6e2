import Foundation
import GRDB
import PanelCore

extension AppDatabase {
    /// The Message-ID of the outbox message named `key` (`case.r3.p42`) in this installation: `MessageID.make` with
    /// the database's salt (migration v15).
    static func messageId(_ db: Database, key: String, domain: String) throws -> String {
        guard let salt = try Data.fetchOne(db, sql: "SELECT messageIdSalt FROM installation WHERE id = 1") else {
            throw StoreError.missingInstallation
        }
        return MessageID.make(salt: [UInt8](salt), key: key, domain: domain)
    }
}
