import Foundation
import GRDB
import PanelCore

extension AppDatabase {
    public func addMunicipality(id: String, name: String, email: String, now: Date = Date()) throws {
        try writer.write { db in
            if try Municipality.exists(db, key: id) { throw StoreError.municipalityExists(id) }
            try Municipality(id: id, name: name, email: email, createdAt: now).insert(db)
            try Self.audit(db, actor: "moderator", action: "municipality.add", subject: "municipality \(id)", now: now)
        }
    }

    public func municipality(_ id: String) throws -> Municipality? {
        try writer.read { db in try Municipality.fetchOne(db, key: id) }
    }

    /// Replaces the names of the municipality's staff (masked in every text like a panelist's name).
    public func setStaffNames(_ names: [String], municipalityId: String, now: Date = Date()) throws {
        try writer.write { db in
            guard var municipality = try Municipality.fetchOne(db, key: municipalityId) else {
                throw StoreError.unknownMunicipality(municipalityId)
            }
            let cleaned = names.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            municipality.staffNames = cleaned.isEmpty ? nil : cleaned.joined(separator: "\n")
            try municipality.update(db)
            try Self.audit(
                db, actor: "moderator", action: "municipality.staff", subject: "municipality \(municipalityId)",
                detail: "\(cleaned.count) names", now: now)
        }
    }

    /// The names no text of this round may show: every panelist of the round and the municipality's staff.
    public func personalNames(roundId: Int64) throws -> [String] {
        try writer.read { db in
            var names = try String.fetchAll(
                db,
                sql: """
                    SELECT p.name FROM roundMember m JOIN panelist p ON p.id = m.panelistId
                    WHERE m.roundId = ? AND p.name IS NOT NULL
                    """, arguments: [roundId])
            let staff = try String.fetchOne(
                db,
                sql: """
                    SELECT mu.staffNames FROM round r JOIN panelCase c ON c.id = r.caseId
                    JOIN municipality mu ON mu.id = c.municipalityId WHERE r.id = ?
                    """, arguments: [roundId])
            names += (staff ?? "").split(separator: "\n").map(String.init)
            return names
        }
    }

    public func municipalities() throws -> [Municipality] {
        try writer.read { db in try Municipality.order(Municipality.Columns.id).fetchAll(db) }
    }

    /// Adds new panelists and updates known ones (by e-mail), all in one transaction.
    /// A panelist who unsubscribed stays unsubscribed: an import never overrides their choice.
    public func importPanel(municipalityId: String, rows: [PanelistRow], now: Date = Date()) throws -> (added: Int, updated: Int)
    {
        try writer.write { db in
            guard try Municipality.exists(db, key: municipalityId) else {
                throw StoreError.unknownMunicipality(municipalityId)
            }
            var added = 0
            var updated = 0
            for row in rows {
                if var existing =
                    try Panelist
                    .filter(Panelist.Columns.municipalityId == municipalityId && Panelist.Columns.email == row.email)
                    .fetchOne(db)
                {
                    existing.name = row.name ?? existing.name
                    existing.ageBand = row.ageBand ?? existing.ageBand
                    existing.gender = row.gender ?? existing.gender
                    existing.district = row.district ?? existing.district
                    existing.education = row.education ?? existing.education
                    existing.updatedAt = now
                    try existing.update(db)
                    updated += 1
                } else {
                    var panelist = Panelist(
                        id: nil, municipalityId: municipalityId, email: row.email, name: row.name,
                        ageBand: row.ageBand, gender: row.gender, district: row.district, education: row.education,
                        status: .active, createdAt: now, updatedAt: now)
                    try panelist.insert(db)
                    added += 1
                }
            }
            try Self.audit(
                db, actor: "moderator", action: "panel.import", subject: "municipality \(municipalityId)",
                detail: "\(added) added, \(updated) updated", now: now)
            return (added, updated)
        }
    }

    public func panelists(municipalityId: String) throws -> [Panelist] {
        try writer.read { db in
            try Panelist.filter(Panelist.Columns.municipalityId == municipalityId).order(Panelist.Columns.id).fetchAll(db)
        }
    }

    public func panelist(_ id: Int64) throws -> Panelist? {
        try writer.read { db in try Panelist.fetchOne(db, key: id) }
    }

    /// One-click unsubscribe: no more mail for this panelist, from any future step.
    @discardableResult
    public func unsubscribe(panelistId: Int64, now: Date = Date()) throws -> Panelist {
        try writer.write { db in
            guard var panelist = try Panelist.fetchOne(db, key: panelistId) else { throw StoreError.unknownPanelist }
            if panelist.status != .unsubscribed {
                panelist.status = .unsubscribed
                panelist.updatedAt = now
                try panelist.update(db)
                try Self.cancelUnsentMail(db, panelistId: panelistId, reason: "not sent: the panelist unsubscribed")
            }
            return panelist
        }
    }

    /// Mail to a panelist that is not sent yet (pending, queued, deferred outside the window or after a relay
    /// failure, held) is given up with `reason`: someone who unsubscribed gets nothing more, and an address that
    /// bounced hard is not tried again. Recorded as `failed`, so `queue status` shows it; the spool copy goes with
    /// the next sweep. Mail written after this (an answer to MIJN GEGEVENS) is not affected.
    static func cancelUnsentMail(_ db: Database, panelistId: Int64, reason: String) throws {
        try db.execute(
            sql: """
                UPDATE outbox SET state = 'failed', nextAttemptAt = NULL, lastError = ?
                WHERE panelistId = ? AND state IN ('pending', 'queued', 'deferred', 'held')
                """,
            arguments: [reason, panelistId])
    }
}
