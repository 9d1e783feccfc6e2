import Foundation
import GRDB
import PanelCore

/// Everything stored about one person, as `panelist export` and the "MIJN GEGEVENS" answer show it.
public struct PersonalData: Sendable, Codable, Equatable {
    public struct Participation: Sendable, Codable, Equatable {
        public var caseId: Int64
        public var title: String
        public var vote: String?
        public var arguments: [String]
        public var questions: [String]
    }
    public var email: String
    public var municipality: String
    public var name: String?
    public var background: [String: String]
    public var status: String
    public var joinedAt: Date
    public var termEndsAt: Date?
    public var pausedUntil: Date?
    public var suspended: String?
    public var participation: [Participation]
    public var messagesReceived: Int
    public var messagesSent: Int

    /// Plain Dutch text for the mail.
    public var text: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        var lines = [
            "E-mailadres: \(email)",
            "Gemeente: \(municipality)",
            "Naam: \(name ?? "(niet bewaard)")",
        ]
        for (category, value) in background.sorted(by: { $0.key < $1.key }) {
            lines.append("\(Self.label(category)): \(value)")
        }
        lines.append("Status: \(status)")
        lines.append("In het panel sinds: \(formatter.string(from: joinedAt))")
        if let termEndsAt { lines.append("Uw termijn loopt tot: \(formatter.string(from: termEndsAt))") }
        if let pausedUntil { lines.append("Gepauzeerd tot: \(formatter.string(from: pausedUntil))") }
        if let suspended { lines.append("Geen e-mail meer omdat: \(suspended)") }
        lines.append("Berichten van ons aan u: \(messagesReceived); berichten van u aan ons: \(messagesSent)")
        for item in participation {
            lines.append("")
            lines.append("Zaak \(item.caseId): \(item.title)")
            lines.append(
                "  Uw stem: \(item.vote.map { $0 == "support" ? "steunt het besluit" : "steunt het besluit niet" } ?? "niet gestemd")"
            )
            for argument in item.arguments { lines.append("  Uw bijdrage: \(argument)") }
            for question in item.questions { lines.append("  Uw vraag: \(question)") }
        }
        return lines.joined(separator: "\n")
    }

    static func label(_ category: String) -> String {
        switch category {
        case "age_band": "Leeftijd"
        case "gender": "Geslacht"
        case "district": "Wijk"
        case "education": "Opleiding"
        default: category
        }
    }
}

/// What a panelist can ask by mail.
public enum PanelistRequest: Sendable, Equatable {
    case myData
    case erase
    case pause(weeks: Int)
    case unsubscribe

    public var name: String {
        switch self {
        case .myData: "request:my-data"
        case .erase: "request:erase"
        case .pause(let weeks): "request:pause \(weeks)"
        case .unsubscribe: "request:unsubscribe"
        }
    }

    /// Reads a command from a mail: the subject (without Re:) or the first line of the reply, on its own.
    public static func read(subject: String, reply: String) -> PanelistRequest? {
        let firstLine = reply.split(whereSeparator: \.isNewline).first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        var candidates = [firstLine.map(String.init) ?? ""]
        var subject = subject.trimmingCharacters(in: .whitespaces)
        while let range = subject.range(of: #"^(re|aw|antw|fw|fwd|wg)\s*:\s*"#, options: [.regularExpression, .caseInsensitive]) {
            subject.removeSubrange(range)
        }
        candidates.append(subject)
        for candidate in candidates {
            let words = candidate.uppercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            switch words {
            case ["MIJN", "GEGEVENS"]: return .myData
            case ["VERWIJDER", "MIJ"], ["VERWIJDER", "MIJN", "GEGEVENS"]: return .erase
            case ["AFMELDEN"], ["UNSUBSCRIBE"]: return .unsubscribe
            case ["PAUZE"]: return .pause(weeks: 4)
            default:
                if words.count >= 2, words[0] == "PAUZE", let weeks = Int(words[1]), (1...26).contains(weeks),
                    words.count == 2 || (words.count == 3 && ["WEKEN", "WEEK"].contains(words[2]))
                {
                    return .pause(weeks: weeks)
                }
            }
        }
        return nil
    }
}

