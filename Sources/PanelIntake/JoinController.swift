import Foundation
import Hummingbird
import PanelCore
import PanelMail
import PanelStore

/// A joining resident's one-click answers and the confirmation (double opt-in). GET shows; only POST records.
public struct JoinController<Context: RequestContext>: Sendable {
    public let database: AppDatabase
    public let signer: TokenSigner
    public let now: @Sendable () -> Date
    /// Renders the pages (`page-*` templates).
    let pages: PageRenderer

    public init(
        database: AppDatabase, signer: TokenSigner, pages: PageRenderer, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.database = database
        self.pages = pages
        self.signer = signer
        self.now = now
    }

    public var endpoints: RouteCollection<Context> {
        RouteCollection(context: Context.self)
            .get("/j/{token}") { _, context in self.handle(context, apply: false).response(pages) }
            .head("/j/{token}") { _, context in self.handle(context, apply: false).response(pages, includeBody: false) }
            .post("/j/{token}") { request, context in
                _ = try await request.body.collect(upTo: 16 * 1024)
                return self.handle(context, apply: true).response(pages)
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
                    return .message(
                        title: "Aanmelding bevestigen",
                        before: ["Wilt u meedoen met het inwonerspanel? Na de loting hoort u of u in het panel zit."],
                        button: "Ja, ik doe mee",
                        notes: [Page.Note(text: "U kunt altijd stoppen door \"VERWIJDER MIJ\" te mailen.")])
                }
                try database.confirmVolunteer(volunteer.id!, now: now())
                return Page.message(
                    .ok, title: "Dank u wel, u bent aangemeld",
                    "Na de loting krijgt u bericht. Heeft u de vragen in de e-mail nog niet beantwoord? Dat kan nog steeds.")
            }
            guard let detail = answer, let equals = detail.firstIndex(of: "=") else { throw TokenError.malformed }
            let category = String(detail[..<equals])
            let value = String(detail[detail.index(after: equals)...])
            let question = BackgroundQuestion.text(for: category)
            guard apply else {
                return .message(title: "Uw antwoord", before: [question], choice: value, button: "Bewaar mijn antwoord")
            }
            try database.recordAnswer(volunteerId: volunteer.id!, category: category, value: value)
            return Page.message(
                .ok, title: "Bewaard",
                "Dank u wel. U kunt de andere vragen in de e-mail ook beantwoorden, en daarna uw aanmelding bevestigen.")
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
            return .message(
                title: "Een plek in het panel",
                before: [
                    "Er is een plek vrij in het inwonerspanel. Wilt u die innemen? U krijgt dan de volgende casus per e-mail."
                ],
                button: "Ja, ik neem de plek in",
                notes: [Page.Note(text: "U kunt altijd stoppen door \"VERWIJDER MIJ\" te mailen.")])
        }
        switch try database.takeSeat(volunteerId: volunteerId, now: now()) {
        case .seated:
            return Page.message(
                .ok, title: "Welkom in het panel", "Dank u wel. U zit nu in het panel en krijgt de volgende casus per e-mail.")
        case .alreadySeated:
            return Page.message(.ok, title: "U zit al in het panel", "U heeft de plek al ingenomen. U hoeft niets meer te doen.")
        case .notOffered:
            return Page.message(
                .gone, title: "Dit aanbod is verlopen",
                "Deze plek is niet meer voor u vrij: het aanbod is verlopen of de plek is al ingenomen. U hoeft niets te doen.")
        }
    }
}
