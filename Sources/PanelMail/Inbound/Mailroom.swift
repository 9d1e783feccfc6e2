import Foundation
import Logging
import MailFormat
import PanelCore
import PanelStore

/// What became of one inbound message, for the MTA's exit code and the moderator's log.
public enum MailroomResult: Sendable, Equatable {
    case filed(InboundMail.Disposition)
    /// Unusable input (empty, no headers): the MTA should bounce it (sysexits 65).
    case malformed(String)
}

/// Receives inbound mail: raw bytes are first stored in `Queue/incoming/`, so a crash or a locked
/// database loses nothing; then the message is parsed, classified and filed.
public struct Mailroom: Sendable {
    public let database: AppDatabase
    public let spool: Spool
    public let signer: TokenSigner
    public let messageDomain: String
    public let moderatorAddress: String?
    /// Where municipalities mail cases, and whose Authentication-Results to trust; nil: no cases by mail.
    public let addresses: IntakeAddresses?
    public let logger: Logger

    public init(
        database: AppDatabase, spool: Spool, signer: TokenSigner, messageDomain: String, moderatorAddress: String?,
        addresses: IntakeAddresses? = nil, logger: Logger
    ) {
        self.database = database
        self.spool = spool
        self.signer = signer
        self.messageDomain = messageDomain
        self.moderatorAddress = moderatorAddress
        self.addresses = addresses
        self.logger = logger
    }

    /// Words that make the moderator look first. Short on purpose: the moderator, not a list, decides.
    static let flaggedWords: Set<String> = [
        "kanker", "tering", "tyfus", "klootzak", "kut", "lul", "hoer", "idioot", "debiel", "mongool", "fuck", "shit",
    ]

    /// Stores the raw message durably; returns its spool name. Throws only when it cannot be stored:
    /// the MTA must then try again later (sysexits 75).
    public func accept(_ bytes: [UInt8], envelopeRecipient: String? = nil, now: Date) throws -> String {
        var stored = bytes
        if let envelopeRecipient, !envelopeRecipient.isEmpty {
            // Keep the envelope recipient with the message: the token may be nowhere in its headers (Bcc).
            let line = "X-Tweedemening-Envelope-To: \(HeaderEncoding.sanitize(envelopeRecipient))\r\n"
            stored = Array(line.utf8) + bytes
        }
        let name = String(format: "%.6f", now.timeIntervalSince1970) + "-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).eml"
        try spool.write(stored, to: .incoming, name: name)
        return name
    }

    /// Processes one stored message and removes it from `Queue/incoming/` once filed.
    public func process(name: String, now: Date) throws -> MailroomResult {
        if let filed = try database.disposition(spoolName: name) {
            // Filed before: by a tick that found it first, or before a crash left the file behind.
            spool.remove(.incoming, name: name)
            return .filed(filed)
        }
        guard let bytes = spool.read(.incoming, name: name) else {
            // A concurrent runner filed and removed it between our two looks.
            if let filed = try database.disposition(spoolName: name) { return .filed(filed) }
            throw SpoolError.io("\(spool.url(.incoming, name).path) disappeared before it was filed", ENOENT)
        }
        let result = try file(name: name, bytes: bytes, now: now)
        spool.remove(.incoming, name: name)
        return result
    }

    /// Times a message in `Queue/incoming/` is tried before it is set aside in `Queue/unfiled/`: a message that
    /// fails every time (a bug, a constraint it breaks) must not be retried forever, nor block the moderator's view.
    public static let filingAttempts = 5

    /// What one pass over `Queue/incoming/` did.
    public struct LeftoverReport: Sendable {
        public var filed: [MailroomResult] = []
        /// One line per message moved to `Queue/unfiled/` in this pass, for the moderator.
        public var setAside: [String] = []
    }

