import Foundation
import Hummingbird
import Logging
import PanelCore
import PanelMail
import PanelStore

/// Vote and unsubscribe links. `GET` and `HEAD` only show a page (mail scanners fetch every link);
/// the one form on that page `POST`s, and only a `POST` records anything.
public struct BallotController<Context: RequestContext>: Sendable {
    public let database: AppDatabase
    /// Votes go through one box, which commits concurrent votes together (group commit).
    public let ballotBox: BallotBox
    public let signer: TokenSigner
    public let now: @Sendable () -> Date
    /// Dates on the pages, in the panel's time zone.
    let dates: DutchDateText

    public init(
        database: AppDatabase, signer: TokenSigner, timeZone: TimeZone = .panelDefault,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.database = database
        self.ballotBox = BallotBox(database: database)
        self.signer = signer
        self.dates = DutchDateText(timeZone: timeZone)
        self.now = now
    }

    public var endpoints: RouteCollection<Context> {
        RouteCollection(context: Context.self)
            .get("/v/{token}") { _, context in self.showBallot(context).response() }
            .head("/v/{token}") { _, context in self.showBallot(context).response(includeBody: false) }
            .post("/v/{token}") { request, context in try await self.castVote(request, context).response() }
            .get("/u/{token}") { _, context in self.showUnsubscribe(context).response() }
            .head("/u/{token}") { _, context in self.showUnsubscribe(context).response(includeBody: false) }
            .post("/u/{token}") { request, context in try await self.unsubscribe(request, context).response() }
    }

    static func label(_ choice: VoteChoice) -> String {
        switch choice {
        case .support: "Ja, ik steun het besluit van de gemeente"
        case .oppose: "Nee, ik steun het besluit van de gemeente niet"
        }
    }

    func showBallot(_ context: Context) -> Page {
        let token = context.parameters.get("token") ?? ""
        let claims: TokenClaims
        do { claims = try signer.verify(token, purpose: .vote, now: now()) } catch { return Self.page(for: error) }
        guard case .vote(let roundId, let panelistId, let choice) = claims.subject else {
            return Self.page(for: TokenError.malformed)
        }
        let ballot: BallotContext
        do { ballot = try database.ballot(roundId: roundId, panelistId: panelistId, now: now()) } catch {
            return Self.page(for: error)
        }
        var note = ""
        if let current = ballot.currentChoice {
            note =
                current == choice
                ? "<p class=\"muted\">U heeft dit al eerder gekozen. U kunt het nog een keer bevestigen.</p>"
                : "<p class=\"muted\">U koos eerder: “\(Self.label(current))”. Als u nu bevestigt, telt uw nieuwe keuze.</p>"
        }
        let other: VoteChoice = choice == .support ? .oppose : .support
        let otherToken = signer.sign(
            TokenClaims(.vote(round: roundId, panelist: panelistId, choice: other), expires: claims.expires))
        return Page(
            status: .ok, title: "Bevestig uw stem",
            body: """
                <p>Casus: <strong>\(Page.escape(ballot.panelCase.title))</strong></p>
                <p>U kiest:</p>
                <p class="choice">\(Self.label(choice))</p>
                \(note)
                <form method="post">
                <button type="submit">Bevestig mijn stem</button>
                </form>
                <p class="muted">Uw stem is pas geteld als u op de knop drukt. Tot \(Page.escape(dates.format(ballot.round.deadline))) kunt u uw stem nog wijzigen.</p>
                <p><a href="\(otherToken)">Ik wil iets anders kiezen</a></p>
                """)
    }

    func castVote(_ request: Request, _ context: Context) async throws -> Page {
        let token = context.parameters.get("token") ?? ""
        let claims: TokenClaims
        let (roundId, panelistId, choice): (Int64, Int64, VoteChoice)
        do {
            claims = try signer.verify(token, purpose: .vote, now: now())
            guard case .vote(let round, let panelist, let chosen) = claims.subject else { throw TokenError.malformed }
            (roundId, panelistId, choice) = (round, panelist, chosen)
        } catch {
            _ = try await request.body.collect(upTo: 16 * 1024)
            return Self.page(for: error)
        }
        // "The last vote counts" means the last one received: its place in that order is taken now, before the body.
        let ticket = ballotBox.receive(roundId: roundId, panelistId: panelistId)
        do {
            _ = try await request.body.collect(upTo: 16 * 1024)
        } catch {
            ballotBox.withdraw(ticket)
            throw error
        }
        do {
            // Returns once the vote is committed, and any vote of this panelist received after it answered: with what
            // is stored then, so the page is never ahead of the disk nor contradicted by a later click's page.
            return Self.page(for: try await ballotBox.cast(ticket, choice: choice, now: now()), dates: dates)
        } catch {
            return Self.page(for: error)
        }
    }

