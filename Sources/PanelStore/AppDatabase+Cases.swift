import Foundation
import GRDB
import PanelCore

/// What `case show` prints: the case, its round, and the counts that matter to a moderator.
public struct CaseOverview: Sendable {
    public var panelCase: PanelCase
    public var round: Round?
    public var panelSize: Int
    public var votes: Tally?
    public var messagesByState: [OutboxMessage.State: Int]
}

/// Where a case version came from, and who is told about it.
public struct CaseSubmission: Sendable {
    public var municipalityId: String
    public var file: CaseFile
    public var source: String
    public var via: CaseVersion.Via = .cli
    /// The sender of a mailed case.
    public var fromAddress: String? = nil
    /// A new version of this case (after it was returned, or before it is approved).
    public var revisionOf: Int64? = nil
    /// The inbound mail that carried it: recorded in the same transaction, so a crash files both or neither,
    /// and filing it again (same spool name) returns the case it made the first time.
    public var inbound: InboundMail? = nil

    public init(
        municipalityId: String, file: CaseFile, source: String, via: CaseVersion.Via = .cli, fromAddress: String? = nil,
        revisionOf: Int64? = nil, inbound: InboundMail? = nil
    ) {
        self.municipalityId = municipalityId
        self.file = file
        self.source = source
        self.via = via
        self.fromAddress = fromAddress
        self.revisionOf = revisionOf
        self.inbound = inbound
    }
}

/// How the moderator approves: the dates, the named timeline they came from, and who is drawn.
public struct CaseApproval: Sendable {
    public var timeline: Timeline
    public var timelineName: String?
    /// Draw this many panelists instead of the whole eligible panel.
    public var panelTarget: Int?
    /// The version the moderator reviewed (a review link); nil: whatever is newest (the CLI).
    public var version: Int?
    /// Who approves, for the audit log: `moderator` (command line) or `moderator (link)`.
    public var actor: String
    /// Approve even when the case check finds blocking problems (the moderator takes responsibility); without it
    /// such a case is refused with `StoreError.blockingFindings`.
    public var override: Bool

    public init(
        timeline: Timeline, timelineName: String? = nil, panelTarget: Int? = nil, version: Int? = nil,
        actor: String = "moderator", override: Bool = false
    ) {
        self.timeline = timeline
        self.timelineName = timelineName
        self.panelTarget = panelTarget
        self.version = version
        self.actor = actor
        self.override = override
    }
}

extension AppDatabase {
    /// Stores a case, or a new version of one, with the review mail for the moderator and (for a mailed
    /// case) the acknowledgement for the municipality, in one transaction. Returns the case id.
    @discardableResult
    public func submitCase(municipalityId: String, file: CaseFile, source: String, now: Date = Date()) throws -> Int64 {
        try submitCase(CaseSubmission(municipalityId: municipalityId, file: file, source: source), now: now).caseId
    }

