import Foundation
import GRDB
import PanelCore

public struct Municipality: Sendable, Equatable, Codable, FetchableRecord, PersistableRecord {
    public var id: String
    public var name: String
    public var email: String
    public var createdAt: Date
    /// SHA-256 (hex) of the secret that vouches for a case mail DKIM/SPF cannot vouch for.
    public var submissionSecretHash: String? = nil
    /// The names of the staff who answer questions and write follow-ups, one per line; masked like panelists'.
    public var staffNames: String? = nil

    public var staff: [String] {
        (staffNames ?? "").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

public struct Panelist: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
    public enum Status: String, Sendable, Codable {
        case active
        case unsubscribed
    }
    public var id: Int64?
    public var municipalityId: String
    public var email: String
    public var name: String?
    public var ageBand: String?
    public var gender: String?
    public var district: String?
    public var education: String?
    public var status: Status
    public var createdAt: Date
    public var updatedAt: Date
    public var household: String? = nil
    public var volunteerId: Int64? = nil
    /// The end of the panelist's term (e.g. a year after selection); rotation replaces them after it.
    public var termEndsAt: Date? = nil
    /// No case mail until then (PAUZE).
    public var pausedUntil: Date? = nil
    /// Set by a hard bounce, or too many soft ones; no mail while set.
    public var suspendedAt: Date? = nil
    public var suspendReason: String? = nil
    public var softBounces: Int = 0
    public var lastSoftBounceAt: Date? = nil
    public var erasedAt: Date? = nil

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Can be answered at all: subscribed, not suspended by bounces, not erased (a paused panelist who writes
    /// to us still hears back).
    public var isAnswerable: Bool { status == .active && suspendedAt == nil && erasedAt == nil }

    /// Receives case mail now: subscribed, not paused, not suspended, not erased.
    public func isReachable(at now: Date) -> Bool {
        status == .active && suspendedAt == nil && erasedAt == nil && (pausedUntil.map { $0 <= now } ?? true)
    }
}

/// A case as submitted; its running state lives in its `Round`.
public struct PanelCase: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
    public enum Status: String, Sendable, Codable {
        case submitted
        case approved
    }
    public static let databaseTableName = "panelCase"
    public var id: Int64?
    public var municipalityId: String
    public var title: String
    public var domain: String
    public var consentReference: String
    public var decision: String
    public var municipalityView: String
    public var applicantView: String
    public var framework: String
    public var question: String
    public var source: String
    public var status: Status
    public var createdAt: Date
    /// The newest version's number; its sections are the ones above.
    public var version: Int = 1

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public func text(of section: CaseSection) -> String {
        switch section {
        case .decision: decision
        case .municipalityView: municipalityView
        case .applicantView: applicantView
        case .framework: framework
        case .question: question
        }
    }
}

public struct Round: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var caseId: Int64
    public var state: RoundState
    public var publishAt: Date
    public var voteAt: Date
    public var voteReminderAt: Date
    public var deadline: Date
    public var publishedAt: Date?
    public var votingOpenedAt: Date?
    public var reminderSentAt: Date?
    public var closedAt: Date?
    public var panelSize: Int?
    public var supportCount: Int?
    public var opposeCount: Int?
    public var verdict: Verdict?
    public var digestsSent: Int = 0
    public var replyReminderSentAt: Date?
    public var questionMailsSent: Int = 0
    public var questionsMailedAt: Date?
    /// How often the moderator extended the discussion.
    public var extensions: Int = 0
    /// The municipality's answer to the verdict: what it decided and why.
    public var followUp: String?
    public var followUpDecision: FollowUpDecision?
    public var followUpAt: Date?
    public var followUpReminderSentAt: Date?
    public var followUpReportedAt: Date?
    public var noAnswerReportedAt: Date?
    /// The aggregated argumentation (JSON of `Argumentation`), fixed when the round closes.
    public var argumentation: String?
    /// Post-stratified (raked to the municipality's population margins) share supporting, 0…1, with its
    /// 95% interval and Kish's effective number of votes; nil without margins or profiles.
    public var weightedSupport: Double?
    public var weightedLower: Double?
    public var weightedUpper: Double?
    public var effectiveVotes: Double?
    /// The named timeline the moderator chose (`standaard`, `kort`, …); nil for explicit dates.
    public var timelineName: String? = nil
    /// How many panelists to draw when the case needs only part of the panel; nil: everyone eligible.
    public var panelTarget: Int? = nil
    /// Who took part, per group (JSON of `Participation`, small counts hidden), fixed when the round closes.
    public var participation: String? = nil
    /// How the panel was drawn (JSON of `PanelDrawSummary`), fixed when the round closes; nil for an imported panel.
    public var panelDraw: String? = nil

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public var timeline: Timeline {
        Timeline(publishAt: publishAt, voteAt: voteAt, voteReminderAt: voteReminderAt, deadline: deadline)
    }

