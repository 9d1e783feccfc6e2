import Foundation
import MailFormat
import PanelCore
import PanelStore
import Synchronization

/// How outgoing mail looks from outside: sender, link base, time zone of the dates in the text.
public struct MailSettings: Sendable {
    public var from: MailAddress
    /// The SMTP envelope sender (Return-Path), where bounces go.
    public var returnPath: String
    /// Public base of links in mail, without a trailing slash: `https://stem.tweedemening.nl`.
    public var baseURL: String
    public var timeZone: TimeZone
    /// How long an unsubscribe link keeps working after the round's deadline.
    public var unsubscribeValidity: TimeInterval
    /// Domain of the signed `reply+…@` addresses; nil: the sender's domain.
    public var replyDomain: String?
    /// Days a moderator's one-click extension adds to the discussion.
    public var extensionDays: Int = 3
    /// Fewer votes give no verdict: `verdict.quorum`, for a round whose verdict is not stored yet.
    public var quorum: Int = DiscussionPlan().quorum
    /// Where a municipality's answer to mail about its case goes when no signed reply address fits (a person reads it).
    public var moderatorAddress: String?
    /// The join address, which the mailroom reads: codes, and "MIJN GEGEVENS" / "VERWIJDER MIJ" from panelists.
    public var joinAddress: String?

    public init(
        from: MailAddress, returnPath: String? = nil, baseURL: String,
        timeZone: TimeZone = .panelDefault,
        unsubscribeValidity: TimeInterval = 400 * 86_400, replyDomain: String? = nil
    ) {
        self.from = from
        self.returnPath = returnPath ?? from.address
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.timeZone = timeZone
        self.unsubscribeValidity = unsubscribeValidity
        self.replyDomain = replyDomain
    }

    /// The domain of deterministic Message-IDs: the sender's.
    public var messageDomain: String { from.domain }
}

/// Turns an outbox row and its context into a complete message, the same bytes every time.
public struct MessageComposer: Sendable {
    public let templates: MailTemplates
    public let signer: TokenSigner
    public let settings: MailSettings

    public init(templates: MailTemplates, signer: TokenSigner, settings: MailSettings) {
        self.templates = templates
        self.signer = signer
        self.settings = settings
    }

    public func compose(_ context: MessageContext) throws -> OutgoingMessage {
        try compose(context, values: values(for: context))
    }

    /// Composes with template values already made (`values(for:)`, or shared values of a render pass plus
    /// `addRecipientValues`).
    func compose(_ context: MessageContext, values: [String: Any]) throws -> OutgoingMessage {
        compose(context, values: values, parts: try render(context.message.kind, values))
    }

