import ArgumentParser
import Foundation

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the database to FILE, safe while serve and tick run. Keep signing.key with it.")
    @OptionGroup var options: RootOptions
    @Argument(help: "Where to write the copy (must not exist).") var file: String

    func run() throws {
        guard !FileManager.default.fileExists(atPath: file) else {
            throw CLIError.usage("\(file) exists; choose a new file name")
        }
        let app = try options.open()
        do {
            try app.database.backup(to: file)
        } catch {
            try? FileManager.default.removeItem(atPath: file)
            throw CLIError.unavailable("cannot back up to \(file): \(error)")
        }
    }
}
