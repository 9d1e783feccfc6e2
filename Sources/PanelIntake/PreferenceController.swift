import Foundation
import Hummingbird
import PanelCore
import PanelMail
import PanelStore

/// One-click choices for one case: "don't remind me" (`quiet`) and "no more digests" (`noDigest`);
/// and the moderator's approve/reject links. Like every link in mail: GET shows, only POST acts.
public struct PreferenceController<Context: RequestContext>: Sendable {
    public let database: AppDatabase
    public let signer: TokenSigner
    /// Domain of the Message-IDs of mail a decision here writes (the timeline change).
    public let messageDomain: String
    /// The timeline a case approved by link gets (`standaard`).
    public let caseTimeline: TimelineDefaults
    public let now: @Sendable () -> Date
    /// Dates on the pages, in the panel's time zone.
    let dates: DutchDateText
    /// Renders the pages (`page-*` templates).
    let pages: PageRenderer

    public init(
        database: AppDatabase, signer: TokenSigner, pages: PageRenderer, messageDomain: String,
        caseTimeline: TimelineDefaults = TimelineDefaults(), timeZone: TimeZone = .panelDefault,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.pages = pages
        self.dates = DutchDateText(timeZone: timeZone)
        self.database = database
        self.signer = signer
        self.messageDomain = messageDomain
        self.caseTimeline = caseTimeline
        self.now = now
    }

    public var endpoints: RouteCollection<Context> {
        RouteCollection(context: Context.self)
            .get("/p/{token}") { _, context in self.preference(context, apply: false).response(pages) }
            .head("/p/{token}") { _, context in self.preference(context, apply: false).response(pages, includeBody: false) }
            .post("/p/{token}") { request, context in
                let body = try await request.body.collect(upTo: 16 * 1024)
                return self.preference(context, apply: true, form: PageForm(body: String(buffer: body))).response(pages)
            }
            .get("/e/{token}") { _, context in self.evaluation(context, apply: false).response(pages) }
            .head("/e/{token}") { _, context in self.evaluation(context, apply: false).response(pages, includeBody: false) }
            .post("/e/{token}") { request, context in
                _ = try await request.body.collect(upTo: 16 * 1024)
                return self.evaluation(context, apply: true).response(pages)
            }
            .get("/m/{token}") { _, context in self.moderation(context, apply: false).response(pages) }
            .head("/m/{token}") { _, context in self.moderation(context, apply: false).response(pages, includeBody: false) }
            .post("/m/{token}") { request, context in
                let body = try await request.body.collect(upTo: 16 * 1024)
                let form = PageForm(body: String(buffer: body))
                return self.moderation(context, apply: true, form: form).response(pages)
            }
    }

    /// Verifies `token` for whichever of `purposes` it was signed for.
    func verify(_ token: String, _ purposes: [TokenPurpose]) throws -> TokenClaims {
        var lastError: any Error = TokenError.wrongPurpose
        for purpose in purposes {
            do { return try signer.verify(token, purpose: purpose, now: now()) } catch TokenError.wrongPurpose {
                continue
            } catch {
                lastError = error
                break
            }
        }
        throw lastError
    }