    /// Composes with the parts already rendered from `values` (by `render`, or a render pass's `PrerenderedMail`);
    /// the values still give the headers.
    func compose(
        _ context: MessageContext, values: [String: Any], parts: (subject: String, text: String, html: String)
    ) -> OutgoingMessage {
        let kind = context.message.kind
        var headers: [(name: String, value: String)] = [
            ("Auto-Submitted", "auto-generated"),
            ("X-Tweedemening-Kind", kind.rawValue),
            ("X-Tweedemening-Case", String(context.panelCase.id ?? 0)),
        ]
        if kind == .verdict {
            headers.append(
                ("X-Tweedemening-Verdict", (context.round.verdict ?? context.tally.verdict(quorum: settings.quorum)).rawValue))
        }
        if let links = recipientLinks(context) {
            headers.append(("List-Unsubscribe", "<\(links.unsubscribeURL)>, <\(links.unsubscribeMailto)>"))
            headers.append(("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))
        }
        if Self.bulk.contains(kind) {
            headers += bulkHeaders(kind, municipality: context.municipality, caseId: context.panelCase.id ?? 0)
        }
        var replyTo: MailAddress? = nil
        if Self.answerable.contains(kind), let panelistId = context.panelist?.id, let roundId = context.round.id {
            let local = ReplyAddress(purpose: .panelist, round: roundId, subject: panelistId).localPart(signer: signer)
            replyTo = MailAddress("\(local)@\(settings.replyDomain ?? settings.messageDomain)", name: "De Tweede Mening")
        }
        if kind == .verdict || kind == .followUpReminder, let roundId = context.round.id {
            let local = ReplyAddress(purpose: .municipality, round: roundId, subject: 0).localPart(signer: signer)
            replyTo = MailAddress("\(local)@\(settings.replyDomain ?? settings.messageDomain)", name: "De Tweede Mening")
        }
        if kind == .questions, context.questions.count == 1, let only = context.questions.first, let roundId = context.round.id {
            // One question: a plain reply answers it.
            replyTo = MailAddress(answerAddress(round: roundId, question: only.id), name: "De Tweede Mening")
        }
        if kind == .moderation || kind == .lateReply {
            // Never invite an answer that would come back to us as a new argument.
            headers.append(("X-Auto-Response-Suppress", "All"))
        }
        let recipientName = context.panelist?.name ?? (kind == .verdict ? context.municipality.name : nil)
        return message(
            context.message, recipientName: recipientName, replyTo: replyTo, headers: headers, parts: parts,
            attachments: attachments(for: context))
    }

    /// Subject, text and HTML (the kind's content inside the layout) of one kind, from its template values.
    func render(_ kind: MailKind, _ values: [String: Any]) throws -> (subject: String, text: String, html: String) {
        let subject = try templates.render("\(kind.rawValue)-subject", values).trimmingCharacters(in: .whitespacesAndNewlines)
        let text = String(try templates.render("\(kind.rawValue)-text", values).drop(while: \.isNewline))
        var htmlValues = values
        htmlValues["content"] = try templates.render("\(kind.rawValue)-html", values)
        htmlValues["subject"] = subject
        return (subject, text, try templates.render("layout-html", htmlValues))
    }

    /// The message from our sender for an outbox row, with its deterministic Message-ID and date. The text part
    /// goes out as `format=flowed`: every line of a text template is a paragraph, wrapped at 72 columns.
    func message(
        _ row: OutboxMessage, recipientName: String?, replyTo: MailAddress?, headers: [(name: String, value: String)],
        parts: (subject: String, text: String, html: String), attachments: [OutgoingMessage.Attachment]
    ) -> OutgoingMessage {
        OutgoingMessage(
            from: settings.from, to: MailAddress(row.toAddress, name: recipientName), replyTo: replyTo, subject: parts.subject,
            messageID: row.messageId, date: row.createdAt, extraHeaders: headers, text: parts.text, flowed: true,
            html: parts.html,
            attachments: attachments)
    }

    func attachments(for context: MessageContext) -> [OutgoingMessage.Attachment] {
        guard context.message.kind == .verdict, let argumentation = Argumentation.decode(context.round.argumentation),
            !argumentation.rows.isEmpty
        else { return [] }
        let caseId = context.panelCase.id ?? 0
        var files = [
            OutgoingMessage.Attachment(
                filename: "argumenten-zaak-\(caseId).csv", contentType: "text/csv; charset=utf-8",
                data: Self.argumentsCSV(argumentation))
        ]
        if !argumentation.keyPoints.isEmpty {
            files.append(
                OutgoingMessage.Attachment(
                    filename: "kernpunten-zaak-\(caseId).csv", contentType: "text/csv; charset=utf-8",
                    data: Self.keyPointsCSV(argumentation)))
        }
        return files
    }

    /// Mail a panelist can answer: it carries their signed reply address (an answer to the outcome, after the
    /// deadline, gets the polite late reply instead of landing unread at the sender's address).
    static let answerable: Set<MailKind> = [
        .caseMail, .digest, .replyReminder, .vote, .voteReminder, .acknowledgement, .timelineChange, .voteRecorded,
        .howToVote, .outcome, .followUp,
    ]

    /// Mail to the whole panel of a round: it carries `List-Id` (RFC 2919), so filters and providers see one list
    /// per municipality, and `Feedback-ID`, so Gmail's Postmaster Tools report complaints per kind.
    static let bulk: Set<MailKind> = [
        .caseMail, .digest, .replyReminder, .vote, .voteReminder, .outcome, .followUp, .timelineChange,
    ]

    /// `List-Id: "Burgerpanel Gemeente Utrecht" <utrecht.panel.tweedemening.nl>` and
    /// `Feedback-ID: vote:utrecht:c12:tweedemening` (Gmail's `a:b:c:SenderId`, most specific last but one).
    func bulkHeaders(_ kind: MailKind, municipality: Municipality, caseId: Int64) -> [(name: String, value: String)] {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-".unicodeScalars)
        let cleaned = String(String.UnicodeScalarView(municipality.id.lowercased().unicodeScalars.filter(allowed.contains)))
        let label = cleaned.isEmpty ? "panel" : cleaned
        // The phrase only when it is plain ASCII: a header field must stay 7-bit (the id identifies the list anyway).
        let name = "Burgerpanel \(municipality.name)"
        let phrase =
            name.unicodeScalars.allSatisfy { $0.value >= 32 && $0.value < 127 && $0 != "\"" && $0 != "\\" }
            ? "\"\(name)\" " : ""
        return [
            ("List-Id", "\(phrase)<\(label).panel.\(settings.messageDomain)>"),
            ("Feedback-ID", "\(kind.rawValue):\(label):c\(caseId):tweedemening"),
        ]
    }

    /// The template context. Keys are snake_case; everything outside (titles, names) is escaped by
    /// Mustache in HTML templates, and case sections arrive pre-rendered as safe HTML.
    func values(for context: MessageContext) -> [String: Any] {
        var values = sharedValues(for: context)
        addRecipientValues(context, into: &values)
        return values
    }

    /// What may differ between two messages of one kind, round and sequence (and outbox time): the recipient's
    /// greeting, signed links and reply addresses, vote and pseudonym. No key here is also set by `sharedValues`.
    func addRecipientValues(_ context: MessageContext, into values: inout [String: Any]) {
        let round = context.round
        let panelCase = context.panelCase
        if let panelist = context.panelist, let panelistId = panelist.id, let roundId = round.id,
            let links = recipientLinks(context)
        {
            values["greeting"] = panelist.name.map { "Beste \($0)," } ?? "Beste panellid,"
            values["unsubscribe_url"] = links.unsubscribeURL
            let pause = signer.sign(
                TokenClaims(
                    .pause(round: roundId, panelist: panelistId),
                    expires: round.deadline.addingTimeInterval(settings.unsubscribeValidity)))
            values["pause_url"] = "\(settings.baseURL)/p/\(pause)"
            let local = ReplyAddress(purpose: .panelist, round: roundId, subject: panelistId).localPart(signer: signer)
            values["unsubscribe_mailto"] = links.unsubscribeMailto
            // The footer's one line on AFMELDEN, PAUZE and MIJN GEGEVENS names the address they work at.
            values["reply_address"] = "\(local)@\(settings.replyDomain ?? settings.messageDomain)"
            // "See your data" as a link: a reply that already says MIJN GEGEVENS.
            values["my_data_mailto"] = "mailto:\(local)@\(settings.replyDomain ?? settings.messageDomain)?subject=MIJN%20GEGEVENS"
            // "Ik heb een vraag": opens a reply that already starts with "Vraag:".
            values["question_mailto"] =
                "mailto:\(local)@\(settings.replyDomain ?? settings.messageDomain)?subject=Vraag%20over%20zaak%20\(panelCase.id ?? 0)&body=Vraag%3A%20"
            for choice in VoteChoice.allCases {
                let token = signer.sign(
                    TokenClaims(.vote(round: roundId, panelist: panelistId, choice: choice), expires: round.deadline))
                values["\(choice.rawValue)_url"] = "\(settings.baseURL)/v/\(token)"
            }
            if context.message.kind == .outcome {
                func link(_ question: EvaluationQuestion, _ value: String) -> String {
                    // The values below are the questions' own answers: one that is not is a bug here, not input.
                    guard let answer = EvaluationAnswer(question: question, value: value) else {
                        preconditionFailure("\(value) is not an answer to \(question)")
                    }
                    let token = signer.sign(
                        TokenClaims(
                            .evaluate(round: roundId, panelist: panelistId, answer: answer),
                            expires: round.deadline.addingTimeInterval(60 * 86_400)))
                    return "\(settings.baseURL)/e/\(token)"
                }
                values["evaluation_satisfaction"] = EvaluationQuestion.satisfaction.answers.map {
                    ["value": $0, "url": link(.satisfaction, $0)]
                }
                values["evaluation_trust_more"] = link(.trust, "more")
                values["evaluation_trust_same"] = link(.trust, "same")
                values["evaluation_trust_less"] = link(.trust, "less")
                values["evaluation_information_yes"] = link(.information, "yes")
                values["evaluation_information_no"] = link(.information, "no")
            }
            values["voted_support"] = context.vote == .support
            values["voted_oppose"] = context.vote == .oppose
            values["did_not_vote"] = context.vote == nil
            for (subject, key) in [
                (LinkSubject.quiet(round: roundId, panelist: panelistId), "quiet_url"),
                (.noDigest(round: roundId, panelist: panelistId), "no_digest_url"),
            ] {
                let token = signer.sign(TokenClaims(subject, expires: round.deadline))
                values[key] = "\(settings.baseURL)/p/\(token)"
            }
        } else {
            values["greeting"] = "Geachte heer, mevrouw,"
        }
        values["pseudonym"] = context.pseudonym.map { "Deelnemer \($0)" } ?? ""
    }

    /// Everything the same for every recipient of one kind, round and sequence (and outbox time): a render pass
    /// makes these once. Acknowledgements and moderation requests carry their own arguments and questions.
    func sharedValues(for context: MessageContext) -> [String: Any] {
        let round = context.round
        let panelCase = context.panelCase
        let tally = context.tally
        let verdict = round.verdict ?? tally.verdict(quorum: settings.quorum)
        var values: [String: Any] = [
            "case_id": String(panelCase.id ?? 0),
            "case_title": panelCase.title,
            "case_domain": panelCase.domain,
            "municipality_name": context.municipality.name,
            "publish_date": dutchDate(round.publishAt),
            "vote_date": dutchDate(round.voteAt),
            "deadline": dutchDate(round.deadline),
            "voting_open": round.state == .voting,
            "support_count": tally.support,
            "oppose_count": tally.oppose,
            "votes": tally.votes,
            "panel_size": tally.panelSize,
            "support_percent": tally.supportPercent?.dutchPercent ?? "0",
            "oppose_percent": tally.opposePercent?.dutchPercent ?? "0",
            "turnout_percent": tally.turnoutPercent?.dutchPercent ?? "0",
            "verdict_support": verdict == .support,
            "verdict_oppose": verdict == .oppose,
            "verdict_too_close": verdict == .tooClose,
            "verdict_no_quorum": verdict == .noQuorum,
            "interval_lower": ((tally.supportInterval?.lower ?? 0) * 100).dutchPercent,
            "interval_upper": ((tally.supportInterval?.upper ?? 0) * 100).dutchPercent,
            "has_interval": tally.supportInterval != nil,
            "no_votes": tally.votes == 0,
            "support_bar": Int((tally.supportPercent ?? 0).rounded()),
            "oppose_bar": Int((tally.opposePercent ?? 0).rounded()),
        ]
        for section in CaseSection.allCases {
            let markdown = panelCase.text(of: section)
            values["\(section.key)_text"] = SimpleMarkdown.text(markdown)
            values["\(section.key)_html"] = SimpleMarkdown.html(markdown)
        }
        let arguments = context.arguments.map { argument -> [String: Any] in
            var item: [String: Any] = [
                "number": argument.number, "pseudonym": "Deelnemer \(argument.pseudonym)", "text": argument.text,
                "text_html": SimpleMarkdown.lineBreaks(argument.text), "reactions": argument.reactions,
                "has_reactions": argument.reactions > 0,
            ]
            if let parent = argument.parentNumber { item["parent"] = parent }
            return item
        }
        values["arguments"] = arguments
        values["has_arguments"] = !arguments.isEmpty
        values["argument_count"] = arguments.count
        if let first = arguments.first { values["argument"] = first }
        if context.message.kind == .vote { addVoteSummary(context, into: &values) }
        values["held"] = context.arguments.first?.status == .held
        values["held_reasons"] = context.heldReasons.joined(separator: "; ")
        values["has_held_reasons"] = !context.heldReasons.isEmpty
        values["attachments_ignored"] = context.attachmentCount > 0
        addQuestionValues(context, into: &values)
        if let followUp = round.followUp {
            values["follow_up"] = followUp
            values["follow_up_html"] = SimpleMarkdown.lineBreaks(followUp)
            values["follow_up_adopts"] = round.followUpDecision == .adopts
            values["follow_up_keeps"] = round.followUpDecision == .keeps
            values["follow_up_date"] = dutchDate(round.followUpAt ?? context.message.createdAt)
        }
        values["closed_date"] = dutchDate(round.closedAt ?? round.deadline)
        if let weighted = round.weightedSupport, let lower = round.weightedLower, let upper = round.weightedUpper,
            let effective = round.effectiveVotes
        {
            values["weighted"] = [
                "support": (weighted * 100).dutchPercent, "lower": (lower * 100).dutchPercent,
                "upper": (upper * 100).dutchPercent,
                "effective": String(Int(effective.rounded())),
            ]
        }
        if let argumentation = Argumentation.decode(round.argumentation) {
            addArgumentationValues(argumentation, asked: context.questions.map(\.text), into: &values)
        }
        if context.message.kind == .verdict { addPanelValues(round, municipalityId: context.municipality.id, into: &values) }
        if context.message.kind == .moderation, !context.arguments.isEmpty, let roundId = round.id {
            // A burst of held arguments is one mail: each with its reasons and its own two links.
            let items = context.arguments.prefix(AppDatabase.moderationItems).map { argument -> [String: Any] in
                var item: [String: Any] = [
                    "number": argument.number, "pseudonym": "Deelnemer \(argument.pseudonym)", "text": argument.text,
                    "text_html": SimpleMarkdown.lineBreaks(argument.text),
                    "reasons": argument.flags.explained.joined(separator: "; "),
                ]
                if let parent = argument.parentNumber { item["parent"] = parent }
                for (publish, key) in [(true, "approve_url"), (false, "reject_url")] {
                    let token = signer.sign(
                        TokenClaims(
                            .moderateArgument(round: roundId, argument: argument.id, publish: publish),
                            expires: round.deadline.addingTimeInterval(30 * 86_400)))
                    item[key] = "\(settings.baseURL)/m/\(token)"
                }
                return item
            }
            values["held_items"] = items
            values["held_count"] = context.arguments.count
            values["held_several"] = context.arguments.count > 1
            if context.arguments.count > items.count { values["held_more"] = context.arguments.count - items.count }
            values["approve_url"] = items[0]["approve_url"]
            values["reject_url"] = items[0]["reject_url"]
        }
        return values
    }

    /// Questions and answers: for the municipality's questions mail (each with its own reply address),
    /// The longest argument published as written; a longer one is cut here and held (finding 6 of the outside
    /// test: a 9.9 MB reply was published). About 650 words: more than any argument in the pilot.
    public static let argumentCharacters = 4_000

    /// digests (new answers), vote and verdict mail (all, answered or not), acknowledgements and moderation.
    func addQuestionValues(_ context: MessageContext, into values: inout [String: Any]) {
        guard let roundId = context.round.id else { return }
        let items = context.questions.map { question -> [String: Any] in
            var item: [String: Any] = [
                "number": question.number, "text": question.text, "text_html": SimpleMarkdown.lineBreaks(question.text),
                "ask_count": question.askCount,
                "asked_by_several": question.askCount > 1, "answered": question.answer != nil,
            ]
            if let answer = question.answer {
                item["answer"] = answer
                item["answer_html"] = SimpleMarkdown.lineBreaks(answer)
            }
            if context.message.kind == .questions {
                let address = answerAddress(round: roundId, question: question.id)
                item["reply_address"] = address
                item["mailto"] = "mailto:\(address)?subject=Antwoord%20op%20vraag%20\(question.number)"
            }
            return item
        }
        values["questions"] = items
        values["has_questions"] = !items.isEmpty
        values["question_count"] = items.count
        values["answered_questions"] = items.filter { $0["answered"] as? Bool == true }
        values["open_questions"] = items.filter { $0["answered"] as? Bool != true }
        values["has_open_questions"] = items.contains { $0["answered"] as? Bool != true }
        if context.message.kind == .acknowledgement, let first = items.first { values["asked_question"] = first }
        values["is_question_ack"] = context.message.kind == .acknowledgement && !items.isEmpty
        let answered = context.questions.filter { $0.answeredAt != nil }
        values["questions_answered"] = answered.count
        values["questions_askers"] = context.questions.reduce(0) { $0 + $1.askCount }
        let hours = answered.compactMap { question in question.answeredAt.map { $0.timeIntervalSince(question.askedAt) / 3_600 } }
            .sorted()
        let count = context.questions.count
        let askers = context.questions.reduce(0) { $0 + $1.askCount }
        values["questions_phrase"] = count == 1 ? "1 vraag" : "\(count) vragen"
        values["askers_phrase"] = askers == 1 ? "1 keer" : "\(askers) keer"
        if let median = hours.isEmpty ? nil : hours[hours.count / 2] {
            values["answer_time_phrase"] =
                median < 1
                ? "binnen een uur"
                : median < 48 ? "binnen \(Int(median.rounded())) uur" : "binnen \(Int((median / 24).rounded())) dagen"
        }
        if context.message.kind == .moderation, let question = context.questions.first {
            values["answer_question"] = [
                "number": question.number, "text": question.text, "answer": question.answer ?? "",
                "answer_html": SimpleMarkdown.lineBreaks(question.answer ?? ""),
            ]
            for (publish, key) in [(true, "approve_url"), (false, "reject_url")] {
                let token = signer.sign(
                    TokenClaims(
                        .moderateAnswer(round: roundId, question: question.id, publish: publish),
                        expires: context.round.deadline.addingTimeInterval(30 * 86_400)))
                values[key] = "\(settings.baseURL)/m/\(token)"
            }
        }
        if context.message.kind == .extensionOffer {
            let token = signer.sign(
                TokenClaims(.extendDiscussion(round: roundId, days: settings.extensionDays), expires: context.round.voteAt))
            values["extend_url"] = "\(settings.baseURL)/m/\(token)"
            values["extension_days"] = settings.extensionDays
        }
    }

    /// The links a panelist's mail carries in its headers as well as its text: computed once, read by both.
    struct RecipientLinks {
        /// RFC 8058 one-click unsubscribe.
        var unsubscribeURL: String
        /// RFC 2369: the mailto form, for clients that unsubscribe by mail.
        var unsubscribeMailto: String
    }

    /// Nil for mail to no panelist (the municipality, the moderator).
    func recipientLinks(_ context: MessageContext) -> RecipientLinks? {
        guard let panelistId = context.panelist?.id, let roundId = context.round.id else { return nil }
        let unsubscribe = signer.sign(
            TokenClaims(
                .unsubscribe(round: roundId, panelist: panelistId),
                expires: context.round.deadline.addingTimeInterval(settings.unsubscribeValidity)))
        let local = ReplyAddress(purpose: .panelist, round: roundId, subject: panelistId).localPart(signer: signer)
        return RecipientLinks(
            unsubscribeURL: "\(settings.baseURL)/u/\(unsubscribe)",
            unsubscribeMailto: "mailto:\(local)@\(settings.replyDomain ?? settings.messageDomain)?subject=AFMELDEN")
    }

    /// The address whose mail the mailroom files as the municipality's answer to one question.
    func answerAddress(round roundId: Int64, question questionId: Int64) -> String {
        let local = ReplyAddress(purpose: .answer, round: roundId, subject: questionId).localPart(signer: signer)
        return "\(local)@\(settings.replyDomain ?? settings.messageDomain)"
    }

    /// At most about 300 characters, cut at a word.
    static func shorten(_ text: String, limit: Int = 300) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + " …"
    }

    func dutchDate(_ date: Date) -> String {
        DutchDate.format(date, timeZone: settings.timeZone)
    }
}

/// "maandag 7 december 2026 om 17:00", independent of the machine's locale data.
public enum DutchDate {
    static let weekdays = ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"]
    static let months = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
        "november", "december",
    ]

    /// The same few dates (a round's deadline) are formatted for every vote page and every mail of a round: each
    /// through a new `Calendar` and `String(format:)` cost a vote a few microseconds (`scripts/bench/intake.sh`).
    public static func format(_ date: Date, timeZone: TimeZone) -> String {
        let key = Known.Key(seconds: date.timeIntervalSinceReferenceDate, zone: timeZone.identifier)
        if let text = known.withLock({ $0[key] }) { return text }
        let text = compose(date, timeZone: timeZone)
        known.withLock { known in
            // Bounded: when full, start over (the dates that matter come back at once).
            if known.count >= Known.capacity { known.removeAll(keepingCapacity: true) }
            known[key] = text
        }
        return text
    }

    enum Known {
        struct Key: Hashable {
            var seconds: Double
            var zone: String
        }
        static let capacity = 256
    }
    private static let known = Mutex<[Known.Key: String]>([:])

    static func compose(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute], from: date)
        let time = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        return
            "\(weekdays[(parts.weekday ?? 1) - 1]) \(parts.day ?? 1) \(months[(parts.month ?? 1) - 1]) \(parts.year ?? 1970) om \(time)"
    }
}
