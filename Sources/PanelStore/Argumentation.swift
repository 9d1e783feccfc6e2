import Foundation
import GRDB
import PanelCore

/// The panel's arguments aggregated for the municipality: themes per side with representative quotes,
/// minority views, and learning prompts. Computed once, when the round closes, and stored as JSON,
/// so the verdict digest, the outcome mails and later reports all show the same thing.
public struct Argumentation: Codable, Sendable, Equatable {
    public struct Quote: Codable, Sendable, Equatable {
        public var number: Int
        public var pseudonym: Int
        public var text: String
    }
    public struct ThemeSummary: Codable, Sendable, Equatable {
        public var side: VoteChoice?
        public var label: String
        public var size: Int
        public var share: Double
        public var weight: Double
        public var isMinority: Bool
        public var quotes: [Quote]
        /// Argument numbers in this theme, for the CSV.
        public var members: [Int]
    }
    public struct ContestedPoint: Codable, Sendable, Equatable {
        public var point: String
        public var mentions: Int
    }
    /// One published argument with its author's final vote, for the CSV attachment.
    public struct Row: Codable, Sendable, Equatable {
        public var number: Int
        public var pseudonym: Int
        public var side: VoteChoice?
        public var theme: String?
        public var text: String
    }

    public var themes: [ThemeSummary]
    public var missingInformation: [Quote]
    public var toneRemarks: [Quote]
    public var contestedPoints: [ContestedPoint]
    public var rows: [Row]

    public static func decode(_ json: String?) -> Argumentation? {
        guard let data = json?.data(using: .utf8) else { return nil }
        return try? JSONDecoder().decode(Argumentation.self, from: data)
    }

    func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

extension AppDatabase {
    /// Builds the argumentation of a round from its published arguments and the votes of their authors.
    static func argumentation(_ db: Database, round: Round, panelCase: PanelCase) throws -> Argumentation {
        let views = try argumentViews(db, roundId: round.id!)
        let sides = try Dictionary(
            Row.fetchAll(
                db,
                sql: """
                    SELECT a.number, v.choice FROM argument a
                    LEFT JOIN vote v ON v.roundId = a.roundId AND v.panelistId = a.panelistId
                    WHERE a.roundId = ? AND a.status = 'published'
                    """,
                arguments: [round.id!]
            ).map { row -> (Int, VoteChoice?) in (row["number"], (row["choice"] as String?).flatMap(VoteChoice.init(rawValue:)))
            },
            uniquingKeysWith: { first, _ in first })
        let byId = Dictionary(uniqueKeysWithValues: views.map { ($0.id, $0) })
        let inputs = views.map { ThemeInput(id: $0.id, side: sides[$0.number] ?? nil, text: $0.text, reactions: $0.reactions) }
        let points = panelCase.municipalityView.split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("- ") || $0.hasPrefix("* ") }
            .map { String($0.dropFirst(2)).replacingOccurrences(of: "**", with: "") }
        let report = ThemeBuilder.build(inputs, municipalityPoints: points)
        func quote(_ id: Int64) -> Argumentation.Quote? {
            byId[id].map { Argumentation.Quote(number: $0.number, pseudonym: $0.pseudonym, text: $0.text) }
        }
        var themeOf: [Int64: String] = [:]
        let themes = report.themes.map { theme -> Argumentation.ThemeSummary in
            for member in theme.members { themeOf[member] = theme.label }
            return Argumentation.ThemeSummary(
                side: theme.side, label: theme.label, size: theme.size, share: theme.share, weight: theme.weight,
                isMinority: theme.isMinority, quotes: theme.quotes.compactMap(quote),
                members: theme.members.compactMap { byId[$0]?.number }.sorted())
        }
        return Argumentation(
            themes: themes,
            missingInformation: report.missingInformation.compactMap(quote),
            toneRemarks: report.toneRemarks.compactMap(quote),
            contestedPoints: report.weakestMunicipalityPoints.map { .init(point: $0.point, mentions: $0.mentions) },
            rows: views.map { view in
                Argumentation.Row(
                    number: view.number, pseudonym: view.pseudonym, side: sides[view.number] ?? nil, theme: themeOf[view.id],
                    text: view.text)
            })
    }
}
