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
                return Page(status: .ok, title: "Uw gegevens zijn gewist", body: "<p>U krijgt geen e-mail meer van ons.</p>")
            }
            throw StoreError.unknownPanelist
        }
        if claims.purpose == .erase {
            guard apply else {
                return Page(
                    status: .ok, title: "Uw gegevens wissen?",
                    body: """
                        <p>Wij wissen dan uw e-mailadres, uw naam en uw antwoorden op de achtergrondvragen. U krijgt geen
                        e-mail meer van ons. Uw stemmen blijven meetellen, maar niemand kan ze nog aan u koppelen.</p>
                        <p><strong>Dit kan niet ongedaan worden gemaakt.</strong></p>
                        <form method="post"><button type="submit">Ja, wis mijn gegevens</button></form>
                        """)
            }
            _ = try database.erase(panelistId: panelist.id!, now: now(), actor: "panelist (link)")
            return Page(
                status: .ok, title: "Uw gegevens zijn gewist",
                body: "<p>Dank u wel voor uw deelname. U krijgt geen e-mail meer van ons.</p>")
        }
        if claims.purpose == .resubscribe {
            guard apply else {
                return Page(
                    status: .ok, title: "Toch blijven meedoen?",
                    body: """
                        <p>U bent afgemeld voor het panel. Was dat een vergissing? Dan kunt u hier weer meedoen.</p>
                        <form method="post"><button type="submit">Ja, ik doe weer mee</button></form>
                        <p class="muted">Wilt u afgemeld blijven? Dan hoeft u niets te doen.</p>
                        """)
            }
            guard try database.resubscribe(panelistId: panelist.id!, now: now()) else {
                return Page(
                    status: .conflict, title: "Dat lukt zo niet",
                    body: "<p>Wij kunnen u nu niet weer aanmelden. Neem contact op met de gemeente.</p>")
            }
            return Page(
                status: .ok, title: "U doet weer mee",
                body: "<p>Fijn dat u blijft. U krijgt weer e-mail over nieuwe zaken van het panel.</p>")
        }
        guard apply else {
            let options = [2, 4, 8, 12].map { weeks in
                "<p><button type=\"submit\" name=\"weken\" value=\"\(weeks)\">\(weeks) weken pauze</button></p>"
            }.joined(separator: "\n")
            return Page(
                status: .ok, title: "Even geen zaken?",
                body: """
                    <p>U blijft in het panel, maar krijgt een tijdje geen e-mail van ons. Daarna doet u vanzelf weer mee.</p>
                    <form method="post">
                    \(options)
                    </form>
                    """)
        }
        let weeks = Int(form.weken ?? "") ?? 4
        let until = try database.pause(panelistId: panelist.id!, weeks: weeks, now: now())
        return Page(
            status: .ok, title: "Gepauzeerd",
            body:
                "<p>Tot \(Page.escape(dates.format(until))) krijgt u geen e-mail van het panel. Daarna doet u weer mee.</p>"
        )
    }
}
