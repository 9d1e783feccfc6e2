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
        func page(_ heading: String, _ section: String, _ more: [String: Any] = [:], status: HTTPResponse.Status = .ok)
            -> Page
        {
            Page(
                status: status, title: heading, template: "page-case-review",
                values: more.merging(["case": title, section: true]) { mine, _ in mine })
        }
        if overview.round != nil { return page("Al goedgekeurd", "approved_already", status: .conflict) }
        if let current = try database.caseVersions(caseId).last, current.returnedAt != nil {
            return page("Al teruggestuurd", "returned_already", status: .conflict)
        }
        let blocking = CaseCheck.check(panelCase.source).findings.filter(\.blocking)
        var shown: [String: Any] = [
            "municipality": panelCase.municipalityId, "has_findings": !blocking.isEmpty,
            "findings": blocking.map { finding -> [String: Any] in
                var item: [String: Any] = ["message": finding.message]
                if let line = finding.line { item["line"] = line }
                return item
            },
        ]
        if !approve {
            let reason = (form.reden ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard apply, reason.count >= 5 else {
                shown["reason"] = reason
                shown["ask_again"] = apply
                return page("Zaak terugsturen", "return_form", shown, status: apply ? .unprocessableContent : .ok)
            }
            try database.returnCase(
                caseId, version: version, reason: reason, now: now(), messageDomain: messageDomain, actor: "moderator (link)")
            return page("Teruggestuurd", "returned")
        }
        let timeline = try Timeline.make(publishAt: now(), defaults: caseTimeline)
        let override = form.override == "ja"
        // The store refuses blocking findings without the override; asking first here is for the form only.
        guard apply, blocking.isEmpty || override else {
            shown["consent"] = panelCase.consentReference
            shown["vote_at"] = dates.format(timeline.voteAt)
            shown["deadline"] = dates.format(timeline.deadline)
            shown["ask_again"] = apply
            return page("Zaak goedkeuren?", "approve_form", shown, status: apply ? .unprocessableContent : .ok)
        }
        let round = try database.approveCase(
            caseId,
            CaseApproval(
                timeline: timeline, timelineName: TimelineTemplate.defaultName, version: version, actor: "moderator (link)",
                override: override),
            now: now(),
            messageDomain: messageDomain)
        return page(
            "Goedgekeurd", "approved", ["vote_at": dates.format(round.voteAt), "deadline": dates.format(round.deadline)])
    }
}
