import Foundation
import GRDB
import PanelCore

/// A reply that passed the checks a mailroom makes, ready to become an argument.
public struct ReplyFiling: Sendable {
    public var spoolName: String
    public var raw: Data
    public var messageId: String?
    public var fromAddress: String?
    public var roundId: Int64
    public var panelistId: Int64
    /// Trimmed, personal data masked.
    public var text: String
    public var parentNumber: Int?
    /// Reasons to hold it for the moderator; empty publishes it.
    public var flags: HoldFlags
    public var attachmentCount: Int

    public init(
        spoolName: String, raw: Data, messageId: String?, fromAddress: String?, roundId: Int64, panelistId: Int64,
        text: String, parentNumber: Int?, flags: HoldFlags, attachmentCount: Int
    ) {
        self.spoolName = spoolName
        self.raw = raw
        self.messageId = messageId
        self.fromAddress = fromAddress
        self.roundId = roundId
        self.panelistId = panelistId
        self.text = text
        self.parentNumber = parentNumber
        self.flags = flags
        self.attachmentCount = attachmentCount
    }
}

/// An argument as others see it: number, pseudonym, text.
public struct ArgumentView: Sendable, Equatable {
    public var id: Int64
    public var number: Int
    public var pseudonym: Int
    public var text: String
    public var parentNumber: Int?
    public var reactions: Int
    public var status: PanelArgument.Status
    /// Why it is held: `link`, `personal-data`, `other-sender`, `too-long`, `too-many`, … (empty when published).
    public var flags = HoldFlags()
}

extension AppDatabase {
    static let acknowledgementsPerDay = 5
    /// Arguments one panelist may publish in one round in 24 hours; more are held for the moderator (the
    /// outside test sent 30 in 2 seconds). Six is more than a lively panelist reacting to others writes.
    public static let argumentsPerDay = 6
    /// Arguments one digest carries at most (with arguments of at most 4,000 characters: under 200 KB of text).
    public static let digestArguments = 40
    /// Held arguments one moderation mail lists at most; the next one held starts a new mail.
    public static let moderationItems = 20

    /// Automatic answers (`MailKind.isAutomaticAnswer`) one address gets in 24 hours, all kinds together.
    public static let automaticAnswersPerDay = 10

