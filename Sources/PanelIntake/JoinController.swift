import Foundation
import Hummingbird
import PanelCore
import PanelStore

/// A joining resident's one-click answers and the confirmation (double opt-in). GET shows; only POST records.
public struct JoinController<Context: RequestContext>: Sendable {
    public let database: AppDatabase
    public let signer: TokenSigner
    public let now: @Sendable () -> Date

    public init(database: AppDatabase, signer: TokenSigner, now: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.signer = signer
        self.now = now
    }

    public var endpoints: RouteCollection<Context> {
        RouteCollection(context: Context.self)
            .get("/j/{token}") { _, context in self.handle(context, apply: false).response() }
            .head("/j/{token}") { _, context in self.handle(context, apply: false).response(includeBody: false) }
            .post("/j/{token}") { request, context in
                _ = try await request.body.collect(upTo: 16 * 1024)
                return self.handle(context, apply: true).response()
            }
    }

    func verify(_ token: String) throws -> TokenClaims {
        for purpose in [TokenPurpose.joinAnswer, .joinConfirm] {
            do { return try signer.verify(token, purpose: purpose, now: now()) } catch TokenError.wrongPurpose { continue }
        }
        return try signer.verify(token, purpose: .takeSeat, now: now())
    }

    func handle(_ context: Context, apply: Bool) -> Page {
        let token = context.parameters.get("token") ?? ""
        do {
            let claims = try verify(token)
            let volunteerId: Int64
            var answer: String?
            switch claims.subject {
            case .takeSeat(let volunteer): return try takeSeat(volunteer, apply: apply)
            case .joinConfirm(let volunteer): volunteerId = volunteer
            case .joinAnswer(let volunteer, let given): (volunteerId, answer) = (volunteer, given)
            default: throw TokenError.malformed
            }
            guard let volunteer = try database.volunteer(volunteerId), volunteer.status != .withdrawn else {
                throw StoreError.unknownPanelist
            }
            if claims.purpose == .joinConfirm {
                guard apply else {
                    return Page(
                        status: .ok, title: "Aanmelding bevestigen",
                        body: """
                            <p>Wilt u meedoen met het inwonerspanel? Na de loting hoort u of u in het panel zit.</p>
                            <form method="post"><button type="submit">Ja, ik doe mee</button></form>
                            <p class="muted">U kunt altijd stoppen door "VERWIJDER MIJ" te mailen.</p>
                            """)
                }
                try database.confirmVolunteer(volunteer.id!, now: now())
                return Page(
                    status: .ok, title: "Dank u wel, u bent aangemeld",
                    body:
                        "<p>Na de loting krijgt u bericht. Heeft u de vragen in de e-mail nog niet beantwoord? Dat kan nog steeds.</p>"
                )
            }
            guard let detail = answer, let equals = detail.firstIndex(of: "=") else { throw TokenError.malformed }
            let category = String(detail[..<equals])
            let value = String(detail[detail.index(after: equals)...])
            let question = BackgroundQuestion.text(for: category)
            guard apply else {
                return Page(
                    status: .ok, title: "Uw antwoord",
                    body: """
                        <p>\(Page.escape(question))</p>
                        <p class="choice">\(Page.escape(value))</p>
                        <form method="post"><button type="submit">Bewaar mijn antwoord</button></form>
                        """)
            }
            try database.recordAnswer(volunteerId: volunteer.id!, category: category, value: value)
            return Page(
                status: .ok, title: "Bewaard",
                body:
                    "<p>Dank u wel. U kunt de andere vragen in de e-mail ook beantwoorden, en daarna uw aanmelding bevestigen.</p>"
            )
        } catch {
            return BallotController<Context>.page(for: error)
        }
    }

    /// A reserve's answer to a seat offer: GET asks, POST seats them (once).
    func takeSeat(_ volunteerId: Int64, apply: Bool) throws -> Page {
        guard let volunteer = try database.volunteer(volunteerId), volunteer.status != .withdrawn else {
            throw StoreError.unknownPanelist
        }
        guard apply else {
            return Page(
                status: .ok, title: "Een plek in het panel",
                body: """
                    <p>Er is een plek vrij in het inwonerspanel. Wilt u die innemen? U krijgt dan de volgende casus per e-mail.</p>
                    <form method="post"><button type="submit">Ja, ik neem de plek in</button></form>
                    <p class="muted">U kunt altijd stoppen door "VERWIJDER MIJ" te mailen.</p>
                    """)
        }
        switch try database.takeSeat(volunteerId: volunteerId, now: now()) {
        case .seated:
            return Page(
                status: .ok, title: "Welkom in het panel",
                body: "<p>Dank u wel. U zit nu in het panel en krijgt de volgende casus per e-mail.</p>")
        case .alreadySeated:
            return Page(
                status: .ok, title: "U zit al in het panel",
                body: "<p>U heeft de plek al ingenomen. U hoeft niets meer te doen.</p>")
        case .notOffered:
            return Page(
                status: .gone, title: "Dit aanbod is verlopen",
                body:
                    "<p>Deze plek is niet meer voor u vrij: het aanbod is verlopen of de plek is al ingenomen. U hoeft niets te doen.</p>"
            )
        }
    }
}
