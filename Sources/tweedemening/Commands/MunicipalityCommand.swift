import ArgumentParser
import Foundation
import MailFormat
import PanelCore
import PanelMail
import PanelStore

struct MunicipalityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "municipality", abstract: "Manage municipalities.",
        subcommands: [Add.self, List.self, Margins.self, Secret.self, Staff.self])

    struct Secret: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a new secret a municipality puts in case mail (`Geheim: …`) when DKIM/SPF cannot vouch for it.",
            discussion: """
                Prints the secret once; only its SHA-256 is stored. Give it to the municipality by phone or in person,
                never by mail. A new secret replaces the old one; --clear removes it.
                """)
        @OptionGroup var options: RootOptions
        @Option(help: "The municipality's id.") var id: String
        @Flag(help: "Remove the secret: only DKIM/SPF then vouch for case mail.") var clear = false

        func run() throws {
            let app = try options.open()
            if clear {
                try app.database.setSubmissionSecretHash(nil, municipalityId: id)
                return
            }
            // 20 characters from an unambiguous alphabet: about 100 bits.
            let alphabet = Array("23456789abcdefghjkmnpqrstuvwxyz")
            var generator = SystemRandomNumberGenerator()
            let secret = String((0..<20).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
            try app.database.setSubmissionSecretHash(SubmissionSecret.hash(secret), municipalityId: id)
            print(secret)
        }
    }

    struct Staff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set the names of the municipality's staff, so no argument, question or answer shows them.",
            discussion: """
                Replaces the list: name every case officer who answers questions or writes follow-ups (--name once
                per person). Their names are masked as "[naam]" like a panelist's, written with or without
                diacritics, in any case. --clear removes the list.
                """)
        @OptionGroup var options: RootOptions
        @Option(help: "The municipality's id.") var id: String
        @Option(name: .customLong("name"), help: "A staff member's full name, e.g. \"Marleen Hoekstra\".") var names: [String] =
            []
        @Flag(help: "Remove every name.") var clear = false

        func validate() throws {
            guard clear != !names.isEmpty else {
                throw ValidationError("give --name once per staff member, or --clear to remove the list")
            }
            for name in names where name.trimmingCharacters(in: .whitespaces).isEmpty || name.count > 200 {
                throw ValidationError("--name `\(name)` must be 1 to 200 characters")
            }
        }

        func run() throws {
            let app = try options.open()
            try app.database.setStaffNames(clear ? [] : names, municipalityId: id)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a municipality.")
        @OptionGroup var options: RootOptions
        @Option(help: "Short id, lowercase letters, digits and dashes, e.g. utrecht.") var id: String
        @Option(help: "Name as shown in mail, e.g. \"Gemeente Utrecht\".") var name: String
        @Option(help: "Address that receives the verdict digest.") var email: String

        func validate() throws {
            guard id.range(of: #"^[a-z0-9][a-z0-9-]{0,39}$"#, options: .regularExpression) != nil else {
                throw ValidationError("--id `\(id)` must be lowercase letters, digits and dashes (at most 40), e.g. utrecht")
            }
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty, name.count <= 200 else {
                throw ValidationError("--name must be 1 to 200 characters")
            }
            guard EmailAddress.isPlausible(email) else {
                throw ValidationError("--email `\(email)` is not a valid e-mail address")
            }
        }

        func run() throws {
            let app = try options.open()
            try app.database.addMunicipality(
                id: id, name: name.trimmingCharacters(in: .whitespaces), email: email.lowercased())
        }
    }

    struct Margins: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Set the population margins the verdict is weighted to: CSV `variable,category,share` (age_band, gender, district)."
        )
        @OptionGroup var options: RootOptions
        @Option(help: "The municipality's id.") var id: String
        @Argument(help: "The CSV file; shares of each variable add up to 1.") var file: String

        func run() throws {
            let app = try options.open()
            guard let text = FileManager.default.contents(atPath: file).flatMap({ String(data: $0, encoding: .utf8) }) else {
                throw CLIError.data("cannot read \(file) as UTF-8 text")
            }
            var margins: [Margin] = []
            var problems: [String] = []
            for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() {
                let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                if index == 0 {
                    if fields != ["variable", "category", "share"] {
                        problems.append("line 1: the header must be `variable,category,share`")
                    }
                    continue
                }
                guard fields.count == 3, let share = Double(fields[2].replacingOccurrences(of: ",", with: ".")),
                    (0...1).contains(share)
                else {
                    problems.append("line \(index + 1): expected `variable,category,share` with a share from 0 to 1")
                    continue
                }
                guard Margin.variables.contains(fields[0]) else {
                    problems.append(
                        "line \(index + 1): unknown variable `\(fields[0])`; use \(Margin.variables.joined(separator: ", "))")
                    continue
                }
                margins.append(Margin(variable: fields[0], category: fields[1], share: share))
            }
            for variable in Set(margins.map(\.variable)).sorted() {
                let sum = margins.filter { $0.variable == variable }.reduce(0) { $0 + $1.share }
                if abs(sum - 1) > 0.01 { problems.append("the shares of `\(variable)` add up to \(sum), not 1") }
            }
            guard problems.isEmpty else {
                throw CLIError.data("nothing was stored; fix \(file):\n" + problems.map { "  \($0)" }.joined(separator: "\n"))
            }
            try app.database.setMargins(municipalityId: id, margins: margins)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List municipalities.")
        @OptionGroup var options: RootOptions

        func run() throws {
            for municipality in try options.open().database.municipalities() {
                print("\(municipality.id)\t\(municipality.name)\t\(municipality.email)")
            }
        }
    }
}

struct PanelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "panel", abstract: "Manage a municipality's panel.",
        subcommands: [
            Import.self, List.self, Invite.self, Questions.self, Volunteers.self, Select.self, Audit.self, Report.self,
            Export.self,
            Resume.self,
        ])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import panelists from CSV (header email,name,age_band,gender,district,education). All or nothing.")
        @OptionGroup var options: RootOptions
        @Option(help: "The municipality's id.") var municipality: String
        @Argument(help: "The CSV file.") var file: String

        func run() throws {
            let app = try options.open()
            guard let data = FileManager.default.contents(atPath: file) else { throw CLIError.data("cannot read \(file)") }
            guard let text = String(data: data, encoding: .utf8) else {
                throw CLIError.data("\(file) is not UTF-8; save it from your spreadsheet as \"CSV UTF-8\"")
            }
            let rows: [PanelistRow]
            do { rows = try PanelCSV.parse(text) } catch { throw CLIError.data("\(file): \(error.description)") }
            let result = try app.database.importPanel(municipalityId: municipality, rows: rows)
            print("imported \(rows.count) panelists into \(municipality): \(result.added) new, \(result.updated) updated")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a municipality's panelists.")
        @OptionGroup var options: RootOptions
        @Option(help: "The municipality's id.") var municipality: String

        func run() throws {
            for panelist in try options.open().database.panelists(municipalityId: municipality) {
                print(PanelCommand.listLine(panelist))
            }
        }
    }
}