    public func submitCase(
        _ submission: CaseSubmission, now: Date = Date(), messageDomain: String = "tweedemening.invalid",
        moderatorAddress: String? = nil
    ) throws -> (caseId: Int64, version: Int) {
        try writer.write { db in
            var inboundId: Int64?
            if var inbound = submission.inbound {
                if let filed = try InboundMail.filter(Column("spoolName") == inbound.spoolName).fetchOne(db),
                    let caseId = filed.caseId, let panelCase = try PanelCase.fetchOne(db, key: caseId)
                {
                    return (caseId, panelCase.version)
                }
                try inbound.insert(db)
                inboundId = inbound.id
            }
            guard let municipality = try Municipality.fetchOne(db, key: submission.municipalityId) else {
                throw StoreError.unknownMunicipality(submission.municipalityId)
            }
            let file = submission.file
            var record: PanelCase
            if let caseId = submission.revisionOf {
                guard let existing = try PanelCase.fetchOne(db, key: caseId) else { throw StoreError.unknownCase(caseId) }
                guard existing.municipalityId == municipality.id else { throw StoreError.caseOfOtherMunicipality(caseId) }
                guard existing.status == .submitted else { throw StoreError.caseAlreadyApproved(caseId) }
                record = existing
                record.version = existing.version + 1
            } else {
                record = PanelCase(
                    id: nil, municipalityId: municipality.id, title: "", domain: "", consentReference: "", decision: "",
                    municipalityView: "", applicantView: "", framework: "", question: "", source: "", status: .submitted,
                    createdAt: now)
            }
            record.title = file.title
            record.domain = file.domain
            record.consentReference = file.consentReference
            record.decision = file[.decision]
            record.municipalityView = file[.municipalityView]
            record.applicantView = file[.applicantView]
            record.framework = file[.framework]
            record.question = file[.question]
            record.source = submission.source
            try record.save(db)
            let caseId = record.id!
            try CaseVersion(
                caseId: caseId, version: record.version, source: submission.source, submittedAt: now, via: submission.via,
                fromAddress: submission.fromAddress
            ).insert(db)
            try Self.audit(
                db, actor: submission.via == .mail ? "municipality \(municipality.id) (mail)" : "moderator",
                action: "case.submit", subject: "case \(caseId) v\(record.version)",
                detail: "consent \(file.consentReference)", now: now)
            if let inboundId {
                try db.execute(sql: "UPDATE inbound SET caseId = ? WHERE id = ?", arguments: [caseId, inboundId])
            }
            let outbox = IntakeOutbox(db: db, caseId: caseId, version: record.version, now: now, domain: messageDomain)
            // A mailed case goes to the moderator for review; one the moderator submits by CLI needs no mail.
            if submission.via == .mail {
                if let moderatorAddress {
                    try outbox.add(.caseReview, recipientKey: "moderator", to: moderatorAddress)
                }
                try outbox.add(
                    .caseReceived, recipientKey: "m\(municipality.id)", to: submission.fromAddress ?? municipality.email,
                    municipalityId: municipality.id, inboundId: inboundId)
            }
            return (caseId, record.version)
        }
    }

    /// The moderator sends a version back with a reason; the municipality is told how to send a new one.
    public func returnCase(
        _ caseId: Int64, version: Int? = nil, reason: String, now: Date, messageDomain: String, actor: String = "moderator"
    ) throws {
        try writer.write { db in
            guard let panelCase = try PanelCase.fetchOne(db, key: caseId) else { throw StoreError.unknownCase(caseId) }
            guard panelCase.status == .submitted else { throw StoreError.caseAlreadyApproved(caseId) }
            if let version, version != panelCase.version {
                throw StoreError.staleVersion(caseId, linked: version, current: panelCase.version)
            }
            guard
                var current = try CaseVersion.fetchOne(db, key: ["caseId": caseId, "version": panelCase.version])
            else { throw StoreError.unknownCase(caseId) }
            guard current.returnedAt == nil else { return }
            current.returnedAt = now
            current.returnReason = reason
            try current.update(db)
            try Self.audit(
                db, actor: actor, action: "case.return", subject: "case \(caseId) v\(current.version)", detail: reason, now: now)
            guard let municipality = try Municipality.fetchOne(db, key: panelCase.municipalityId) else {
                throw StoreError.unknownMunicipality(panelCase.municipalityId)
            }
            let outbox = IntakeOutbox(db: db, caseId: caseId, version: panelCase.version, now: now, domain: messageDomain)
            try outbox.add(
                .caseReturned, recipientKey: "m\(municipality.id)", to: current.fromAddress ?? municipality.email,
                municipalityId: municipality.id)
        }
    }

