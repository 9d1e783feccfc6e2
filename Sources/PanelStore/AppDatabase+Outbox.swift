import Foundation
import GRDB
import PanelCore

/// Per-state counts and the oldest trouble, for `queue status`.
public struct QueueStatus: Sendable {
    public var counts: [OutboxMessage.State: Int]
    public var oldestDeferred: OutboxMessage?
    public var failed: [OutboxMessage]
}

extension AppDatabase {
    public func pendingMessages(limit: Int) throws -> [OutboxMessage] {
        try writer.read { db in
            try OutboxMessage.filter(OutboxMessage.Columns.state == OutboxMessage.State.pending)
                .order(OutboxMessage.Columns.id).limit(limit).fetchAll(db)
        }
    }

    public func mailContext(_ message: OutboxMessage) throws -> MailContext {
        guard message.kind.isIntake else { return .round(try messageContext(message)) }
        var context = try intakeContext(message)
        if message.kind == .myData, let panelistId = message.panelistId {
            context.personalData = try personalData(panelistId: panelistId)
        }
        return .intake(context)
    }

    public func intakeContext(_ message: OutboxMessage) throws -> IntakeMailContext {
        try writer.read { db in
            var context = IntakeMailContext(message: message)
            if let caseId = message.caseId {
                context.panelCase = try PanelCase.fetchOne(db, key: caseId)
                context.version = try CaseVersion.fetchOne(db, key: ["caseId": caseId, "version": message.sequence])
                context.round = try Round.filter(Round.Columns.caseId == caseId).fetchOne(db)
            }
            if message.kind == .join || message.kind == .seatOffer {
                context.volunteer = try VolunteerRecord.fetchOne(db, key: Int64(message.sequence))
                if let volunteer = context.volunteer {
                    context.questions = try Self.backgroundQuestions(db, municipalityId: volunteer.municipalityId)
                }
            }
            if let panelistId = message.panelistId {
                context.panelist = try Panelist.fetchOne(db, key: panelistId)
            }
            let municipalityId =
                message.municipalityId ?? context.panelCase?.municipalityId ?? context.volunteer?.municipalityId
            context.municipality = try municipalityId.flatMap { try Municipality.fetchOne(db, key: $0) }
            if let inboundId = message.inboundId, message.kind == .caseRefused || message.kind == .caseSetup,
                let row = try Row.fetchOne(db, sql: "SELECT detail, raw FROM inbound WHERE id = ?", arguments: [inboundId])
            {
                context.refusal = row["detail"]
                let raw: Data = row["raw"]
                context.refusedSubject = Self.subjectLine(of: raw)
            }
            return context
        }
    }

