import Foundation

/// Deterministic synthetic volunteer pools with quotas, shared by `SelectionBench`, `PanelSelectionTests` and (through
/// `SelectionBench --export DIR`, which writes them as JSON) `scripts/eval/leximin.py`, so the exact LEXIMIN reference
/// numbers are computed on the very same pools.
public struct SyntheticPool: Sendable {
    public var name: String
    public var size: Int
    public var volunteers: [Volunteer]
    public var quotas: [Quota]

    /// A category: its values, how often volunteers have each, and how often the population does.
    struct Category {
        var name: String
        var values: [String]
        var volunteerShare: [Double]
        var populationShare: [Double]
    }

    /// Four categories (17 values) where the volunteers differ from the population as a self-selected pool does: older,
    /// more highly educated, more from the centre.
    static let skewedCategories = [
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

    /// Three categories where the volunteers look like the population.
    static let easyCategories = [
        Category(
            name: "age_band", values: ["16-34", "35-64", "65+"],
            volunteerShare: [0.28, 0.48, 0.24], populationShare: [0.30, 0.48, 0.22]),
        Category(name: "gender", values: ["vrouw", "man"], volunteerShare: [0.5, 0.5], populationShare: [0.5, 0.5]),
        Category(
            name: "district", values: ["Noord", "Oost", "Zuid", "West"],
            volunteerShare: [0.26, 0.24, 0.25, 0.25], populationShare: [0.25, 0.25, 0.25, 0.25]),
    ]

    /// Volunteers skewed against the population on four categories (age, gender, district, education, with some
    /// correlation between age and education); one in ten shares a household (and district) with the one before.
    /// Quotas: the population share of the panel, ± `slack`.
    public static func skewed(volunteers: Int, size: Int, slack: Int, seed: UInt64 = 2026) -> SyntheticPool {
        make(
            name: "skewed-\(volunteers)-\(size)", categories: skewedCategories, volunteers: volunteers, size: size,
            slack: slack, seed: seed)
    }

    /// Volunteers much like the population on three categories; one in ten shares a household. Quotas ± `slack`.
    public static func easy(volunteers: Int, size: Int, slack: Int, seed: UInt64 = 2026) -> SyntheticPool {
        make(
            name: "easy-\(volunteers)-\(size)", categories: easyCategories, volunteers: volunteers, size: size,
            slack: slack, seed: seed)
    }

    static func make(
        name: String, categories: [Category], volunteers count: Int, size: Int, slack: Int, seed: UInt64
    ) -> SyntheticPool {
        var generator = SplitMix64(seed: seed)
        func pick(_ category: Category) -> String {
            var point = generator.unit()
            for (value, share) in zip(category.values, category.volunteerShare) {
                point -= share
                if point < 0 { return value }
            }
            return category.values.last!
        }
        var volunteers: [Volunteer] = []
        for index in 0..<count {
            var features: [String: String] = [:]
            for category in categories { features[category.name] = pick(category) }
            // Older volunteers less often went to university: some correlation between categories.
            if features["age_band"] == "65+" && features["education"] == "hoog" && generator.unit() < 0.4 {
                features["education"] = "laag"
            }
            // One in ten shares a household with the volunteer before them, at the same address.
            var household: String? = nil
            if index < count / 10 {
                household = "H\(index - index % 2)"
                if index % 2 == 1, let district = volunteers[index - 1].features["district"] {
                    features["district"] = district
                }
            }
            volunteers.append(Volunteer(id: Int64(index + 1), household: household, features: features))
        }
        let quotas = categories.flatMap { category in
            zip(category.values, category.populationShare).map { value, share in
                let target = Int((share * Double(size)).rounded())
                return Quota(category: category.name, value: value, minimum: max(0, target - slack), maximum: target + slack)
            }
        }
        return SyntheticPool(name: name, size: size, volunteers: volunteers, quotas: quotas)
    }

    /// The pool as JSON for `scripts/eval/leximin.py`: `{"name", "size", "quotas": [{"category", "value", "min",
    /// "max"}], "volunteers": [{"id", "household" (or null), "features": {category: value}}]}`.
    public func json() -> Data {
        let object: [String: Any] = [
            "name": name,
            "size": size,
            "quotas": quotas.map { ["category": $0.category, "value": $0.value, "min": $0.minimum, "max": $0.maximum] },
            "volunteers": volunteers.map { volunteer -> [String: Any] in
                ["id": volunteer.id, "household": volunteer.household ?? NSNull(), "features": volunteer.features]
            },
        ]
        return try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }
}