    /// Mail to the cases address that was not taken as a case, recorded with its reason (`detail`); when
    /// `answerTo` is given, that address hears why, in the same transaction. `tellModerator` (the moderator's
    /// address and the municipality) asks the moderator to set up a way to verify that municipality's mail,
    /// at most once a day per municipality. Idempotent by spool name.
    public func refuseSubmission(
        _ inbound: InboundMail, answerTo address: String?, tellModerator: (address: String, municipalityId: String)? = nil,
        now: Date, messageDomain: String
    ) throws {
        try writer.write { db in
            guard try InboundMail.filter(Column("spoolName") == inbound.spoolName).fetchCount(db) == 0 else { return }
            var inbound = inbound
            try inbound.insert(db)
            guard let inboundId = inbound.id else { return }
            let outbox = IntakeOutbox(db: db, caseId: nil, version: 0, now: now, domain: messageDomain)
            if let address {
                try outbox.add(.caseRefused, recipientKey: "i\(inboundId)", to: address, inboundId: inboundId)
            }
            if let tell = tellModerator {
                // A flood of forged case mail must not become a flood of mail to the moderator.
                let toldToday =
                    try Int.fetchOne(
                        db,
                        sql: "SELECT COUNT(*) FROM outbox WHERE kind = ? AND municipalityId = ? AND createdAt > ?",
                        arguments: [MailKind.caseSetup, tell.municipalityId, now.addingTimeInterval(-86_400)]) ?? 0
                if toldToday == 0 {
                    try outbox.add(
                        .caseSetup, recipientKey: "moderator", to: tell.address, municipalityId: tell.municipalityId,
                        inboundId: inboundId)
                }
            }
        }
    }

    /// Municipalities registered with this address (case-insensitive).
    public func municipalities(email: String) throws -> [Municipality] {
        try writer.read { db in
            try Municipality.filter(sql: "lower(email) = ?", arguments: [email.lowercased()]).order(Column("id")).fetchAll(db)
        }
    }

    /// Sets (or with nil clears) the secret that vouches for this municipality's case mail; stores its hash.
    public func setSubmissionSecretHash(_ hash: String?, municipalityId: String) throws {
        try writer.write { db in
            guard var municipality = try Municipality.fetchOne(db, key: municipalityId) else {
                throw StoreError.unknownMunicipality(municipalityId)
            }
            municipality.submissionSecretHash = hash
            try municipality.update(db)
            try Self.audit(
                db, actor: "moderator", action: hash == nil ? "municipality.secret-cleared" : "municipality.secret",
                subject: "municipality \(municipalityId)", now: Date())
        }
    }

    public func caseVersions(_ caseId: Int64) throws -> [CaseVersion] {
        try writer.read { db in
            try CaseVersion.filter(Column("caseId") == caseId).order(Column("version")).fetchAll(db)
        }
    }

    /// Approves a case for publication. Re-approving before publication moves the timeline. A case the case check
    /// finds blocking problems in (personal data, a missing part) is refused unless `approval.override`.
    @discardableResult
    public func approveCase(
        _ caseId: Int64, _ approval: CaseApproval, now: Date = Date(), messageDomain: String = "tweedemening.invalid"
    ) throws -> Round {
        try writer.write { db in
            guard var panelCase = try PanelCase.fetchOne(db, key: caseId) else { throw StoreError.unknownCase(caseId) }
            let timeline = approval.timeline
            if var round = try Round.filter(Round.Columns.caseId == caseId).fetchOne(db) {
                guard round.state == .scheduled else {
                    throw StoreError.caseAlreadyRunning(caseId, state: round.state.rawValue)
                }
                round.publishAt = timeline.publishAt
                round.voteAt = timeline.voteAt
                round.voteReminderAt = timeline.voteReminderAt
                round.deadline = timeline.deadline
                round.timelineName = approval.timelineName
                if let target = approval.panelTarget { round.panelTarget = target }
                try round.update(db)
                try Self.audit(
                    db, actor: approval.actor, action: "case.reschedule", subject: "case \(caseId)",
                    detail: approval.timelineName ?? "dates", now: now)
                return round
            }
            if let version = approval.version, version != panelCase.version {
                throw StoreError.staleVersion(caseId, linked: version, current: panelCase.version)
            }
            let current = try CaseVersion.fetchOne(db, key: ["caseId": caseId, "version": panelCase.version])
            if current?.returnedAt != nil { throw StoreError.caseReturned(caseId, version: panelCase.version) }
            // The one place the approval gate lives: the command line and the review link both come here.
            let check = CaseCheck.check(panelCase.source)
            if check.hasBlocking && !approval.override { throw StoreError.blockingFindings(caseId, check) }
            panelCase.status = .approved
            try panelCase.update(db)
            var round = Round(
                id: nil, caseId: caseId, state: .scheduled, publishAt: timeline.publishAt, voteAt: timeline.voteAt,
                voteReminderAt: timeline.voteReminderAt, deadline: timeline.deadline)
            round.timelineName = approval.timelineName
            round.panelTarget = approval.panelTarget
            try round.insert(db)
            try Self.audit(
                db, actor: approval.actor, action: "case.approve", subject: "case \(caseId) v\(panelCase.version)",
                detail: [approval.timelineName ?? "dates", check.hasBlocking ? "override" : nil].compactMap { $0 }
                    .joined(separator: ", "),
                now: now)
            // A municipality that mailed its case hears of each step by mail; a case the moderator
            // submitted on its behalf is the moderator's to announce.
            if current?.via == .mail, let municipality = try Municipality.fetchOne(db, key: panelCase.municipalityId) {
                let outbox = IntakeOutbox(db: db, caseId: caseId, version: panelCase.version, now: now, domain: messageDomain)
                try outbox.add(
                    .caseApproved, recipientKey: "m\(municipality.id)", to: municipality.email, municipalityId: municipality.id)
            }
            return round
        }
    }

