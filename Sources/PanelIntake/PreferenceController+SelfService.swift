import Foundation
import Hummingbird
import PanelCore
import PanelStore

extension PreferenceController {
    /// A panelist pauses for some weeks, confirms their erasure, or undoes an unsubscribe made by mail. GET shows the
    /// choice; POST acts.
    func selfService(_ claims: TokenClaims, apply: Bool, form: PageForm) throws -> Page {
        let panelistId: Int64
        switch claims.subject {
        case .pause(_, let panelist), .erase(let panelist), .resubscribe(let panelist): panelistId = panelist
        default: throw TokenError.malformed
        }
        guard let panelist = try database.panelist(panelistId), panelist.erasedAt == nil else {
            if claims.purpose == .erase {
                return Page.message(.ok, title: "Uw gegevens zijn gewist", "U krijgt geen e-mail meer van ons.")
            }
            throw StoreError.unknownPanelist
        }
        if claims.purpose == .erase {
            guard apply else {
                return .message(
                    title: "Uw gegevens wissen?",
                    before: [
                        "Wij wissen dan uw e-mailadres, uw naam en uw antwoorden op de achtergrondvragen. U krijgt geen e-mail "
                            + "meer van ons. Uw stemmen blijven meetellen, maar niemand kan ze nog aan u koppelen."
                    ],
                    warning: "Dit kan niet ongedaan worden gemaakt.", button: "Ja, wis mijn gegevens")
            }
            _ = try database.erase(panelistId: panelist.id!, now: now(), actor: "panelist (link)")
            return Page.message(
                .ok, title: "Uw gegevens zijn gewist", "Dank u wel voor uw deelname. U krijgt geen e-mail meer van ons.")
        }
        if claims.purpose == .resubscribe {
            guard apply else {
                return .message(
                    title: "Toch blijven meedoen?",
                    before: ["U bent afgemeld voor het panel. Was dat een vergissing? Dan kunt u hier weer meedoen."],
                    button: "Ja, ik doe weer mee", notes: [Page.Note(text: "Wilt u afgemeld blijven? Dan hoeft u niets te doen.")]
                )
            }
            guard try database.resubscribe(panelistId: panelist.id!, now: now()) else {
                return Page.message(
                    .conflict, title: "Dat lukt zo niet", "Wij kunnen u nu niet weer aanmelden. Neem contact op met de gemeente.")
            }
            return Page.message(
                .ok, title: "U doet weer mee", "Fijn dat u blijft. U krijgt weer e-mail over nieuwe zaken van het panel.")
        }
        guard apply else {
            return Page(
                status: .ok, title: "Even geen zaken?", template: "page-pause",
                values: ["options": [2, 4, 8, 12].map { ["weeks": $0] }])
        }
        let weeks = Int(form.weken ?? "") ?? 4
        let until = try database.pause(panelistId: panelist.id!, weeks: weeks, now: now())
        return Page.message(
            .ok, title: "Gepauzeerd", "Tot \(dates.format(until)) krijgt u geen e-mail van het panel. Daarna doet u weer mee.")
    }
}