    /// The Subject of a stored raw message, unfolded; RFC 2047 is left to the reader (it is only shown).
    static func subjectLine(of raw: Data) -> String? {
        let head = raw.prefix(64 * 1024)
        let text = String(decoding: head, as: UTF8.self)
        var subject: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if line.isEmpty { break }
            if subject != nil, let first = line.first, first == " " || first == "\t" {
                subject! += " " + line.trimmingCharacters(in: .whitespaces)
                continue
            }
            if subject != nil { break }
            if line.lowercased().hasPrefix("subject:") {
                subject = line.dropFirst("subject:".count).trimmingCharacters(in: .whitespaces)
            }
        }
        return subject
    }

    public func messageContext(_ message: OutboxMessage) throws -> MessageContext {
        try writer.read { db in
            var cache = MessageContextCache()
            return try Self.messageContext(db, message, cache: &cache)
        }
    }

    /// The contexts of a batch of outbox rows, in order, read in one transaction: what a round, or a (round,
    /// kind, sequence), shares is read once, and the recipients' own rows (panelist, vote, pseudonym) in bulk.
    /// The same contexts, field for field, as `mailContext` one by one.
    public func mailContexts(_ messages: [OutboxMessage]) throws -> [MailContext] {
        var contexts = [MailContext?](repeating: nil, count: messages.count)
        try writer.read { db in
            var cache = MessageContextCache()
            try cache.loadRecipients(db, of: messages.filter { !$0.kind.isIntake })
            for (index, message) in messages.enumerated() where !message.kind.isIntake {
                contexts[index] = .round(try Self.messageContext(db, message, cache: &cache))
            }
        }
        // Intake mail is rare and reads its own tables.
        for (index, message) in messages.enumerated() where message.kind.isIntake {
            contexts[index] = try mailContext(message)
        }
        return contexts.map { $0! }
    }

    static func messageContext(_ db: Database, _ message: OutboxMessage, cache: inout MessageContextCache) throws
        -> MessageContext
    {
        guard let roundId = message.roundId, let shared = try cache.round(db, roundId) else {
            throw StoreError.unknownRound(message.roundId ?? 0)
        }
        let round = shared.round
        let panelist = try message.panelistId.flatMap { try cache.panelist(db, $0) }
        let vote = try panelist.flatMap { try cache.vote(db, roundId: roundId, panelistId: $0.id!) }
        var context = MessageContext(
            message: message, round: round, panelCase: shared.panelCase, municipality: shared.municipality,
            panelist: panelist, tally: shared.tally, vote: vote)
        let content = try cache.content(db, message, roundId: roundId)
        context.arguments = content.arguments
        context.attachmentCount = content.attachmentCount
        context.heldReasons = content.heldReasons
        context.questions = content.questions
        if let panelistId = panelist?.id {
            context.pseudonym = try cache.pseudonym(db, roundId: roundId, panelistId: panelistId)
        }
        return context
    }

    /// Arguments, attachments and questions of one message: for most kinds the same for every recipient of a
    /// (round, kind, sequence); for acknowledgements and moderation requests, the message's own.
    static func messageContent(_ db: Database, _ message: OutboxMessage, roundId: Int64) throws -> MessageContent {
        var content = MessageContent()
        switch message.kind {
        case .digest:
            content.arguments = try Self.argumentViews(
                db, roundId: roundId, filter: "a.status = 'published' AND a.digestNumber = ?", arguments: [message.sequence])
        case .vote, .voteReminder, .outcome:
            content.arguments = try Self.argumentViews(db, roundId: roundId)
        case .moderation:
            if let argumentId = message.argumentId {
                // Every argument still held from this one on: a burst is one mail (at most `moderationItems`).
                content.arguments = try Self.argumentViews(
                    db, roundId: roundId, filter: "(a.id = ? OR (a.id > ? AND a.status = 'held'))",
                    arguments: [argumentId, argumentId])
                content.heldReasons = content.arguments.first?.flags.explained ?? []
            }
        case .acknowledgement:
            if let argumentId = message.argumentId {
                content.arguments = try Self.argumentViews(db, roundId: roundId, filter: "a.id = ?", arguments: [argumentId])
            }
            if let inboundId = message.inboundId,
                case .attachments(let count) = InboundDetail(
                    try String.fetchOne(db, sql: "SELECT detail FROM inbound WHERE id = ?", arguments: [inboundId]))
            {
                content.attachmentCount = count
            }
        default:
            break
        }
        switch message.kind {
        case .questions:
            content.questions = try Self.questionViews(
                db, roundId: roundId, filter: "mailNumber = ?", arguments: [message.sequence])
        case .digest:
            content.questions = try Self.questionViews(
                db, roundId: roundId, filter: "answerDigestNumber = ?", arguments: [message.sequence])
        case .vote, .voteReminder, .verdict, .outcome, .extensionOffer, .followUp:
            content.questions = try Self.questionViews(db, roundId: roundId)
        case .acknowledgement:
            content.questions = try Self.questionViews(
                db, roundId: roundId, filter: "id IN (SELECT questionId FROM questionAsker WHERE inboundId = ?)",
                arguments: [message.inboundId])
        case .moderation:
            if let inboundId = message.inboundId,
                case .question(let questionId) = InboundDetail(
                    try String.fetchOne(db, sql: "SELECT detail FROM inbound WHERE id = ?", arguments: [inboundId])),
                let question = try Question.fetchOne(db, key: questionId)
            {
                content.questions = [
                    QuestionView(
                        id: questionId, number: question.number, text: question.text, askCount: question.askCount,
                        answer: question.answer, answerStatus: question.answerStatus, askedAt: question.createdAt,
                        answeredAt: question.answeredAt)
                ]
                content.heldReasons = question.answerFlags?.explained ?? []
            }
        default:
            break
        }
        return content
    }

    /// The spool file exists: hand the message to the sender.
    public func markQueued(_ ids: [Int64], now: Date) throws {
        try writer.write { db in
            try OutboxMessage.filter(
                ids.contains(OutboxMessage.Columns.id) && OutboxMessage.Columns.state == OutboxMessage.State.pending
            )
            .updateAll(
                db, OutboxMessage.Columns.state.set(to: OutboxMessage.State.queued),
                // A later time stays: a case mail spaced to the next day waits for it.
                OutboxMessage.Columns.nextAttemptAt.set(
                    to: SQL("MAX(COALESCE(\(OutboxMessage.Columns.nextAttemptAt), \(now)), \(now))").sqlExpression))
        }
    }

    /// Messages whose (next) delivery attempt is due, oldest first.
    public func deliverableMessages(now: Date, limit: Int) throws -> [OutboxMessage] {
        try writer.read { db in
            try OutboxMessage
                .filter([OutboxMessage.State.queued, .deferred].contains(OutboxMessage.Columns.state))
                .filter(OutboxMessage.Columns.nextAttemptAt == nil || OutboxMessage.Columns.nextAttemptAt <= now)
                .order(OutboxMessage.Columns.nextAttemptAt, OutboxMessage.Columns.id)
                .limit(limit).fetchAll(db)
        }
    }

    /// How many messages were accepted by the relay since `start` (a warm-up's daily count).
    public func sentCount(since start: Date) throws -> Int {
        try writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE state = 'sent' AND sentAt >= ?", arguments: [start])
                ?? 0
        }
    }

    public func markSent(_ id: Int64, code: Int, now: Date) throws {
        try markSent([(id, code)], now: now)
    }

    /// Several accepted messages in one transaction: one commit (and fsync) per batch, not per message.
    public func markSent(_ accepted: [(id: Int64, code: Int)], now: Date) throws {
        guard !accepted.isEmpty else { return }
        try writer.write { db in
            let statement = try db.cachedStatement(
                sql:
                    "UPDATE outbox SET state = 'sent', sentAt = ?, lastCode = ?, lastError = NULL, attempts = attempts + 1 WHERE id = ?"
            )
            // Formatted once: GRDB formats each `Date` argument through a `DateFormatter`.
            let sentAt = now.databaseValue
            for (id, code) in accepted { try statement.execute(arguments: [sentAt, code, id]) }
        }
    }

    public func markDeferred(_ id: Int64, code: Int, error: String, retryAt: Date) throws {
        try writer.write { db in
            try db.execute(
                sql:
                    "UPDATE outbox SET state = 'deferred', nextAttemptAt = ?, lastCode = ?, lastError = ?, attempts = attempts + 1 WHERE id = ?",
                arguments: [retryAt, code, error, id])
        }
    }

    /// Several deferrals with one reason in one transaction (a pass that found the relay dead).
    public func markDeferred(_ entries: [(id: Int64, retryAt: Date)], code: Int, error: String) throws {
        guard !entries.isEmpty else { return }
        try writer.write { db in
            let statement = try db.cachedStatement(
                sql:
                    "UPDATE outbox SET state = 'deferred', nextAttemptAt = ?, lastCode = ?, lastError = ?, attempts = attempts + 1 WHERE id = ?"
            )
            for entry in entries { try statement.execute(arguments: [entry.retryAt, code, error, entry.id]) }
        }
    }

    public func markFailed(_ id: Int64, code: Int, error: String) throws {
        try writer.write { db in
            try db.execute(
                sql:
                    "UPDATE outbox SET state = 'failed', nextAttemptAt = NULL, lastCode = ?, lastError = ?, attempts = attempts + 1 WHERE id = ?",
                arguments: [code, error, id])
        }
    }

    public func queueStatus() throws -> QueueStatus {
        try writer.read { db in
            var counts: [OutboxMessage.State: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM outbox GROUP BY state") {
                if let state = OutboxMessage.State(rawValue: row["state"]) { counts[state] = row["n"] }
            }
            let oldest = try OutboxMessage.filter(OutboxMessage.Columns.state == OutboxMessage.State.deferred)
                .order(OutboxMessage.Columns.id).fetchOne(db)
            let failed = try OutboxMessage.filter(OutboxMessage.Columns.state == OutboxMessage.State.failed)
                .order(OutboxMessage.Columns.id.desc).limit(20).fetchAll(db)
            return QueueStatus(counts: counts, oldestDeferred: oldest, failed: failed)
        }
    }

    public func messages(roundId: Int64? = nil) throws -> [OutboxMessage] {
        try writer.read { db in
            var request = OutboxMessage.order(OutboxMessage.Columns.id)
            if let roundId { request = request.filter(OutboxMessage.Columns.roundId == roundId) }
            return try request.fetchAll(db)
        }
    }
}

