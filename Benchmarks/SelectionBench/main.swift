import Foundation
import PanelCore

// Times PanelSelection.select on 5,000 synthetic volunteers with four skewed categories for a panel of 200, quotas
// proportional to the population (±2 per value). Prints numbers, never asserts on them.
// Run: swift run -c release SelectionBench [replicas]

/// A category: its values, how often volunteers have each, and how often the population does.
struct Category {
    var name: String
    var values: [String]
    var volunteerShare: [Double]
    var populationShare: [Double]
}

let categories = [
    Category(
        name: "age_band", values: ["16-24", "25-34", "35-49", "50-64", "65+"],
        volunteerShare: [0.07, 0.12, 0.22, 0.31, 0.28], populationShare: [0.14, 0.15, 0.24, 0.25, 0.22]),
    Category(
        name: "gender", values: ["vrouw", "man", "anders"],
        volunteerShare: [0.46, 0.52, 0.02], populationShare: [0.50, 0.49, 0.01]),
    Category(
        name: "district", values: ["Centrum", "Noord", "Oost", "Zuid", "West", "Haven"],
        volunteerShare: [0.25, 0.12, 0.18, 0.20, 0.17, 0.08], populationShare: [0.15, 0.18, 0.17, 0.18, 0.17, 0.15]),
    Category(
        name: "education", values: ["laag", "middel", "hoog"],
        volunteerShare: [0.15, 0.35, 0.50], populationShare: [0.30, 0.40, 0.30]),
]

extension SplitMix64 {
    mutating func pick(_ category: Category) -> String {
        var point = unit()
        for (value, share) in zip(category.values, category.volunteerShare) {
            point -= share
            if point < 0 { return value }
        }
        return category.values.last!
    }
}

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let volunteerCount = 5000
let size = 200
var generator = SplitMix64(seed: 2026)
var volunteers: [Volunteer] = []
for index in 0..<volunteerCount {
    var features: [String: String] = [:]
    for category in categories { features[category.name] = generator.pick(category) }
    // Older volunteers less often went to university: some correlation between categories.
    if features["age_band"] == "65+" && features["education"] == "hoog" && generator.unit() < 0.4 {
        features["education"] = "laag"
    }
    // One in ten shares a household with the volunteer before them, at the same address.
    var household: String? = index.isMultiple(of: 3) ? nil : "H\(index)"
    if index < volunteerCount / 10 && index % 2 == 1 {
        household = "H\(index - 1)"
        features["district"] = volunteers[index - 1].features["district"]
    } else if index < volunteerCount / 10 {
        household = "H\(index)"
    }
    volunteers.append(Volunteer(id: Int64(index + 1), household: household, features: features))
}
let quotas = categories.flatMap { category in
    zip(category.values, category.populationShare).map { value, share in
        let target = Int((share * Double(size)).rounded())
        return Quota(category: category.name, value: value, minimum: max(0, target - 2), maximum: target + 2)
    }
}

@MainActor func run(_ label: String, _ settings: SelectionSettings) {
    let start = Date()
    do {
        let selection = try PanelSelection.select(size: size, from: volunteers, quotas: quotas, seed: 7, settings: settings)
        let seconds = Date().timeIntervalSince(start)
        let fairness = selection.fairness
        func percent(_ value: Double) -> String { String(format: "%.3f%%", value * 100) }
        print("\(label): \(String(format: "%.2f", seconds)) s, \(selection.replicas) replicas")
        print(
            "  probability min \(percent(fairness.minimum)), max \(percent(fairness.maximum)), "
                + "mean \(percent(fairness.mean)); below half the mean \(percent(fairness.shareBelowHalfMean)); "
                + "Gini \(String(format: "%.3f", fairness.gini)); never chosen \(fairness.neverChosen)")
        print("  panel of \(selection.selected.count); all quotas hold: \(selection.meetsAllQuotas)")
    } catch {
        print("\(label): \(error)")
    }
}

var settings = SelectionSettings()
if arguments.count > 0 { settings.replicas = arguments[0] }
print("\(volunteerCount) volunteers, \(quotas.count) quota rows over \(categories.count) categories, panel of \(size)")
run("reweighted", settings)
var greedy = SelectionSettings.plainGreedy
greedy.replicas = settings.replicas
run("plain greedy", greedy)