    /// Whether an automatic answer of `kind` may go to `address` now: at most `automaticAnswersPerDay` a day
    /// to one address, and one a day of a kind that says the same thing each time (12 × "MIJN GEGEVENS" is
    /// one mail). The one rule for every automatic answer; the request itself is still recorded.
    static func mayAnswer(_ db: Database, kind: MailKind, to address: String, now: Date) throws -> Bool {
        guard kind.isAutomaticAnswer else { return true }
        let automatic: [String] = MailKind.allCases.filter(\.isAutomaticAnswer).map(\.rawValue)
        let since = now.addingTimeInterval(-86_400)
        let placeholders = automatic.map { _ in "?" }.joined(separator: ",")
        var arguments: StatementArguments = [address, since]
        arguments += StatementArguments(automatic)
        let sent =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM outbox
                    WHERE toAddress = ? COLLATE NOCASE AND createdAt > ? AND kind IN (\(placeholders))
                    """,
                arguments: arguments) ?? 0
        guard sent < automaticAnswersPerDay else { return false }
        guard kind.mergesRepeats else { return true }
        let same =
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM outbox WHERE toAddress = ? COLLATE NOCASE AND createdAt > ? AND kind = ?",
                arguments: [address, since, kind.rawValue]) ?? 0
        return same == 0
    }

    /// What became of this spool file, if it was filed already (a crash after filing, before the file
    /// was removed, or another runner that got to it first).
    public func disposition(spoolName: String) throws -> InboundMail.Disposition? {
        try writer.read { db in try InboundMail.filter(Column("spoolName") == spoolName).fetchOne(db)?.disposition }
    }

    /// The same message delivered twice (an MTA retry, a client that resends): the first filing of
    /// this Message-ID from this panelist in this round.
    static func duplicate(_ db: Database, messageId: String?, roundId: Int64, panelistId: Int64) throws -> InboundMail? {
        guard let messageId, !messageId.isEmpty else { return nil }
        return try InboundMail.filter(
            Column("messageId") == messageId && Column("roundId") == roundId && Column("panelistId") == panelistId
        ).fetchOne(db)
    }

    /// Records a message that does not become an argument (auto-reply, bounce, unknown address, empty).
    /// A late reply also gets a polite answer, written in the same transaction.
    @discardableResult
    public func recordInbound(_ mail: InboundMail, messageDomain: String, now: Date) throws -> InboundMail {
        try writer.write { db in
            if let existing = try InboundMail.filter(Column("spoolName") == mail.spoolName).fetchOne(db) { return existing }
            if mail.disposition == .late, let roundId = mail.roundId, let panelistId = mail.panelistId,
                let existing = try Self.duplicate(db, messageId: mail.messageId, roundId: roundId, panelistId: panelistId)
            {
                return existing
            }
            var mail = mail
            // A 10 MB message to nobody is not worth 10 MB: junk keeps its first 64 KB (enough to see what it was).
            if [.unknownRecipient, .autoReply, .malformed, .empty, .bounce].contains(mail.disposition),
                mail.raw.count > Self.junkRawBytes
            {
                mail.raw = mail.raw.prefix(Self.junkRawBytes)
            }
            try mail.insert(db)
            if mail.disposition == .late, let roundId = mail.roundId, let panelistId = mail.panelistId,
                let panelist = try Panelist.fetchOne(db, key: panelistId), panelist.isAnswerable
            {
                let outbox = OutboxWriter(db: db, roundId: roundId, now: now, domain: messageDomain)
                _ = try outbox.add(
                    .lateReply, recipientKey: "p\(panelistId)", to: panelist.email, panelistId: panelistId,
                    sequence: Int(mail.id!), inboundId: mail.id)
            }
            return mail
        }
    }

    /// Files a panelist's reply as an argument, with its acknowledgement (and a moderation request when
    /// held), in one transaction. Idempotent by spool name.
    @discardableResult
    public func fileReply(_ filing: ReplyFiling, now: Date, messageDomain: String, moderatorAddress: String?) throws -> (
        InboundMail, PanelArgument?
    ) {
        try writer.write { db in
            if let existing = try InboundMail.filter(Column("spoolName") == filing.spoolName).fetchOne(db)
                ?? Self.duplicate(db, messageId: filing.messageId, roundId: filing.roundId, panelistId: filing.panelistId)
            {
                return (existing, try PanelArgument.filter(Column("inboundId") == existing.id!).fetchOne(db))
            }
            guard let panelist = try Panelist.fetchOne(db, key: filing.panelistId) else { throw StoreError.unknownPanelist }
            try Self.requireMember(db, roundId: filing.roundId, panelistId: filing.panelistId)
            var filing = filing
            let today = try PanelArgument.filter(
                Column("roundId") == filing.roundId && Column("panelistId") == filing.panelistId
                    && Column("createdAt") > now.addingTimeInterval(-86_400)
            ).fetchCount(db)
            if today >= Self.argumentsPerDay { filing.flags.insert(.tooMany) }
            var mail = InboundMail(
                spoolName: filing.spoolName, receivedAt: now, messageId: filing.messageId, fromAddress: filing.fromAddress,
                roundId: filing.roundId, panelistId: filing.panelistId,
                disposition: filing.flags.isEmpty ? .argument : .held,
                detail: filing.attachmentCount > 0 ? InboundDetail.attachments(filing.attachmentCount).rawValue : nil,
                raw: filing.raw)
            try mail.insert(db)
            let number =
                (try Int.fetchOne(db, sql: "SELECT MAX(number) FROM argument WHERE roundId = ?", arguments: [filing.roundId]) ?? 0)
                + 1
            var parent: Int? = nil
            if let wanted = filing.parentNumber,
                try PanelArgument.filter(
                    Column("roundId") == filing.roundId && Column("number") == wanted && Column("status") == "published"
                )
                .fetchCount(db) > 0
            {
                parent = wanted
            }
            var argument = PanelArgument(
                roundId: filing.roundId, panelistId: filing.panelistId, number: number, parentNumber: parent, text: filing.text,
                status: filing.flags.isEmpty ? .published : .held, flags: filing.flags, createdAt: now,
                inboundId: mail.id)
            try argument.insert(db)
            try Self.assignPseudonym(db, roundId: filing.roundId, panelistId: filing.panelistId)
            // A question to the municipality inside a published argument is offered to it now, not only in the
            // verdict ("Heeft de aanbieder ook kleinere groepen?"). A held argument's questions wait for the moderator.
            if argument.status == .published {
                let panelCase = try Round.fetchOne(db, key: filing.roundId).flatMap { try PanelCase.fetchOne(db, key: $0.caseId) }
                let caseText = panelCase?.keyPointCaseText ?? KeyPointCaseText()
                for asked in KeyPointAnalysis.questions(in: filing.text, caseText: caseText) {
                    _ = try Self.recordQuestion(
                        db, roundId: filing.roundId, text: asked, panelistId: filing.panelistId, inboundId: mail.id!, now: now)
                }
            }
            let outbox = OutboxWriter(db: db, roundId: filing.roundId, now: now, domain: messageDomain)
            // A mailbox that answers every acknowledgement without saying it is automatic would loop with us:
            // after a handful of acknowledgements in a day, file quietly.
            let recentAcknowledgements =
                try Int.fetchOne(
                    db,
                    sql:
                        "SELECT COUNT(*) FROM outbox WHERE kind = 'acknowledgement' AND roundId = ? AND panelistId = ? AND createdAt > ?",
                    arguments: [filing.roundId, filing.panelistId, now.addingTimeInterval(-86_400)]) ?? 0
            if panelist.isAnswerable, recentAcknowledgements < Self.acknowledgementsPerDay {
                _ = try outbox.add(
                    .acknowledgement, recipientKey: "p\(panelist.id!)", to: panelist.email, panelistId: panelist.id,
                    sequence: Int(mail.id!), argumentId: argument.id, inboundId: mail.id)
            }
            // One moderation mail for a burst: while one for this round waits to be sent and lists fewer than
            // `moderationItems` held arguments, it takes this one too (it lists every held argument from its own on).
            let waitingListsRoom =
                try Bool.fetchOne(
                    db,
                    sql: """
                        SELECT EXISTS (
                          SELECT 1 FROM outbox o
                          WHERE o.kind = 'moderation' AND o.roundId = ? AND o.argumentId IS NOT NULL AND o.state = 'pending'
                            AND (SELECT COUNT(*) FROM argument a
                                 WHERE a.roundId = o.roundId AND a.id >= o.argumentId AND a.status = 'held') <= ?)
                        """, arguments: [filing.roundId, Self.moderationItems]) ?? false
            if argument.status == .held, let moderatorAddress, !waitingListsRoom {
                _ = try outbox.add(
                    .moderation, recipientKey: "moderator", to: moderatorAddress, sequence: Int(argument.id!),
                    argumentId: argument.id, inboundId: mail.id)
            }
            return (mail, argument)
        }
    }

    /// The moderator's decision on a held argument. Approved arguments go out with the next digest.
    @discardableResult
    public func moderate(argumentId: Int64, approve: Bool) throws -> PanelArgument {
        try writer.write { db in
            guard var argument = try PanelArgument.fetchOne(db, key: argumentId) else { throw StoreError.unknownArgument }
            guard argument.status == .held else { return argument }
            argument.status = approve ? .published : .rejected
            try argument.update(db)
            try Self.audit(
                db, actor: "moderator", action: approve ? "argument.publish" : "argument.reject",
                subject: "round \(argument.roundId) argument #\(argument.number)", now: Date())
            return argument
        }
    }

    /// Arguments and answers still held, and held follow-ups, oldest first: what the moderator has to look at.
    public func heldMail() throws -> [HeldMail] {
        try writer.read { db in
            var held: [HeldMail] = []
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT i.id, i.receivedAt, i.fromAddress, i.detail, r.caseId, a.number, a.flags, a.status,
                      q.number AS questionNumber, q.answerFlags, q.answerStatus, i.disposition
                    FROM inbound i
                    LEFT JOIN round r ON r.id = i.roundId
                    LEFT JOIN argument a ON a.inboundId = i.id
                    LEFT JOIN question q ON i.disposition = 'answer' AND i.detail = '\(InboundDetail.questionPrefix)' || q.id
                      AND i.id = (SELECT MAX(id) FROM inbound WHERE disposition = 'answer' AND detail = i.detail)
                    WHERE i.disposition IN ('held', 'answer')
                    ORDER BY i.id
                    """)
            for row in rows {
                let kind: HeldMail.Kind
                let flags: HoldFlags
                if let number: Int = row["number"] {
                    guard row["status"] as String? == PanelArgument.Status.held.rawValue else { continue }
                    (kind, flags) = (.argument(number: number), row["flags"] ?? HoldFlags())
                } else if let number: Int = row["questionNumber"] {
                    guard row["answerStatus"] as String? == PanelArgument.Status.held.rawValue else { continue }
                    (kind, flags) = (.answer(questionNumber: number), row["answerFlags"] ?? HoldFlags())
                } else if let followUp = HoldReason.followUpFlags(detail: row["detail"]) {
                    (kind, flags) = (.followUp, followUp)
                } else {
                    continue
                }
                held.append(
                    HeldMail(
                        inboundId: row["id"], receivedAt: row["receivedAt"], fromAddress: row["fromAddress"],
                        caseId: row["caseId"], kind: kind, flags: flags))
            }
            return held
        }
    }

    public func argument(_ id: Int64) throws -> PanelArgument? {
        try writer.read { db in try PanelArgument.fetchOne(db, key: id) }
    }

    /// "Don't remind me" and "no more digests", for one round.
    public func setPreference(roundId: Int64, panelistId: Int64, wantsReminder: Bool? = nil, wantsDigest: Bool? = nil) throws {
        try writer.write { db in
            guard
                try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM roundMember WHERE roundId = ? AND panelistId = ?)",
                    arguments: [roundId, panelistId]) == true
            else { throw StoreError.notInPanel }
            if let wantsReminder {
                try db.execute(
                    sql: "UPDATE roundMember SET wantsReminder = ? WHERE roundId = ? AND panelistId = ?",
                    arguments: [wantsReminder, roundId, panelistId])
            }
            if let wantsDigest {
                try db.execute(
                    sql: "UPDATE roundMember SET wantsDigest = ? WHERE roundId = ? AND panelistId = ?",
                    arguments: [wantsDigest, roundId, panelistId])
            }
        }
    }

    static func assignPseudonym(_ db: Database, roundId: Int64, panelistId: Int64) throws {
        let current = try Int.fetchOne(
            db, sql: "SELECT pseudonym FROM roundMember WHERE roundId = ? AND panelistId = ?", arguments: [roundId, panelistId])
        guard current == nil else { return }
        let next =
            (try Int.fetchOne(db, sql: "SELECT MAX(pseudonym) FROM roundMember WHERE roundId = ?", arguments: [roundId]) ?? 0) + 1
        try db.execute(
            sql: "UPDATE roundMember SET pseudonym = ? WHERE roundId = ? AND panelistId = ?",
            arguments: [next, roundId, panelistId])
    }

    static func argumentViews(
        _ db: Database, roundId: Int64, filter: String = "a.status = 'published'", arguments extra: StatementArguments = []
    ) throws -> [ArgumentView] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT a.id, a.number, a.text, a.parentNumber, a.status, a.flags, COALESCE(m.pseudonym, 0) AS pseudonym,
                  (SELECT COUNT(*) FROM argument r WHERE r.roundId = a.roundId AND r.parentNumber = a.number AND r.status = 'published') AS reactions
                FROM argument a LEFT JOIN roundMember m ON m.roundId = a.roundId AND m.panelistId = a.panelistId
                WHERE a.roundId = ? AND \(filter) ORDER BY a.number
                """,
            arguments: [roundId] + extra)
        return rows.map { row in
            ArgumentView(
                id: row["id"], number: row["number"], pseudonym: row["pseudonym"], text: row["text"],
                parentNumber: row["parentNumber"],
                reactions: row["reactions"], status: PanelArgument.Status(rawValue: row["status"]) ?? .held,
                flags: row["flags"] ?? HoldFlags())
        }
    }
}
