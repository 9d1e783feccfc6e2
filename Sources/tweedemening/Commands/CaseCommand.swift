import ArgumentParser
import Foundation
import PanelCore
import PanelStore

struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case", abstract: "Submit, approve and inspect cases.",
        subcommands: [
            Submit.self, Check.self, Approve.self, Return.self, Extend.self, Preview.self, Show.self, List.self,
            Timelines.self,
        ])

    struct Submit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Submit a Markdown case file. Prints the new case id as its last line.")
        @OptionGroup var options: RootOptions
        @Option(help: "The municipality's id.") var municipality: String
        @Option(name: .customLong("revision-of"), help: "Submit the file as a new version of this (returned) case.")
        var revisionOf: Int64?
        @Argument(help: "The case file (front matter title, domain, consent_reference; five # sections).") var file: String

        func run() throws {
            let app = try options.open()
            guard let data = FileManager.default.contents(atPath: file) else { throw CLIError.data("cannot read \(file)") }
            guard let text = String(data: data, encoding: .utf8) else { throw CLIError.data("\(file) is not UTF-8 text") }
            let caseFile: CaseFile
            do { caseFile = try CaseFile.parse(text) } catch { throw CLIError.data("\(file): \(error.description)") }
            let report = CaseCheck.check(text)
            if !report.isClean { warn(CaseCheckText.render(report, file: file)) }
            let (id, version) = try app.database.submitCase(
                CaseSubmission(municipalityId: municipality, file: caseFile, source: text, revisionOf: revisionOf),
                now: Date(), messageDomain: app.messageDomain, moderatorAddress: app.configuration.moderatorAddress)
            if version > 1 { warn("case \(id) is now at version \(version)") }
            print(id)
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
                "Approve a case and set its timeline: a named one (`case timelines`), or dates (ISO 8601 with offset).",
            discussion: """
                Without --publish-at the case goes out at the next tick inside the sending window. Without --vote-at and
                --deadline the dates follow the timeline (default `standaard`: voting after 10 days, deadline after 14).
                """)
        @OptionGroup var options: RootOptions
        @Argument(help: "The case id.") var caseId: Int64
        @Option(name: .customLong("publish-at"), help: "When the case mail goes out (default: now).") var publishAt: String?
        @Option(name: .customLong("vote-at"), help: "When voting opens.") var voteAt: String?
        @Option(help: "When voting closes and the verdict goes out.") var deadline: String?
        @Option(help: "A named timeline: standaard, kort, lang, or one from [timelines.NAME].") var timeline: String?
        @Option(name: .customLong("panel-size"), help: "Draw only this many panelists (fairly: who served least first).")
        var panelSize: Int?
        @Flag(help: "Approve although the check found personal data or missing parts (the moderator takes responsibility).")
        var override = false

        func validate() throws {
            if let publishAt { _ = try parseTime(publishAt, option: "--publish-at") }
            if let voteAt { _ = try parseTime(voteAt, option: "--vote-at") }
            if let deadline { _ = try parseTime(deadline, option: "--deadline") }
            if let panelSize, panelSize < 1 { throw ValidationError("--panel-size must be at least 1") }
        }

        func run() throws {
            let app = try options.open()
            let name = timeline ?? TimelineTemplate.defaultName
            guard let defaults = app.configuration.timelines[name] else {
                throw CLIError.usage(
                    "no timeline `\(name)`; the timelines are \(app.configuration.timelines.keys.sorted().joined(separator: ", "))"
                )
            }
            let dates: Timeline
            do {
                dates = try Timeline.make(
                    publishAt: try publishAt.map { try parseTime($0, option: "--publish-at") } ?? Date(),
                    voteAt: try voteAt.map { try parseTime($0, option: "--vote-at") },
                    deadline: try deadline.map { try parseTime($0, option: "--deadline") },
                    defaults: defaults, timeZone: app.configuration.timeZone)
            } catch let error as TimelineError {
                throw CLIError.usage(error.description)
            }
            do {
                try app.database.approveCase(
                    caseId,
                    CaseApproval(
                        timeline: dates, timelineName: voteAt == nil && deadline == nil ? name : nil, panelTarget: panelSize,
                        override: override),
                    now: Date(), messageDomain: app.messageDomain)
            } catch StoreError.blockingFindings(_, let report) {
                throw CLIError.data(
                    "case \(caseId) cannot be approved yet:\n"
                        + CaseCheckText.render(report, file: "case \(caseId)", blockingOnly: true)
                        + "\nReturn it to the municipality (`tweedemening case return \(caseId) --reason …`), "
                        + "or approve with --override if you accept these findings.")
            }
        }
    }

    struct Return: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Return a case to the municipality with a reason; it can send a new version by replying.")
        @OptionGroup var options: RootOptions
        @Argument(help: "The case id.") var caseId: Int64
        @Option(help: "Why, in words for the municipality (Dutch).") var reason: String

        func validate() throws {
            if reason.trimmingCharacters(in: .whitespacesAndNewlines).count < 5 {
                throw ValidationError("--reason must say what the municipality should change")
            }
        }

        func run() throws {
            let app = try options.open()
            try app.database.returnCase(caseId, reason: reason, now: Date(), messageDomain: app.messageDomain)
        }
    }

    struct Timelines: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the named timelines for `case approve --timeline`.")
        @OptionGroup var options: RootOptions

        func run() throws {
            let configuration = try Configuration.load(root: options.url)
            for (name, defaults) in configuration.timelines.sorted(by: { $0.key < $1.key }) {
                print(TimelineTemplate(name: name, defaults: defaults).summary)
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
            guard let round = try app.database.caseOverview(caseId).round else { throw StoreError.unknownCase(caseId) }
            try app.database.extendDiscussion(
                roundId: round.id!, days: days, now: Date(), messageDomain: app.messageDomain)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a case's state, timeline and counts.")
        @OptionGroup var options: RootOptions
        @Argument(help: "The case id.") var caseId: Int64

        func run() throws {
            let app = try options.open()
            let overview = try app.database.caseOverview(caseId)
            let panelCase = overview.panelCase
            var lines = [
                "case \(panelCase.id!): \(panelCase.title)",
                "municipality: \(panelCase.municipalityId)   domain: \(panelCase.domain)   consent: \(panelCase.consentReference)",
            ]
            let versions = try app.database.caseVersions(caseId)
            if versions.count > 1 || versions.first?.returnedAt != nil || versions.first?.via == .mail {
                lines.append("versions:")
                for version in versions {
                    var line = "  \(version.version)  \(ISOTime.format(version.submittedAt))  via \(version.via.rawValue)"
                    if let from = version.fromAddress { line += " from \(from)" }
                    if let returned = version.returnedAt {
                        line += "\n     returned \(ISOTime.format(returned)): \(version.returnReason ?? "")"
                    }
                    lines.append(line)
                }
            }
            guard let round = overview.round else {
                if versions.last?.returnedAt != nil {
                    lines.append("state: returned (waiting for a new version from the municipality)")
                    print(lines.joined(separator: "\n"))
                    return
                }
                lines.append(
                    "state: \(panelCase.status.rawValue) (approve it with `tweedemening case approve \(panelCase.id!) --publish-at …`)"
                )
                print(lines.joined(separator: "\n"))
                return
            }
            lines.append("state: \(round.state.rawValue)" + (round.timelineName.map { "   timeline: \($0)" } ?? ""))
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
    static let all: [OutboxMessage.State] = [.pending, .queued, .deferred, .held, .sent, .failed]
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
            contexts = try app.database.previewContexts(
                caseId: caseId, defaults: app.configuration.timelineDefaults, now: Date())
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