    public var progress: RoundProgress {
        RoundProgress(
            state: state, digestsSent: digestsSent, replyReminderSent: replyReminderSentAt != nil,
            voteReminderSent: reminderSentAt != nil, closedAt: closedAt, followUpReceived: followUpAt != nil,
            followUpReminderSent: followUpReminderSentAt != nil, followUpReported: followUpReportedAt != nil,
            noAnswerReported: noAnswerReportedAt != nil)
    }

    /// The stored tally of a closed round.
    public var tally: Tally? {
        guard let panelSize, let supportCount, let opposeCount else { return nil }
        return Tally(support: supportCount, oppose: opposeCount, panelSize: panelSize)
    }
}

public struct Vote: Sendable, Equatable, Codable, FetchableRecord, PersistableRecord {
    public var roundId: Int64
    public var panelistId: Int64
    public var choice: VoteChoice
    public var castAt: Date
    /// How often the panelist changed their mind; the last vote counts.
    public var changes: Int
}

/// One row of the transactional outbox: a message a transition implies, delivered later from `Queue/`.
public struct OutboxMessage: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
    public enum State: String, Sendable, Codable, CaseIterable {
        /// Written by a transition; not yet rendered into the spool.
        case pending
        /// Rendered into `Queue/outgoing/`; waiting for the sender.
        case queued
        /// A delivery attempt failed temporarily; `nextAttemptAt` says when to try again.
        case deferred
        /// Accepted by the SMTP server.
        case sent
        /// Permanently refused (5xx) or expired after too many days of deferral.
        case failed
        /// Kept back by the moderator (`queue hold`) until released.
        case held
    }
    public static let databaseTableName = "outbox"
    public var id: Int64?
    public var kind: MailKind
    /// Nil for mail about a case under review (`kind.isIntake`).
    public var roundId: Int64?
    public var caseId: Int64?
    public var panelistId: Int64?
    public var municipalityId: String?
    /// `p{panelistId}` or `m{municipalityId}`: with kind and round, the idempotency key.
    public var recipientKey: String
    /// Distinguishes several messages of one kind to one recipient in a round (digest number, inbound id).
    public var sequence: Int = 0
    public var argumentId: Int64?
    public var inboundId: Int64?
    public var toAddress: String
    public var messageId: String
    public var state: State
    public var createdAt: Date
    public var attempts: Int
    public var nextAttemptAt: Date?
    public var lastCode: Int?
    public var lastError: String?
    public var sentAt: Date?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The file name of the rendered message in the spool.
    public var spoolName: String { "\(id ?? 0)-\(kind.rawValue).eml" }
}