    public func cases(municipalityId: String? = nil) throws -> [(PanelCase, Round?)] {
        try writer.read { db in
            var request = PanelCase.order(Column("id"))
            if let municipalityId { request = request.filter(Column("municipalityId") == municipalityId) }
            return try request.fetchAll(db).map { panelCase in
                (panelCase, try Round.filter(Round.Columns.caseId == panelCase.id!).fetchOne(db))
            }
        }
    }

    public func caseOverview(_ caseId: Int64) throws -> CaseOverview {
        try writer.read { db in
            guard let panelCase = try PanelCase.fetchOne(db, key: caseId) else { throw StoreError.unknownCase(caseId) }
            let round = try Round.filter(Round.Columns.caseId == caseId).fetchOne(db)
            var panelSize = 0
            var votes: Tally?
            var messages: [OutboxMessage.State: Int] = [:]
            if let roundId = round?.id {
                panelSize =
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM roundMember WHERE roundId = ?", arguments: [roundId]) ?? 0
                votes = try Self.tally(db, roundId: roundId, panelSize: panelSize)
                let rows = try Row.fetchAll(
                    db, sql: "SELECT state, COUNT(*) AS n FROM outbox WHERE roundId = ? GROUP BY state", arguments: [roundId])
                for row in rows {
                    if let state = OutboxMessage.State(rawValue: row["state"]) { messages[state] = row["n"] }
                }
            }
            return CaseOverview(panelCase: panelCase, round: round, panelSize: panelSize, votes: votes, messagesByState: messages)
        }
    }

    public func round(_ id: Int64) throws -> Round? {
        try writer.read { db in try Round.fetchOne(db, key: id) }
    }

    static func tally(_ db: Database, roundId: Int64, panelSize: Int) throws -> Tally {
        let support = try Vote.filter(Vote.Columns.roundId == roundId && Vote.Columns.choice == VoteChoice.support).fetchCount(db)
        let oppose = try Vote.filter(Vote.Columns.roundId == roundId && Vote.Columns.choice == VoteChoice.oppose).fetchCount(db)
        return Tally(support: support, oppose: oppose, panelSize: panelSize)
    }
}

/// Writes intake mail (about a case under review, outside any round) inside a transaction.
struct IntakeOutbox {
    let db: Database
    let caseId: Int64?
    let version: Int
    let now: Date
    let domain: String

    @discardableResult
    func add(
        _ kind: MailKind, recipientKey: String, to address: String, municipalityId: String? = nil, inboundId: Int64? = nil
    ) throws -> Int {
        guard try AppDatabase.mayAnswer(db, kind: kind, to: address, now: now) else { return 0 }
        // Deterministic and unique: the Message-ID is the idempotency key of mail without a round.
        let subject = caseId.map { "c\($0).v\(version)" } ?? "i\(inboundId ?? 0)"
        let messageId = try AppDatabase.messageId(db, key: "\(kind.rawValue).\(subject).\(recipientKey)", domain: domain)
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO outbox
                  (kind, roundId, caseId, municipalityId, recipientKey, sequence, inboundId, toAddress, messageId, state,
                   createdAt, attempts)
                VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, 0)
                """,
            arguments: [kind, caseId, municipalityId, recipientKey, version, inboundId, address, messageId, now])
        return db.changesCount
    }
}
