import Crypto
import Foundation
import GRDB

/// One entry of the audit log: who did what to which case, municipality or panelist. Never a mail body, an
/// address or a token: subjects are ids.
public struct AuditEntry: Sendable, Equatable, Codable, FetchableRecord {
    public var id: Int64
    public var at: Date
    public var actor: String
    public var action: String
    public var subject: String
    public var detail: String
    public var previousHash: String
    public var hash: String
}

/// What `audit verify` found.
public struct AuditVerification: Sendable, Equatable {
    public var entries: Int
    /// The hash of the newest entry: write it down (or mail it away) to detect a cut-off tail later.
    public var head: String
    /// The first entry whose hash or link does not match, and why.
    public var firstBroken: (id: Int64, reason: String)?

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.entries == rhs.entries && lhs.head == rhs.head && lhs.firstBroken?.id == rhs.firstBroken?.id
    }
}

extension AppDatabase {
    static let auditGenesis = String(repeating: "0", count: 64)

    /// Appends an entry inside the caller's transaction, so the action and its record commit together.
    static func audit(_ db: Database, actor: String, action: String, subject: String, detail: String = "", now: Date) throws {
        let previous = try String.fetchOne(db, sql: "SELECT hash FROM auditLog ORDER BY id DESC LIMIT 1") ?? auditGenesis
        // Whole milliseconds, as the database stores them, so verification recomputes the same bytes.
        let at = Date(timeIntervalSince1970: (now.timeIntervalSince1970 * 1000).rounded(.down) / 1000)
        let hash = auditHash(previous: previous, at: at, actor: actor, action: action, subject: subject, detail: detail)
        try db.execute(
            sql: "INSERT INTO auditLog (at, actor, action, subject, detail, previousHash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [at, actor, action, subject, detail, previous, hash])
    }

    static func auditHash(previous: String, at: Date, actor: String, action: String, subject: String, detail: String) -> String {
        let millis = Int64((at.timeIntervalSince1970 * 1000).rounded())
        // Length-prefixed fields: no two different entries give the same bytes.
        let fields = [previous, String(millis), actor, action, subject, detail]
        let canonical = fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
        return SHA256.hash(data: Array(canonical.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Records an action taken outside a store transaction (keys, backups).
    public func audit(actor: String, action: String, subject: String, detail: String = "", now: Date = Date()) throws {
        try writer.write { db in try Self.audit(db, actor: actor, action: action, subject: subject, detail: detail, now: now) }
    }

    public func auditEntries(limit: Int = 100) throws -> [AuditEntry] {
        try writer.read { db in
            try AuditEntry.fetchAll(
                db, sql: "SELECT * FROM (SELECT * FROM auditLog ORDER BY id DESC LIMIT ?) ORDER BY id", arguments: [limit])
        }
    }

    /// Recomputes the chain from the first entry.
    public func verifyAudit() throws -> AuditVerification {
        try writer.read { db in
            var previous = Self.auditGenesis
            var count = 0
            let cursor = try AuditEntry.fetchCursor(db, sql: "SELECT * FROM auditLog ORDER BY id")
            while let entry = try cursor.next() {
                count += 1
                if entry.previousHash != previous {
                    return AuditVerification(
                        entries: count, head: previous,
                        firstBroken: (entry.id, "it does not follow the entry before it (removed or reordered)"))
                }
                let expected = Self.auditHash(
                    previous: previous, at: entry.at, actor: entry.actor, action: entry.action, subject: entry.subject,
                    detail: entry.detail)
                if expected != entry.hash {
                    return AuditVerification(entries: count, head: previous, firstBroken: (entry.id, "its contents were changed"))
                }
                previous = entry.hash
            }
            return AuditVerification(entries: count, head: previous, firstBroken: nil)
        }
    }
}