    /// Every message still in `Queue/incoming/` (left by a crash or a busy database), oldest first.
    /// Files younger than `settle` are left to the `inbound deliver` process that is filing them now. A message
    /// that fails `filingAttempts` times is moved to `Queue/unfiled/` with the last error beside it.
    public func processLeftovers(now: Date, settle: TimeInterval = 60) -> LeftoverReport {
        let cutoff = Date().addingTimeInterval(-settle)
        var report = LeftoverReport()
        for name in spool.names(in: .incoming) where name.hasSuffix(".eml") {
            let modified =
                (try? FileManager.default.attributesOfItem(atPath: spool.url(.incoming, name).path)[.modificationDate]) as? Date
            guard let modified, modified < cutoff else { continue }
            do {
                report.filed.append(try process(name: name, now: now))
                spool.remove(.incoming, name: name + Self.attemptsSuffix)
            } catch {
                let attempts = failedAttempts(name) + 1
                logger.warning(
                    "inbound.retry_later",
                    metadata: ["inbound.file": "\(name)", "error": "\(error)", "inbound.attempts": "\(attempts)"])
                guard attempts >= Self.filingAttempts else {
                    try? spool.write(Array(String(attempts).utf8), to: .incoming, name: name + Self.attemptsSuffix)
                    continue
                }
                do {
                    try spool.setAside(name, why: "\(attempts) attempts to file it failed; the last: \(error)\n")
                    spool.remove(.incoming, name: name + Self.attemptsSuffix)
                    logger.error("inbound.unfiled", metadata: ["inbound.file": "\(name)", "error": "\(error)"])
                    report.setAside.append(
                        "inbound mail \(name) could not be filed (\(attempts) attempts; last error: \(error)); "
                            + "it is kept in Queue/unfiled/ — see `tweedemening queue status`")
                } catch let moveError {
                    logger.error("inbound.unfiled_failed", metadata: ["inbound.file": "\(name)", "error": "\(moveError)"])
                }
            }
        }
        return report
    }

    /// The filing, or nil when the panelist left the round (or was erased) after the first look: checked again
    /// inside the filing transaction. Any other error is thrown: the message stays in `Queue/incoming/`.
    func stillMember<T>(_ filing: () throws -> T) throws -> T? {
        do {
            return try filing()
        } catch StoreError.notInPanel, StoreError.unknownPanelist {
            return nil
        }
    }

    func gone(_ name: String, _ bytes: [UInt8], _ message: InboundMessage, now: Date) throws -> MailroomResult {
        try record(name, bytes, message, .unknownRecipient, now: now)
        return .filed(.unknownRecipient)
    }

    static let attemptsSuffix = ".attempts"

    func failedAttempts(_ name: String) -> Int {
        spool.read(.incoming, name: name + Self.attemptsSuffix).flatMap { Int(String(decoding: $0, as: UTF8.self)) } ?? 0
    }

    func file(name: String, bytes: [UInt8], now: Date) throws -> MailroomResult {
        let message: InboundMessage
        do {
            message = try InboundMessage.parse(bytes)
        } catch {
            try record(name, bytes, nil, .malformed, detail: error.description, now: now)
            return .malformed(error.description)
        }
        if let complaint = FeedbackReport.parse(bytes, envelopeRecipient: message.header("X-Tweedemening-Envelope-To")) {
            return try fileComplaint(complaint, name: name, bytes: bytes, message: message, now: now)
        }
        if message.isBounce {
            return try fileBounce(name: name, bytes: bytes, message: message, now: now)
        }
        if message.isAutoReply {
            try record(name, bytes, message, .autoReply, now: now)
            return .filed(.autoReply)
        }
        if let addresses, isAddressed(to: addresses.casesAddress, message) {
            return try fileCase(name: name, bytes: bytes, message: message, revisionOf: nil, now: now)
        }
        if let join = addresses?.joinAddress, isAddressed(to: join, message) {
            return try fileJoin(name: name, bytes: bytes, message: message, now: now)
        }
        guard let address = replyAddress(in: message) else {
            // Nobody we wrote to: record it, answer nothing (no backscatter to forged senders).
            try record(name, bytes, message, .unknownRecipient, now: now)
            return .filed(.unknownRecipient)
        }
        if address.purpose == .answer {
            return try fileAnswer(name: name, bytes: bytes, message: message, address: address, now: now)
        }
        if address.purpose == .revision {
            return try fileCase(name: name, bytes: bytes, message: message, revisionOf: address.subject, now: now)
        }
        if address.purpose == .municipality {
            return try fileFollowUp(name: name, bytes: bytes, message: message, address: address, now: now)
        }
        guard address.purpose == .panelist,
            let round = try database.round(address.round), let panelist = try database.panelist(address.subject),
            try database.isMember(roundId: address.round, panelistId: address.subject)
        else {
            // Nobody we wrote to: record it, answer nothing (no backscatter to forged senders).
            try record(name, bytes, message, .unknownRecipient, now: now)
            return .filed(.unknownRecipient)
        }
        return try fileReply(name: name, bytes: bytes, message: message, round: round, panelist: panelist, now: now)
    }

