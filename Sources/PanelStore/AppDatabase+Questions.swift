import Crypto
import Foundation
import GRDB
import PanelCore

/// A question as panel and municipality see it.
public struct QuestionView: Sendable, Equatable {
    public var id: Int64
    public var number: Int
    public var text: String
    public var askCount: Int
    public var answer: String?
    public var answerStatus: PanelArgument.Status?
    public var askedAt: Date
    public var answeredAt: Date?
}

extension AppDatabase {
    /// Files a panelist's question: merged into an alike one of the same round (counted), or new.
    /// The acknowledgement is written in the same transaction. Idempotent by spool name.
    @discardableResult
    public func fileQuestion(_ filing: ReplyFiling, now: Date, messageDomain: String) throws -> (InboundMail, Question) {
        try writer.write { db in
            if let existing = try InboundMail.filter(Column("spoolName") == filing.spoolName).fetchOne(db)
                ?? Self.duplicate(db, messageId: filing.messageId, roundId: filing.roundId, panelistId: filing.panelistId),
                let asked = try Question.fetchOne(
                    db, sql: "SELECT q.* FROM question q JOIN questionAsker a ON a.questionId = q.id WHERE a.inboundId = ?",
                    arguments: [existing.id])
            {
                return (existing, asked)
            }
            guard let panelist = try Panelist.fetchOne(db, key: filing.panelistId) else { throw StoreError.unknownPanelist }
            try Self.requireMember(db, roundId: filing.roundId, panelistId: filing.panelistId)
            var mail = InboundMail(
                spoolName: filing.spoolName, receivedAt: now, messageId: filing.messageId, fromAddress: filing.fromAddress,
                roundId: filing.roundId, panelistId: filing.panelistId, disposition: .question, detail: nil, raw: filing.raw)
            try mail.insert(db)
            let question = try Self.recordQuestion(
                db, roundId: filing.roundId, text: filing.text, panelistId: filing.panelistId, inboundId: mail.id!, now: now)
            if panelist.isAnswerable {
                let outbox = OutboxWriter(db: db, roundId: filing.roundId, now: now, domain: messageDomain)
                _ = try outbox.add(
                    .acknowledgement, recipientKey: "p\(panelist.id!)", to: panelist.email, panelistId: panelist.id,
                    sequence: Int(mail.id!), inboundId: mail.id)
            }
            return (mail, question)
        }
    }