extension AppDatabase {
    public func outboxMessage(_ id: Int64) throws -> OutboxMessage? {
        try writer.read { db in try OutboxMessage.fetchOne(db, key: id) }
    }

    /// The moderator tries a failed or deferred message again at the next delivery; it is rendered anew.
    @discardableResult
    public func retryMessage(_ id: Int64, now: Date) throws -> OutboxMessage {
        try writer.write { db in
            guard var message = try OutboxMessage.fetchOne(db, key: id) else { throw StoreError.unknownMessage(id) }
            guard message.state == .failed || message.state == .deferred else { return message }
            message.state = .pending
            message.nextAttemptAt = now
            message.createdAt = max(message.createdAt, now.addingTimeInterval(-60))  // a fresh expiry period
            try message.update(db)
            return message
        }
    }
}

/// Which outbox rows a moderator command acts on.
public enum OutboxScope: Sendable {
    case ids([Int64])
    case caseId(Int64)
    case all
}

extension AppDatabase {
    /// Keeps unsent messages back. Returns how many were held.
    public func hold(_ scope: OutboxScope, now: Date) throws -> Int {
        try writer.write { db in
            try Self.update(db, scope, set: "state = 'held'", where: "state IN ('pending', 'queued', 'deferred')")
        }
    }

    /// Held messages go back to rendering (the same bytes: rendering is deterministic), keeping any later
    /// `nextAttemptAt` (a case mail spaced to tomorrow still waits). Returns how many were released.
    public func release(_ scope: OutboxScope) throws -> Int {
        try writer.write { db in try Self.update(db, scope, set: "state = 'pending'", where: "state = 'held'") }
    }

