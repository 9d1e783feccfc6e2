/// One background question a joining resident answers with a click, so the panel can mirror the population.
/// Categories are the ones the panel, the margins and the quotas use: `age_band`, `gender`, `district`, `education`.
public struct BackgroundQuestion: Sendable, Equatable {
    public var category: String
    /// The question as the resident reads it.
    public var text: String
    /// The answers, in the order shown.
    public var options: [String]

    public init(category: String, text: String, options: [String]) {
        self.category = category
        self.text = text
        self.options = options
    }

    /// How each known category is asked.
    public static func text(for category: String) -> String {
        switch category {
        case "age_band": "Hoe oud bent u?"
        case "gender": "Wat is uw geslacht?"
        case "district": "In welke wijk woont u?"
        case "education":
            "Wat is uw hoogst afgemaakte opleiding? (laag: basisschool, vmbo; midden: havo, vwo, mbo; hoog: hbo, universiteit)"
        default: "\(category)?"
        }
    }

    /// The questions when a municipality set none: age, gender and education, and its districts when its
    /// population margins name them.
    public static func defaults(districts: [String]) -> [BackgroundQuestion] {
        var questions = [
            BackgroundQuestion(
                category: "age_band", text: text(for: "age_band"), options: ["18-34", "35-49", "50-64", "65-74", "75+"]),
            BackgroundQuestion(category: "gender", text: text(for: "gender"), options: ["vrouw", "man", "anders"]),
        ]
        if !districts.isEmpty {
            questions.append(BackgroundQuestion(category: "district", text: text(for: "district"), options: districts))
        }
        questions.append(
            BackgroundQuestion(category: "education", text: text(for: "education"), options: ["laag", "midden", "hoog"]))
        return questions
    }

    /// The categories a panelist record keeps, with their panel CSV column names.
    public static let panelCategories = ["age_band", "gender", "district", "education"]
}