extension OutboxMessage {
    /// Read by column, not through `Decodable`: a round's tick reads every row three times (pending, contexts,
    /// deliverable), and the generic decoder was about 4% of a 10,000-panelist tick's CPU. Same errors for a bad value.
    public init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        kind = try row.decode(forColumn: "kind")
        roundId = try row.decode(forColumn: "roundId")
        caseId = try row.decode(forColumn: "caseId")
        panelistId = try row.decode(forColumn: "panelistId")
        municipalityId = try row.decode(forColumn: "municipalityId")
        recipientKey = try row.decode(forColumn: "recipientKey")
        sequence = try row.decode(forColumn: "sequence")
        argumentId = try row.decode(forColumn: "argumentId")
        inboundId = try row.decode(forColumn: "inboundId")
        toAddress = try row.decode(forColumn: "toAddress")
        messageId = try row.decode(forColumn: "messageId")
        state = try row.decode(forColumn: "state")
        createdAt = try row.decode(forColumn: "createdAt")
        attempts = try row.decode(forColumn: "attempts")
        nextAttemptAt = try row.decode(forColumn: "nextAttemptAt")
        lastCode = try row.decode(forColumn: "lastCode")
        lastError = try row.decode(forColumn: "lastError")
        sentAt = try row.decode(forColumn: "sentAt")
    }
}

/// One inbound message as received, and what became of it.
public struct InboundMail: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
    public enum Disposition: String, Sendable, Codable {
        /// Stored as a published argument.
        case argument
        /// Stored as an argument held for the moderator.
        case held
        /// A panelist's question to the municipality.
        case question
        /// The municipality's answer to a question.
        case answer
        /// The municipality's answer to the verdict.
        case followUp = "follow-up"
        /// After the deadline: answered politely, not stored as an argument.
        case late
        case autoReply = "auto-reply"
        case bounce
        /// No valid reply address: nobody we know, or a forged or damaged token.
        case unknownRecipient = "unknown-recipient"
        /// Nothing left after trimming quotes and signatures.
        case empty
        /// Not a mail message at all (no headers, empty): refused to the MTA with sysexits 65.
        case malformed
        /// A case (or a new version of one) submitted by mail to the cases address.
        case caseSubmission = "case"
        /// Mail to the cases address that was not taken as a case; `detail` says why.
        case caseRefused = "case-refused"
        /// A resident's join mail (`detail`: the code, or join-unknown).
        case join
        /// A panelist's request: my data, erase, pause, unsubscribe (`detail` says which).
        case request
        /// A reply that was only VOOR or TEGEN while voting was open: recorded as the panelist's vote.
        case vote
        /// A reply kept for the moderator that is neither argument nor vote; `detail` says what it looked like
        /// (`ambiguous-vote`, `vote-word:not-open`, `vote-word:other-address`, `thanks`). Never published.
        case notArgument = "not-argument"
        /// A spam complaint (an ARF feedback report) about one of our messages: its panelist is unsubscribed.
        case complaint
    }
    public static let databaseTableName = "inbound"
    public var id: Int64?
    public var spoolName: String
    public var receivedAt: Date
    public var messageId: String?
    public var fromAddress: String?
    public var roundId: Int64?
    public var panelistId: Int64?
    public var disposition: Disposition
    public var detail: String?
    public var raw: Data
    /// For a case submission: the case it created or revised.
    public var caseId: Int64? = nil

    public init(
        spoolName: String, receivedAt: Date, messageId: String?, fromAddress: String?, roundId: Int64?, panelistId: Int64?,
        disposition: Disposition, detail: String?, raw: Data
    ) {
        self.spoolName = spoolName
        self.receivedAt = receivedAt
        self.messageId = messageId
        self.fromAddress = fromAddress
        self.roundId = roundId
        self.panelistId = panelistId
        self.disposition = disposition
        self.detail = detail
        self.raw = raw
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A panelist's argument (or reaction to one), numbered per round: "#12".
public struct PanelArgument: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "argument"
    public enum Status: String, Sendable, Codable {
        case published
        /// Waiting for the moderator: it had links, masked personal data, or came from another address.
        case held
        case rejected
    }
    public var id: Int64?
    public var roundId: Int64
    public var panelistId: Int64
    public var number: Int
    public var parentNumber: Int?
    /// As shown to others: trimmed and with personal data masked.
    public var text: String
    public var status: Status
    /// Why it was held (`link`, `personal-data`, `other-sender`, `auth-fail`, …); stored comma-separated.
    public var flags: HoldFlags
    public var createdAt: Date
    public var inboundId: Int64?
    /// The digest that carried it to the panel.
    public var digestNumber: Int?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Municipality {
    public enum Columns {
        public static let id = Column(CodingKeys.id)
    }
}

extension Panelist {
    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let municipalityId = Column(CodingKeys.municipalityId)
        public static let email = Column(CodingKeys.email)
        public static let status = Column(CodingKeys.status)
    }
}

