import Foundation
import PanelCore
import PanelStore

/// Key points in mail: the verdict digest (text, HTML, CSV), the outcome mail and the vote mail's summary show the
/// same analysis, and nothing the municipality gets ties an argument, quote or pseudonym to a vote.
extension MessageComposer {
    /// How many argument numbers a key point cites in the digest before "en N meer" (all are in the CSV).
    static let citedArguments = 12
    /// How many points of one or two residents the digest lists before "en N meer" (all are in the key point CSV).
    static let listedMinorPoints = 30

    /// The verdict's argumentation: key points by stance (for, against, both sides / middle way, other), the
    /// points fewer than three residents made ("Ook genoemd"), and what the municipality can learn: missing
    /// information, tone, questions inside arguments, its most contested points. A question inside an argument that
    /// was put to the municipality during the round (`asked`: the round's questions) stands under "Vragen van het
    /// panel" (listed while open, counted once answered), not a second time here.
    func addArgumentationValues(_ argumentation: Argumentation, asked: [String] = [], into values: inout [String: Any]) {
        let report = argumentation.report
        let major = report.keyPoints.filter { !$0.isMinor }
        func items(_ stance: Stance) -> [[String: Any]] { major.filter { $0.stance == stance }.map(Self.keyPointItem) }
        values["points_support"] = items(.support)
        values["points_oppose"] = items(.oppose)
        values["points_middle"] = items(.middle)
        values["points_unclear"] = items(.unclear)
        let minor = report.keyPoints.filter(\.isMinor)
        values["points_minor"] = minor.prefix(Self.listedMinorPoints).map(Self.keyPointItem)
        values["minor_more"] = max(0, minor.count - Self.listedMinorPoints)
        values["has_minor_more"] = minor.count > Self.listedMinorPoints
        for stance in Stance.allCases { values["has_points_\(stance.rawValue)"] = major.contains { $0.stance == stance } }
        values["has_points_minor"] = report.keyPoints.contains(where: \.isMinor)
        values["has_argumentation"] = !argumentation.rows.isEmpty
        values["has_key_points"] = !report.keyPoints.isEmpty
        values["argument_total"] = argumentation.rows.count
        values["resident_total"] = report.residents
        values["key_point_total"] = report.keyPoints.count
        values["main_points"] = major.prefix(4).map(Self.keyPointItem)
        values["has_main_points"] = !major.isEmpty

        values["contested_points"] = argumentation.contestedPoints.filter { $0.mentions > 0 }.prefix(3).map {
            ["point": $0.point, "mentions": $0.mentions]
        }
        values["has_contested_points"] = argumentation.contestedPoints.contains { $0.mentions > 0 }
        values["missing_information"] = report.missingInformation.map(Self.remarkItem)
        values["has_missing_information"] = !report.missingInformation.isEmpty
        values["tone_remarks"] = report.tone.map(Self.remarkItem)
        values["has_tone_remarks"] = !report.tone.isEmpty
        let askedAlready = Set(asked.map(Self.questionKey))
        let notAsked = report.questions.filter { !askedAlready.contains(Self.questionKey($0.text)) }
        values["argument_questions"] = notAsked.map { ["number": $0.number, "text": Self.shorten($0.text, limit: 240)] }
        values["has_argument_questions"] = !notAsked.isEmpty
    }

    /// A question's words without the joiner it may open with ("En is de leerplicht er al bij?" is the question the
    /// key points list as "Is de leerplicht er al bij?").
    static func questionKey(_ text: String) -> String {
        var words = DutchTokenizer.words(text)
        while let first = words.first, ["en", "maar", "want", "dus", "of", "ook", "nou"].contains(first) { words.removeFirst() }
        return words.joined(separator: " ")
    }

    static func residentsPhrase(_ count: Int) -> String {
        count == 1 ? "1 panellid" : "\(count) panelleden"
    }

    static func citation(_ numbers: [Int]) -> String {
        let shown = numbers.prefix(citedArguments).map { "#\($0)" }.joined(separator: ", ")
        return numbers.count > citedArguments ? "\(shown) en \(numbers.count - citedArguments) meer" : shown
    }

    static func stancePhrase(_ stance: Stance) -> String {
        switch stance {
        case .support: "voor het besluit"
        case .oppose: "tegen het besluit"
        case .middle: "middenweg"
        case .unclear: "zonder duidelijke kant"
        }
    }

