import Foundation
import GRDB
import PanelCore

/// One stored `panel select`: when, and everything it used and produced.
public struct SelectionRun: Sendable, Equatable {
    public var id: Int64
    public var municipalityId: String
    public var createdAt: Date
    public var record: SelectionRecord
}

/// One place on a draw's reserve list.
public struct ReservePlace: Sendable, Equatable {
    public enum Status: String, Sendable {
        /// Not asked yet.
        case waiting
        /// Offered an empty seat; the offer runs until `invitedAt` + `AppDatabase.seatOfferDays`.
        case invited
        case seated
        /// Did not take the offer in time.
        case lapsed
        /// No longer available (withdrew, joined the panel otherwise, erased).
        case gone
    }
    public var position: Int
    public var volunteerId: Int64
    public var status: Status
    public var invitedAt: Date?
}

/// A seat that fell empty, and who filled it.
public struct Vacancy: Sendable, Equatable {
    public enum Reason: String, Sendable {
        case bounced
        case unsubscribed
        /// Neither voted nor argued in their two latest closed rounds.
        case silent
    }
    public var panelistId: Int64
    public var reason: Reason
    public var openedAt: Date
    public var filledAt: Date?
    public var filledBy: Int64?
}

/// What one pass over the empty seats did.
public struct VacancyPass: Sendable, Equatable {
    public var opened: [Vacancy] = []
    public var invited: [Int64] = []
    public var lapsed = 0
    /// Municipalities with an empty seat and no reserve left who fits; the moderator must top up.
    public var unfilled: [String] = []
}

extension AppDatabase {
    /// How long a reserve has to take an offered seat before the next reserve is asked.
    public static let seatOfferDays = 14