    /// A panelist's question for the municipality: counted on an alike question of the round (once per panelist),
    /// or added as a new one. The one place where questions are merged.
    static func recordQuestion(
        _ db: Database, roundId: Int64, text: String, panelistId: Int64, inboundId: Int64, now: Date
    ) throws -> Question {
        let open = try Question.filter(Column("roundId") == roundId).fetchAll(db)
        var question: Question
        if var alike = open.max(by: { QuestionText.similarity($0.text, text) < QuestionText.similarity($1.text, text) }),
            QuestionText.similarity(alike.text, text) >= QuestionText.mergeThreshold
        {
            let known =
                try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM questionAsker WHERE questionId = ? AND panelistId = ?)",
                    arguments: [alike.id, panelistId]) ?? false
            if !known { alike.askCount += 1 }
            try alike.update(db)
            question = alike
        } else {
            let number =
                (try Int.fetchOne(db, sql: "SELECT MAX(number) FROM question WHERE roundId = ?", arguments: [roundId]) ?? 0) + 1
            question = Question(roundId: roundId, number: number, text: text, askCount: 1, createdAt: now)
            try question.insert(db)
        }
        try db.execute(
            sql: "INSERT OR IGNORE INTO questionAsker (questionId, panelistId, inboundId) VALUES (?, ?, ?)",
            arguments: [question.id, panelistId, inboundId])
        return question
    }

    /// Questions this close to the opening of the vote are late: the municipality may not answer in time.
    public static let lateQuestionWindow: TimeInterval = 2 * 86_400

    /// Offers the moderator to extend the discussion when questions go to the municipality late
    /// (once per extension: after one, a later late question may bring another offer).
    static func offerExtensionIfLate(_ db: Database, round: Round, now: Date, domain: String, moderatorAddress: String?) throws {
        guard let moderatorAddress, round.state == .discussion, round.voteAt.timeIntervalSince(now) < lateQuestionWindow else {
            return
        }
        let outbox = OutboxWriter(db: db, roundId: round.id!, now: now, domain: domain)
        _ = try outbox.add(.extensionOffer, recipientKey: "moderator", to: moderatorAddress, sequence: round.extensions)
    }

    /// Moves voting and the deadline `days` later and tells every member once. Only during discussion.
    /// `oneTimeLink` (the link's token) makes it happen once per link: a replayed POST throws `.linkUsed`.
    @discardableResult
    public func extendDiscussion(roundId: Int64, days: Int, now: Date, messageDomain: String, oneTimeLink: String? = nil)
        throws -> Round
    {
        try writer.write { db in
            guard var round = try Round.fetchOne(db, key: roundId) else { throw StoreError.unknownRound(roundId) }
            if let oneTimeLink {
                let hash = SHA256.hash(data: Data(oneTimeLink.utf8)).map { String(format: "%02x", $0) }.joined()
                try db.execute(sql: "INSERT OR IGNORE INTO usedLink (hash, usedAt) VALUES (?, ?)", arguments: [hash, now])
                guard db.changesCount == 1 else { throw StoreError.linkUsed }
            }
            guard round.state == .discussion || round.state == .scheduled else {
                throw StoreError.caseAlreadyRunning(round.caseId, state: round.state.rawValue)
            }
            guard (1...30).contains(days) else { throw StoreError.invalidExtension }
            let shift = TimeInterval(days) * 86_400
            round.voteAt += shift
            round.voteReminderAt += shift
            round.deadline += shift
            round.extensions += 1
            try round.update(db)
            try Self.audit(
                db, actor: "moderator", action: "round.extend", subject: "case \(round.caseId)", detail: "\(days) days", now: now)
            if round.state == .discussion {
                _ = try OutboxWriter(db: db, roundId: roundId, now: now, domain: messageDomain)
                    .addForMembers(.timelineChange, sequence: round.extensions)
            }
            return round
        }
    }

    /// The moderator decides a held or published argument is really a question for the municipality.
    @discardableResult
    public func turnIntoQuestion(caseId: Int64, argumentNumber: Int, now: Date) throws -> Question {
        try writer.write { db in
            guard let round = try Round.filter(Round.Columns.caseId == caseId).fetchOne(db) else {
                throw StoreError.unknownCase(caseId)
            }
            guard
                var argument = try PanelArgument.filter(Column("roundId") == round.id! && Column("number") == argumentNumber)
                    .fetchOne(db)
            else { throw StoreError.unknownArgument }
            argument.status = .rejected
            argument.flags.insert(.question)
            try argument.update(db)
            let number =
                (try Int.fetchOne(db, sql: "SELECT MAX(number) FROM question WHERE roundId = ?", arguments: [round.id!]) ?? 0) + 1
            var question = Question(roundId: round.id!, number: number, text: argument.text, askCount: 1, createdAt: now)
            try question.insert(db)
            try db.execute(
                sql: "INSERT OR IGNORE INTO questionAsker (questionId, panelistId, inboundId) VALUES (?, ?, ?)",
                arguments: [question.id, argument.panelistId, argument.inboundId])
            return question
        }
    }

    /// Files the municipality's answer to a question; held for the moderator when flagged.
    @discardableResult
    public func fileAnswer(
        questionId: Int64, spoolName: String, raw: Data, messageId: String?, fromAddress: String?, text: String, flags: HoldFlags,
        now: Date, messageDomain: String, moderatorAddress: String?
    ) throws -> Question {
        try writer.write { db in
            guard var question = try Question.fetchOne(db, key: questionId) else { throw StoreError.unknownQuestion }
            if try InboundMail.filter(Column("spoolName") == spoolName).fetchCount(db) > 0 { return question }
            var mail = InboundMail(
                spoolName: spoolName, receivedAt: now, messageId: messageId, fromAddress: fromAddress, roundId: question.roundId,
                panelistId: nil, disposition: .answer, detail: InboundDetail.question(questionId).rawValue, raw: raw)
            try mail.insert(db)
            question.answer = text
            question.answerStatus = flags.isEmpty ? .published : .held
            question.answerFlags = flags
            question.answeredAt = now
            question.answerDigestNumber = nil
            try question.update(db)
            if question.answerStatus == .held, let moderatorAddress {
                let outbox = OutboxWriter(db: db, roundId: question.roundId, now: now, domain: messageDomain)
                _ = try outbox.add(
                    .moderation, recipientKey: "moderator.q\(question.id!)", to: moderatorAddress, sequence: Int(mail.id!),
                    inboundId: mail.id)
            }
            return question
        }
    }

    /// The municipality's answer to the verdict: what it decided and why. The first answer counts;
    /// later ones are recorded with the raw mail but change nothing the panel was told.
    @discardableResult
    public func fileFollowUp(
        roundId: Int64, spoolName: String, raw: Data, messageId: String?, fromAddress: String?, text: String,
        decision: FollowUpDecision, now: Date
    ) throws -> Round {
        try writer.write { db in
            guard var round = try Round.fetchOne(db, key: roundId) else { throw StoreError.unknownRound(roundId) }
            if try InboundMail.filter(Column("spoolName") == spoolName).fetchCount(db) > 0 { return round }
            var mail = InboundMail(
                spoolName: spoolName, receivedAt: now, messageId: messageId, fromAddress: fromAddress, roundId: roundId,
                panelistId: nil, disposition: .followUp, detail: nil, raw: raw)
            try mail.insert(db)
            guard round.followUpAt == nil else { return round }
            round.followUp = text
            round.followUpDecision = decision
            round.followUpAt = now
            try round.update(db)
            try Self.audit(
                db, actor: "municipality", action: "verdict.follow-up", subject: "case \(round.caseId)",
                detail: decision.rawValue, now: now)
            return round
        }
    }

    /// The moderator's decision on a held answer.
    @discardableResult
    public func moderateAnswer(questionId: Int64, approve: Bool) throws -> Question {
        try writer.write { db in
            guard var question = try Question.fetchOne(db, key: questionId) else { throw StoreError.unknownQuestion }
            guard question.answerStatus == .held else { return question }
            question.answerStatus = approve ? .published : .rejected
            try question.update(db)
            try Self.audit(
                db, actor: "moderator", action: approve ? "answer.publish" : "answer.reject",
                subject: "round \(question.roundId) question \(question.number)", now: Date())
            return question
        }
    }

    public func question(_ id: Int64) throws -> Question? {
        try writer.read { db in try Question.fetchOne(db, key: id) }
    }

    public func questions(roundId: Int64) throws -> [Question] {
        try writer.read { db in try Question.filter(Column("roundId") == roundId).order(Column("number")).fetchAll(db) }
    }

    /// The scheduler's input for a round: its own fields plus the questions not yet mailed.
    public func progress(of round: Round) throws -> RoundProgress {
        var progress = round.progress
        progress.unmailedQuestions = try writer.read { db in
            try Question.filter(Column("roundId") == round.id! && Column("mailNumber") == nil).fetchCount(db)
        }
        progress.questionsMailedAt = round.questionsMailedAt
        return progress
    }

    static func questionViews(_ db: Database, roundId: Int64, filter: String = "1", arguments extra: StatementArguments = [])
        throws -> [QuestionView]
    {
        try Question.fetchAll(
            db, sql: "SELECT * FROM question WHERE roundId = ? AND \(filter) ORDER BY number", arguments: [roundId] + extra
        )
        .map { question in
            QuestionView(
                id: question.id!, number: question.number, text: question.text, askCount: question.askCount,
                answer: question.answerStatus == .published ? question.answer : nil, answerStatus: question.answerStatus,
                askedAt: question.createdAt, answeredAt: question.answerStatus == .published ? question.answeredAt : nil)
        }
    }
}
