import ArgumentParser
import Foundation
import Logging
import PanelCore
import PanelStore

/// The entry point: parse, bootstrap logging, run; map failures to sysexits codes with a readable line.
@main
enum Main {
    static func main() async {
        // The database holds raw panel mail: nothing we create is for other users of the machine.
        umask(0o027)
        do {
            var command = try Tweedemening.parseAsRoot()
            bootstrapLogging(for: command)
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let error as CLIError {
            FileHandle.standardError.write(Data("tweedemening: \(error.description)\n".utf8))
            exit(error.exitCode)
        } catch let error as StoreError {
            // A refusal of the store (an unknown case, a closed vote) is the input's fault: its description says what
            // to do. One place for it, instead of a catch in every command.
            FileHandle.standardError.write(Data("tweedemening: \(error.description)\n".utf8))
            exit(CLIError.data(error.description).exitCode)
        } catch {
            Tweedemening.exit(withError: error)
        }
    }

    /// Quiet by default (cron mails any output); `serve` logs at info. TWEEDEMENING_LOG_LEVEL overrides.
    static func bootstrapLogging(for command: ParsableCommand) {
        let fallback: Logger.Level = command is ServeCommand ? .info : .warning
        let level =
            ProcessInfo.processInfo.environment["TWEEDEMENING_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? fallback
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}

struct Tweedemening: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tweedemening",
        abstract: "De Tweede Mening: put a municipality's contested decision before a panel of residents, by email.",
        subcommands: [
            InitCommand.self, MunicipalityCommand.self, PanelCommand.self, PanelistCommand.self, CaseCommand.self,
            TickCommand.self,
            ServeCommand.self, QueueCommand.self, InboundCommand.self, QuestionCommand.self, ReportCommand.self, KeysCommand.self,
            BackupCommand.self, AuditCommand.self, ScanCommand.self,
        ])

    /// `--root DIR` is global: `tweedemening --root DIR tick` works as well as `tweedemening tick --root DIR`.
    /// Argument-parser reads this command's options wherever they stand in the arguments (before or after the
    /// subcommand's name), and hands an option group it decoded here to every subcommand that declares the same type
    /// (`@OptionGroup var options: RootOptions`): the subcommand reads this value, whichever side `--root` was on.
    /// (The commands without a root — `scan`, `inbound parse`, `inbound trim` — accept `--root` and ignore it.)
    @OptionGroup var options: RootOptions
}

/// `--root DIR`, shared by every command.
struct RootOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("Folder with tweedemening.toml, the database and Queue/ (env TWEEDEMENING_ROOT).", valueName: "DIR"))
    var root: String?

    var url: URL {
        let path = root ?? ProcessInfo.processInfo.environment["TWEEDEMENING_ROOT"] ?? FileManager.default.currentDirectoryPath
        return URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
    }

    func open() throws -> App {
        try App.open(root: url, logger: Logger(label: "tweedemening"))
    }
}

func parseTime(_ text: String, option: String) throws -> Date {
    guard let date = ISOTimeParse.parse(text) else {
        throw ValidationError("\(option) `\(text)` is not an ISO 8601 time with offset, e.g. 2026-12-01T09:00:00+01:00")
    }
    return date
}

enum ISOTimeParse {
    static func parse(_ text: String) -> Date? {
        guard text.contains("T"), text.hasSuffix("Z") || text.range(of: #"[+-]\d\d:?\d\d$"#, options: .regularExpression) != nil
        else { return nil }
        return ISOTime.parse(text)
    }
}
