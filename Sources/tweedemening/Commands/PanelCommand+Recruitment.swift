import ArgumentParser
import Foundation
import PanelCore
import PanelStore

func readText(_ file: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: file) else { throw CLIError.data("cannot read \(file)") }
    guard let text = String(data: data, encoding: .utf8) else {
        throw CLIError.data("\(file) is not UTF-8; save it from your spreadsheet as \"CSV UTF-8\"")
    }
    return text
}

/// A quota file (`category,value,min,max`), every problem named with its line.
func readQuotas(_ file: String) throws -> [Quota] {
    do { return try Quota.parse(try readText(file)) } catch let error as PanelImportError {
        throw CLIError.data("\(file): \(error.description)")
    }
}

func parseSeed(_ text: String) throws -> UInt64 {
    guard let seed = UInt64(text) else { throw ValidationError("--seed must be a whole number from 0 to 18446744073709551615") }
    return seed
}

extension PanelCommand {
    struct Invite: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw a reproducible sample from a register extract and write invitation codes for a postal mail merge.",
            discussion: """
                The extract is CSV with an `id` column (the municipality's own row reference), optionally `household`,
                and any columns the letter needs (name, address): those pass through to the output and are never stored.
                At most one person per household. The same seed and extract give the same people and codes.
                Only the codes (and the id and household) are stored, so a mailed code can be matched when someone joins.
                """)
        @OptionGroup var options: RootOptions
        @Option(help: "The municipality's id.") var municipality: String
        @Option(help: "The register extract (CSV).") var register: String
        @Option(help: "How many residents to invite.") var count: Int
        @Option(help: "The seed of the draw; write it down to repeat it.") var seed: String
        @Option(help: "Write the mail-merge CSV here (default: standard output).") var out: String?

        func run() throws {
            let app = try options.open()
            let seed = try parseSeed(seed)
            let extract: RegisterExtract
            do { extract = try RegisterExtract.parse(try readText(register)) } catch let error as PanelImportError {
                throw CLIError.data("\(register): \(error.description)")
            }
            let sample: RegisterSample
            do { sample = try RegisterSample.draw(count: count, from: extract, seed: seed) } catch {
                throw CLIError.data(error.description)
            }
            let stored = try app.database.recordInvitations(
                municipalityId: municipality, sample: sample, seed: seed, now: Date())
            warn(
                "drew \(sample.invitations.count) of \(extract.rows.count) residents (\(extract.householdCount) households) with seed \(seed); \(stored) new codes stored"
            )
            let csv = sample.csv()
            if let out {
                try csv.write(toFile: out, atomically: true, encoding: .utf8)
            } else {
                print(csv, terminator: "")
            }
        }
    }

    struct Questions: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show, or set from CSV `category,value`, the background questions a joining resident answers.",
            discussion: "Categories: age_band, gender, district, education. Without a file, prints the questions in force.")
        @OptionGroup var options: RootOptions
        @Option(help: "The municipality's id.") var municipality: String
        @Argument(help: "CSV with header category,value; one row per answer, in the order shown.") var file: String?

        func run() throws {
            let app = try options.open()
            if let file {
                var rows: [(category: String, value: String)] = []
                var problems: [String] = []
                for (index, line) in try readText(file).split(whereSeparator: \.isNewline).enumerated() {
                    let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
                        $0.trimmingCharacters(in: .whitespaces)
                    }
                    if index == 0 {
                        if fields != ["category", "value"] { problems.append("line 1: the header must be `category,value`") }
                        continue
                    }
                    guard fields.count == 2, BackgroundQuestion.panelCategories.contains(fields[0]), !fields[1].isEmpty,
                        !fields[1].contains(":"), fields[1].count <= 60
                    else {
                        problems.append(
                            "line \(index + 1): expected a category (\(BackgroundQuestion.panelCategories.joined(separator: ", "))) and a value of 1-60 characters without `:`"
                        )
                        continue
                    }
                    rows.append((fields[0], fields[1]))
                }
                guard problems.isEmpty else {
                    throw CLIError.data("nothing was changed; fix \(file):\n  " + problems.joined(separator: "\n  "))
                }
                do { try app.database.setBackgroundQuestions(municipalityId: municipality, options: rows) } catch let error
                    as StoreError
                { throw CLIError.data(error.description) }
            }
            for question in try app.database.backgroundQuestions(municipalityId: municipality) {
                print("\(question.category): \(question.text)\n  " + question.options.joined(separator: " | "))
            }
        }
    }

    struct Volunteers: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the residents who joined, with their answers.",
            discussion: """
                One line each: id, status, e-mail and the answers as key=value, tab-separated. A value that is empty \
                or holds a space, = " or \\ is in double quotes (district="Oud Zuid"). --json writes an array of objects.
                """)
        @OptionGroup var options: RootOptions
        @Option(help: "The municipality's id.") var municipality: String
        @Flag(help: "Write JSON: [{\"id\", \"status\", \"email\", \"answers\": {category: value}}].") var json = false

        func run() throws {
            let volunteers = try options.open().database.volunteers(municipalityId: municipality)
            if json {
                let objects: [[String: Any]] = volunteers.map {
                    ["id": $0.id!, "status": $0.status.rawValue, "email": $0.email, "answers": $0.answerValues]
                }
                let data = try JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])
                print(String(decoding: data, as: UTF8.self))
                return
            }
            for volunteer in volunteers {
                let answers = volunteer.answerValues.sorted { $0.key < $1.key }.map {
                    "\(ListingValue.quoted($0.key))=\(ListingValue.quoted($0.value))"
                }
                print("\(volunteer.id!)\t\(volunteer.status.rawValue)\t\(volunteer.email)\t\(answers.joined(separator: " "))")
            }
        }
    }

    struct Select: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Select the panel from confirmed volunteers: quotas always met, fair, reproducible for a seed.",
            discussion: """
                Quotas: CSV `category,value,min,max`. At most one person per household. The lottery is LEXIMIN-fair
                (Flanigan et al. 2021): prints the exact selection probability summary of that lottery (min, median,
                max, Gini), the panel drawn from it with the seed, and the quota counts.
                --top-up fills the panel back to --size around the current panelists (those whose term ended leave first).
                """)
        @OptionGroup var options: RootOptions
        @Option(help: "The municipality's id.") var municipality: String
        @Option(help: "The panel size.") var size: Int
        @Option(help: "The quotas (CSV category,value,min,max).") var quotas: String
        @Option(help: "The seed; write it down to repeat the selection.") var seed: String
        @Option(help: "Ignored, kept for old scripts: the probabilities are now exact, not estimated from replicas.")
        var replicas: Int = 1000
        @Option(name: .customLong("term-months"), help: "Each new panelist's term.") var termMonths: Int = 12
        @Flag(name: .customLong("top-up"), help: "Keep the current panel and add members until it has --size.") var topUp = false
        @Flag(name: .customLong("dry-run"), help: "Only print the selection; change nothing.") var dryRun = false
        @Option(help: "Also write every volunteer's selection probability to this CSV.") var probabilities: String?

        func validate() throws {
            guard size > 0 else { throw ValidationError("--size must be at least 1") }
            guard (10...100_000).contains(replicas) else { throw ValidationError("--replicas must be 10 to 100000") }
            _ = try parseSeed(seed)
        }

        func run() throws {
            let app = try options.open()
            let seed = try parseSeed(seed)
            let quotaList = try readQuotas(quotas)
            let now = Date()
            if topUp, !dryRun { _ = try app.database.endTerms(municipalityId: municipality, now: now) }
            let pool = try app.database.volunteers(municipalityId: municipality, status: .confirmed).map {
                Volunteer(id: $0.id!, household: $0.household, features: $0.answerValues)
            }
            let settings = SelectionSettings.standard
            let selection: PanelSelection
            do {
                if topUp {
                    let current = try app.database.panelists(municipalityId: municipality).filter { $0.isReachable(at: now) }
                    let panel = current.map { panelist in
                        Volunteer(
                            id: -panelist.id!, household: panelist.household,
                            features: Dictionary(
                                uniqueKeysWithValues: BackgroundQuestion.panelCategories.compactMap { category in
                                    panelist.value(of: category).map { (category, $0) }
                                }))
                    }
                    guard size > panel.count else {
                        print("the panel has \(panel.count) members, not fewer than --size \(size): nothing to add")
                        return
                    }
                    selection = try PanelSelection.topUp(
                        adding: size - panel.count, to: panel, from: pool, quotas: quotaList, seed: seed, settings: settings)
                } else {
                    selection = try PanelSelection.select(
                        size: size, from: pool, quotas: quotaList, seed: seed, settings: settings)
                }
            } catch {
                throw CLIError.data("no panel selected: \(error)")
            }
            print("selected \(selection.selected.count) of \(pool.count) confirmed volunteers (seed \(seed))")
            print(
                "selection probabilities (exact, LEXIMIN lottery over \(selection.panelsInLottery) panels, "
                    + "panel \(selection.drawnPanel) drawn): \(selection.fairness)")
            for count in selection.quotaCounts {
                print(
                    "  \(count.quota.category)=\(count.quota.value): \(count.selected) (min \(count.quota.minimum), max \(count.quota.maximum))\(count.isMet ? "" : "  NOT MET")"
                )
            }
            if let probabilities {
                var lines = ["volunteer,probability"]
                lines += selection.probabilities.map { "\($0.id),\(String(format: "%.6f", $0.probability))" }
                try (lines.joined(separator: "\n") + "\n").write(toFile: probabilities, atomically: true, encoding: .utf8)
            }
            guard !dryRun else { return }
            let term = Calendar(identifier: .gregorian).date(byAdding: .month, value: termMonths, to: now)
            let admitted = try app.database.admitVolunteers(selection.selected, termEndsAt: term, now: now)
            print("\(admitted) volunteers are now panelists of \(municipality)")
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The panel's composition against the population margins (and quotas, if given).")
        @OptionGroup var options: RootOptions
        @Option(help: "The municipality's id.") var municipality: String
        @Option(help: "Quotas to check (CSV category,value,min,max).") var quotas: String?

        func run() throws {
            let app = try options.open()
            let now = Date()
            let panelists = try app.database.panelists(municipalityId: municipality)
            let active = panelists.filter { $0.status == .active && $0.erasedAt == nil }
            let paused = active.filter { ($0.pausedUntil ?? .distantPast) > now }.count
            let suspended = active.filter { $0.suspendedAt != nil }.count
            let volunteers = try app.database.volunteers(municipalityId: municipality)
            print(
                "panel of \(municipality): \(active.count) members (\(paused) paused, \(suspended) suspended); \(panelists.count - active.count) left"
            )
            print(
                "volunteers: \(volunteers.count) joined, \(volunteers.filter { $0.status == .confirmed }.count) confirmed and not selected, \(volunteers.filter { $0.status == .pending }.count) not confirmed"
            )
            let quotaList = try quotas.map(readQuotas) ?? []
            print("")
            print("category      value              panel   share  population  difference  quota")
            var broken = 0
            for row in try app.database.composition(municipalityId: municipality, now: now) {
                let population = row.populationShare.map { String(format: "%5.1f%%", $0 * 100) } ?? "     -"
                let difference = row.populationShare.map { String(format: "%+5.1f", (row.panelShare - $0) * 100) } ?? "    -"
                var quotaText = ""
                if let quota = quotaList.first(where: { $0.category == row.category && $0.value == row.value }) {
                    let met = (quota.minimum...quota.maximum).contains(row.panel)
                    if !met { broken += 1 }
                    quotaText = "\(quota.minimum)-\(quota.maximum)\(met ? "" : " NOT MET")"
                }
                print(
                    row.category.padding(toLength: 13, withPad: " ", startingAt: 0) + " "
                        + row.value.padding(toLength: 18, withPad: " ", startingAt: 0) + " "
                        + String(format: "%5d  %5.1f%%", row.panel, row.panelShare * 100)
                        + "      \(population)       \(difference)  \(quotaText)")
            }
            if broken > 0 { throw CLIError.data("\(broken) quota(s) not met; `panel select --top-up` can repair the panel") }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Export the panel as CSV (for the municipality's records).")
        @OptionGroup var options: RootOptions
        @Option(help: "The municipality's id.") var municipality: String
        @Option(help: "Only csv for now.") var format: String = "csv"

        func validate() throws {
            guard format == "csv" else { throw ValidationError("--format must be csv") }
        }

        func run() throws {
            let app = try options.open()
            let field = CSVField.quoted
            var lines = ["id,email,name,age_band,gender,district,education,status,term_ends,paused_until,suspended"]
            for panelist in try app.database.panelists(municipalityId: municipality) where panelist.erasedAt == nil {
                lines.append(
                    [
                        String(panelist.id!), field(panelist.email), field(panelist.name ?? ""), field(panelist.ageBand ?? ""),
                        field(panelist.gender ?? ""), field(panelist.district ?? ""), field(panelist.education ?? ""),
                        panelist.status.rawValue, panelist.termEndsAt.map { ISOTime.format($0) } ?? "",
                        panelist.pausedUntil.map { ISOTime.format($0) } ?? "", field(panelist.suspendReason ?? ""),
                    ].joined(separator: ","))
            }
            print(lines.joined(separator: "\r\n"), terminator: "\r\n")
        }
    }
}

struct PanelistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "panelist", abstract: "One person's data: export it, or erase it.",
        subcommands: [ExportData.self, Erase.self])

    /// Which person a command is about.
    struct Selection: ParsableArguments {
        @Option(help: "The panelist's address.") var email: String
        @Option(help: "The municipality, when the address is on several panels.") var municipality: String?

        func find(_ app: App) throws -> Panelist { try PanelistCommand.find(app, email: email, municipality: municipality) }
    }

    static func find(_ app: App, email: String, municipality: String?) throws -> Panelist {
        let matches = try app.database.panelists(email: email).filter { municipality == nil || $0.municipalityId == municipality }
        guard let first = matches.first else { throw CLIError.data("no panelist with address \(email)") }
        guard matches.count == 1 else {
            throw CLIError.usage(
                "\(email) is on the panels of \(matches.map(\.municipalityId).joined(separator: ", ")); add --municipality")
        }
        return first
    }

    struct ExportData: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Print everything stored about a panelist as JSON (a data access request).")
        @OptionGroup var options: RootOptions
        @OptionGroup var person: Selection

        func run() throws {
            let app = try options.open()
            let panelist = try person.find(app)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            FileHandle.standardOutput.write(
                try encoder.encode(try app.database.personalData(panelistId: panelist.id!)) + Data("\n".utf8))
        }
    }

    struct Erase: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase a panelist: address, name, background and raw mail go; votes stay counted, anonymously.")
        @OptionGroup var options: RootOptions
        @OptionGroup var person: Selection

        func run() throws {
            let app = try options.open()
            let panelist = try person.find(app)
            for name in try app.database.erase(panelistId: panelist.id!, now: Date()) {
                try app.spool.purge(name)
                app.spool.remove(.dead, name: name)
            }
            warn("panelist \(panelist.id!) erased")
        }
    }
}
