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
        do { return try signer.verify(token, purpose: .joinAnswer, now: now()) } catch TokenError.wrongPurpose {
            return try signer.verify(token, purpose: .joinConfirm, now: now())
        }
    }

    func handle(_ context: Context, apply: Bool) -> Page {
        let token = context.parameters.get("token") ?? ""
        do {
            let claims = try verify(token)
            let volunteerId: Int64
            var answer: String?
            switch claims.subject {
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
}