    /// A panelist's reply to their own reply address: a request (AFMELDEN, PAUZE, …), thanks, a vote word, a question
    /// or an argument.
    func fileReply(
        name: String, bytes: [UInt8], message: InboundMessage, round: Round, panelist: Panelist, now: Date
    ) throws -> MailroomResult {
        let body = Self.bounded(message.text)
        var reply = ReplyTrimmer.trim(body)
        let isEmpty = reply.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        let intent = isEmpty ? ReplyIntent.argument : ReplyIntent.read(reply)
        if let request = PanelistRequest.read(subject: message.subject, reply: reply)
            ?? (intent == .stop ? .unsubscribe : nil)
        {
            return try fileRequest(request, panelist: panelist, name: name, bytes: bytes, message: message, now: now)
        }
        if intent == .thanks {
            // "Dank u wel!", "Ok", 👍, only "Groet, Anna": nothing to publish, nothing to answer.
            return try fileNotArgument(
                "thanks", answer: nil, round: round, panelist: panelist, name: name, bytes: bytes, message: message, now: now)
        }
        if round.state == .closed || now >= round.deadline || round.state == .scheduled {
            try record(name, bytes, message, .late, round: round.id, panelist: panelist.id, now: now)
            return .filed(.late)
        }
        guard !isEmpty else {
            try record(name, bytes, message, .empty, round: round.id, panelist: panelist.id, now: now)
            return .filed(.empty)
        }
        switch intent {
        case .vote(let choice):
            return try fileVoteWord(
                choice, name: name, bytes: bytes, message: message, round: round, panelist: panelist, now: now)
        case .ambiguousVote:
            return try fileNotArgument(
                "ambiguous-vote", answer: .howToVote, round: round, panelist: panelist, name: name, bytes: bytes,
                message: message, now: now)
        case .argument, .stop, .thanks:
            break
        }
        var flags = HoldFlags()
        if reply.count > MessageComposer.argumentCharacters {
            reply = Self.cut(reply, to: MessageComposer.argumentCharacters)
            flags.insert(.tooLong)
        }
        let quoted = body.split(separator: "\n").filter { $0.hasPrefix(">") }.joined(separator: "\n")
        let masked = PersonalDataScanner.mask(reply, context: try scanContext(roundId: round.id!, now: now))
        flags.insert(contentsOf: holdFlags(reply: reply, masked: masked, message: message, panelist: panelist))
        if let asked = QuestionText.question(in: masked.text), flags.isEmpty {
            // "Vraag: …": a question for the municipality rather than an argument for the panel. A question with a
            // link, personal data, another sender or bad language is held like an argument (the moderator can still
            // turn it into a question): questions reach every panelist through the vote mail.
            let filing = ReplyFiling(
                spoolName: name, raw: Data(bytes), messageId: message.messageID, fromAddress: message.from?.address,
                roundId: round.id!, panelistId: panelist.id!, text: asked, parentNumber: nil, flags: [], attachmentCount: 0)
            guard
                let (mail, question) = try stillMember({
                    try database.fileQuestion(filing, now: now, messageDomain: messageDomain)
                })
            else { return try gone(name, bytes, message, now: now) }
            logger.info("inbound.question", metadata: ["inbound.id": "\(mail.id ?? 0)", "question.number": "\(question.number)"])
            return .filed(.question)
        }
        let filing = ReplyFiling(
            spoolName: name, raw: Data(bytes), messageId: message.messageID, fromAddress: message.from?.address,
            roundId: round.id!, panelistId: panelist.id!, text: masked.text,
            parentNumber: ArgumentReference.find(reply: reply, quoted: quoted), flags: flags,
            attachmentCount: message.attachments.count)
        guard
            let (mail, _) = try stillMember({
                try database.fileReply(filing, now: now, messageDomain: messageDomain, moderatorAddress: moderatorAddress)
            })
        else { return try gone(name, bytes, message, now: now) }
        logger.info(
            "inbound.filed", metadata: ["inbound.id": "\(mail.id ?? 0)", "inbound.disposition": "\(mail.disposition.rawValue)"])
        return .filed(mail.disposition)
    }

