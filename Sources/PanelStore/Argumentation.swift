import Foundation
import GRDB
import PanelCore

/// The panel's arguments aggregated for the municipality: key points with how many residents made them, what
/// the panel missed and said about the tone, questions inside arguments, and the municipality's most contested
/// points. Computed once, when the round closes, and stored as JSON, so the verdict digest, the outcome mails and
/// later reports all show the same thing.
///
/// Privacy: nothing here ties an argument, quote or pseudonym to its author's vote. Rows carry the argument's
/// number and text only; a key point's stance is read from what it says; counts by vote exist only where every
/// count is at least five (`VoteSplit`).
public struct Argumentation: Codable, Sendable, Equatable {
    public struct ContestedPoint: Codable, Sendable, Equatable {
        public var point: String
        public var mentions: Int
    }
    /// One published argument, for the CSV attachment: nothing about its author.
    public struct Row: Codable, Sendable, Equatable {
        public var number: Int
        public var text: String
    }

    public var report: KeyPointReport
    public var contestedPoints: [ContestedPoint]
    public var rows: [Row]

    public init(report: KeyPointReport, contestedPoints: [ContestedPoint], rows: [Row]) {
        self.report = report
        self.contestedPoints = contestedPoints
        self.rows = rows
    }

    public var keyPoints: [KeyPoint] { report.keyPoints }

    /// What the analysis read in argument `number`.
    public func reading(_ number: Int) -> ArgumentReading? {
        report.readings.first { $0.number == number }
    }

    /// A snapshot stored before key points (themes) decodes with its rows and no key points; nil for no JSON.
    public static func decode(_ json: String?) -> Argumentation? {
        guard let data = json?.data(using: .utf8) else { return nil }
        if let current = try? JSONDecoder().decode(Argumentation.self, from: data) { return current }
        struct Legacy: Decodable {
            struct LegacyRow: Decodable {
                var number: Int
                var text: String
            }
            var rows: [LegacyRow]
        }
        guard let legacy = try? JSONDecoder().decode(Legacy.self, from: data) else { return nil }
        return Argumentation(
            report: KeyPointReport(), contestedPoints: [], rows: legacy.rows.map { Row(number: $0.number, text: $0.text) })
    }

    func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

extension AppDatabase {
    /// The key point analysis of a round's published arguments: the votes of their authors are passed only for
    /// counts by vote of at least five per group.
    static func keyPointInput(_ db: Database, roundId: Int64) throws -> [KeyPointArgument] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT a.number, a.panelistId, a.text, a.parentNumber, v.choice FROM argument a
                LEFT JOIN vote v ON v.roundId = a.roundId AND v.panelistId = a.panelistId
                WHERE a.roundId = ? AND a.status = 'published' ORDER BY a.number
                """,
            arguments: [roundId]
        ).map { row in
            KeyPointArgument(
                number: row["number"], author: row["panelistId"],
                vote: (row["choice"] as String?).flatMap(VoteChoice.init(rawValue:)), text: row["text"],
                reactsTo: row["parentNumber"])
        }
    }

    /// Builds the argumentation of a round from its published arguments.
    static func argumentation(_ db: Database, round: Round, panelCase: PanelCase) throws -> Argumentation {
        let input = try keyPointInput(db, roundId: round.id!)
        let report = KeyPointAnalysis.analyse(input, caseText: panelCase.keyPointCaseText)
        let points = panelCase.municipalityView.split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("- ") || $0.hasPrefix("* ") }
            .map { String($0.dropFirst(2)).replacingOccurrences(of: "**", with: "") }
        let contested = ContestedPoints.rank(points, report: report, arguments: input)
        return Argumentation(
            report: report,
            contestedPoints: contested.map { .init(point: $0.point, mentions: $0.mentions) },
            rows: input.map { Argumentation.Row(number: $0.number, text: $0.text) })
    }
}

extension PanelCase {
    /// The sections the key point analysis compares arguments with.
    public var keyPointCaseText: KeyPointCaseText {
        KeyPointCaseText(
            municipalityView: municipalityView, applicantView: text(of: .applicantView),
            fullText: CaseSection.allCases.map { text(of: $0) }.joined(separator: "\n\n"))
    }
}
