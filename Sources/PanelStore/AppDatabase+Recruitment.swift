import Foundation
import GRDB
import PanelCore

/// What became of a join mail.
public enum JoinOutcome: Sendable, Equatable {
    /// A new (or returning) volunteer; the questions mail is on its way.
    case joined(volunteerId: Int64)
    /// No valid, unused code in the mail; the sender gets one polite answer a day at most.
    case unknownCode
}

/// One row of `panel report`: a category value on the panel against the population and the quota.
public struct CompositionRow: Sendable, Equatable {
    public var category: String
    public var value: String
    public var panel: Int
    public var panelShare: Double
    public var populationShare: Double?
}

extension AppDatabase {
    /// Stores the codes of a register draw (idempotent: the same seed gives the same codes).
    public func recordInvitations(municipalityId: String, sample: RegisterSample, seed: UInt64, now: Date) throws -> Int {
        try writer.write { db in
            guard try Municipality.exists(db, key: municipalityId) else { throw StoreError.unknownMunicipality(municipalityId) }
            var added = 0
            for invitation in sample.invitations {
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO invitation (code, municipalityId, registerId, household, seed, drawnAt)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        invitation.code.value, municipalityId, invitation.row.id, invitation.row.household,
                        Int64(bitPattern: seed), now,
                    ])
                added += db.changesCount
            }
            try Self.audit(
                db, actor: "moderator", action: "panel.invite", subject: "municipality \(municipalityId)",
                detail: "\(sample.invitations.count) codes, seed \(seed)", now: now)
            return added
        }
    }

    /// The background questions of a municipality: its own, or the defaults (with its districts from the margins).
    public func backgroundQuestions(municipalityId: String) throws -> [BackgroundQuestion] {
        try writer.read { db in try Self.backgroundQuestions(db, municipalityId: municipalityId) }
    }

    static func backgroundQuestions(_ db: Database, municipalityId: String) throws -> [BackgroundQuestion] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT category, value FROM backgroundQuestion WHERE municipalityId = ? ORDER BY category, position",
            arguments: [municipalityId])
        if !rows.isEmpty {
            var order: [String] = []
            var options: [String: [String]] = [:]
            for row in rows {
                let category: String = row["category"]
                if options[category] == nil { order.append(category) }
                options[category, default: []].append(row["value"])
            }
            let known = BackgroundQuestion.panelCategories
            order.sort { (known.firstIndex(of: $0) ?? 99, $0) < (known.firstIndex(of: $1) ?? 99, $1) }
            return order.map { BackgroundQuestion(category: $0, text: BackgroundQuestion.text(for: $0), options: options[$0]!) }
        }
        let districts = try String.fetchAll(
            db, sql: "SELECT category FROM margin WHERE municipalityId = ? AND variable = 'district' ORDER BY category",
            arguments: [municipalityId])
        return BackgroundQuestion.defaults(districts: districts)
    }

    /// Replaces a municipality's background questions (`category,value` rows in order).
    public func setBackgroundQuestions(municipalityId: String, options: [(category: String, value: String)]) throws {
        try writer.write { db in
            guard try Municipality.exists(db, key: municipalityId) else { throw StoreError.unknownMunicipality(municipalityId) }
            try db.execute(sql: "DELETE FROM backgroundQuestion WHERE municipalityId = ?", arguments: [municipalityId])
            for (position, option) in options.enumerated() {
                try db.execute(
                    sql:
                        "INSERT OR IGNORE INTO backgroundQuestion (municipalityId, category, position, value) VALUES (?, ?, ?, ?)",
                    arguments: [municipalityId, option.category, position, option.value])
            }
        }
    }

    /// A resident mails a code: a volunteer (pending) and the questions mail, with the join mail recorded, in one
    /// transaction. A code works for one address; the same address may join again (a lost mail). An unknown code
    /// is answered only when `answerUnknown` (our MTA vouched for the sender): else the From may be forged, and
    /// the answer would go to a stranger (backscatter); it is recorded as `join-unknown:unanswered`.
    public func join(
        codes: [InvitationCode], email: String, inbound: InboundMail, answerUnknown: Bool, now: Date, messageDomain: String
    ) throws -> JoinOutcome {
        try writer.write { db in
            if let filed = try InboundMail.filter(Column("spoolName") == inbound.spoolName).fetchOne(db) {
                let volunteer = try VolunteerRecord.filter(Column("email") == email.lowercased())
                    .order(Column("id").desc).fetchOne(db)
                return filed.detail?.hasPrefix("join-unknown") == true || volunteer == nil
                    ? .unknownCode : .joined(volunteerId: volunteer!.id!)
            }
            var inbound = inbound
            let address = email.lowercased()
            var found: (code: String, municipalityId: String, household: String?)?
            for code in codes {
                guard
                    let row = try Row.fetchOne(
                        db, sql: "SELECT code, municipalityId, household, usedAt FROM invitation WHERE code = ?",
                        arguments: [code.value])
                else { continue }
                let usedBy = try String.fetchOne(
                    db, sql: "SELECT email FROM volunteer WHERE invitationCode = ?", arguments: [code.value])
                if row["usedAt"] as Date? != nil, usedBy != address { continue }
                found = (row["code"], row["municipalityId"], row["household"])
                break
            }
            guard let found else {
                inbound.detail = answerUnknown ? "join-unknown" : "join-unknown:unanswered"
                try inbound.insert(db)
                guard answerUnknown else { return .unknownCode }
                // One answer per sender per day: a flood of bad codes does not become a flood of mail.
                let answeredToday =
                    try Int.fetchOne(
                        db,
                        sql: """
                            SELECT COUNT(*) FROM outbox WHERE kind = 'join-unknown' AND toAddress = ? AND createdAt > ?
                            """,
                        arguments: [address, now.addingTimeInterval(-86_400)]) ?? 0
                if answeredToday == 0 {
                    try IntakeOutbox(db: db, caseId: nil, version: 0, now: now, domain: messageDomain)
                        .add(.joinUnknown, recipientKey: "i\(inbound.id!)", to: address, inboundId: inbound.id)
                }
                return .unknownCode
            }
            inbound.detail = "join:\(found.code)"
            try inbound.insert(db)
            var volunteer =
                try VolunteerRecord.filter(Column("municipalityId") == found.municipalityId && Column("email") == address)
                .fetchOne(db)
                ?? VolunteerRecord(
                    id: nil, municipalityId: found.municipalityId, email: address, invitationCode: found.code,
                    household: found.household, answers: "{}", status: .pending, createdAt: now)
            if volunteer.status == .withdrawn { volunteer.status = .pending }
            try volunteer.save(db)
            try db.execute(
                sql: "UPDATE invitation SET usedAt = COALESCE(usedAt, ?) WHERE code = ?", arguments: [now, found.code])
            try IntakeOutbox(db: db, caseId: nil, version: Int(volunteer.id!), now: now, domain: messageDomain)
                .add(.join, recipientKey: "v\(volunteer.id!)", to: address, inboundId: inbound.id)
            return .joined(volunteerId: volunteer.id!)
        }
    }

    public func volunteer(_ id: Int64) throws -> VolunteerRecord? {
        try writer.read { db in try VolunteerRecord.fetchOne(db, key: id) }
    }

    public func volunteers(municipalityId: String, status: VolunteerRecord.Status? = nil) throws -> [VolunteerRecord] {
        try writer.read { db in
            var request = VolunteerRecord.filter(Column("municipalityId") == municipalityId)
            if let status { request = request.filter(Column("status") == status.rawValue) }
            return try request.order(Column("id")).fetchAll(db)
        }
    }

    /// One background answer from a link; only values the municipality asks for are kept.
    @discardableResult
    public func recordAnswer(volunteerId: Int64, category: String, value: String) throws -> VolunteerRecord {
        try writer.write { db in
            guard var volunteer = try VolunteerRecord.fetchOne(db, key: volunteerId) else { throw StoreError.unknownPanelist }
            let questions = try Self.backgroundQuestions(db, municipalityId: volunteer.municipalityId)
            guard questions.contains(where: { $0.category == category && $0.options.contains(value) }) else {
                throw StoreError.unknownPanelist
            }
            var answers = volunteer.answerValues
            answers[category] = value
            volunteer.answers = String(decoding: try JSONEncoder.sorted.encode(answers), as: UTF8.self)
            try volunteer.update(db)
            // Someone already on the panel updates their profile too.
            if let column = ["age_band": "ageBand", "gender": "gender", "district": "district", "education": "education"][
                category]
            {
                try db.execute(
                    sql: "UPDATE panelist SET \(column) = ? WHERE volunteerId = ? AND erasedAt IS NULL",
                    arguments: [value, volunteerId])
            }
            return volunteer
        }
    }

    /// The double opt-in: only a confirmed volunteer can be selected.
    @discardableResult
    public func confirmVolunteer(_ volunteerId: Int64, now: Date) throws -> VolunteerRecord {
        try writer.write { db in
            guard var volunteer = try VolunteerRecord.fetchOne(db, key: volunteerId) else { throw StoreError.unknownPanelist }
            if volunteer.status == .pending {
                volunteer.status = .confirmed
                volunteer.confirmedAt = now
                try volunteer.update(db)
            }
            return volunteer
        }
    }

    /// Makes the selected volunteers panelists (term ending at `termEndsAt`), in one transaction.
    public func admitVolunteers(_ ids: [Int64], termEndsAt: Date?, now: Date) throws -> Int {
        try writer.write { db in
            let admitted = try Self.admit(db, ids, termEndsAt: termEndsAt, now: now)
            try Self.audit(
                db, actor: "moderator", action: "panel.select", subject: "volunteers", detail: "\(admitted) admitted", now: now)
            return admitted
        }
    }

    /// Ends the terms that are over: those panelists leave the panel (their volunteer record says so).
    public func endTerms(municipalityId: String, now: Date) throws -> Int {
        try writer.write { db in
            try db.execute(
                sql: """
                    UPDATE volunteer SET status = 'withdrawn' WHERE id IN (
                      SELECT volunteerId FROM panelist WHERE municipalityId = ? AND termEndsAt <= ? AND status = 'active')
                    """,
                arguments: [municipalityId, now])
            try db.execute(
                sql:
                    "UPDATE panelist SET status = 'unsubscribed', updatedAt = ? WHERE municipalityId = ? AND termEndsAt <= ? AND status = 'active'",
                arguments: [now, municipalityId, now])
            return db.changesCount
        }
    }

    /// The panel against the population margins, per category value.
    public func composition(municipalityId: String, now: Date) throws -> [CompositionRow] {
        try writer.read { db in
            let panel = try Panelist.filter(Panelist.Columns.municipalityId == municipalityId).fetchAll(db)
                .filter { $0.isReachable(at: now) || ($0.status == .active && $0.erasedAt == nil) }
            var margins: [String: [String: Double]] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT variable, category, share FROM margin WHERE municipalityId = ?", arguments: [municipalityId])
            {
                margins[row["variable"], default: [:]][row["category"]] = row["share"]
            }
            var rows: [CompositionRow] = []
            for category in BackgroundQuestion.panelCategories {
                var counts: [String: Int] = [:]
                for panelist in panel {
                    let value = panelist.value(of: category) ?? "(onbekend)"
                    counts[value, default: 0] += 1
                }
                let values = Set(counts.keys).union(margins[category]?.keys ?? [:].keys).sorted()
                for value in values where !(counts[value] == nil && margins[category]?[value] == nil) {
                    let count = counts[value] ?? 0
                    rows.append(
                        CompositionRow(
                            category: category, value: value, panel: count,
                            panelShare: panel.isEmpty ? 0 : Double(count) / Double(panel.count),
                            populationShare: margins[category]?[value]))
                }
            }
            return rows
        }
    }
}

extension Panelist {
    /// The panelist's value for a background category (`age_band`, `gender`, `district`, `education`).
    public func value(of category: String) -> String? {
        switch category {
        case "age_band": ageBand
        case "gender": gender
        case "district": district
        case "education": education
        default: nil
        }
    }
}

extension JSONEncoder {
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