    static func update(_ db: Database, _ scope: OutboxScope, set: String, where condition: String) throws -> Int {
        switch scope {
        case .all:
            try db.execute(sql: "UPDATE outbox SET \(set) WHERE \(condition)")
        case .caseId(let caseId):
            try db.execute(
                sql: """
                    UPDATE outbox SET \(set) WHERE \(condition)
                      AND (caseId = ? OR roundId IN (SELECT id FROM round WHERE caseId = ?))
                    """,
                arguments: [caseId, caseId])
        case .ids(let ids):
            var changed = 0
            for id in ids {
                try db.execute(sql: "UPDATE outbox SET \(set) WHERE \(condition) AND id = ?", arguments: [id])
                changed += db.changesCount
            }
            return changed
        }
        return db.changesCount
    }
}

/// What a message's context holds besides its round and its recipient.
struct MessageContent {
    var arguments: [ArgumentView] = []
    var attachmentCount = 0
    var questions: [QuestionView] = []
    var heldReasons: [String] = []
}

/// Rows read once per batch of contexts (inside one read transaction): rounds with their case, municipality and
/// tally; content per (round, kind, sequence); and the recipients' panelist, vote and pseudonym, loaded in bulk.
/// A miss falls back to reading the row itself, so the cache never changes what a context holds.
struct MessageContextCache {
    struct SharedRound {
        var round: Round
        var panelCase: PanelCase
        var municipality: Municipality
        var tally: Tally
    }

    struct ContentKey: Hashable {
        var roundId: Int64
        var kind: String
        var sequence: Int
    }

    struct MemberKey: Hashable {
        var roundId: Int64
        var panelistId: Int64
    }

    private var rounds: [Int64: SharedRound?] = [:]
    private var contents: [ContentKey: MessageContent] = [:]
    private var panelists: [Int64: Panelist] = [:]
    /// Loaded members: an entry with nil means "no vote" / "no pseudonym", known without a query.
    private var votes: [MemberKey: VoteChoice?] = [:]
    private var pseudonyms: [MemberKey: Int?] = [:]

