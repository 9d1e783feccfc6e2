import Foundation
import Hummingbird
import PanelCore
import PanelStore

extension PreferenceController {
    /// The moderator's links in a review mail: approve (with the standard timeline) or return with a reason.
    /// GET shows the case and a form; only POST decides. A link is for one version of the case.
    func reviewCase(_ claims: TokenClaims, apply: Bool, form: PageForm) throws -> Page {
        guard case .reviewCase(let caseId, let version, let approve) = claims.subject else { throw TokenError.malformed }
        let overview = try database.caseOverview(caseId)
        let panelCase = overview.panelCase
        guard panelCase.version == version else {
            throw StoreError.staleVersion(caseId, linked: version, current: panelCase.version)
        }
        let title = "zaak \(caseId) (versie \(version)): \(panelCase.title)"
        if overview.round != nil {
            return Page(
                status: .conflict, title: "Al goedgekeurd",
                body:
                    "<p>\(Page.escape(title)) is al goedgekeurd. Datums wijzigen kan met <code>tweedemening case approve</code>.</p>"
            )
        }
        if let current = try database.caseVersions(caseId).last, current.returnedAt != nil {
            return Page(
                status: .conflict, title: "Al teruggestuurd",
                body:
                    "<p>\(Page.escape(title)) is teruggestuurd naar de gemeente. De volgende versie krijgt een nieuwe e-mail.</p>"
            )
        }
        let report = CaseCheck.check(panelCase.source)
        let blocking = report.findings.filter(\.blocking)
        let findingsHTML =
            blocking.isEmpty
            ? ""
            : "<p><strong>De controle vond iets dat anders moet:</strong></p><ul>"
                + blocking.map {
                    "<li>\($0.line.map { "regel \($0): " } ?? "")\(Page.escape($0.message))</li>"
                }.joined() + "</ul>"
        if !approve {
            let reason = (form.reden ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard apply, reason.count >= 5 else {
                return Page(
                    status: apply ? .unprocessableContent : .ok, title: "Zaak terugsturen",
                    body: """
                        <p>\(Page.escape(title)) van \(Page.escape(panelCase.municipalityId)).</p>
                        \(findingsHTML)
                        <form method="post">
                        <p><label for="reden">Wat moet de gemeente veranderen? Deze tekst krijgt de gemeente te lezen.</label></p>
                        <p><textarea id="reden" name="reden" rows="6" required minlength="5" style="width:100%;font-size:1em;">\(Page.escape(reason))</textarea></p>
                        \(apply ? "<p><strong>Schrijf een reden van minstens een paar woorden.</strong></p>" : "")
                        <button type="submit">Terugsturen naar de gemeente</button>
                        </form>
                        """)
            }
            try database.returnCase(
                caseId, version: version, reason: reason, now: now(), messageDomain: messageDomain, actor: "moderator (link)")
            return Page(
                status: .ok, title: "Teruggestuurd",
                body: "<p>De gemeente krijgt uw reden per e-mail en kan een nieuwe versie sturen door te antwoorden.</p>")
        }
        let timeline = try Timeline.make(publishAt: now(), defaults: caseTimeline)
        let override = form.override == "ja"
        // The store refuses blocking findings without the override; asking first here is for the form only.
        guard apply, blocking.isEmpty || override else {
            return Page(
                status: apply ? .unprocessableContent : .ok, title: "Zaak goedkeuren?",
                body: """
                    <p>\(Page.escape(title)) van \(Page.escape(panelCase.municipalityId)).<br>
                    Toestemming aanvrager: \(Page.escape(panelCase.consentReference))</p>
                    \(findingsHTML)
                    <p>Met de standaard tijdlijn: naar het panel in het eerstvolgende verzendvenster, stemmen vanaf
                    \(Page.escape(dates.format(timeline.voteAt))), sluiting \(Page.escape(dates.format(timeline.deadline))).</p>
                    <form method="post">
                    \(blocking.isEmpty ? "" : "<p><label><input type=\"checkbox\" name=\"override\" value=\"ja\" required> Ik heb de bevindingen gezien en keur de zaak toch goed; ik neem daarvoor de verantwoordelijkheid.</label></p>")
                    \(apply ? "<p><strong>Vink eerst aan dat u de bevindingen hebt gezien.</strong></p>" : "")
                    <button type="submit">Goedkeuren</button>
                    </form>
                    """)
        }
        let round = try database.approveCase(
            caseId,
            CaseApproval(
                timeline: timeline, timelineName: TimelineTemplate.defaultName, version: version, actor: "moderator (link)",
                override: override),
            now: now(),
            messageDomain: messageDomain)
        return Page(
            status: .ok, title: "Goedgekeurd",
            body: """
                <p>\(Page.escape(title)) gaat naar het panel. Stemmen vanaf \(Page.escape(dates.format(round.voteAt))),
                sluiting \(Page.escape(dates.format(round.deadline))). De gemeente krijgt bericht.</p>
                """)
    }
}