    /// VOOR or TEGEN as a reply: counted only from the reply address we gave this panelist, sent from their registered
    /// address, not called forged by our MTA, while voting is open; otherwise the panelist is told how to vote.
    func fileVoteWord(
        _ choice: VoteChoice, name: String, bytes: [UInt8], message: InboundMessage, round: Round, panelist: Panelist,
        now: Date
    ) throws -> MailroomResult {
        let registered = message.from?.address.lowercased() == panelist.email.lowercased()
        guard registered, authentication(of: message) != .fail else {
            return try fileNotArgument(
                "vote-word:other-address", answer: .howToVote, round: round, panelist: panelist, name: name,
                bytes: bytes, message: message, now: now)
        }
        guard round.state == .voting else {
            return try fileNotArgument(
                "vote-word:not-open", answer: .howToVote, round: round, panelist: panelist, name: name, bytes: bytes,
                message: message, now: now)
        }
        let mail = InboundMail(
            spoolName: name, receivedAt: now, messageId: message.messageID, fromAddress: message.from?.address,
            roundId: round.id, panelistId: panelist.id, disposition: .vote, detail: nil, raw: Data(bytes))
        let filed = try database.fileVoteByReply(mail, choice: choice, now: now, messageDomain: messageDomain)
        logger.info(
            "inbound.vote",
            metadata: ["inbound.id": "\(filed.id ?? 0)", "inbound.disposition": "\(filed.disposition.rawValue)"])
        return .filed(filed.disposition)
    }

