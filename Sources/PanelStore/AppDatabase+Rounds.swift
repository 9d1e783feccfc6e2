import Foundation
import GRDB
import PanelCore

extension AppDatabase {
    /// Rounds that may still have a step to take.
    public func openRounds() throws -> [Round] {
        try writer.read { db in
            try Round.filter(Round.Columns.state != RoundState.closed || Column("followUpReportedAt") == nil)
                .order(Round.Columns.id).fetchAll(db)
        }
    }

    /// Takes one scheduler step and writes the messages it implies, in one transaction.
    ///
    /// Idempotent: each step checks the round's state inside the transaction, and the outbox's unique key
    /// (kind, round, recipient) makes a repeated message impossible. Two runners racing both end in the
    /// same state with the same messages. Returns the number of messages added.
    @discardableResult
    public func take(
        _ step: RoundStep, roundId: Int64, now: Date, messageDomain: String, plan: DiscussionPlan = DiscussionPlan(),
        moderatorAddress: String? = nil
    ) throws -> Int {
        try writer.write { db in
            guard let round = try Round.fetchOne(db, key: roundId) else { throw StoreError.unknownRound(roundId) }
            guard let panelCase = try PanelCase.fetchOne(db, key: round.caseId) else {
                throw StoreError.unknownCase(round.caseId)
            }
            var stepper = RoundStepper(
                db: db, round: round, panelCase: panelCase,
                outbox: OutboxWriter(db: db, roundId: roundId, now: now, domain: messageDomain), now: now, plan: plan,
                moderatorAddress: moderatorAddress)
            return try stepper.take(step)
        }
    }
}

/// One scheduler step on one round, inside `AppDatabase.take`'s transaction: each method checks that the round is
/// in the state the step needs (else adds nothing and returns 0), moves it on, and returns the messages it added.
struct RoundStepper {
    let db: Database
    var round: Round
    let panelCase: PanelCase
    let outbox: OutboxWriter
    let now: Date
    let plan: DiscussionPlan
    let moderatorAddress: String?

    var roundId: Int64 { outbox.roundId }

    mutating func take(_ step: RoundStep) throws -> Int {
        switch step {
        case .publish: try publish()
        case .sendQuestions: try sendQuestions()
        case .sendDigest: try sendDigest()
        case .remindRepliers: try remindRepliers()
        case .openVoting: try openVoting()
        case .remindVoters: try remindVoters()
        case .remindMunicipality: try remindMunicipality()
        case .reportFollowUp: try reportFollowUp()
        case .close: try close()
        }
    }

    /// Draws the panel, opens the discussion and mails the case to every member (spread over days, see
    /// `AppDatabase.spaceCaseMail`).
    private mutating func publish() throws -> Int {
        guard round.state == .scheduled else { return 0 }
        let members = try AppDatabase.drawPanel(
            db, round: round, municipalityId: panelCase.municipalityId, plan: plan, now: now)
        // Statements run once per member are prepared once (`cachedStatement`): preparing one per row was a tenth
        // of the CPU of publishing a round to 10,000 (`scripts/bench/send.sh`), all of it before the first mail left.
        let addMember = try db.cachedStatement(sql: "INSERT OR IGNORE INTO roundMember (roundId, panelistId) VALUES (?, ?)")
        for panelistId in members {
            try addMember.execute(arguments: [roundId, panelistId])
        }
        let size = try panelSize()
        guard size > 0 else { throw StoreError.emptyPanel(panelCase.municipalityId) }
        round.state = .discussion
        round.publishedAt = now
        round.panelSize = size
        try round.update(db)
        let added = try outbox.addForMembers(.caseMail)
        try AppDatabase.spaceCaseMail(db, roundId: roundId, now: now, timeZone: plan.timeZone)
        return added
    }