    mutating func round(_ db: Database, _ roundId: Int64) throws -> SharedRound? {
        if let known = rounds[roundId] { return known }
        var shared: SharedRound?
        if let round = try Round.fetchOne(db, key: roundId),
            let panelCase = try PanelCase.fetchOne(db, key: round.caseId),
            let municipality = try Municipality.fetchOne(db, key: panelCase.municipalityId)
        {
            let size =
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM roundMember WHERE roundId = ?", arguments: [roundId]) ?? 0
            let tally = try round.tally ?? AppDatabase.tally(db, roundId: roundId, panelSize: size)
            shared = SharedRound(round: round, panelCase: panelCase, municipality: municipality, tally: tally)
        }
        rounds[roundId] = shared
        return shared
    }

    mutating func content(_ db: Database, _ message: OutboxMessage, roundId: Int64) throws -> MessageContent {
        // Acknowledgements and moderation requests are about one reply: nothing to share.
        if message.kind == .acknowledgement || message.kind == .moderation {
            return try AppDatabase.messageContent(db, message, roundId: roundId)
        }
        let key = ContentKey(roundId: roundId, kind: message.kind.rawValue, sequence: message.sequence)
        if let known = contents[key] { return known }
        let content = try AppDatabase.messageContent(db, message, roundId: roundId)
        contents[key] = content
        return content
    }

    mutating func panelist(_ db: Database, _ id: Int64) throws -> Panelist? {
        if let known = panelists[id] { return known }
        return try Panelist.fetchOne(db, key: id)
    }

    mutating func vote(_ db: Database, roundId: Int64, panelistId: Int64) throws -> VoteChoice? {
        if let known = votes[MemberKey(roundId: roundId, panelistId: panelistId)] { return known }
        return try Vote.fetchOne(db, key: ["roundId": roundId, "panelistId": panelistId])?.choice
    }

    mutating func pseudonym(_ db: Database, roundId: Int64, panelistId: Int64) throws -> Int? {
        if let known = pseudonyms[MemberKey(roundId: roundId, panelistId: panelistId)] { return known }
        return try Int.fetchOne(
            db, sql: "SELECT pseudonym FROM roundMember WHERE roundId = ? AND panelistId = ?",
            arguments: [roundId, panelistId])
    }

    /// Reads the panelists of `messages`, and their votes and pseudonyms in the messages' rounds, a few queries
    /// per round instead of three per message.
    mutating func loadRecipients(_ db: Database, of messages: [OutboxMessage]) throws {
        let panelistIds = Array(Set(messages.compactMap(\.panelistId)))
        for chunk in panelistIds.chunks(of: 500) {
            for panelist in try Panelist.fetchAll(db, keys: chunk) { panelists[panelist.id!] = panelist }
        }
        var byRound: [Int64: Set<Int64>] = [:]
        for message in messages {
            if let roundId = message.roundId, let panelistId = message.panelistId, panelists[panelistId] != nil {
                byRound[roundId, default: []].insert(panelistId)
            }
        }
        for (roundId, members) in byRound {
            for chunk in Array(members).chunks(of: 500) {
                for id in chunk {
                    votes[MemberKey(roundId: roundId, panelistId: id)] = .some(nil)
                    pseudonyms[MemberKey(roundId: roundId, panelistId: id)] = .some(nil)
                }
                let list = chunk.map(String.init).joined(separator: ",")
                for vote in try Vote.fetchAll(
                    db, sql: "SELECT * FROM vote WHERE roundId = ? AND panelistId IN (\(list))", arguments: [roundId])
                {
                    votes[MemberKey(roundId: roundId, panelistId: vote.panelistId)] = .some(vote.choice)
                }
                for row in try Row.fetchAll(
                    db, sql: "SELECT panelistId, pseudonym FROM roundMember WHERE roundId = ? AND panelistId IN (\(list))",
                    arguments: [roundId])
                {
                    pseudonyms[MemberKey(roundId: roundId, panelistId: row["panelistId"])] = .some(row["pseudonym"])
                }
            }
        }
    }
}

extension Array {
    fileprivate func chunks(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