    /// Why a reply must wait for the moderator: another sender, a link, personal data, bad language, or a sender our
    /// MTA calls forged. (Without a verdict — no `inbound.authserv_id`, or a provider without DKIM/SPF — the reply is
    /// filed as before: we cannot demand proof from panelists' providers.)
    func holdFlags(
        reply: String, masked: (text: String, kinds: Set<PersonalDataFinding.Kind>), message: InboundMessage,
        panelist: Panelist
    ) -> HoldFlags {
        var flags = HoldFlags()
        if message.from?.address.lowercased() != panelist.email.lowercased() { flags.insert(.otherSender) }
        if PersonalDataScanner.containsLink(reply) { flags.insert(.link) }
        if Self.holdsForPersonalData(masked.kinds) { flags.insert(.personalData) }
        let words = Set(reply.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
        if !words.isDisjoint(with: Self.flaggedWords) { flags.insert(.language) }
        if authentication(of: message) == .fail { flags.insert(.authenticationFailed) }
        return flags
    }

    /// A panelist's reply that is no argument (`ReplyIntent`): kept for the moderator with `detail`, never published;
    /// `answer` goes to the panelist's registered address.
    func fileNotArgument(
        _ detail: String, answer: MailKind?, round: Round, panelist: Panelist, name: String, bytes: [UInt8],
        message: InboundMessage, now: Date
    ) throws -> MailroomResult {
        let mail = InboundMail(
            spoolName: name, receivedAt: now, messageId: message.messageID, fromAddress: message.from?.address,
            roundId: round.id, panelistId: panelist.id, disposition: .notArgument, detail: detail, raw: Data(bytes))
        let filed = try database.fileNotArgument(mail, answer: answer, now: now, messageDomain: messageDomain)
        logger.info("inbound.not_argument", metadata: ["inbound.id": "\(filed.id ?? 0)", "inbound.detail": "\(detail)"])
        return .filed(filed.disposition)
    }

    /// The municipality's answer to one question, from the reply address that question carried.
    func fileAnswer(name: String, bytes: [UInt8], message: InboundMessage, address: ReplyAddress, now: Date) throws
        -> MailroomResult
    {
        guard let question = try database.question(address.subject), question.roundId == address.round,
            let round = try database.round(address.round), let overview = try? database.caseOverview(round.caseId),
            let municipality = try database.municipality(overview.panelCase.municipalityId)
        else {
            try record(name, bytes, message, .unknownRecipient, now: now)
            return .filed(.unknownRecipient)
        }
        if round.state == .closed {
            try record(name, bytes, message, .late, round: round.id, now: now)
            return .filed(.late)
        }
        // An answer reaches every panelist: it needs the proof a case needs, else the moderator decides.
        let trust = senderTrust(message, bytes: bytes)
        let (message, bytes) = (trust.message, trust.bytes)
        let answer = ReplyTrimmer.trim(Self.bounded(message.text))
        guard !answer.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            try record(name, bytes, message, .empty, round: round.id, now: now)
            return .filed(.empty)
        }
        // The same scan as a case: a municipality may name the applicant by accident.
        let masked = PersonalDataScanner.mask(answer, context: try scanContext(roundId: round.id!, now: now))
        var flags = HoldFlags()
        if message.from?.address.lowercased() != municipality.email.lowercased() { flags.insert(.otherSender) }
        if Self.holdsForPersonalData(masked.kinds) { flags.insert(.personalData) }
        if PersonalDataScanner.containsLink(answer) { flags.insert(.link) }
        if !trust.speaks(for: municipality) { flags.insert(.unverified) }
        try database.fileAnswer(
            questionId: question.id!, spoolName: name, raw: Data(bytes), messageId: message.messageID,
            fromAddress: message.from?.address, text: masked.text, flags: flags, now: now, messageDomain: messageDomain,
            moderatorAddress: moderatorAddress)
        return .filed(.answer)
    }