    func preference(_ context: Context, apply: Bool, form: PageForm = PageForm()) -> Page {
        let token = context.parameters.get("token") ?? ""
        do {
            let claims = try verify(token, [.quiet, .noDigest, .pause, .erase, .resubscribe])
            if [.pause, .erase, .resubscribe].contains(claims.purpose) {
                return try selfService(claims, apply: apply, form: form)
            }
            let (roundId, panelistId, quiet): (Int64, Int64, Bool)
            switch claims.subject {
            case .quiet(let round, let panelist): (roundId, panelistId, quiet) = (round, panelist, true)
            case .noDigest(let round, let panelist): (roundId, panelistId, quiet) = (round, panelist, false)
            default: throw TokenError.malformed
            }
            guard apply else {
                guard try database.isMember(roundId: roundId, panelistId: panelistId) else {
                    throw StoreError.notInPanel
                }
                return .message(
                    title: quiet ? "Geen herinneringen meer" : "Geen samenvattingen meer",
                    before: [
                        quiet
                            ? "Wilt u voor deze casus geen herinneringen meer krijgen?"
                            : "Wilt u voor deze casus geen samenvattingen van de discussie meer krijgen?"
                    ],
                    button: "Ja, dat wil ik",
                    notes: [Page.Note(text: "U blijft in het panel, en u kunt nog steeds reageren en stemmen.")])
            }
            if quiet {
                try database.setPreference(roundId: roundId, panelistId: panelistId, wantsReminder: false)
            } else {
                try database.setPreference(roundId: roundId, panelistId: panelistId, wantsDigest: false)
            }
            return Page.message(.ok, title: "Geregeld", "Dat is aangepast. U kunt nog steeds reageren en stemmen.")
        } catch {
            return BallotController<Context>.page(for: error)
        }
    }

    /// One-time: a second POST of the same link changes nothing (the outside test moved the vote 15 days and sent
    /// 70 mails with five).
    func extend(_ claims: TokenClaims, token: String, apply: Bool) throws -> Page {
        guard case .extendDiscussion(let roundId, let days) = claims.subject else { throw TokenError.malformed }
        guard let round = try database.round(roundId) else { throw StoreError.unknownRound(roundId) }
        guard apply else {
            return .message(
                title: "Discussie \(days) dagen verlengen?",
                before: [
                    "De stemming opent nu op \(dates.format(round.voteAt)). Na verlengen schuiven de opening van de stemming en "
                        + "de sluiting \(days) dagen op, en krijgen alle panelleden één bericht met de nieuwe data."
                ],
                button: "Verleng met \(days) dagen")
        }
        let extended: Round
        do {
            extended = try database.extendDiscussion(
                roundId: round.id!, days: days, now: now(), messageDomain: messageDomain, oneTimeLink: token)
        } catch StoreError.linkUsed {
            return .message(
                .conflict, title: "Deze link is al gebruikt",
                "De discussie is met deze link al verlengd; een link verlengt één keer. De stemming opent op "
                    + "\(dates.format(round.voteAt)).")
        }
        return Page.message(
            .ok, title: "Discussie verlengd",
            "De stemming opent nu op \(dates.format(extended.voteAt)); het panel krijgt bericht.")
    }

    func moderateAnswer(_ claims: TokenClaims, apply: Bool) throws -> Page {
        guard case .moderateAnswer(let roundId, let questionId, let approve) = claims.subject else {
            throw TokenError.malformed
        }
        guard let question = try database.question(questionId), question.roundId == roundId else {
            throw StoreError.unknownQuestion
        }
        guard apply else {
            return Page(
                status: .ok,
                title: approve
                    ? "Antwoord op vraag \(question.number) publiceren?" : "Antwoord op vraag \(question.number) afwijzen?",
                template: "page-moderate",
                values: [
                    "question": question.text, "answer": question.answer ?? "", "button": approve ? "Publiceren" : "Afwijzen",
                ])
        }
        let decided = try database.moderateAnswer(questionId: question.id!, approve: approve)
        return .message(
            title: "Antwoord op vraag \(decided.number): \(decided.answerStatus == .published ? "gepubliceerd" : "afgewezen")",
            decided.answerStatus == .published ? "Het gaat mee in de volgende samenvatting." : "Het wordt niet gepubliceerd.")
    }

    static func label(_ answer: EvaluationAnswer) -> String {
        switch (answer.question, answer.value) {
        case (.satisfaction, let value): "Tevredenheid: \(value) van 5"
        case (.trust, "more"): "Mijn vertrouwen in de gemeente is gegroeid"
        case (.trust, "less"): "Mijn vertrouwen in de gemeente is gedaald"
        case (.trust, _): "Mijn vertrouwen in de gemeente is gelijk gebleven"
        case (.information, "yes"): "De informatie was voldoende"
        case (.information, _): "De informatie was niet voldoende"
        }
    }