    /// Mails the municipality the questions no mail has carried yet (none: no mail), and offers the moderator an
    /// extension when they come late.
    private mutating func sendQuestions() throws -> Int {
        guard round.state == .discussion || round.state == .voting else { return 0 }
        let number = round.questionMailsSent + 1
        try db.execute(
            sql: "UPDATE question SET mailNumber = ? WHERE roundId = ? AND mailNumber IS NULL",
            arguments: [number, roundId])
        guard db.changesCount > 0 else { return 0 }
        round.questionMailsSent = number
        round.questionsMailedAt = now
        try round.update(db)
        let municipality = try requireMunicipality()
        try AppDatabase.offerExtensionIfLate(
            db, round: round, now: now, domain: outbox.domain, moderatorAddress: moderatorAddress)
        return try outbox.add(
            .questions, recipientKey: "m\(municipality.id)", to: municipality.email, municipalityId: municipality.id,
            sequence: number)
    }

    /// The digest due by the plan, when there is news for it.
    private mutating func sendDigest() throws -> Int {
        guard round.state == .discussion else { return 0 }
        let due = plan.digestsDue(timeline: round.timeline, now: now)
        guard due > round.digestsSent else { return 0 }
        let number = round.digestsSent + 1
        round.digestsSent = due
        try round.update(db)
        // The digest carries the published arguments no digest has carried yet, oldest first and at most
        // `digestArguments` (the rest go in the next one, so a flood cannot make a 25 MB mail); none, no mail.
        try db.execute(
            sql: """
                UPDATE argument SET digestNumber = ? WHERE id IN (
                  SELECT id FROM argument WHERE roundId = ? AND status = 'published' AND digestNumber IS NULL
                  ORDER BY number LIMIT ?)
                """,
            arguments: [number, roundId, AppDatabase.digestArguments])
        var news = db.changesCount
        // ...and every answer of the municipality published since the last one.
        try db.execute(
            sql: """
                UPDATE question SET answerDigestNumber = ?
                WHERE roundId = ? AND answerStatus = 'published' AND answerDigestNumber IS NULL
                """,
            arguments: [number, roundId])
        news += db.changesCount
        guard news > 0 else { return 0 }
        return try outbox.addForMembers(.digest, audience: .digestReaders, sequence: number)
    }

    private mutating func remindRepliers() throws -> Int {
        guard round.state == .discussion, round.replyReminderSentAt == nil else { return 0 }
        round.replyReminderSentAt = now
        try round.update(db)
        return try outbox.addForMembers(.replyReminder, audience: .silentMembers)
    }

    private mutating func openVoting() throws -> Int {
        guard round.state == .discussion else { return 0 }
        round.state = .voting
        round.votingOpenedAt = now
        try round.update(db)
        return try outbox.addForMembers(.vote)
    }

    private mutating func remindVoters() throws -> Int {
        guard round.state == .voting, round.reminderSentAt == nil else { return 0 }
        round.reminderSentAt = now
        try round.update(db)
        return try outbox.addForMembers(.voteReminder, audience: .nonVoters)
    }

    private mutating func remindMunicipality() throws -> Int {
        guard round.state == .closed, round.followUpAt == nil, round.followUpReminderSentAt == nil else { return 0 }
        round.followUpReminderSentAt = now
        try round.update(db)
        guard let municipality = try Municipality.fetchOne(db, key: panelCase.municipalityId) else { return 0 }
        return try outbox.add(
            .followUpReminder, recipientKey: "m\(municipality.id)", to: municipality.email,
            municipalityId: municipality.id)
    }

    /// Tells the panel what the municipality did with the verdict (sequence 2), or that it did not answer (1).
    private mutating func reportFollowUp() throws -> Int {
        guard round.state == .closed else { return 0 }
        if round.followUpAt != nil {
            guard round.followUpReportedAt == nil else { return 0 }
            round.followUpReportedAt = now
            try round.update(db)
            return try outbox.addForMembers(.followUp, sequence: 2)
        }
        guard round.noAnswerReportedAt == nil else { return 0 }
        round.noAnswerReportedAt = now
        try round.update(db)
        return try outbox.addForMembers(.followUp, sequence: 1)
    }

