import Foundation
import PanelCore
import PanelStore

/// The verdict's account of the panel itself: who took part per group, and how the panel was drawn.
extension MessageComposer {
    static let categoryLabels = [
        "age_band": "Leeftijd", "gender": "Geslacht", "district": "Wijk", "education": "Opleiding",
    ]

    /// `participation` (groups per category, small counts hidden) and `panel_draw` (or `panel_imported`).
    func addPanelValues(_ round: Round, municipalityId: String, into values: inout [String: Any]) {
        if let participation = Participation.decode(round.participation) {
            let categories = participation.categories.compactMap { category -> [String: Any]? in
                // A category nobody answered (an imported panel without it) says nothing.
                guard category.groups.contains(where: { $0.value != Participation.unknownValue }) else { return nil }
                let groups = category.groups.map { group -> [String: Any] in
                    var item: [String: Any] = [
                        "value": group.value, "shown": group.voted != nil, "split": group.support != nil,
                    ]
                    if let members = group.members, let voted = group.voted {
                        item["members"] = members
                        item["voted"] = voted
                        item["turnout"] = (group.turnoutPercent ?? 0).dutchPercent
                    }
                    if let support = group.supportPercent { item["support_percent"] = support.dutchPercent }
                    return item
                }
                return ["label": Self.categoryLabels[category.name] ?? category.name, "groups": groups]
            }
            if !categories.isEmpty {
                values["participation"] = ["categories": categories, "hides": participation.hidesAnything]
            }
        }
        guard round.state == .closed else { return }
        guard let draw = PanelDrawSummary.decode(round.panelDraw) else {
            values["panel_imported"] = true
            return
        }
        let categories = draw.quotas.reduce(into: [String]()) { if !$0.contains($1.category) { $0.append($1.category) } }
        var item: [String: Any] = [
            "date": DutchDate.day(draw.drawnAt, timeZone: settings.timeZone), "volunteers": draw.volunteers,
            "size": draw.size, "seed": draw.seed, "run": String(draw.run), "municipality_id": municipalityId,
            "minimum": (draw.minimumProbability * 100).dutchPercent, "median": (draw.medianProbability * 100).dutchPercent,
            "quota_count": draw.quotas.count, "quotas_met": draw.quotasMet, "all_met": draw.quotasMet == draw.quotas.count,
            "categories": categories.map { (Self.categoryLabels[$0] ?? $0).lowercased() }.joined(separator: ", "),
            "quotas": draw.quotas.map { quota -> [String: Any] in
                [
                    "label": "\(Self.categoryLabels[quota.category] ?? quota.category) \(quota.value)",
                    "selected": quota.selected, "minimum": quota.minimum, "maximum": quota.maximum, "met": quota.isMet,
                ]
            },
        ]
        if let invited = draw.invited, invited > 0 { item["invited"] = invited }
        if draw.topUps > 0 { item["top_ups"] = draw.topUps == 1 ? "één keer" : "\(draw.topUps) keer" }
        if draw.reservesSeated > 0 {
            item["reserves_seated"] =
                draw.reservesSeated == 1
                ? "Eén reservelid nam een lege plek in." : "\(draw.reservesSeated) reserveleden namen een lege plek in."
        }
        values["panel_draw"] = item
    }
}

extension DutchDate {
    /// "3 december 2026".
    public static func day(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.day, .month, .year], from: date)
        return "\(parts.day ?? 1) \(months[(parts.month ?? 1) - 1]) \(parts.year ?? 1970)"
    }
}
