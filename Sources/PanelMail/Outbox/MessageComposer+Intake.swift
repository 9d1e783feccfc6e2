import Foundation
import MailFormat
import PanelCore
import PanelStore

extension MessageComposer {
    /// Round mail or intake mail, whichever the outbox row is.
    public func compose(_ mail: MailContext) throws -> OutgoingMessage {
        switch mail {
        case .round(let context): try compose(context)
        case .intake(let context): try compose(context)
        }
    }

    /// Mail about a case under review: to the moderator (review with approve/return links) or to the
    /// municipality (received, returned, approved, or why a mail was not taken as a case).
    public func compose(_ context: IntakeMailContext) throws -> OutgoingMessage {
        let kind = context.message.kind
        let parts = try render(kind, intakeValues(for: context))
        var headers: [(name: String, value: String)] = [
            ("Auto-Submitted", "auto-generated"),
            ("X-Tweedemening-Kind", kind.rawValue),
        ]
        if let caseId = context.panelCase?.id { headers.append(("X-Tweedemening-Case", String(caseId))) }
        var replyTo: MailAddress?
        switch kind {
        case .caseReturned, .caseReceived:
            // A reply with the corrected case becomes its next version.
            if let caseId = context.panelCase?.id {
                let local = ReplyAddress(purpose: .revision, round: 0, subject: caseId).localPart(signer: signer)
                replyTo = MailAddress("\(local)@\(settings.replyDomain ?? settings.messageDomain)", name: "De Tweede Mening")
            }
        case .caseApproved:
            // Nothing reads the sender's address: a question about the approved case goes to the moderator.
            if let moderator = settings.moderatorAddress { replyTo = MailAddress(moderator, name: "Moderator De Tweede Mening") }
        case .join, .joinUnknown, .myData, .eraseConfirm, .paused, .requestConfirm, .unsubscribed, .seatOffer, .seatReleased:
            // These tell a resident to mail a code or "VERWIJDER MIJ": an answer goes where the mailroom reads it.
            if let join = settings.joinAddress { replyTo = MailAddress(join, name: "De Tweede Mening") }
        case .caseRefused, .caseSetup:
            headers.append(("X-Auto-Response-Suppress", "All"))
        case .caseReview:
            headers.append(("X-Auto-Response-Suppress", "All"))
        default:
            break
        }
        // The municipality for its case mail; a panelist by their own name; nobody else by a guessed one.
        let recipientName: String? =
            switch kind {
            case .caseReceived, .caseReturned, .caseApproved: context.municipality?.name
            case .myData, .eraseConfirm, .paused, .requestConfirm, .unsubscribed, .seatReleased: context.panelist?.name
            default: nil
            }
        return message(
            context.message, recipientName: recipientName, replyTo: replyTo, headers: headers, parts: parts, attachments: [])
    }

