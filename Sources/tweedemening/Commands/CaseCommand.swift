import ArgumentParser
import Foundation
import PanelCore
import PanelStore

struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case", abstract: "Submit, approve and inspect cases.",
        subcommands: [Submit.self, Check.self, Approve.self, Extend.self, Preview.self, Show.self, List.self])

    struct Submit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Submit a Markdown case file. Prints the new case id as its last line.")
        @OptionGroup var options: RootOptions
        @Option(help: "The municipality's id.") var municipality: String
        @Argument(help: "The case file (front matter title, domain, consent_reference; five # sections).") var file: String

        func run() throws {
            let app = try options.open()
            guard let data = FileManager.default.contents(atPath: file) else { throw CLIError.data("cannot read \(file)") }
            guard let text = String(data: data, encoding: .utf8) else { throw CLIError.data("\(file) is not UTF-8 text") }
            let caseFile: CaseFile
            do { caseFile = try CaseFile.parse(text) } catch { throw CLIError.data("\(file): \(error.description)") }
            let report = CaseCheck.check(text)
            if !report.isClean { warn(CaseCheckText.render(report, file: file)) }
            do {
                let id = try app.database.submitCase(municipalityId: municipality, file: caseFile, source: text)
                print(id)
            } catch let error as StoreError {
                throw CLIError.data(error.description)
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Check a case file: personal data, dates of birth, readability (Flesch–Douma, B1), jargon, completeness. Exit 0 clean, 1 findings, 65 unreadable."
        )
        @OptionGroup var options: RootOptions  // accepted like everywhere; the check itself needs no root
        @Argument(help: "The case file.") var file: String
        @Flag(help: "Print the report as JSON.") var json = false

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                throw CLIError.data("cannot read \(file) as UTF-8 text")
            }
            let report = CaseCheck.check(text)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                FileHandle.standardOutput.write(try encoder.encode(report) + Data("\n".utf8))
            } else {
                print(CaseCheckText.render(report, file: file))
            }
            if !report.isClean { throw ExitCode(1) }
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Approve a case and set its timeline (ISO 8601 with offset). Defaults: vote after 10 days, deadline after 14.")
        @OptionGroup var options: RootOptions
        @Argument(help: "The case id.") var caseId: Int64
        @Option(name: .customLong("publish-at"), help: "When the case mail goes out.") var publishAt: String
        @Option(name: .customLong("vote-at"), help: "When voting opens.") var voteAt: String?
        @Option(help: "When voting closes and the verdict goes out.") var deadline: String?
        @Flag(help: "Approve although the check found personal data or missing parts (the moderator takes responsibility).")
        var override = false

        func validate() throws {
            _ = try parseTime(publishAt, option: "--publish-at")
            if let voteAt { _ = try parseTime(voteAt, option: "--vote-at") }
            if let deadline { _ = try parseTime(deadline, option: "--deadline") }
        }

        func run() throws {
            let app = try options.open()
            let timeline: Timeline
            do {
                timeline = try Timeline.make(
                    publishAt: try parseTime(publishAt, option: "--publish-at"),
                    voteAt: try voteAt.map { try parseTime($0, option: "--vote-at") },
                    deadline: try deadline.map { try parseTime($0, option: "--deadline") },
                    defaults: app.configuration.timelineDefaults)
            } catch let error as TimelineError {
                throw CLIError.usage(error.description)
            }
            let source = try app.database.caseOverview(caseId).panelCase.source
            let report = CaseCheck.check(source)
            if report.hasBlocking, !override {
                throw CLIError.data(
                    "case \(caseId) cannot be approved yet:\n"
                        + CaseCheckText.render(report, file: "case \(caseId)", blockingOnly: true)
                        + "\nReturn it to the municipality, or approve with --override if you accept these findings.")
            }
            do {
                try app.database.approveCase(caseId, timeline: timeline)
            } catch let error as StoreError {
                throw CLIError.data(error.description)
            }
        }
    }

    struct Extend: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give the discussion more days: voting and the deadline move; the panel is told once.")
        @OptionGroup var options: RootOptions
        @Argument(help: "The case id.") var caseId: Int64
        @Option(help: "Days to add (1 to 30).") var days: Int = 3

        func run() throws {
            let app = try options.open()
            do {
                guard let round = try app.database.caseOverview(caseId).round else { throw StoreError.unknownCase(caseId) }
                let domain = String(app.configuration.from.address.split(separator: "@").last ?? "tweedemening.example")
                try app.database.extendDiscussion(roundId: round.id!, days: days, now: Date(), messageDomain: domain)
            } catch let error as StoreError {
                throw CLIError.data(error.description)
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a case's state, timeline and counts.")
        @OptionGroup var options: RootOptions
        @Argument(help: "The case id.") var caseId: Int64

        func run() throws {
            let app = try options.open()
            let overview: CaseOverview
            do { overview = try app.database.caseOverview(caseId) } catch let error as StoreError {
                throw CLIError.data(error.description)
            }
            let panelCase = overview.panelCase
            var lines = [
                "case \(panelCase.id!): \(panelCase.title)",
                "municipality: \(panelCase.municipalityId)   domain: \(panelCase.domain)   consent: \(panelCase.consentReference)",
            ]
            guard let round = overview.round else {
                lines.append(
                    "state: \(panelCase.status.rawValue) (approve it with `tweedemening case approve \(panelCase.id!) --publish-at …`)"
                )
                print(lines.joined(separator: "\n"))
                return
            }
            lines.append("state: \(round.state.rawValue)")
            func row(_ label: String, _ date: Date, _ done: Date?) -> String {
                "  \(label.padding(toLength: 14, withPad: " ", startingAt: 0)) \(ISOTime.format(date))"
                    + (done.map { "  done \(ISOTime.format($0))" } ?? "")
            }
            lines.append("timeline:")
            lines.append(row("publish", round.publishAt, round.publishedAt))
            lines.append(row("voting opens", round.voteAt, round.votingOpenedAt))
            lines.append(row("vote reminder", round.voteReminderAt, round.reminderSentAt))
            lines.append(row("deadline", round.deadline, round.closedAt))
            if let tally = overview.votes, round.state != .scheduled {
                lines.append(
                    "panel: \(overview.panelSize)   votes: \(tally.votes) (support \(tally.support), oppose \(tally.oppose))   turnout: \(tally.turnoutPercent?.dutchPercent ?? "0")%"
                )
            }
            if let verdict = round.verdict { lines.append("verdict: \(verdict.rawValue)") }
            let questions = try app.database.questions(roundId: round.id!)
            if !questions.isEmpty {
                let answered = questions.filter(\.isAnswered).count
                lines.append(
                    "questions: \(questions.count) (\(answered) answered); `tweedemening question list --case \(panelCase.id!)`")
            }
            if !overview.messagesByState.isEmpty {
                let parts = OutboxStateOrder.all.compactMap { state in
                    overview.messagesByState[state].map { "\(state.rawValue) \($0)" }
                }
                lines.append("mail: " + parts.joined(separator: ", "))
            }
            print(lines.joined(separator: "\n"))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List cases.")
        @OptionGroup var options: RootOptions
        @Option(help: "Only this municipality's cases.") var municipality: String?

        func run() throws {
            for (panelCase, round) in try options.open().database.cases(municipalityId: municipality) {
                print(
                    "\(panelCase.id!)\t\(panelCase.municipalityId)\t\(round?.state.rawValue ?? panelCase.status.rawValue)\t\(panelCase.title)"
                )
            }
        }
    }
}

enum OutboxStateOrder {
    static let all: [OutboxMessage.State] = [.pending, .queued, .deferred, .sent, .failed]
}

/// The check report as a moderator or case officer reads it on a terminal.
enum CaseCheckText {
    static func render(_ report: CaseCheckReport, file: String, blockingOnly: Bool = false) -> String {
        let findings = report.findings.filter { !blockingOnly || $0.blocking }
        guard !findings.isEmpty else { return "\(file): geen bevindingen" }
        var lines: [String] = []
        for finding in findings {
            let place = finding.line.map { "\(file):\($0)" } ?? file
            var line = "\(place): \(finding.blocking ? "moet anders" : "advies") [\(finding.kind.rawValue)] \(finding.message)"
            if let suggestion = finding.suggestion { line += " → \(suggestion)" }
            lines.append(line)
        }
        if !blockingOnly {
            let scores = report.readability.sorted { $0.key < $1.key }.map { "\($0.key) \(Int($0.value.rounded()))" }
            if !scores.isEmpty { lines.append("leesbaarheid (Flesch–Douma, B1 ≈ 60+): " + scores.joined(separator: ", ")) }
        }
        return lines.joined(separator: "\n")
    }
}

extension CaseCommand {
    struct Preview: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render every mail the panel will receive for a case (text, HTML and .eml) into a folder.")
        @OptionGroup var options: RootOptions
        @Argument(help: "The case id.") var caseId: Int64
        @Option(help: "The folder to write into (created if needed).") var out: String

        func run() throws {
            let app = try options.open()
            let composer = try app.courier().composer
            let folder = URL(fileURLWithPath: out, isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let contexts: [MessageContext]
            do {
                contexts = try app.database.previewContexts(
                    caseId: caseId, defaults: app.configuration.timelineDefaults, now: Date())
            } catch let error as StoreError {
                throw CLIError.data(error.description)
            }
            for context in contexts {
                let message = try composer.compose(context)
                let name = context.message.kind.rawValue
                try message.text.write(to: folder.appendingPathComponent("\(name).txt"), atomically: true, encoding: .utf8)
                try (message.html ?? "").write(
                    to: folder.appendingPathComponent("\(name).html"), atomically: true, encoding: .utf8)
                try Data(message.rendered()).write(to: folder.appendingPathComponent("\(name).eml"))
                print(folder.appendingPathComponent("\(name).html").path)
            }
        }
    }
}