extension Round {
    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let caseId = Column(CodingKeys.caseId)
        public static let state = Column(CodingKeys.state)
    }
}

extension Vote {
    public enum Columns {
        public static let roundId = Column(CodingKeys.roundId)
        public static let panelistId = Column(CodingKeys.panelistId)
        public static let choice = Column(CodingKeys.choice)
    }
}

extension OutboxMessage {
    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let kind = Column(CodingKeys.kind)
        public static let roundId = Column(CodingKeys.roundId)
        public static let state = Column(CodingKeys.state)
        public static let nextAttemptAt = Column(CodingKeys.nextAttemptAt)
        public static let recipientKey = Column(CodingKeys.recipientKey)
    }
}

extension InboundMail.Disposition: DatabaseValueConvertible {}
extension FollowUpDecision: DatabaseValueConvertible {}
extension PanelArgument.Status: DatabaseValueConvertible {}
extension RoundState: DatabaseValueConvertible {}
extension Verdict: DatabaseValueConvertible {}
extension VoteChoice: DatabaseValueConvertible {}
extension MailKind: DatabaseValueConvertible {}
extension Panelist.Status: DatabaseValueConvertible {}
extension PanelCase.Status: DatabaseValueConvertible {}
extension OutboxMessage.State: DatabaseValueConvertible {}

/// A panelist's question to the municipality; alike questions are merged and counted.
public struct Question: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var roundId: Int64
    /// "Vraag 3", per round.
    public var number: Int
    /// As asked first, personal data masked.
    public var text: String
    public var askCount: Int
    public var createdAt: Date
    public var mailNumber: Int?
    public var answer: String?
    public var answerStatus: PanelArgument.Status?
    public var answerFlags: HoldFlags?
    public var answeredAt: Date?
    public var answerDigestNumber: Int?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public var isAnswered: Bool { answerStatus == .published }
}

/// One version of a case as the municipality submitted it. Versions are never changed, only returned.
public struct CaseVersion: Sendable, Equatable, Codable, FetchableRecord, PersistableRecord {
    public enum Via: String, Sendable, Codable {
        case cli
        case mail
    }
    public static let databaseTableName = "caseVersion"
    public var caseId: Int64
    public var version: Int
    public var source: String
    public var submittedAt: Date
    public var via: Via
    public var fromAddress: String?
    public var returnedAt: Date?
    public var returnReason: String?

    public init(
        caseId: Int64, version: Int, source: String, submittedAt: Date, via: Via, fromAddress: String? = nil,
        returnedAt: Date? = nil, returnReason: String? = nil
    ) {
        self.caseId = caseId
        self.version = version
        self.source = source
        self.submittedAt = submittedAt
        self.via = via
        self.fromAddress = fromAddress
        self.returnedAt = returnedAt
        self.returnReason = returnReason
    }
}

/// A resident who joined with an invitation code; a candidate for `panel select`.
public struct VolunteerRecord: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
    public enum Status: String, Sendable, Codable {
        /// Joined; has not confirmed yet (double opt-in).
        case pending
        case confirmed
        /// On the panel now.
        case selected
        case withdrawn
    }
    public static let databaseTableName = "volunteer"
    public var id: Int64?
    public var municipalityId: String
    public var email: String
    public var invitationCode: String?
    public var household: String?
    /// JSON object category → value.
    public var answers: String
    public var status: Status
    public var createdAt: Date
    public var confirmedAt: Date?
    public var selectedAt: Date?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public var answerValues: [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(answers.utf8))) ?? [:]
    }
}