    /// The page after a vote names the choice that is stored, never merely the one just clicked: when another click
    /// (a second device, a quick change of mind) arrived after this one, that one counts and the page says so.
    static func page(for receipt: VoteReceipt, dates: DutchDateText) -> Page {
        let deadline = Page.escape(dates.format(receipt.round.deadline))
        guard receipt.vote.choice == receipt.choice else {
            return Page(
                status: .ok, title: "Uw laatste stem telt",
                body: """
                    <p>U heeft kort na elkaar verschillende keuzes bevestigd. Uw laatste stem telt:</p>
                    <p class="choice">\(Self.label(receipt.vote.choice))</p>
                    <p class="muted">Wilt u toch iets anders? Gebruik de andere knop in de e-mail; tot \(deadline) telt uw laatste keuze.</p>
                    """)
        }
        return Page(
            status: .ok, title: "Dank u wel, uw stem is geteld",
            body: """
                <p class="choice">\(Self.label(receipt.vote.choice))</p>
                <p>Na de sluiting op \(deadline) krijgt u per e-mail de uitslag, en later wat de gemeente ermee doet.</p>
                <p class="muted">Van gedachten veranderd? Gebruik de andere knop in de e-mail; uw laatste keuze telt.</p>
                """)
    }

    func showUnsubscribe(_ context: Context) -> Page {
        let token = context.parameters.get("token") ?? ""
        do { _ = try signer.verify(token, purpose: .unsubscribe, now: now()) } catch { return Self.page(for: error) }
        return Page(
            status: .ok, title: "Afmelden voor het panel",
            body: """
                <p>Wilt u geen e-mail meer ontvangen van De Tweede Mening? Dan doet u niet meer mee aan het panel.</p>
                <form method="post">
                <button type="submit">Ja, meld mij af</button>
                </form>
                <p class="muted">Wilt u blijven meedoen? Dan hoeft u niets te doen.</p>
                """)
    }

    func unsubscribe(_ request: Request, _ context: Context) async throws -> Page {
        _ = try await request.body.collect(upTo: 16 * 1024)
        let token = context.parameters.get("token") ?? ""
        do {
            let claims = try signer.verify(token, purpose: .unsubscribe, now: now())
            guard case .unsubscribe(_, let panelistId) = claims.subject else { throw TokenError.malformed }
            let (database, now) = (self.database, self.now)
            try await Blocking.run("unsubscribe") { try database.unsubscribe(panelistId: panelistId, now: now()) }
            return Page(
                status: .ok, title: "U bent afgemeld",
                body: "<p>U ontvangt geen e-mail meer van De Tweede Mening. Dank u wel voor uw deelname.</p>")
        } catch {
            return Self.page(for: error)
        }
    }

    /// The page for anything that stops a vote: the status says what happened, the text what to do.
    static func page(for error: any Error) -> Page {
        switch error {
        case let error as TokenError:
            switch error {
            case .expired:
                return Page(
                    status: .gone, title: "Deze link is verlopen",
                    body: "<p>Stemmen is gesloten. U krijgt de uitslag per e-mail.</p>")
            case .malformed:
                return Page(
                    status: .badRequest, title: "Deze link werkt niet",
                    body:
                        "<p>De link is niet compleet. Kopieer de hele link uit de e-mail, of klik er direct op in de e-mail.</p>")
            case .unknownKey, .badSignature, .wrongPurpose:
                return Page(
                    status: .forbidden, title: "Deze link is niet geldig",
                    body: "<p>Gebruik de link uit uw eigen e-mail van De Tweede Mening. Er is niets vastgelegd.</p>")
            }
        case let error as StoreError:
            switch error {
            case .votingClosed:
                return Page(
                    status: .gone, title: "Stemmen is gesloten",
                    body:
                        "<p>De termijn voor deze casus is voorbij; uw stem is niet meer vastgelegd. U krijgt de uitslag per e-mail.</p>"
                )
            case .votingNotOpen:
                return Page(
                    status: .conflict, title: "Stemmen is nog niet geopend",
                    body: "<p>U krijgt een e-mail zodra u kunt stemmen.</p>")
            case .notInPanel:
                return Page(
                    status: .forbidden, title: "Deze link is niet geldig",
                    body: "<p>U staat niet in het panel van deze casus. Er is niets vastgelegd.</p>")
            default:
                return Page(
                    status: .notFound, title: "Niet gevonden", body: "<p>Deze casus of dit panellid bestaat niet (meer).</p>")
            }
        default:
            return Page(
                status: .internalServerError, title: "Er ging iets mis",
                body: "<p>Probeer het over een paar minuten opnieuw. Er is niets vastgelegd.</p>")
        }
    }
}

/// Dates on pages, in the panel's own time zone (`mail.time_zone`, passed to `buildIntakeRouter`).
struct DutchDateText: Sendable {
    let timeZone: TimeZone

    func format(_ date: Date) -> String {
        DutchDate.format(date, timeZone: timeZone)
    }
}
