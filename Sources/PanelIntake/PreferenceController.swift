import Foundation
import Hummingbird
import PanelCore
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

    public init(
        database: AppDatabase, signer: TokenSigner, messageDomain: String, caseTimeline: TimelineDefaults = TimelineDefaults(),
        timeZone: TimeZone = .panelDefault, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.dates = DutchDateText(timeZone: timeZone)
        self.database = database
        self.signer = signer
        self.messageDomain = messageDomain
        self.caseTimeline = caseTimeline
        self.now = now
    }

    public var endpoints: RouteCollection<Context> {
        RouteCollection(context: Context.self)
            .get("/p/{token}") { _, context in self.preference(context, apply: false).response() }
            .head("/p/{token}") { _, context in self.preference(context, apply: false).response(includeBody: false) }
            .post("/p/{token}") { request, context in
                let body = try await request.body.collect(upTo: 16 * 1024)
                return self.preference(context, apply: true, form: PageForm(body: String(buffer: body))).response()
            }
            .get("/e/{token}") { _, context in self.evaluation(context, apply: false).response() }
            .head("/e/{token}") { _, context in self.evaluation(context, apply: false).response(includeBody: false) }
            .post("/e/{token}") { request, context in
                _ = try await request.body.collect(upTo: 16 * 1024)
                return self.evaluation(context, apply: true).response()
            }
            .get("/m/{token}") { _, context in self.moderation(context, apply: false).response() }
            .head("/m/{token}") { _, context in self.moderation(context, apply: false).response(includeBody: false) }
            .post("/m/{token}") { request, context in
                let body = try await request.body.collect(upTo: 16 * 1024)
                let form = PageForm(body: String(buffer: body))
                return self.moderation(context, apply: true, form: form).response()
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
                return Page(
                    status: .ok, title: quiet ? "Geen herinneringen meer" : "Geen samenvattingen meer",
                    body: """
                        <p>\(quiet ? "Wilt u voor deze casus geen herinneringen meer krijgen?" : "Wilt u voor deze casus geen samenvattingen van de discussie meer krijgen?")</p>
                        <form method="post">
                        <button type="submit">Ja, dat wil ik</button>
                        </form>
                        <p class="muted">U blijft in het panel, en u kunt nog steeds reageren en stemmen.</p>
                        """)
            }
            if quiet {
                try database.setPreference(roundId: roundId, panelistId: panelistId, wantsReminder: false)
            } else {
                try database.setPreference(roundId: roundId, panelistId: panelistId, wantsDigest: false)
            }
            return Page(status: .ok, title: "Geregeld", body: "<p>Dat is aangepast. U kunt nog steeds reageren en stemmen.</p>")
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
            return Page(
                status: .ok, title: "Discussie \(days) dagen verlengen?",
                body: """
                    <p>De stemming opent nu op \(Page.escape(dates.format(round.voteAt))). Na verlengen schuiven de opening
                    van de stemming en de sluiting \(days) dagen op, en krijgen alle panelleden één bericht met de nieuwe data.</p>
                    <form method="post">
                    <button type="submit">Verleng met \(days) dagen</button>
                    </form>
                    """)
        }
        let extended: Round
        do {
            extended = try database.extendDiscussion(
                roundId: round.id!, days: days, now: now(), messageDomain: messageDomain, oneTimeLink: token)
        } catch StoreError.linkUsed {
            return Page(
                status: .conflict, title: "Deze link is al gebruikt",
                body: """
                    <p>De discussie is met deze link al verlengd; een link verlengt één keer. De stemming opent op
                    \(Page.escape(dates.format(round.voteAt))).</p>
                    """)
        }
        return Page(
            status: .ok, title: "Discussie verlengd",
            body:
                "<p>De stemming opent nu op \(Page.escape(dates.format(extended.voteAt))); het panel krijgt bericht.</p>")
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
                body: """
                    <p><strong>Vraag:</strong> \(Page.escape(question.text))</p>
                    <p style="white-space:pre-line"><strong>Antwoord:</strong> \(Page.escape(question.answer ?? ""))</p>
                    <form method="post">
                    <button type="submit">\(approve ? "Publiceren" : "Afwijzen")</button>
                    </form>
                    """)
        }
        let decided = try database.moderateAnswer(questionId: question.id!, approve: approve)
        return Page(
            status: .ok,
            title: "Antwoord op vraag \(decided.number): \(decided.answerStatus == .published ? "gepubliceerd" : "afgewezen")",
            body:
                "<p>\(decided.answerStatus == .published ? "Het gaat mee in de volgende samenvatting." : "Het wordt niet gepubliceerd.")</p>"
        )
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
                return Page(
                    status: .ok, title: "Uw antwoord",
                    body: """
                        <p class="choice">\(Page.escape(Self.label(answer)))</p>
                        <form method="post">
                        <button type="submit">Verstuur mijn antwoord</button>
                        </form>
                        <p class="muted">Uw antwoord is anoniem: de gemeente ziet alleen totalen.</p>
                        """)
            }
            try database.recordEvaluation(roundId: roundId, panelistId: panelistId, answer: answer, now: now())
            return Page(
                status: .ok, title: "Dank u wel",
                body: "<p>Uw antwoord is bewaard. U kunt de andere vragen in de e-mail ook met één klik beantwoorden.</p>")
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
                let reasons =
                    argument.flags.isEmpty
                    ? "" : " — vastgehouden omdat: " + Page.escape(argument.flags.explained.joined(separator: "; "))
                return Page(
                    status: .ok,
                    title: approve ? "Bijdrage #\(argument.number) publiceren?" : "Bijdrage #\(argument.number) afwijzen?",
                    body: """
                        <p style="white-space:pre-line">\(Page.escape(argument.text))</p>
                        <p class="muted">Status nu: \(argument.status.rawValue)\(reasons)</p>
                        <form method="post">
                        <button type="submit">\(approve ? "Publiceren" : "Afwijzen")</button>
                        </form>
                        """)
            }
            let decided = try database.moderate(argumentId: argument.id!, approve: approve)
            return Page(
                status: .ok,
                title:
                    "Bijdrage #\(decided.number): \(decided.status == .published ? "gepubliceerd" : decided.status == .rejected ? "afgewezen" : "ongewijzigd")",
                body:
                    "<p>\(decided.status == .published ? "Hij gaat mee in de volgende samenvatting." : "Hij wordt niet gepubliceerd.")</p>"
            )
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
