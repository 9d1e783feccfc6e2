import ArgumentParser
import Foundation
import PanelCore

/// `tweedemening scan`: what the personal-data scanner finds in a text, without a database. For a moderator
/// who wants to know why a reply was held, and for `scripts/eval/privacy.sh`.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Show the personal data the scanner finds in text from standard input, and the text as it would be published.",
        discussion: """
            Prints the masked text on standard output and one line per finding on standard error
            (`kind<TAB>text`). Exit status 0: nothing found; 1: something found (links too); 65: unreadable input.

            --jsonl reads one JSON object per line, {"id": …, "text": …, "panel": [names], "staff": [names]}, and
            writes one per line: {"id": …, "masked": …, "findings": [{"kind": …, "text": …, "start": …, "end": …}]}
            (offsets in Unicode scalars).
            """)

    @Option(name: .customLong("name"), help: "A name to mask (a panelist of the round or a staff member); repeat.")
    var names: [String] = []
    @Option(help: "The current year, for dates of birth (default: this year).") var year: Int?
    @Flag(help: "Read and write JSON lines (see above).") var jsonl = false

    func run() throws {
        let input = FileHandle.standardInput.readDataToEndOfFile()
        guard let text = String(data: input, encoding: .utf8) else {
            throw CLIError.data("standard input is not UTF-8 text")
        }
        if jsonl {
            try scanLines(text)
            return
        }
        let context = PersonalDataContext(names: PanelistNames(names), year: year ?? PersonalDataContext.currentYear)
        let findings = PersonalDataScanner.findings(in: text, context: context)
        print(PersonalDataScanner.mask(text, context: context).text, terminator: "")
        for finding in findings {
            FileHandle.standardError.write(Data("\(finding.kind.rawValue)\t\(text[finding.range])\n".utf8))
        }
        if !findings.isEmpty { throw ExitCode(1) }
    }

    struct Line: Decodable {
        var id: String?
        var text: String
        var panel: [String]?
        var staff: [String]?
    }

    struct Result: Encodable {
        struct Found: Encodable {
            var kind: String
            var text: String
            /// Offsets in Unicode scalars (a Python string's indexes).
            var start: Int
            var end: Int
        }
        var id: String?
        var masked: String
        var findings: [Found]
    }

    func scanLines(_ text: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for (number, line) in text.split(separator: "\n").enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let entry: Line
            do {
                entry = try JSONDecoder().decode(Line.self, from: Data(line.utf8))
            } catch {
                throw CLIError.data("line \(number + 1): expected a JSON object with at least \"text\" (\(error))")
            }
            let context = PersonalDataContext(
                names: PanelistNames((entry.panel ?? []) + (entry.staff ?? []) + names),
                year: year ?? PersonalDataContext.currentYear)
            let findings = PersonalDataScanner.findings(in: entry.text, context: context).map {
                Result.Found(
                    kind: $0.kind.rawValue, text: String(entry.text[$0.range]),
                    start: entry.text.unicodeScalars.distance(from: entry.text.startIndex, to: $0.range.lowerBound),
                    end: entry.text.unicodeScalars.distance(from: entry.text.startIndex, to: $0.range.upperBound))
            }
            let result = Result(
                id: entry.id, masked: PersonalDataScanner.mask(entry.text, context: context).text, findings: findings)
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
        }
    }
}