extension AppDatabase {
    /// Panelists with this address (in any municipality), newest first; erased ones never match.
    public func panelists(email: String) throws -> [Panelist] {
        try writer.read { db in
            try Panelist.filter(sql: "lower(email) = ? AND erasedAt IS NULL", arguments: [email.lowercased()])
                .order(Column("id").desc).fetchAll(db)
        }
    }

    /// No mail for `weeks` weeks (1 to 26). Returns the new end.
    @discardableResult
    public func pause(panelistId: Int64, weeks: Int, now: Date) throws -> Date {
        try writer.write { db in
            guard var panelist = try Panelist.fetchOne(db, key: panelistId), panelist.erasedAt == nil else {
                throw StoreError.unknownPanelist
            }
            let until = now.addingTimeInterval(Double(min(26, max(1, weeks))) * 7 * 86_400)
            panelist.pausedUntil = until
            panelist.updatedAt = now
            try panelist.update(db)
            return until
        }
    }

    public func personalData(panelistId: Int64) throws -> PersonalData {
        try writer.read { db in
            guard let panelist = try Panelist.fetchOne(db, key: panelistId) else { throw StoreError.unknownPanelist }
            let municipality = try Municipality.fetchOne(db, key: panelist.municipalityId)?.name ?? panelist.municipalityId
            var background: [String: String] = [:]
            for category in BackgroundQuestion.panelCategories {
                if let value = panelist.value(of: category) { background[category] = value }
            }
            var participation: [PersonalData.Participation] = []
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.id AS roundId, c.id AS caseId, c.title FROM roundMember m
                    JOIN round r ON r.id = m.roundId JOIN panelCase c ON c.id = r.caseId
                    WHERE m.panelistId = ? ORDER BY r.id
                    """,
                arguments: [panelistId])
            for row in rows {
                let roundId: Int64 = row["roundId"]
                participation.append(
                    PersonalData.Participation(
                        caseId: row["caseId"], title: row["title"],
                        vote: try String.fetchOne(
                            db, sql: "SELECT choice FROM vote WHERE roundId = ? AND panelistId = ?",
                            arguments: [roundId, panelistId]),
                        arguments: try String.fetchAll(
                            db, sql: "SELECT text FROM argument WHERE roundId = ? AND panelistId = ? ORDER BY number",
                            arguments: [roundId, panelistId]),
                        questions: try String.fetchAll(
                            db,
                            sql: """
                                SELECT q.text FROM question q JOIN questionAsker a ON a.questionId = q.id
                                WHERE q.roundId = ? AND a.panelistId = ? ORDER BY q.number
                                """,
                            arguments: [roundId, panelistId])))
            }
            return PersonalData(
                email: panelist.email, municipality: municipality, name: panelist.name, background: background,
                status: panelist.status == .active ? "actief" : "afgemeld", joinedAt: panelist.createdAt,
                termEndsAt: panelist.termEndsAt, pausedUntil: panelist.pausedUntil, suspended: panelist.suspendReason,
                participation: participation,
                messagesReceived: try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM outbox WHERE panelistId = ?", arguments: [panelistId]) ?? 0,
                messagesSent: try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM inbound WHERE panelistId = ?", arguments: [panelistId]) ?? 0)
        }
    }

    /// A panelist's request by mail, recorded with its answer in one transaction: "MIJN GEGEVENS" gets the data,
    /// "VERWIJDER MIJ" a confirmation link, "PAUZE" the pause and its end date, "AFMELDEN" (the List-Unsubscribe
    /// mailto, or a stop request in ordinary words) unsubscribes and answers with a link that undoes it: a person who
    /// wrote "graag afmelden" should see that it worked, and a mistake costs one click. Idempotent by spool name.
    ///
    /// "AFMELDEN" and "PAUZE" from another address than the panelist's (`fromRegisteredAddress` false) do not act:
    /// the registered address gets links to do it instead (a forged From must not unsubscribe someone).
    public func filePanelistRequest(
        _ request: PanelistRequest, panelistId: Int64, inbound: InboundMail, now: Date, messageDomain: String,
        fromRegisteredAddress: Bool = true
    ) throws {
        try writer.write { db in
            guard try InboundMail.filter(Column("spoolName") == inbound.spoolName).fetchCount(db) == 0 else { return }
            guard var panelist = try Panelist.fetchOne(db, key: panelistId), panelist.erasedAt == nil else {
                throw StoreError.unknownPanelist
            }
            var inbound = inbound
            inbound.panelistId = panelistId
            inbound.detail = request.name
            try inbound.insert(db)
            let kind: MailKind
            switch request {
            case .myData: kind = .myData
            case .erase: kind = .eraseConfirm
            case .pause where !fromRegisteredAddress, .unsubscribe where !fromRegisteredAddress:
                kind = .requestConfirm
                try db.execute(
                    sql: "UPDATE inbound SET detail = ? WHERE id = ?",
                    arguments: [request.name + ":other-address", inbound.id])
            case .pause(let weeks):
                kind = .paused
                panelist.pausedUntil = now.addingTimeInterval(Double(min(26, max(1, weeks))) * 7 * 86_400)
                panelist.updatedAt = now
                try panelist.update(db)
            case .unsubscribe:
                kind = .unsubscribed
                panelist.status = .unsubscribed
                panelist.updatedAt = now
                try panelist.update(db)
                try Self.cancelUnsentMail(db, panelistId: panelistId, reason: "not sent: the panelist unsubscribed")
            }
            guard try Self.mayAnswer(db, kind: kind, to: panelist.email, now: now) else { return }
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO outbox (kind, roundId, caseId, panelistId, municipalityId, recipientKey, sequence,
                      inboundId, toAddress, messageId, state, createdAt, attempts)
                    VALUES (?, NULL, NULL, ?, ?, ?, 0, ?, ?, ?, 'pending', ?, 0)
                    """,
                arguments: [
                    kind, panelistId, panelist.municipalityId, "p\(panelistId)", inbound.id, panelist.email,
                    try Self.messageId(db, key: "\(kind.rawValue).i\(inbound.id!).p\(panelistId)", domain: messageDomain), now,
                ])
        }
    }

    /// Erases a person: the panelist row stays (so votes stay counted, anonymously) without address, name or
    /// background; their raw mail, addresses in the outbox and volunteer record go; the file is vacuumed so no
    /// copy remains in free pages. Returns the spool names of their messages, for the caller to delete.
    public func erase(panelistId: Int64, now: Date, actor: String = "moderator") throws -> [String] {
        let spoolNames: [String] = try writer.write { db in
            guard let panelist = try Panelist.fetchOne(db, key: panelistId) else { throw StoreError.unknownPanelist }
            let address = panelist.email.lowercased()
            let names = try OutboxMessage.filter(Column("panelistId") == panelistId).fetchAll(db).map(\.spoolName)
            try db.execute(
                sql: """
                    UPDATE panelist SET email = ?, name = NULL, ageBand = NULL, gender = NULL, district = NULL,
                      education = NULL, household = NULL, status = 'unsubscribed', erasedAt = ?, updatedAt = ?,
                      suspendReason = NULL, volunteerId = NULL
                    WHERE id = ?
                    """,
                arguments: ["verwijderd-\(panelistId)@verwijderd.invalid", now, now, panelistId])
            // Messages not yet sent are dropped; sent ones keep their row (counts) without the address.
            try db.execute(
                sql: "DELETE FROM outbox WHERE panelistId = ? AND state IN ('pending', 'queued', 'deferred', 'held')",
                arguments: [panelistId])
            try db.execute(
                sql: "UPDATE outbox SET toAddress = '' WHERE panelistId = ? OR lower(toAddress) = ?",
                arguments: [panelistId, address])
            try db.execute(
                sql:
                    "UPDATE inbound SET raw = X'', fromAddress = NULL, messageId = NULL WHERE panelistId = ? OR lower(fromAddress) = ?",
                arguments: [panelistId, address])
            try db.execute(sql: "DELETE FROM volunteer WHERE lower(email) = ?", arguments: [address])
            try Self.audit(db, actor: actor, action: "panelist.erase", subject: "panelist \(panelistId)", now: now)
            return names
        }
        try vacuum()
        return spoolNames
    }

    /// Rewrites the file without free pages and empties the WAL: deleted data leaves no trace on disk.
    ///
    /// Beside Litestream the WAL is left to Litestream's next checkpoint (it holds a read lock that a `TRUNCATE`
    /// would wait on for the whole busy timeout, then fail); the replica keeps the old pages until its retention.
    public func vacuum() throws {
        try writer.barrierWriteWithoutTransaction { db in
            try db.execute(sql: "VACUUM")
            if replication == .none { try db.checkpoint(.truncate) }
        }
    }

    /// Inbound mail nothing was done with: kept at most `junkRawBytes` and `junkRetentionDays`.
    static let junk = "'unknown-recipient', 'auto-reply', 'malformed', 'empty', 'bounce'"
    static let junkRetentionDays = 30
    static let junkRawBytes = 64 * 1024

    /// After `retention`, a closed round's personal data goes: raw mail and addresses in its inbound and outbox
    /// rows. Arguments stay (pseudonymous, masked), as do votes and the verdict. Mail outside any round goes by its
    /// own date (see below). Returns the rounds cleaned.
    public func applyRetention(closedBefore cutoff: Date, now: Date) throws -> Int {
        try writer.write { db in
            let rounds = try Int64.fetchAll(
                db, sql: "SELECT id FROM round WHERE state = 'closed' AND closedAt < ? AND personalDataRemovedAt IS NULL",
                arguments: [cutoff])
            for roundId in rounds {
                try db.execute(
                    sql: "UPDATE inbound SET raw = X'', fromAddress = NULL WHERE roundId = ?", arguments: [roundId])
                try db.execute(
                    sql: "UPDATE outbox SET toAddress = '' WHERE roundId = ? AND state IN ('sent', 'failed')",
                    arguments: [roundId])
                try db.execute(sql: "UPDATE round SET personalDataRemovedAt = ? WHERE id = ?", arguments: [now, roundId])
            }
            // Mail that belongs to no round (requests, intake, mail to nobody, out-of-office texts) goes by its own
            // date: after the same retention period, and junk — mail nothing was done with — after 30 days.
            try db.execute(
                sql: """
                    UPDATE inbound SET raw = X'', fromAddress = NULL
                    WHERE (length(raw) > 0 OR fromAddress IS NOT NULL)
                      AND ((roundId IS NULL AND receivedAt < ?) OR (disposition IN (\(Self.junk)) AND receivedAt < ?))
                    """, arguments: [cutoff, now.addingTimeInterval(-Double(Self.junkRetentionDays) * 86_400)])
            try db.execute(
                sql: """
                    UPDATE outbox SET toAddress = ''
                    WHERE roundId IS NULL AND createdAt < ? AND state IN ('sent', 'failed') AND toAddress != ''
                    """, arguments: [cutoff])
            // Residents who joined but never confirmed: their address goes after 30 days.
            try db.execute(
                sql: "DELETE FROM volunteer WHERE status = 'pending' AND createdAt < ?",
                arguments: [now.addingTimeInterval(-30 * 86_400)])
            return rounds.count
        }
    }
}