    /// Counts the votes, records the verdict, its argumentation and the weighted support, and mails the verdict to
    /// the municipality and the outcome to the panel.
    private mutating func close() throws -> Int {
        guard round.state == .voting else { return 0 }
        let size = try panelSize()
        let tally = try AppDatabase.tally(db, roundId: roundId, panelSize: size)
        round.state = .closed
        round.closedAt = now
        round.panelSize = size
        round.supportCount = tally.support
        round.opposeCount = tally.oppose
        round.verdict = tally.verdict(quorum: plan.quorum)
        round.argumentation = try AppDatabase.argumentation(db, round: round, panelCase: panelCase).encoded()
        if let weighted = try AppDatabase.weightedSupport(db, roundId: roundId, municipalityId: panelCase.municipalityId) {
            round.weightedSupport = weighted.share
            round.weightedLower = weighted.interval?.lower
            round.weightedUpper = weighted.interval?.upper
            round.effectiveVotes = weighted.effective
        }
        round.participation = try AppDatabase.participation(db, roundId: roundId).encoded()
        round.panelDraw = try AppDatabase.panelDrawSummary(db, municipalityId: panelCase.municipalityId)?.encoded()
        try round.update(db)
        let municipality = try requireMunicipality()
        var added = try outbox.add(
            .verdict, recipientKey: "m\(municipality.id)", to: municipality.email, municipalityId: municipality.id)
        added += try outbox.addForMembers(.outcome)
        return added
    }

    private func panelSize() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM roundMember WHERE roundId = ?", arguments: [roundId]) ?? 0
    }

    private func requireMunicipality() throws -> Municipality {
        guard let municipality = try Municipality.fetchOne(db, key: panelCase.municipalityId) else {
            throw StoreError.unknownMunicipality(panelCase.municipalityId)
        }
        return municipality
    }
}

extension AppDatabase {
    /// Who is on a round's panel: the municipality's active panelists who are in fewer than
    /// `plan.maxOpenRounds` open rounds; when the case needs only `round.panelTarget` of them, those who
    /// served in the fewest rounds so far, ties broken by a hash of round and panelist (reproducible,
    /// and not by id or alphabet).
    static func drawPanel(
        _ db: Database, round: Round, municipalityId: String, plan: DiscussionPlan, now: Date
    ) throws -> [Int64] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT p.id,
                  (SELECT COUNT(*) FROM roundMember m JOIN round r ON r.id = m.roundId
                   WHERE m.panelistId = p.id AND r.state IN ('discussion', 'voting') AND r.id <> ?) AS open,
                  (SELECT COUNT(*) FROM roundMember m WHERE m.panelistId = p.id AND m.roundId <> ?) AS served
                FROM panelist p WHERE p.municipalityId = ? AND p.status = 'active' AND p.suspendedAt IS NULL
                  AND p.erasedAt IS NULL AND (p.pausedUntil IS NULL OR p.pausedUntil <= ?) ORDER BY p.id
                """,
            arguments: [round.id, round.id, municipalityId, now])
        var eligible: [(id: Int64, served: Int, tiebreak: UInt64)] = []
        for row in rows {
            let open: Int = row["open"]
            guard plan.maxOpenRounds == 0 || open < plan.maxOpenRounds else { continue }
            let id: Int64 = row["id"]
            var mix = SplitMix64(seed: UInt64(bitPattern: round.id ?? 0) &* 0x9E37_79B9 ^ UInt64(bitPattern: id))
            eligible.append((id, row["served"], mix.next()))
        }
        guard let target = round.panelTarget, target < eligible.count else { return eligible.map(\.id) }
        return eligible.sorted { ($0.served, $0.tiebreak) < ($1.served, $1.tiebreak) }.prefix(target).map(\.id).sorted()
    }

    /// At most one case mail per panelist per day: a member who already has one from another round on the
    /// same day (or later) gets this one the next day; the sending window then picks its hour.
    static func spaceCaseMail(_ db: Database, roundId: Int64, now: Date, timeZone: TimeZone) throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT o.id, (SELECT MAX(COALESCE(x.nextAttemptAt, x.createdAt)) FROM outbox x
                              WHERE x.panelistId = o.panelistId AND x.kind = 'case' AND x.roundId <> o.roundId) AS previous
                FROM outbox o WHERE o.roundId = ? AND o.kind = 'case' AND o.state = 'pending'
                """,
            arguments: [roundId])
        for row in rows {
            guard let previous: Date = row["previous"] else { continue }
            let previousDay = calendar.startOfDay(for: previous)
            guard previousDay >= calendar.startOfDay(for: now),
                let next = calendar.date(byAdding: .day, value: 1, to: previousDay)
            else { continue }
            try db.cachedStatement(sql: "UPDATE outbox SET nextAttemptAt = ? WHERE id = ?")
                .execute(arguments: [next, row["id"] as Int64])
        }
    }
}