    func intakeValues(for context: IntakeMailContext) -> [String: Any] {
        var values: [String: Any] = [
            "municipality_name": context.municipality?.name ?? "",
            "municipality_id": context.municipality?.id ?? "",
            "municipality_email": context.municipality?.email ?? "",
            "greeting": "Geachte heer, mevrouw,",
        ]
        if let panelCase = context.panelCase, let caseId = panelCase.id {
            let version = context.version?.version ?? panelCase.version
            values["case_id"] = String(caseId)
            values["case_title"] = panelCase.title
            values["case_domain"] = panelCase.domain
            values["consent_reference"] = panelCase.consentReference
            values["version"] = version
            values["is_revision"] = version > 1
            let source = context.version?.source ?? panelCase.source
            values["case_source"] = source
            let report = CaseCheck.check(source)
            values["findings"] = report.findings.map { finding -> [String: Any] in
                var item: [String: Any] = [
                    "place": finding.line.map { "regel \($0)" } ?? "hele zaak",
                    "must": finding.blocking,
                    "message": finding.message,
                    "excerpt": finding.excerpt,
                ]
                if let suggestion = finding.suggestion { item["suggestion"] = suggestion }
                return item
            }
            values["has_findings"] = !report.findings.isEmpty
            values["has_blocking"] = report.hasBlocking
            values["readability"] = report.readability.sorted { $0.key < $1.key }.map {
                ["section": $0.key, "score": String(Int($0.value.rounded()))]
            }
            values["has_readability"] = !report.readability.isEmpty
            if let sent = context.version?.submittedAt { values["submitted_date"] = dutchDate(sent) }
            if let from = context.version?.fromAddress { values["submitted_by"] = from }
            values["via_mail"] = context.version?.via == .mail
            if let reason = context.version?.returnReason {
                values["return_reason"] = reason
                values["return_reason_html"] = SimpleMarkdown.lineBreaks(reason)
            }
            if context.message.kind == .caseReview {
                for (approve, key) in [(true, "approve_url"), (false, "return_url")] {
                    let token = signer.sign(
                        TokenClaims(
                            .reviewCase(caseId: caseId, version: version, approve: approve),
                            expires: context.message.createdAt.addingTimeInterval(60 * 86_400)))
                    values[key] = "\(settings.baseURL)/m/\(token)"
                }
            }
        }
        if let round = context.round {
            values["publish_date"] = dutchDate(round.publishAt)
            values["vote_date"] = dutchDate(round.voteAt)
            values["deadline"] = dutchDate(round.deadline)
            values["timeline_name"] = round.timelineName ?? ""
        }
        if let volunteer = context.volunteer, let volunteerId = volunteer.id {
            let expires = context.message.createdAt.addingTimeInterval(30 * 86_400)
            let answers = volunteer.answerValues
            values["questions"] = context.questions.map { question -> [String: Any] in
                [
                    "text": question.text,
                    "options": question.options.map { option -> [String: Any] in
                        let token = signer.sign(
                            TokenClaims(
                                .joinAnswer(volunteer: volunteerId, answer: "\(question.category)=\(option)"), expires: expires))
                        return [
                            "label": option, "url": "\(settings.baseURL)/j/\(token)",
                            "chosen": answers[question.category] == option,
                        ]
                    },
                ]
            }
            let confirm = signer.sign(TokenClaims(.joinConfirm(volunteer: volunteerId), expires: expires))
            values["confirm_url"] = "\(settings.baseURL)/j/\(confirm)"
            values["greeting"] = "Beste inwoner,"
            if context.message.kind == .seatOffer {
                let days = AppDatabase.seatOfferDays
                let seat = signer.sign(
                    TokenClaims(
                        .takeSeat(volunteer: volunteerId),
                        expires: context.message.createdAt.addingTimeInterval(Double(days) * 86_400)))
                values["seat_url"] = "\(settings.baseURL)/j/\(seat)"
                values["offer_until"] = DutchDate.day(
                    context.message.createdAt.addingTimeInterval(Double(days) * 86_400), timeZone: settings.timeZone)
            }
        }
        if let panelist = context.panelist, let panelistId = panelist.id {
            values["greeting"] = panelist.name.map { "Beste \($0)," } ?? "Beste panellid,"
            if let until = panelist.pausedUntil { values["paused_until"] = dutchDate(until) }
            if context.message.kind == .eraseConfirm {
                let token = signer.sign(
                    TokenClaims(.erase(panelist: panelistId), expires: context.message.createdAt.addingTimeInterval(14 * 86_400)))
                values["erase_url"] = "\(settings.baseURL)/p/\(token)"
            }
            if context.message.kind == .unsubscribed {
                let token = signer.sign(
                    TokenClaims(
                        .resubscribe(panelist: panelistId), expires: context.message.createdAt.addingTimeInterval(60 * 86_400)))
                values["resubscribe_url"] = "\(settings.baseURL)/p/\(token)"
            }
            if context.message.kind == .requestConfirm {
                let expires = context.message.createdAt.addingTimeInterval(14 * 86_400)
                let unsubscribe = signer.sign(
                    TokenClaims(.unsubscribe(round: 0, panelist: panelistId), expires: expires))
                values["unsubscribe_url"] = "\(settings.baseURL)/u/\(unsubscribe)"
                let pause = signer.sign(TokenClaims(.pause(round: 0, panelist: panelistId), expires: expires))
                values["pause_url"] = "\(settings.baseURL)/p/\(pause)"
            }
        }
        if let data = context.personalData { values["personal_data"] = data.text }
        if let refusal = context.refusal {
            values["refusal"] = refusal
            values["refusal_html"] = SimpleMarkdown.lineBreaks(refusal)
        }
        if let subject = context.refusedSubject { values["refused_subject"] = HeaderEncoding.decode(subject) }
        return values
    }
}