    static func keyPointItem(_ point: KeyPoint) -> [String: Any] {
        var item: [String: Any] = [
            "label": point.label, "sentence": point.sentence, "residents": point.residents,
            "residents_phrase": residentsPhrase(point.residents), "arguments": citation(point.arguments),
            "stance_phrase": stancePhrase(point.stance),
            "quotes": point.quotes.map { ["number": $0.number, "text": shorten($0.text, limit: 200)] },
            "has_quotes": !point.quotes.isEmpty,
        ]
        if let split = point.split {
            var parts = ["\(split.support) steunen het besluit", "\(split.oppose) steunen het niet"]
            if split.noVote > 0 { parts.append("\(split.noVote) stemden niet") }
            item["split"] = parts.joined(separator: ", ")
        }
        return item
    }

    static func remarkItem(_ remark: KeyPointRemark) -> [String: Any] {
        var item: [String: Any] = [
            "sentence": remark.sentence, "residents_phrase": residentsPhrase(remark.residents),
            "arguments": citation(remark.arguments),
        ]
        if let about = remark.about { item["about"] = about }
        return item
    }

    /// The vote mail's summary: the key points of the discussion so far, the strongest of both sides in equal
    /// numbers (and a middle way when there is room), read from the published arguments.
    func addVoteSummary(_ context: MessageContext, into values: inout [String: Any]) {
        let input = context.arguments.map { argument in
            KeyPointArgument(
                number: argument.number, author: Int64(argument.pseudonym), text: argument.text,
                reactsTo: argument.parentNumber)
        }
        let report = KeyPointAnalysis.analyse(input, caseText: context.panelCase.keyPointCaseText)
        let summary = report.balanced(limit: 4)
        values["summary"] = summary.map { point -> [String: Any] in
            [
                "sentence": point.sentence, "residents_phrase": Self.residentsPhrase(point.residents),
                "stance_phrase": Self.stancePhrase(point.stance), "arguments": Self.citation(point.arguments),
            ]
        }
        values["has_summary"] = !summary.isEmpty
        values["summary_resident_total"] = report.residents
    }

    /// Every key point as CSV (RFC 4180, UTF-8 with BOM): id, sentence, stance, residents, counts by vote where
    /// every group has at least five (else empty), and the arguments that make it — what the argument CSV's
    /// `kernpunten` column refers to.
    static func keyPointsCSV(_ argumentation: Argumentation) -> [UInt8] {
        let field = CSVField.quoted
        var lines = ["kernpunt,zin,strekking,panelleden,steunen_besluit,steunen_besluit_niet,stemden_niet,bijdragen"]
        for point in argumentation.keyPoints {
            let split = point.split
            lines.append(
                [
                    point.label, field(point.sentence), field(stancePhrase(point.stance)), String(point.residents),
                    split.map { String($0.support) } ?? "", split.map { String($0.oppose) } ?? "",
                    split.map { String($0.noVote) } ?? "", field(point.arguments.map { "#\($0)" }.joined(separator: " ")),
                ].joined(separator: ","))
        }
        return [0xEF, 0xBB, 0xBF] + Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// Every published argument as CSV (RFC 4180, UTF-8 with BOM so spreadsheet programs read é and ë): its
    /// number, the key points it counts toward, its stance by content, what else it does, its text. Nothing
    /// about its author: no pseudonym, no vote.
    static func argumentsCSV(_ argumentation: Argumentation) -> [UInt8] {
        let field = CSVField.quoted
        var lines = ["nummer,kernpunten,strekking,signalen,tekst"]
        for row in argumentation.rows {
            let reading = argumentation.reading(row.number)
            let points = reading?.keyPoints.map { "K\($0)" }.joined(separator: ";") ?? ""
            let stance: String =
                switch reading?.stance {
                case .support: "steunt besluit"
                case .oppose: "steunt besluit niet"
                case .middle: "midden"
                case .unclear, nil: ""
                }
            var signals: [String] = []
            if let found = reading?.signals {
                if found.contains(.missingInformation) { signals.append("ontbrekende informatie") }
                if found.contains(.tone) { signals.append("toon") }
                if found.contains(.question) { signals.append("vraag") }
                if found.contains(.reaction) { signals.append("reactie") }
                if found.contains(.noArgument) { signals.append("geen argument") }
            }
            lines.append(
                [String(row.number), field(points), field(stance), field(signals.joined(separator: ";")), field(row.text)]
                    .joined(separator: ","))
        }
        return [0xEF, 0xBB, 0xBF] + Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }
}