    /// Residents drawn from the register for `municipalityId` (the invitation sample), for the draw's record.
    public func invitationCount(municipalityId: String) throws -> Int {
        try writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM invitation WHERE municipalityId = ?", arguments: [municipalityId])
                ?? 0
        }
    }

    /// Stores a draw and its reserve list, and seats its members, in one transaction. Returns the members admitted.
    public func recordSelection(municipalityId: String, record: SelectionRecord, termEndsAt: Date?, now: Date) throws -> (
        run: Int64, admitted: Int
    ) {
        try writer.write { db in
            guard try Municipality.exists(db, key: municipalityId) else { throw StoreError.unknownMunicipality(municipalityId) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try db.execute(
                sql: "INSERT INTO selectionRun (municipalityId, createdAt, record) VALUES (?, ?, ?)",
                arguments: [municipalityId, now, String(decoding: try encoder.encode(record), as: UTF8.self)])
            let run = db.lastInsertedRowID
            // A new draw replaces every earlier reserve list: those still waiting are no longer asked.
            try db.execute(
                sql: """
                    UPDATE reserve SET status = 'gone' WHERE status = 'waiting' AND selectionRunId IN
                      (SELECT id FROM selectionRun WHERE municipalityId = ? AND id <> ?)
                    """, arguments: [municipalityId, run])
            for (position, volunteerId) in record.reserves.enumerated() {
                try db.execute(
                    sql: "INSERT INTO reserve (selectionRunId, position, volunteerId) VALUES (?, ?, ?)",
                    arguments: [run, position + 1, volunteerId])
            }
            let admitted = try Self.admit(db, record.selected, termEndsAt: termEndsAt, now: now)
            try Self.audit(
                db, actor: "moderator", action: "panel.select", subject: "municipality \(municipalityId)",
                detail: "run \(run): \(admitted) admitted, \(record.reserves.count) reserves, seed \(record.seed)", now: now)
            return (run, admitted)
        }
    }

    /// The municipality's draws, oldest first.
    public func selectionRuns(municipalityId: String) throws -> [SelectionRun] {
        try writer.read { db in try Self.selectionRuns(db, municipalityId: municipalityId) }
    }

    static func selectionRuns(_ db: Database, municipalityId: String) throws -> [SelectionRun] {
        let decoder = JSONDecoder()
        return try Row.fetchAll(
            db, sql: "SELECT id, createdAt, record FROM selectionRun WHERE municipalityId = ? ORDER BY id",
            arguments: [municipalityId]
        ).map { row in
            let text: String = row["record"]
            guard let record = try? decoder.decode(SelectionRecord.self, from: Data(text.utf8)) else {
                throw StoreError.unreadableSelection(row["id"])
            }
            return SelectionRun(id: row["id"], municipalityId: municipalityId, createdAt: row["createdAt"], record: record)
        }
    }

    /// The reserve list of the municipality's latest draw, in order.
    public func reserves(municipalityId: String) throws -> [ReservePlace] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT position, volunteerId, status, invitedAt FROM reserve WHERE selectionRunId =
                      (SELECT MAX(id) FROM selectionRun WHERE municipalityId = ?) ORDER BY position
                    """, arguments: [municipalityId]
            ).map {
                ReservePlace(
                    position: $0["position"], volunteerId: $0["volunteerId"],
                    status: ReservePlace.Status(rawValue: $0["status"]) ?? .gone, invitedAt: $0["invitedAt"])
            }
        }
    }

    /// The municipality's empty seats, oldest first.
    public func vacancies(municipalityId: String) throws -> [Vacancy] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM vacancy WHERE municipalityId = ? ORDER BY openedAt, panelistId", arguments: [municipalityId]
            ).map(Self.vacancy)
        }
    }

    static func vacancy(_ row: Row) -> Vacancy {
        Vacancy(
            panelistId: row["panelistId"], reason: Vacancy.Reason(rawValue: row["reason"]) ?? .unsubscribed,
            openedAt: row["openedAt"], filledAt: row["filledAt"], filledBy: row["filledBy"])
    }

    /// How the municipality's current panel was drawn: its latest full draw, with the top-ups since; nil when the
    /// panel was imported and never drawn.
    static func panelDrawSummary(_ db: Database, municipalityId: String) throws -> PanelDrawSummary? {
        let runs = try selectionRuns(db, municipalityId: municipalityId)
        guard let base = runs.lastIndex(where: { !$0.record.isTopUp }) else { return nil }
        let draw = runs[base]
        let latest = runs.last!
        let seated =
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM vacancy WHERE municipalityId = ? AND filledAt >= ?",
                arguments: [municipalityId, draw.createdAt]) ?? 0
        return PanelDrawSummary(
            drawnAt: draw.createdAt, invited: draw.record.invited, volunteers: draw.record.pool.count, size: draw.record.size,
            seed: draw.record.seed, minimumProbability: draw.record.minimumProbability,
            medianProbability: draw.record.medianProbability, quotas: latest.record.quotaOutcomes,
            topUps: runs.count - base - 1, reservesSeated: seated, run: draw.id)
    }

    /// Seats confirmed volunteers as panelists (a former panelist with the same address comes back).
    static func admit(_ db: Database, _ ids: [Int64], termEndsAt: Date?, now: Date) throws -> Int {
        var admitted = 0
        for id in ids {
            guard var volunteer = try VolunteerRecord.fetchOne(db, key: id), volunteer.status == .confirmed else { continue }
            let answers = volunteer.answerValues
            if var existing = try Panelist.filter(
                Panelist.Columns.municipalityId == volunteer.municipalityId && Panelist.Columns.email == volunteer.email
            ).fetchOne(db) {
                existing.status = .active
                existing.volunteerId = id
                existing.termEndsAt = termEndsAt
                existing.updatedAt = now
                try existing.update(db)
            } else {
                var panelist = Panelist(
                    id: nil, municipalityId: volunteer.municipalityId, email: volunteer.email, name: nil,
                    ageBand: answers["age_band"], gender: answers["gender"], district: answers["district"],
                    education: answers["education"], status: .active, createdAt: now, updatedAt: now)
                panelist.household = volunteer.household
                panelist.volunteerId = id
                panelist.termEndsAt = termEndsAt
                try panelist.insert(db)
            }
            volunteer.status = .selected
            volunteer.selectedAt = now
            try volunteer.update(db)
            admitted += 1
        }
        return admitted
    }

    /// Who of a round's members voted, per group of each panel category, small counts hidden.
    static func participation(_ db: Database, roundId: Int64) throws -> Participation {
        let members = try Row.fetchAll(
            db,
            sql: """
                SELECT p.ageBand, p.gender, p.district, p.education, v.choice FROM roundMember m
                JOIN panelist p ON p.id = m.panelistId LEFT JOIN vote v ON v.roundId = m.roundId AND v.panelistId = m.panelistId
                WHERE m.roundId = ? ORDER BY m.panelistId
                """, arguments: [roundId]
        ).map { row in
            var profile: [String: String] = [:]
            for (category, column) in zip(BackgroundQuestion.panelCategories, ["ageBand", "gender", "district", "education"]) {
                if let value: String = row[column] { profile[category] = value }
            }
            let choice: String? = row["choice"]
            return Participation.Member(profile: profile, support: choice.map { $0 == VoteChoice.support.rawValue })
        }
        return Participation(members: members, categories: BackgroundQuestion.panelCategories)
    }

    // MARK: - Empty seats

    /// One pass over every municipality with a reserve list: opens a vacancy for each drawn member who bounced hard,
    /// unsubscribed before their term ended, or stayed silent through their two latest closed rounds (that member
    /// leaves the panel); lets offers older than `seatOfferDays` lapse; and offers each empty seat without an open
    /// offer to the next fitting reserve, by mail.
    public func fillVacancies(now: Date, messageDomain: String) throws -> VacancyPass {
        // Every tick runs this: look first in a read, so the usual "nothing to do" never takes the write lock (votes
        // commit meanwhile); the write repeats every check.
        let busy = try writer.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT s.municipalityId FROM selectionRun s JOIN reserve r ON r.selectionRunId = s.id
                    ORDER BY s.municipalityId
                    """
            ).filter { try Self.hasSeatWork(db, municipalityId: $0, now: now) }
        }
        guard !busy.isEmpty else { return VacancyPass() }
        return try writer.write { db in
            var pass = VacancyPass()
            for municipalityId in busy {
                let opened = try Self.openVacancies(
                    db, municipalityId: municipalityId, now: now, messageDomain: messageDomain)
                let lapsed = try Self.lapseOffers(db, municipalityId: municipalityId, now: now)
                let (invited, unfilled) = try Self.offerSeats(
                    db, municipalityId: municipalityId, now: now, messageDomain: messageDomain)
                pass.opened += opened
                pass.lapsed += lapsed
                pass.invited += invited
                // Said once, when a seat opens or an offer lapses with nobody left to ask; `panel report` keeps showing it.
                if unfilled && (!opened.isEmpty || lapsed > 0) { pass.unfilled.append(municipalityId) }
            }
            return pass
        }
    }

    /// Whether a municipality has a seat to open, an offer to lapse or an empty seat without an offer (a read).
    static func hasSeatWork(_ db: Database, municipalityId: String, now: Date) throws -> Bool {
        if try !leavers(db, municipalityId: municipalityId, now: now).isEmpty { return true }
        return try Bool.fetchOne(
            db,
            sql: """
                SELECT EXISTS (SELECT 1 FROM reserve r JOIN selectionRun s ON s.id = r.selectionRunId
                                WHERE s.municipalityId = ? AND r.status = 'invited' AND r.invitedAt <= ?)
                    OR (SELECT COUNT(*) FROM vacancy WHERE municipalityId = ? AND filledAt IS NULL)
                       > (SELECT COUNT(*) FROM reserve r JOIN selectionRun s ON s.id = r.selectionRunId
                          WHERE s.municipalityId = ? AND r.status = 'invited')
                """,
            arguments: [
                municipalityId, now.addingTimeInterval(-Double(seatOfferDays) * 86_400), municipalityId, municipalityId,
            ]) ?? false
    }

    /// Members whose seat is empty now and has no vacancy yet, with why: unsubscribed or erased before their term ended,
    /// or suspended after a hard bounce — after the latest draw, which accounted for earlier departures — or silent
    /// through their two latest closed rounds.
    static func leavers(_ db: Database, municipalityId: String, now: Date) throws -> [(id: Int64, reason: Vacancy.Reason)] {
        guard
            let drawnAt = try Date.fetchOne(
                db, sql: "SELECT MAX(createdAt) FROM selectionRun WHERE municipalityId = ?", arguments: [municipalityId])
        else { return [] }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT p.id, p.status, p.updatedAt, p.suspendedAt, p.suspendReason, p.termEndsAt,
                  (SELECT COUNT(*) FROM roundMember m JOIN round r ON r.id = m.roundId
                   WHERE m.panelistId = p.id AND r.state = 'closed') AS closedRounds
                FROM panelist p
                WHERE p.municipalityId = ? AND NOT EXISTS (SELECT 1 FROM vacancy v WHERE v.panelistId = p.id)
                  AND ((p.status = 'unsubscribed' AND p.updatedAt >= ?) OR p.suspendedAt >= ? OR p.status = 'active')
                ORDER BY p.id
                """, arguments: [municipalityId, drawnAt, drawnAt])
        var found: [(id: Int64, reason: Vacancy.Reason)] = []
        for row in rows {
            let id: Int64 = row["id"]
            let termRunning = (row["termEndsAt"] as Date?).map { $0 > now } ?? true
            if row["status"] as String == Panelist.Status.unsubscribed.rawValue {
                if termRunning { found.append((id, .unsubscribed)) }
            } else if let suspendedAt = row["suspendedAt"] as Date? {
                let hard = (row["suspendReason"] as String? ?? "").hasPrefix("hard bounce")
                if hard && suspendedAt >= drawnAt { found.append((id, .bounced)) }
            } else if row["closedRounds"] as Int >= 2, try silentThroughTwoRounds(db, panelistId: id) {
                found.append((id, .silent))
            }
        }
        return found
    }

    static func openVacancies(_ db: Database, municipalityId: String, now: Date, messageDomain: String) throws -> [Vacancy] {
        var opened: [Vacancy] = []
        for (id, reason) in try leavers(db, municipalityId: municipalityId, now: now) {
            if reason == .silent {
                try db.execute(
                    sql: "UPDATE panelist SET status = 'unsubscribed', updatedAt = ? WHERE id = ?", arguments: [now, id])
                try db.execute(
                    sql: "UPDATE volunteer SET status = 'withdrawn' WHERE id = (SELECT volunteerId FROM panelist WHERE id = ?)",
                    arguments: [id])
                try cancelUnsentMail(db, panelistId: id, reason: "left the panel: silent through two rounds")
                // They are told, once: thanks, and how to join again.
                if let panelist = try Panelist.fetchOne(db, key: id) {
                    try db.execute(
                        sql: """
                            INSERT OR IGNORE INTO outbox (kind, panelistId, municipalityId, recipientKey, sequence, toAddress,
                              messageId, state, createdAt, attempts)
                            VALUES (?, ?, ?, ?, 0, ?, ?, 'pending', ?, 0)
                            """,
                        arguments: [
                            MailKind.seatReleased, id, municipalityId, "p\(id)", panelist.email,
                            try messageId(db, key: "seat-released.p\(id)", domain: messageDomain), now,
                        ])
                }
            }
            try db.execute(
                sql: "INSERT INTO vacancy (panelistId, municipalityId, reason, openedAt) VALUES (?, ?, ?, ?)",
                arguments: [id, municipalityId, reason.rawValue, now])
            try audit(
                db, actor: "system", action: "panel.vacancy", subject: "panelist \(id)", detail: reason.rawValue, now: now)
            opened.append(Vacancy(panelistId: id, reason: reason, openedAt: now))
        }
        return opened
    }

    /// Whether the panelist was a member of at least two closed rounds and, in the latest two, neither voted nor
    /// sent an argument.
    static func silentThroughTwoRounds(_ db: Database, panelistId: Int64) throws -> Bool {
        let rounds = try Int64.fetchAll(
            db,
            sql: """
                SELECT r.id FROM roundMember m JOIN round r ON r.id = m.roundId
                WHERE m.panelistId = ? AND r.state = 'closed' ORDER BY r.closedAt DESC, r.id DESC LIMIT 2
                """, arguments: [panelistId])
        guard rounds.count == 2 else { return false }
        let spoke =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT (SELECT COUNT(*) FROM vote WHERE panelistId = ? AND roundId IN (?, ?))
                         + (SELECT COUNT(*) FROM argument WHERE panelistId = ? AND roundId IN (?, ?))
                    """, arguments: [panelistId, rounds[0], rounds[1], panelistId, rounds[0], rounds[1]]) ?? 0
        return spoke == 0
    }

    static func lapseOffers(_ db: Database, municipalityId: String, now: Date) throws -> Int {
        try db.execute(
            sql: """
                UPDATE reserve SET status = 'lapsed', answeredAt = ? WHERE status = 'invited' AND invitedAt <= ?
                  AND selectionRunId IN (SELECT id FROM selectionRun WHERE municipalityId = ?)
                """,
            arguments: [now, now.addingTimeInterval(-Double(seatOfferDays) * 86_400), municipalityId])
        return db.changesCount
    }

    /// Offers each empty seat that has no open offer to the next fitting reserve of the latest draw. Returns the
    /// volunteers invited and whether a seat stays empty for want of reserves.
    static func offerSeats(_ db: Database, municipalityId: String, now: Date, messageDomain: String) throws -> (
        [Int64], Bool
    ) {
        let empty =
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM vacancy WHERE municipalityId = ? AND filledAt IS NULL",
                arguments: [municipalityId]) ?? 0
        let runs = try selectionRuns(db, municipalityId: municipalityId)
        guard empty > 0, let run = runs.last else { return ([], false) }
        // Places whose reserve is no longer a confirmed volunteer are gone.
        try db.execute(
            sql: """
                UPDATE reserve SET status = 'gone' WHERE selectionRunId = ? AND status IN ('waiting', 'invited')
                  AND volunteerId NOT IN (SELECT id FROM volunteer WHERE status = 'confirmed')
                """, arguments: [run.id])
        let places = try Row.fetchAll(
            db, sql: "SELECT position, volunteerId, status FROM reserve WHERE selectionRunId = ? ORDER BY position",
            arguments: [run.id])
        let offered = places.filter { $0["status"] as String == "invited" }.map { $0["volunteerId"] as Int64 }
        var toOffer = empty - offered.count
        guard toOffer > 0 else { return ([], false) }
        let panel = try Panelist.filter(Panelist.Columns.municipalityId == municipalityId).fetchAll(db)
            .filter { $0.isReachable(at: now) }
            .map { panelist in
                Volunteer(
                    id: -panelist.id!, household: panelist.household,
                    features: Dictionary(
                        uniqueKeysWithValues: BackgroundQuestion.panelCategories.compactMap { category in
                            panelist.value(of: category).map { (category, $0) }
                        }))
            }
        func volunteer(_ id: Int64) throws -> Volunteer? {
            try VolunteerRecord.fetchOne(db, key: id).map {
                Volunteer(id: $0.id!, household: $0.household, features: $0.answerValues)
            }
        }
        var seatedOrOffered = panel + (try offered.compactMap(volunteer))
        var waiting = try places.filter { $0["status"] as String == "waiting" }.compactMap { try volunteer($0["volunteerId"]) }
        var invited: [Int64] = []
        while toOffer > 0,
            let next = ReserveList.nextFitting(panel: seatedOrOffered, reserves: waiting, quotas: run.record.quotas)
        {
            waiting.removeAll { $0.id == next.id }
            guard let record = try VolunteerRecord.fetchOne(db, key: next.id) else { continue }
            try db.execute(
                sql: "UPDATE reserve SET status = 'invited', invitedAt = ? WHERE selectionRunId = ? AND volunteerId = ?",
                arguments: [now, run.id, next.id])
            let messageId = try messageId(db, key: "seat-offer.run\(run.id).v\(next.id)", domain: messageDomain)
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO outbox (kind, municipalityId, recipientKey, sequence, toAddress, messageId, state,
                      createdAt, attempts)
                    VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, 0)
                    """,
                arguments: [MailKind.seatOffer, municipalityId, "v\(next.id)", next.id, record.email, messageId, now])
            try audit(
                db, actor: "system", action: "panel.seat-offer", subject: "volunteer \(next.id)",
                detail: "run \(run.id)", now: now)
            invited.append(next.id)
            seatedOrOffered.append(next)
            toOffer -= 1
        }
        return (invited, toOffer > 0)
    }

    /// What happened when a reserve used their seat link.
    public enum SeatAnswer: Sendable, Equatable {
        case seated
        case alreadySeated
        /// The offer lapsed or was never made: the seat may have gone to someone else.
        case notOffered
    }

    /// A reserve takes the seat they were offered: they join the panel (for `termMonths`) and fill the oldest empty
    /// seat.
    public func takeSeat(volunteerId: Int64, termMonths: Int = 12, now: Date) throws -> SeatAnswer {
        try writer.write { db in
            guard let volunteer = try VolunteerRecord.fetchOne(db, key: volunteerId) else { throw StoreError.unknownPanelist }
            if volunteer.status == .selected,
                try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM reserve WHERE volunteerId = ? AND status = 'seated')",
                    arguments: [volunteerId]) == true
            {
                return .alreadySeated
            }
            guard
                let run = try Int64.fetchOne(
                    db,
                    sql: """
                        SELECT selectionRunId FROM reserve WHERE volunteerId = ? AND status = 'invited'
                        ORDER BY selectionRunId DESC LIMIT 1
                        """, arguments: [volunteerId]), volunteer.status == .confirmed
            else { return .notOffered }
            let term = Calendar(identifier: .gregorian).date(byAdding: .month, value: termMonths, to: now)
            _ = try Self.admit(db, [volunteerId], termEndsAt: term, now: now)
            try db.execute(
                sql: "UPDATE reserve SET status = 'seated', answeredAt = ? WHERE selectionRunId = ? AND volunteerId = ?",
                arguments: [now, run, volunteerId])
            try db.execute(
                sql: """
                    UPDATE vacancy SET filledAt = ?, filledBy = ? WHERE panelistId = (
                      SELECT panelistId FROM vacancy WHERE municipalityId = ? AND filledAt IS NULL
                      ORDER BY openedAt, panelistId LIMIT 1)
                    """, arguments: [now, volunteerId, volunteer.municipalityId])
            try Self.audit(db, actor: "reserve", action: "panel.seat-taken", subject: "volunteer \(volunteerId)", now: now)
            return .seated
        }
    }
}
