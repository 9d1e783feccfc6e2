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
    /// Renders the pages (`page-*` templates).
    let pages: PageRenderer

    public init(
        database: AppDatabase, signer: TokenSigner, pages: PageRenderer, timeZone: TimeZone = .panelDefault,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.database = database
        self.pages = pages
        self.ballotBox = BallotBox(database: database)
        self.signer = signer
        self.dates = DutchDateText(timeZone: timeZone)
        self.now = now
    }

    public var endpoints: RouteCollection<Context> {
        RouteCollection(context: Context.self)
            .get("/v/{token}") { _, context in self.showBallot(context).response(pages) }
            .head("/v/{token}") { _, context in self.showBallot(context).response(pages, includeBody: false) }
            .post("/v/{token}") { request, context in try await self.castVote(request, context).response(pages) }
            .get("/u/{token}") { _, context in self.showUnsubscribe(context).response(pages) }
            .head("/u/{token}") { _, context in self.showUnsubscribe(context).response(pages, includeBody: false) }
            .post("/u/{token}") { request, context in try await self.unsubscribe(request, context).response(pages) }
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
        let other: VoteChoice = choice == .support ? .oppose : .support
        let otherToken = signer.sign(
            TokenClaims(.vote(round: roundId, panelist: panelistId, choice: other), expires: claims.expires))
        var values: [String: Any] = [
            "case_title": ballot.panelCase.title, "choice": Self.label(choice),
            "deadline": dates.format(ballot.round.deadline), "other_link": otherToken,
        ]
        if let current = ballot.currentChoice {
            if current == choice { values["same_as_before"] = true } else { values["earlier_choice"] = [Self.label(current)] }
        }
        return Page(status: .ok, title: "Bevestig uw stem", template: "page-ballot", values: values)
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
        let deadline = dates.format(receipt.deadline)
        guard receipt.vote.choice == receipt.choice else {
            return .message(
                title: "Uw laatste stem telt",
                before: ["U heeft kort na elkaar verschillende keuzes bevestigd. Uw laatste stem telt:"],
                choice: Self.label(receipt.vote.choice),
                notes: [
                    Page.Note(
                        text:
                            "Wilt u toch iets anders? Gebruik de andere knop in de e-mail; tot \(deadline) telt uw laatste keuze."
                    )
                ])
        }
        return .message(
            title: "Dank u wel, uw stem is geteld", choice: Self.label(receipt.vote.choice),
            after: ["Na de sluiting op \(deadline) krijgt u per e-mail de uitslag, en later wat de gemeente ermee doet."],
            notes: [Page.Note(text: "Van gedachten veranderd? Gebruik de andere knop in de e-mail; uw laatste keuze telt.")])
    }

    func showUnsubscribe(_ context: Context) -> Page {
        let token = context.parameters.get("token") ?? ""
        do { _ = try signer.verify(token, purpose: .unsubscribe, now: now()) } catch { return Self.page(for: error) }
        return .message(
            title: "Afmelden voor het panel",
            before: ["Wilt u geen e-mail meer ontvangen van De Tweede Mening? Dan doet u niet meer mee aan het panel."],
            button: "Ja, meld mij af", notes: [Page.Note(text: "Wilt u blijven meedoen? Dan hoeft u niets te doen.")])
    }

    func unsubscribe(_ request: Request, _ context: Context) async throws -> Page {
        _ = try await request.body.collect(upTo: 16 * 1024)
        let token = context.parameters.get("token") ?? ""
        do {
            let claims = try signer.verify(token, purpose: .unsubscribe, now: now())
            guard case .unsubscribe(_, let panelistId) = claims.subject else { throw TokenError.malformed }
            let (database, now) = (self.database, self.now)
            try await Blocking.run("unsubscribe") { try database.unsubscribe(panelistId: panelistId, now: now()) }
            return .message(
                title: "U bent afgemeld", "U ontvangt geen e-mail meer van De Tweede Mening. Dank u wel voor uw deelname.")
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
                return Page.message(.gone, title: "Deze link is verlopen", "Stemmen is gesloten. U krijgt de uitslag per e-mail.")
            case .malformed:
                return Page.message(
                    .badRequest, title: "Deze link werkt niet",
                    "De link is niet compleet. Kopieer de hele link uit de e-mail, of klik er direct op in de e-mail.")
            case .unknownKey, .badSignature, .wrongPurpose:
                return Page.message(
                    .forbidden, title: "Deze link is niet geldig",
                    "Gebruik de link uit uw eigen e-mail van De Tweede Mening. Er is niets vastgelegd.")
            }
        case let error as StoreError:
            switch error {
            case .votingClosed:
                return Page.message(
                    .gone, title: "Stemmen is gesloten",
                    "De termijn voor deze casus is voorbij; uw stem is niet meer vastgelegd. U krijgt de uitslag per e-mail.")
            case .votingNotOpen:
                return Page.message(.conflict, title: "Stemmen is nog niet geopend", "U krijgt een e-mail zodra u kunt stemmen.")
            case .notInPanel:
                return Page.message(
                    .forbidden, title: "Deze link is niet geldig",
                    "U staat niet in het panel van deze casus. Er is niets vastgelegd.")
            default:
                return Page.message(.notFound, title: "Niet gevonden", "Deze casus of dit panellid bestaat niet (meer).")
            }
        default:
            return Page.message(
                .internalServerError, title: "Er ging iets mis",
                "Probeer het over een paar minuten opnieuw. Er is niets vastgelegd.")
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