    /// The municipality's answer to the verdict digest: what it decided, and why.
    func fileFollowUp(name: String, bytes: [UInt8], message: InboundMessage, address: ReplyAddress, now: Date) throws
        -> MailroomResult
    {
        guard let round = try database.round(address.round), round.state == .closed,
            let overview = try? database.caseOverview(round.caseId),
            let municipality = try database.municipality(overview.panelCase.municipalityId)
        else {
            try record(name, bytes, message, .unknownRecipient, now: now)
            return .filed(.unknownRecipient)
        }
        // A follow-up goes to the whole panel: it needs the proof a case needs, no link and no personal data.
        let trust = senderTrust(message, bytes: bytes)
        let (message, bytes) = (trust.message, trust.bytes)
        var held = HoldFlags()
        if trust.from != municipality.email.lowercased() { held.insert(.otherSender) }
        if !trust.speaks(for: municipality) { held.insert(.unverified) }
        let masked = PersonalDataScanner.mask(
            ReplyTrimmer.trim(Self.bounded(message.text)), context: try scanContext(roundId: round.id!, now: now))
        let text = masked.text
        if Self.holdsForPersonalData(masked.kinds) { held.insert(.personalData) }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            try record(name, bytes, message, .empty, round: round.id, now: now)
            return .filed(.empty)
        }
        if PersonalDataScanner.containsLink(text) { held.insert(.link) }
        guard held.isEmpty else {
            // Not passed on; the moderator reads it and why (`inbound held`), the municipality can send it again.
            try record(name, bytes, message, .held, detail: HoldReason.followUpDetail(held), round: round.id, now: now)
            return .filed(.held)
        }
        try database.fileFollowUp(
            roundId: round.id!, spoolName: name, raw: Data(bytes), messageId: message.messageID,
            fromAddress: message.from?.address, text: text, decision: FollowUpDecision.read(text), now: now)
        return .filed(.followUp)
    }

    /// The most text of one message the mailroom reads (UTF-8 bytes): the rest of a 10 MB reply costs work and
    /// is never published (an argument is cut at `MessageComposer.argumentCharacters` and held).
    static let readLimit = 64 * 1024

    static func bounded(_ text: String) -> String {
        guard text.utf8.count > readLimit else { return text }
        return String(decoding: text.utf8.prefix(readLimit), as: UTF8.self)
    }

    /// `text` cut to at most `limit` characters at a word, with " […]" to show it was cut.
    static func cut(_ text: String, to limit: Int) -> String {
        var kept = text.prefix(limit)
        if let space = kept.lastIndex(where: \.isWhitespace), kept.distance(from: kept.startIndex, to: space) > limit / 2 {
            kept = kept[..<space]
        }
        return kept + " […]"
    }

    /// Whether what was masked makes a text wait for the moderator: everything but names. Names are masked
    /// and published (nearly every reply is signed with one; holding those would bury the moderator), every
    /// other kind is uncertain enough (a date that may be a birth date, a number that may be a house number)
    /// for a person to look first.
    static func holdsForPersonalData(_ kinds: Set<PersonalDataFinding.Kind>) -> Bool {
        !kinds.subtracting([.name, .url]).isEmpty
    }

    /// What the personal-data scanner needs for a text of this round: the names of its panelists and of the
    /// municipality's staff, and the year (a full date more than 30 years back reads as a date of birth).
    func scanContext(roundId: Int64, now: Date) throws -> PersonalDataContext {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .panelDefault
        return PersonalDataContext(
            names: PanelistNames(try database.personalNames(roundId: roundId)), year: calendar.component(.year, from: now))
    }

    /// The envelope recipient and the To, Cc and delivery headers, envelope first.
    func recipients(of message: InboundMessage) -> [String] {
        var candidates: [String] = []
        for header in ["X-Tweedemening-Envelope-To", "X-Original-To", "Delivered-To", "Envelope-To"] {
            candidates += message.headers(named: header)
        }
        candidates += message.to.map(\.address)
        return candidates.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " <>\t")).lowercased() }
    }

    func isAddressed(to address: String, _ message: InboundMessage) -> Bool {
        recipients(of: message).contains(address.lowercased())
    }

    /// The first signed reply address among the envelope recipient and the To, Cc and delivery headers.
    func replyAddress(in message: InboundMessage) -> ReplyAddress? {
        for candidate in recipients(of: message) {
            let address = candidate.trimmingCharacters(in: CharacterSet(charactersIn: " <>\t"))
            if let verified = ReplyAddress.verify(address, signer: signer) { return verified }
        }
        return nil
    }

    func record(
        _ name: String, _ bytes: [UInt8], _ message: InboundMessage?, _ disposition: InboundMail.Disposition,
        detail: String? = nil, round: Int64? = nil, panelist: Int64? = nil, now: Date
    ) throws {
        let mail = InboundMail(
            spoolName: name, receivedAt: now, messageId: message?.messageID, fromAddress: message?.from?.address, roundId: round,
            panelistId: panelist, disposition: disposition, detail: detail, raw: Data(bytes))
        try database.recordInbound(mail, messageDomain: messageDomain, now: now)
        logger.info("inbound.recorded", metadata: ["inbound.disposition": "\(disposition.rawValue)"])
    }
}