/// Writes outbox rows inside a step's transaction.
struct OutboxWriter {
    let db: Database
    let roundId: Int64
    let now: Date
    let domain: String
    /// `now` as stored: GRDB formats a `Date` through a `DateFormatter`, and a round's publish writes one row per
    /// panelist with the same time.
    private let createdAt: DatabaseValue

    init(db: Database, roundId: Int64, now: Date, domain: String) {
        self.db = db
        self.roundId = roundId
        self.now = now
        self.domain = domain
        self.createdAt = now.databaseValue
    }

    /// Which members a message goes to, beyond "active and on this round's panel".
    enum Audience {
        case everyone
        case nonVoters
        /// Members who did not opt out of digests.
        case digestReaders
        /// Members who neither argued, asked nor voted, and did not say "don't remind me".
        case silentMembers
    }

    /// One message to every member of the round in `audience` who is still subscribed.
    func addForMembers(_ kind: MailKind, audience: Audience = .everyone, sequence: Int = 0) throws -> Int {
        let filter =
            switch audience {
            case .everyone: ""
            case .nonVoters:
                "AND NOT EXISTS (SELECT 1 FROM vote v WHERE v.roundId = m.roundId AND v.panelistId = m.panelistId)"
            case .digestReaders: "AND m.wantsDigest"
            case .silentMembers:
                """
                AND m.wantsReminder
                AND NOT EXISTS (SELECT 1 FROM vote v WHERE v.roundId = m.roundId AND v.panelistId = m.panelistId)
                AND NOT EXISTS (SELECT 1 FROM argument a WHERE a.roundId = m.roundId AND a.panelistId = m.panelistId)
                AND NOT EXISTS (
                  SELECT 1 FROM questionAsker qa JOIN question q ON q.id = qa.questionId
                  WHERE q.roundId = m.roundId AND qa.panelistId = m.panelistId)
                """
            }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT p.id, p.email FROM roundMember m JOIN panelist p ON p.id = m.panelistId
                WHERE m.roundId = ? AND p.status = 'active' AND p.suspendedAt IS NULL AND p.erasedAt IS NULL
                  AND (p.pausedUntil IS NULL OR p.pausedUntil <= ?) \(filter) ORDER BY p.id
                """,
            arguments: [roundId, now])
        var added = 0
        for row in rows {
            let panelistId: Int64 = row["id"]
            added += try add(kind, recipientKey: "p\(panelistId)", to: row["email"], panelistId: panelistId, sequence: sequence)
        }
        return added
    }

    func add(
        _ kind: MailKind, recipientKey: String, to address: String, panelistId: Int64? = nil,
        municipalityId: String? = nil, sequence: Int = 0, argumentId: Int64? = nil, inboundId: Int64? = nil
    ) throws -> Int {
        guard try AppDatabase.mayAnswer(db, kind: kind, to: address, now: now) else { return 0 }
        // Deterministic: the same purpose, round, recipient and sequence always give the same Message-ID.
        let suffix = sequence == 0 ? "" : ".\(sequence)"
        let messageId = try AppDatabase.messageId(
            db, key: "\(kind.rawValue).r\(roundId).\(recipientKey)\(suffix)", domain: domain)
        try db.cachedStatement(
            sql: """
                INSERT OR IGNORE INTO outbox
                  (kind, roundId, panelistId, municipalityId, recipientKey, sequence, argumentId, inboundId, toAddress,
                   messageId, state, createdAt, attempts)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, 0)
                """
        )
        .execute(
            arguments: [
                kind, roundId, panelistId, municipalityId, recipientKey, sequence, argumentId, inboundId, address,
                messageId, createdAt,
            ])
        return db.changesCount
    }
}