    func evaluation(_ context: Context, apply: Bool) -> Page {
        let token = context.parameters.get("token") ?? ""
        do {
            let claims = try signer.verify(token, purpose: .evaluate, now: now())
            guard case .evaluate(let roundId, let panelistId, let answer) = claims.subject else { throw TokenError.malformed }
            guard apply else {
                guard try database.isMember(roundId: roundId, panelistId: panelistId) else {
                    throw StoreError.notInPanel
                }
                return .message(
                    title: "Uw antwoord", choice: Self.label(answer), button: "Verstuur mijn antwoord",
                    notes: [Page.Note(text: "Uw antwoord is anoniem: de gemeente ziet alleen totalen.")])
            }
            try database.recordEvaluation(roundId: roundId, panelistId: panelistId, answer: answer, now: now())
            return Page.message(
                .ok, title: "Dank u wel",
                "Uw antwoord is bewaard. U kunt de andere vragen in de e-mail ook met één klik beantwoorden.")
        } catch {
            return BallotController<Context>.page(for: error)
        }
    }

    func moderation(_ context: Context, apply: Bool, form: PageForm = PageForm()) -> Page {
        let token = context.parameters.get("token") ?? ""
        do {
            let claims = try verify(
                token,
                [.approveArgument, .rejectArgument, .approveAnswer, .rejectAnswer, .extendDiscussion, .approveCase, .returnCase])
            let (roundId, argumentId, approve): (Int64, Int64, Bool)
            switch claims.subject {
            case .reviewCase: return try reviewCase(claims, apply: apply, form: form)
            case .extendDiscussion: return try extend(claims, token: token, apply: apply)
            case .moderateAnswer: return try moderateAnswer(claims, apply: apply)
            case .moderateArgument(let round, let argument, let publish):
                (roundId, argumentId, approve) = (round, argument, publish)
            default: throw TokenError.malformed
            }
            guard let argument = try database.argument(argumentId), argument.roundId == roundId else {
                throw StoreError.unknownArgument
            }
            guard apply else {
                var values: [String: Any] = [
                    "argument": argument.text, "status": argument.status.rawValue, "button": approve ? "Publiceren" : "Afwijzen",
                ]
                if !argument.flags.isEmpty { values["reasons"] = argument.flags.explained.joined(separator: "; ") }
                return Page(
                    status: .ok,
                    title: approve ? "Bijdrage #\(argument.number) publiceren?" : "Bijdrage #\(argument.number) afwijzen?",
                    template: "page-moderate", values: values)
            }
            let decided = try database.moderate(argumentId: argument.id!, approve: approve)
            return .message(
                title:
                    "Bijdrage #\(decided.number): \(decided.status == .published ? "gepubliceerd" : decided.status == .rejected ? "afgewezen" : "ongewijzigd")",
                decided.status == .published ? "Hij gaat mee in de volgende samenvatting." : "Hij wordt niet gepubliceerd.")
        } catch {
            return BallotController<Context>.page(for: error)
        }
    }
}

/// What the forms of these pages post (`application/x-www-form-urlencoded`), read by Hummingbird's
/// `URLEncodedFormDecoder`: `reden` and `override` of the moderator's case review, `weken` of the pause page. Other
/// fields are ignored. A body the decoder cannot read (a field twice, broken percent-encoding, a malformed `a[b]`
/// name) counts as an empty form: the page is shown again, as for a form with nothing filled in.
struct PageForm: Decodable, Equatable {
    var reden: String?
    var override: String?
    var weken: String?

    init() {}

    init(body: String) {
        self = (try? URLEncodedFormDecoder().decode(PageForm.self, from: body)) ?? PageForm()
    }
}
